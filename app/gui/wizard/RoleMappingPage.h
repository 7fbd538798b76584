#pragma once

#include <QWizardPage>

#include <memory>

class QLabel;

namespace workos {
class CompanionClient;
}

namespace workos::gui {

class OnboardingWizard;
class RoleMapEditor;

// Step 6: which WordPress role each WorkOS role gives — the Settings page's editor, with the
// organization's WorkOS roles and a preview of whose role would change among its members on the
// site. Read with the credentials of step 1 (nothing stored yet); written at Apply.
class RoleMappingPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit RoleMappingPage(OnboardingWizard *wizard);

    void initializePage() override;
    bool validatePage() override;
    bool isComplete() const override { return !m_loading; }

private:
    void loadPeople(const QString &organizationId);
    void loadWorkOSRoles(const QString &organizationId);

    OnboardingWizard *m_wizard;
    RoleMapEditor *m_editor;
    QLabel *m_problem;
    std::shared_ptr<CompanionClient> m_client;
    QString m_loadedFor; // "site|environment|organization" the editor shows
    bool m_loading = false;
};

} // namespace workos::gui

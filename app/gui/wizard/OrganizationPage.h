#pragma once

#include <QWizardPage>

class QLineEdit;
class QListWidget;
class QRadioButton;

namespace workos::gui {

class OnboardingWizard;

// Step 4: the WorkOS organization whose members sign in to the site — one WorkOS has, or a new
// one (created in WorkOS only when the setup is applied).
class OrganizationPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit OrganizationPage(OnboardingWizard *wizard);

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

private:
    OnboardingWizard *m_wizard;
    QRadioButton *m_existing;
    QRadioButton *m_create;
    QListWidget *m_list;
    QLineEdit *m_filter;
    QLineEdit *m_name;
    QLineEdit *m_domains;
};

} // namespace workos::gui

#pragma once

#include <QWizardPage>

class QLabel;
class QPushButton;

namespace workos::gui {

class OnboardingWizard;

// The end: what was set up, then the proof — the console's diagnostics of the new site, the
// signed webhook echo among them — and the optional guided import of the organization's users
// (the Users page's dry run → run with progress, cancel and resume).
class DonePage : public QWizardPage
{
    Q_OBJECT
public:
    explicit DonePage(OnboardingWizard *wizard);

    void initializePage() override;
    bool isComplete() const override { return !m_checking; }
    bool isChecking() const { return m_checking; }

private:
    void importUsers();

    OnboardingWizard *m_wizard;
    QLabel *m_result;
    QLabel *m_checks;
    QPushButton *m_import;
    bool m_checking = false;
};

} // namespace workos::gui

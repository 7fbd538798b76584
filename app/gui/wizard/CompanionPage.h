#pragma once

#include <QWizardPage>

class QButtonGroup;
class QLabel;

namespace workos::gui {

class OnboardingWizard;

// Step 2: what was found on the site — companion, WordPress, PHP, multisite — and which WorkOS
// environment to set up (the site's active one unless the admin picks the other).
class CompanionPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit CompanionPage(OnboardingWizard *wizard);

    void initializePage() override;
    bool validatePage() override;

private:
    OnboardingWizard *m_wizard;
    QLabel *m_found;
    QLabel *m_warning;
    QButtonGroup *m_environment;
};

} // namespace workos::gui

#pragma once

#include <QWizardPage>

class QLabel;
class QLineEdit;

namespace workos::gui {

class OnboardingWizard;

// Step 5: WorkOS's webhooks to the site — the endpoint URL to paste into the WorkOS dashboard,
// and the signing secret WorkOS shows there, for the site and the console's echo test.
class WebhookPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit WebhookPage(OnboardingWizard *wizard);

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

private:
    OnboardingWizard *m_wizard;
    QLineEdit *m_url;
    QLineEdit *m_secret;
    QLabel *m_current;
    QLabel *m_problem;
};

} // namespace workos::gui

#pragma once

#include <QWizardPage>

class QCheckBox;
class QComboBox;
class QLabel;

namespace workos::gui {

class OnboardingWizard;

// Step 7: how people sign in — WorkOS's hosted page or WordPress's form checked by WorkOS — and
// whether WordPress passwords stay as the break-glass way in.
class SignInPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit SignInPage(OnboardingWizard *wizard);

    void initializePage() override;
    bool validatePage() override;

private:
    void updateWarning();

    OnboardingWizard *m_wizard;
    QComboBox *m_mode;
    QCheckBox *m_fallback;
    QLabel *m_warning;
    bool m_initialised = false;
};

} // namespace workos::gui

#pragma once

#include <QWizardPage>

class QLabel;

namespace workos::gui {

class OnboardingWizard;

// The end: what was set up, then the proof — the console's diagnostics of the new site, the
// signed webhook echo among them.
class DonePage : public QWizardPage
{
    Q_OBJECT
public:
    explicit DonePage(OnboardingWizard *wizard);

    void initializePage() override;
    bool isComplete() const override { return !m_checking; }
    bool isChecking() const { return m_checking; }

private:
    OnboardingWizard *m_wizard;
    QLabel *m_result;
    QLabel *m_checks;
    bool m_checking = false;
};

} // namespace workos::gui

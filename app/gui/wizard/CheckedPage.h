#pragma once

#include <QWizardPage>

class QLabel;

namespace workos::gui {

class OnboardingWizard;

// A wizard page whose Next first runs a check over the network (the site answers, WorkOS takes
// the key). Next starts the check; the page moves on by itself when it passes, shows the
// reason when it does not, and any edit makes the check run again. The GUI never waits.
class CheckedPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit CheckedPage(OnboardingWizard *wizard);

    bool validatePage() override;
    bool isComplete() const override;
    bool isChecking() const { return m_checking; }
    // Connected to every field's change: a changed field is checked again.
    void invalidate();

protected:
    // Starts the check; call passed() or failed() when it is over.
    virtual void check() = 0;
    // Whether the fields are filled enough to try (Next enabled).
    virtual bool filled() const { return true; }

    void passed(const QString &text = QString());
    void failed(const QString &message);
    void showStatus(const QString &text);

    OnboardingWizard *m_wizard;
    QLabel *m_status;

private:
    bool m_checking = false;
    bool m_passed = false;
};

} // namespace workos::gui

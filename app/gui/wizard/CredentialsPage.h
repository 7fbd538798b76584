#pragma once

#include "wizard/CheckedPage.h"

class QLineEdit;

namespace workos::gui {

// Step 3: the environment's WorkOS credentials. Next asks WorkOS: the API key must list the
// organizations, the client ID must be known. Values a wp-config.php constant decides on the
// site are shown read-only; the console still needs the API key for its own calls.
class CredentialsPage : public CheckedPage
{
    Q_OBJECT
public:
    explicit CredentialsPage(OnboardingWizard *wizard);

    void initializePage() override;

protected:
    void check() override;
    bool filled() const override;

private:
    QLineEdit *m_apiKey;
    QLineEdit *m_clientId;
    QLineEdit *m_environmentId;
};

} // namespace workos::gui

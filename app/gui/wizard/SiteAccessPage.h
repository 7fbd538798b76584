#pragma once

#include "wizard/CheckedPage.h"

class QLineEdit;
class QPushButton;

namespace workos {
class AuthorizeApplication;
}

namespace workos::gui {

// Step 1: the site's address and an Application Password — typed, or handed over by WordPress's
// "Authorize Application" page in the browser. Next checks that the site answers with the
// companion for these credentials.
class SiteAccessPage : public CheckedPage
{
    Q_OBJECT
public:
    explicit SiteAccessPage(OnboardingWizard *wizard);

    void initializePage() override;

protected:
    void check() override;
    bool filled() const override;

private:
    void authorizeInBrowser();
    QString suggestedName() const;

    QLineEdit *m_url;
    QLineEdit *m_name;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QPushButton *m_authorize;
    AuthorizeApplication *m_authorization;
    bool m_nameEdited = false;
};

} // namespace workos::gui

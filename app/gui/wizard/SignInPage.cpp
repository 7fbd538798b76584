#include "wizard/SignInPage.h"

#include "wizard/OnboardingWizard.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QJsonObject>
#include <QLabel>
#include <QVBoxLayout>

namespace workos::gui {

SignInPage::SignInPage(OnboardingWizard *wizard)
    : QWizardPage(wizard), m_wizard(wizard), m_mode(new QComboBox(this)),
      m_fallback(new QCheckBox(tr("Allow &WordPress passwords as a fallback (break-glass)"), this)), m_warning(new QLabel(this))
{
    setObjectName(QStringLiteral("signInPage"));
    setTitle(tr("Sign-in"));
    setSubTitle(tr("Choose how people sign in to the site once WorkOS is on."));
    m_mode->setObjectName(QStringLiteral("loginMode"));
    m_mode->addItem(tr("WorkOS's hosted sign-in page (AuthKit): SSO, MFA, passwordless"), QStringLiteral("redirect"));
    m_mode->addItem(tr("WordPress's sign-in form, passwords checked by WorkOS (headless)"), QStringLiteral("headless"));
    m_fallback->setObjectName(QStringLiteral("passwordFallback"));
    m_fallback->setToolTip(tr("wp-login.php?fallback=1 keeps WordPress's own password sign-in available."));
    m_warning->setObjectName(QStringLiteral("breakGlassWarning"));
    m_warning->setWordWrap(true);
    m_warning->setStyleSheet(QStringLiteral("QLabel { color: #8a5300; font-weight: bold; }"));
    m_warning->setText(tr("Sign-in is forced through WorkOS with no fallback: if WorkOS is unreachable or misconfigured, "
                          "nobody — administrators included — can sign in with a WordPress password. Keep the fallback "
                          "on until you have signed in through WorkOS at least once."));
    auto *form = new QFormLayout;
    form->addRow(tr("Sign-in &mode:"), m_mode);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_fallback);
    layout->addWidget(m_warning);
    layout->addStretch(1);
    connect(m_mode, &QComboBox::currentIndexChanged, this, &SignInPage::updateWarning);
    connect(m_fallback, &QCheckBox::toggled, this, &SignInPage::updateWarning);
}

void SignInPage::initializePage()
{
    if (m_initialised)
        return; // Back and Next again keeps the admin's choice
    m_initialised = true;
    const QJsonObject settings = m_wizard->siteStatus().raw.value(u"environments").toObject().value(m_wizard->plan().site.environment)
                                     .toObject().value(u"settings").toObject();
    const QString mode = settings.value(u"login_mode").toObject().value(u"value").toString();
    m_mode->setCurrentIndex(mode == u"headless" ? 1 : 0);
    const QJsonValue fallback = settings.value(u"allow_password_fallback").toObject().value(u"value");
    m_fallback->setChecked(fallback.isBool() ? fallback.toBool() : true);
    const QStringList locked = m_wizard->plan().lockedSettings;
    m_mode->setEnabled(!locked.contains(QStringLiteral("login_mode")));
    m_fallback->setEnabled(!locked.contains(QStringLiteral("allow_password_fallback")));
    updateWarning();
}

void SignInPage::updateWarning()
{
    m_warning->setVisible(m_mode->currentData().toString() == u"redirect" && !m_fallback->isChecked());
}

bool SignInPage::validatePage()
{
    OnboardingPlan &plan = m_wizard->plan();
    plan.loginMode = m_mode->currentData().toString();
    plan.passwordFallback = m_fallback->isChecked();
    return true;
}

} // namespace workos::gui

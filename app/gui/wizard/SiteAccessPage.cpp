#include "wizard/SiteAccessPage.h"

#include "onboarding/AuthorizeApplication.h"
#include "profiles/ProfileStore.h"
#include "wizard/OnboardingWizard.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace workos::gui {

SiteAccessPage::SiteAccessPage(OnboardingWizard *wizard)
    : CheckedPage(wizard), m_url(new QLineEdit(this)), m_name(new QLineEdit(this)), m_user(new QLineEdit(this)),
      m_password(new QLineEdit(this)), m_authorize(new QPushButton(tr("&Authorize in the browser…"), this)),
      m_authorization(new AuthorizeApplication(wizard->context().http, this))
{
    setObjectName(QStringLiteral("siteAccessPage"));
    setTitle(tr("Your WordPress site"));
    setSubTitle(tr("The console works through the WorkOS Companion plugin on the site, as a WordPress administrator "
                   "with an Application Password. The password is kept in your keychain, nowhere else."));
    m_url->setObjectName(QStringLiteral("siteUrl"));
    m_url->setPlaceholderText(QStringLiteral("https://intranet.example.com"));
    m_name->setObjectName(QStringLiteral("siteName"));
    m_name->setPlaceholderText(tr("a short name, e.g. intranet"));
    m_name->setMaxLength(64);
    m_user->setObjectName(QStringLiteral("siteUser"));
    m_user->setPlaceholderText(tr("WordPress user name"));
    m_password->setObjectName(QStringLiteral("appPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(QStringLiteral("abcd efgh ijkl mnop qrst uvwx"));
    m_authorize->setObjectName(QStringLiteral("authorizeButton"));
    m_authorize->setToolTip(tr("Open WordPress's “Authorize Application” page, approve there, and the password comes back here."));

    auto *form = new QFormLayout;
    form->addRow(tr("Site &address:"), m_url);
    form->addRow(tr("&Name in the console:"), m_name);
    form->addRow(tr("WordPress &user:"), m_user);
    form->addRow(tr("Application &Password:"), m_password);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_authorize, 0, Qt::AlignLeft);
    auto *hint = new QLabel(tr("No password yet? Create one under Users → Profile → Application Passwords on the site, "
                               "or use “Authorize in the browser”."), this);
    hint->setWordWrap(true);
    layout->addWidget(hint);
    layout->addStretch(1);
    layout->addWidget(m_status);

    connect(m_url, &QLineEdit::textChanged, this, [this]() {
        if (!m_nameEdited)
            m_name->setText(suggestedName());
        invalidate();
    });
    connect(m_name, &QLineEdit::textEdited, this, [this]() { m_nameEdited = true; });
    for (QLineEdit *field : {m_name, m_user, m_password})
        connect(field, &QLineEdit::textChanged, this, &CheckedPage::invalidate);
    connect(m_authorize, &QPushButton::clicked, this, &SiteAccessPage::authorizeInBrowser);
    connect(m_authorization, &AuthorizeApplication::authorized, this,
            [this](const QString &user, const QString &password, const QUrl &) {
                m_user->setText(user);
                m_password->setText(password);
                showStatus(tr("WordPress handed over an Application Password for “%1”.").arg(user));
                m_wizard->raise();
                m_wizard->activateWindow();
            });
    connect(m_authorization, &AuthorizeApplication::rejected, this,
            [this]() { failed(tr("The connection was declined on the site.")); });
}

void SiteAccessPage::initializePage()
{
    m_url->setFocus();
}

QString SiteAccessPage::suggestedName() const
{
    QString host = QUrl::fromUserInput(m_url->text().trimmed()).host().toLower();
    host.remove(QRegularExpression(QStringLiteral("^www\\.")));
    host = host.section(QLatin1Char('.'), 0, 0);
    host.replace(QRegularExpression(QStringLiteral("[^a-z0-9._-]")), QStringLiteral("-"));
    return host.left(64);
}

bool SiteAccessPage::filled() const
{
    return !m_url->text().trimmed().isEmpty() && !m_name->text().trimmed().isEmpty() && !m_user->text().trimmed().isEmpty()
           && !m_password->text().trimmed().isEmpty();
}

void SiteAccessPage::check()
{
    const QString name = m_name->text().trimmed();
    if (!ProfileStore::isValidName(name))
        return failed(tr("“%1” is not a valid name: use letters, digits, '.', '_' or '-' (at most 64).").arg(name));
    if (m_wizard->context().profiles.site(name))
        return failed(tr("The console has a site named “%1” already: choose another name.").arg(name));
    const QString typed = m_url->text().trimmed();
    const QUrl url = typed.contains(QStringLiteral("://")) ? QUrl(typed) : QUrl(QStringLiteral("https://") + typed);
    m_wizard->onboarding().probeSite(url, m_user->text(), m_password->text(), [this, name, url](const Result<SiteStatus> &status) {
        if (!status)
            return failed(status.error().message);
        OnboardingPlan &plan = m_wizard->plan();
        plan.site.name = name;
        plan.site.url = url;
        plan.site.username = m_user->text().trimmed();
        plan.appPassword = m_password->text().trimmed();
        m_wizard->setSiteStatus(status.value());
        passed(tr("Found WorkOS Companion %1.").arg(status->pluginVersion));
    });
}

void SiteAccessPage::authorizeInBrowser()
{
    const QString typed = m_url->text().trimmed();
    if (typed.isEmpty())
        return failed(tr("Enter the site's address first."));
    const QUrl url = typed.contains(QStringLiteral("://")) ? QUrl(typed) : QUrl(QStringLiteral("https://") + typed);
    m_authorize->setEnabled(false);
    showStatus(tr("Asking the site for its authorization page…"));
    m_authorization->discover(url, [this, url](const Result<QUrl> &page) {
        m_authorize->setEnabled(true);
        if (!page)
            return failed(page.error().message);
        const bool loopback = AuthorizeApplication::likelyLocal(url);
        const Result<QUrl> open = m_authorization->start(page.value(), tr("WorkOS Console"), loopback);
        if (!open)
            return failed(open.error().message);
        if (!m_wizard->openUrl(open.value()))
            return failed(tr("Could not open a browser. Open this address yourself:\n%1").arg(open->toString()));
        showStatus(loopback ? tr("Approve the connection in your browser; the password comes back here by itself.")
                            : tr("Approve the connection in your browser, then copy the new password WordPress shows into the field above."));
    });
}

} // namespace workos::gui

#include "wizard/WebhookPage.h"

#include "site/SettingRules.h"
#include "wizard/OnboardingWizard.h"

#include <QApplication>
#include <QClipboard>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace workos::gui {

WebhookPage::WebhookPage(OnboardingWizard *wizard)
    : QWizardPage(wizard), m_wizard(wizard), m_url(new QLineEdit(this)), m_secret(new QLineEdit(this)),
      m_current(new QLabel(this)), m_problem(new QLabel(this))
{
    setObjectName(QStringLiteral("webhookPage"));
    setTitle(tr("Webhooks"));
    setSubTitle(tr("WorkOS tells the site about directory and user changes through webhooks. In the WorkOS dashboard, "
                   "under Webhooks, add an endpoint with this URL, then paste the signing secret it shows here."));
    m_url->setObjectName(QStringLiteral("webhookUrl"));
    m_url->setReadOnly(true);
    m_url->setAccessibleName(tr("Webhook endpoint URL"));
    auto *copy = new QPushButton(tr("&Copy"), this);
    copy->setObjectName(QStringLiteral("copyWebhookUrl"));
    copy->setAccessibleName(tr("Copy the webhook URL"));
    connect(copy, &QPushButton::clicked, this, [this]() {
        QApplication::clipboard()->setText(m_url->text());
        m_current->setText(tr("Copied."));
    });
    m_secret->setObjectName(QStringLiteral("webhookSecret"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setPlaceholderText(QStringLiteral("whsec_…"));
    m_current->setObjectName(QStringLiteral("webhookCurrent"));
    m_current->setWordWrap(true);
    m_problem->setObjectName(QStringLiteral("webhookProblem"));
    m_problem->setStyleSheet(QStringLiteral("QLabel { color: #b3261e; }"));
    m_problem->setWordWrap(true);

    auto *urlRow = new QHBoxLayout;
    urlRow->addWidget(m_url, 1);
    urlRow->addWidget(copy);
    auto *form = new QFormLayout;
    form->addRow(tr("Endpoint &URL:"), urlRow);
    form->addRow(tr("Signing &secret:"), m_secret);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_current);
    auto *events = new QLabel(tr("Events the site handles: user.*, organization_membership.*, organization.*, dsync.* "
                                 "(directory sync), connection.*. After the setup, the console sends a signed test event "
                                 "and shows whether the site verified it."), this);
    events->setWordWrap(true);
    layout->addWidget(events);
    layout->addStretch(1);
    layout->addWidget(m_problem);
    connect(m_secret, &QLineEdit::textChanged, this, [this]() {
        const QString problem = SettingRules::problem(QStringLiteral("webhook_secret"), m_secret->text().trimmed());
        m_problem->setText(problem);
        Q_EMIT completeChanged();
    });
}

void WebhookPage::initializePage()
{
    const SiteStatus &status = m_wizard->siteStatus();
    m_url->setText(status.raw.value(u"urls").toObject().value(u"webhook").toString());
    const QJsonObject secret = status.raw.value(u"environments").toObject().value(m_wizard->plan().site.environment).toObject()
                                   .value(u"settings").toObject().value(u"webhook_secret").toObject();
    if (m_wizard->plan().lockedSettings.contains(QStringLiteral("webhook_secret")))
        m_current->setText(tr("The site's secret is set by a constant in wp-config.php. Paste the same secret so the console can test it."));
    else if (secret.value(u"set").toBool())
        m_current->setText(tr("The site has a secret ending in %1. Leave the field empty to keep it (the console then cannot test it).")
                               .arg(secret.value(u"last4").toString()));
    else
        m_current->setText(tr("The site has no webhook secret yet: without one it refuses every webhook."));
}

bool WebhookPage::isComplete() const
{
    return SettingRules::problem(QStringLiteral("webhook_secret"), m_secret->text().trimmed()).isEmpty();
}

bool WebhookPage::validatePage()
{
    m_wizard->plan().webhookSecret = m_secret->text().trimmed();
    return true;
}

} // namespace workos::gui

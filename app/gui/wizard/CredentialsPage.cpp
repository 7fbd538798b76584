#include "wizard/CredentialsPage.h"

#include "site/SettingRules.h"
#include "wizard/OnboardingWizard.h"

#include <QFormLayout>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace workos::gui {

CredentialsPage::CredentialsPage(OnboardingWizard *wizard)
    : CheckedPage(wizard), m_apiKey(new QLineEdit(this)), m_clientId(new QLineEdit(this)), m_environmentId(new QLineEdit(this))
{
    setObjectName(QStringLiteral("credentialsPage"));
    setTitle(tr("WorkOS credentials"));
    m_apiKey->setObjectName(QStringLiteral("apiKey"));
    m_apiKey->setEchoMode(QLineEdit::Password);
    m_apiKey->setPlaceholderText(QStringLiteral("sk_…"));
    m_clientId->setObjectName(QStringLiteral("clientId"));
    m_clientId->setPlaceholderText(QStringLiteral("client_…"));
    m_environmentId->setObjectName(QStringLiteral("environmentId"));
    m_environmentId->setPlaceholderText(QStringLiteral("environment_…"));
    auto *form = new QFormLayout;
    form->addRow(tr("&API key:"), m_apiKey);
    form->addRow(tr("&Client ID:"), m_clientId);
    form->addRow(tr("&Environment ID:"), m_environmentId);
    auto *layout = new QVBoxLayout(this);
    auto *where = new QLabel(tr("Find them in the WorkOS dashboard under API Keys, for the environment chosen. "
                                "The API key goes to the site and to your keychain."), this);
    where->setWordWrap(true);
    layout->addWidget(where);
    layout->addLayout(form);
    layout->addStretch(1);
    layout->addWidget(m_status);
    for (QLineEdit *field : {m_apiKey, m_clientId, m_environmentId})
        connect(field, &QLineEdit::textChanged, this, &CheckedPage::invalidate);
}

void CredentialsPage::initializePage()
{
    const OnboardingPlan &plan = m_wizard->plan();
    setSubTitle(tr("For the %1 environment of “%2”.").arg(plan.site.environment, plan.site.name));
    const QJsonObject settings = m_wizard->siteStatus().raw.value(u"environments").toObject().value(plan.site.environment)
                                     .toObject().value(u"settings").toObject();
    const std::pair<QLineEdit *, const char *> fields[] = {{m_clientId, "client_id"}, {m_environmentId, "environment_id"}};
    for (const auto &[field, key] : fields) {
        const QJsonObject s = settings.value(QLatin1String(key)).toObject();
        const bool locked = plan.lockedSettings.contains(QLatin1String(key));
        if (field->text().isEmpty())
            field->setText(s.value(u"value").toString());
        field->setReadOnly(locked);
        field->setToolTip(locked ? tr("Set by a constant in wp-config.php on the site") : QString());
    }
    m_apiKey->setToolTip(plan.lockedSettings.contains(QStringLiteral("api_key"))
                             ? tr("The site's key is set by a constant in wp-config.php; the console still needs it for its own calls.")
                             : QString());
    m_apiKey->setFocus();
}

bool CredentialsPage::filled() const
{
    // The site signs people in only with all three (its "enabled").
    return !m_apiKey->text().trimmed().isEmpty() && !m_clientId->text().trimmed().isEmpty()
           && !m_environmentId->text().trimmed().isEmpty();
}

void CredentialsPage::check()
{
    const std::pair<const char *, QLineEdit *> fields[] = {{"api_key", m_apiKey}, {"client_id", m_clientId}, {"environment_id", m_environmentId}};
    for (const auto &[key, field] : fields) {
        const QString problem = SettingRules::problem(QLatin1String(key), field->text().trimmed());
        if (!problem.isEmpty()) {
            field->setFocus();
            return failed(problem);
        }
    }
    OnboardingPlan &plan = m_wizard->plan();
    m_wizard->onboarding().checkWorkOS(plan.workosBaseUrl, m_apiKey->text(), m_clientId->text(),
                                       [this](const Result<Onboarding::WorkOSCheck> &check) {
        if (!check)
            return failed(check.error().message);
        OnboardingPlan &p = m_wizard->plan();
        p.apiKey = m_apiKey->text().trimmed();
        p.clientId = m_clientId->text().trimmed();
        p.environmentId = m_environmentId->text().trimmed();
        m_wizard->setWorkOSCheck(check.value());
        passed(tr("WorkOS accepted the key; %n organization(s) found.", nullptr, int(check->organizations.size())));
    });
}

} // namespace workos::gui

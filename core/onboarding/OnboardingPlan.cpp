#include "onboarding/OnboardingPlan.h"

#include "profiles/ProfileStore.h"
#include "site/SettingRules.h"

namespace workos {

namespace {
QString lastFour(const QString &secret)
{
    return secret.isEmpty() ? QString() : QStringLiteral("…") + secret.right(4);
}
} // namespace

QStringList OnboardingPlan::problems() const
{
    QStringList out;
    if (!ProfileStore::isValidName(site.name))
        out << tr("“%1” is not a valid site name: use letters, digits, '.', '_' or '-' (at most 64).").arg(site.name);
    if (!site.url.isValid() || site.url.host().isEmpty())
        out << tr("The site address is missing.");
    if (appPassword.isEmpty())
        out << tr("The Application Password is missing.");
    if (apiKey.isEmpty())
        out << tr("The WorkOS API key is missing.");
    if (clientId.isEmpty())
        out << tr("The WorkOS client ID is missing.");
    if (environmentId.isEmpty())
        out << tr("The WorkOS environment ID is missing.");
    const std::pair<const char *, QString> values[] = {{"api_key", apiKey},
                                                       {"client_id", clientId},
                                                       {"environment_id", environmentId},
                                                       {"organization_id", organizationId},
                                                       {"webhook_secret", webhookSecret}};
    for (const auto &[key, value] : values) {
        const QString problem = SettingRules::problem(QLatin1String(key), value);
        if (!problem.isEmpty())
            out << problem;
    }
    if (organizationId.isEmpty() && newOrganizationName.trimmed().isEmpty())
        out << tr("Choose an organization or name a new one.");
    if (const QString mode = SettingRules::problem(QStringLiteral("login_mode"), loginMode); !mode.isEmpty())
        out << mode;
    return out;
}

QJsonObject OnboardingPlan::settings(const QString &organization) const
{
    QJsonObject s{{QStringLiteral("api_key"), apiKey},
                  {QStringLiteral("client_id"), clientId},
                  {QStringLiteral("environment_id"), environmentId},
                  {QStringLiteral("organization_id"), organization},
                  {QStringLiteral("login_mode"), loginMode},
                  {QStringLiteral("allow_password_fallback"), passwordFallback}};
    if (!webhookSecret.isEmpty())
        s.insert(QStringLiteral("webhook_secret"), webhookSecret);
    for (const QString &locked : lockedSettings)
        s.remove(locked);
    return s;
}

QStringList OnboardingPlan::summary() const
{
    QStringList lines;
    lines << tr("Site “%1”: %2, as %3").arg(site.name, site.url.toString(), site.username);
    lines << tr("WorkOS environment: %1 (%2)").arg(site.environment, workosBaseUrl.toString());
    lines << tr("API key %1, client ID %2, environment ID %3").arg(lastFour(apiKey), clientId, environmentId);
    if (!organizationId.isEmpty())
        lines << (organizationName.isEmpty() ? tr("Organization: %1").arg(organizationId)
                                             : tr("Organization: %1 (%2)").arg(organizationName, organizationId));
    else
        lines << tr("Organization: create “%1”%2")
                     .arg(newOrganizationName.trimmed(),
                          newOrganizationDomains.isEmpty() ? QString() : tr(" (%1)").arg(newOrganizationDomains.join(QStringLiteral(", "))));
    lines << (webhookSecret.isEmpty() ? tr("Webhook secret: unchanged on the site")
                                      : tr("Webhook secret %1, stored on the site and in your keychain").arg(lastFour(webhookSecret)));
    if (roleMap) {
        QStringList pairs;
        const auto entries = roleMap->effective();
        for (auto it = entries.cbegin(); it != entries.cend(); ++it)
            pairs << it.key() + QStringLiteral(" → ") + it.value();
        lines << (roleMap->isBuiltIn() ? tr("Role map: built-in (%1)") : tr("Role map: %1")).arg(pairs.join(QStringLiteral(", ")));
    } else {
        lines << tr("Role map: unchanged");
    }
    lines << tr("Sign-in: %1, WordPress passwords %2")
                 .arg(loginMode == u"redirect" ? tr("through WorkOS (AuthKit)") : tr("WordPress's form checked by WorkOS"),
                      passwordFallback ? tr("still allowed (break-glass on)") : tr("refused (break-glass off)"));
    return lines;
}

} // namespace workos

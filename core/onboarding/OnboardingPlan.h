#pragma once

#include "profiles/SiteProfile.h"
#include "rolemap/RoleMap.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace workos {

// What the onboarding wizard collected for one site and one WorkOS environment. Nothing of it
// is written anywhere until Onboarding::apply() runs; the secrets live in memory only until then.
struct OnboardingPlan
{
    Q_DECLARE_TR_FUNCTIONS(OnboardingPlan)
public:
    SiteProfile site;          // name, url, username; environment = the one set up here
    QString appPassword;
    QUrl workosBaseUrl;        // where the site talks to WorkOS for this environment

    QString apiKey;
    QString clientId;
    QString environmentId;

    QString organizationId;            // an existing organization (organizationName for people), or empty with:
    QString organizationName;
    QString newOrganizationName;       // an organization to create in WorkOS when applied
    QStringList newOrganizationDomains;

    QString webhookSecret;             // empty: leave the site's as it is

    std::optional<RoleMap> roleMap;    // unset: leave the site's map as it is

    QString loginMode = QStringLiteral("redirect");
    bool passwordFallback = true;

    // Settings a wp-config.php constant decides on the site: never sent (the site would refuse
    // the whole PATCH), shown read-only.
    QStringList lockedSettings;

    // Problems that make apply() pointless, each a full sentence (empty: ready).
    QStringList problems() const;
    // The per-environment settings PATCH body (organization_id filled in by apply()).
    QJsonObject settings(const QString &organizationId) const;
    // True when sign-in is forced through WorkOS with no WordPress password to fall back on.
    bool forcesSsoWithoutBreakGlass() const { return loginMode == u"redirect" && !passwordFallback; }
    // Lines for the summary page; secrets shown by their last four characters only.
    QStringList summary() const;
};

} // namespace workos

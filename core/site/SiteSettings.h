#pragma once

#include "site/CompanionClient.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

#include <functional>

namespace workos {

// The companion's settings (wp-companion/src/Config/SettingsSchema.php): which exist, the rules of
// the site-wide ones, and the one request that writes them, write-only secrets included
// (PATCH admin/settings): the Settings page, `config apply` and onboarding write through it.
class SiteSettings
{
    Q_DECLARE_TR_FUNCTIONS(SiteSettings)
public:
    // The site-wide ones (the `site` object of GET/PATCH admin/settings).
    static QStringList siteKeys();
    // Written, never read back: answers say only whether they are set and their last four characters.
    static QStringList secretKeys();
    static bool isSecret(const QString &key) { return secretKeys().contains(key); }

    // Why the site would refuse `value` for the site-wide setting `key`, in words an admin can act
    // on; empty when it would take it (null, back to the default, always). The per-environment
    // settings' rules are SettingRules::problem.
    static QString siteProblem(const QString &key, const QJsonValue &value);

    // One PATCH with every given setting of the environment and of the site; the site writes all
    // of them or none (a constant locking one of them, or a refused value, refuses the request).
    // Answers the site's new GET admin/settings. Secrets travel only in the request body.
    static void patch(CompanionClient &client, const QString &environment, const QJsonObject &settings,
                      const QJsonObject &site, QObject *context, std::function<void(Result<QJsonObject>)> done);
};

} // namespace workos

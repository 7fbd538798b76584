#pragma once

#include "profiles/SiteProfile.h"
#include "site/CompanionClient.h"
#include "site/SiteConfig.h"
#include "site/SiteStatus.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <QUrl>

#include <memory>
#include <utility>

namespace workos::gui {

// What the Settings page loaded for one site and environment, handed to each of its tabs.
struct SettingsData
{
    SiteProfile site;
    QString environment;
    std::shared_ptr<CompanionClient> client;
    SiteConfig::Answers answers;
    SiteStatus status; // home URL, multisite, callback and webhook URLs
    bool hasStatus = false;

    // One per-environment setting as the site describes it: {source, constant?, writable, value | set, last4}.
    QJsonObject setting(const QString &key) const
    {
        return answers.settings.value(u"settings").toObject().value(key).toObject();
    }
    QJsonObject siteSetting(const QString &key) const
    {
        return answers.settings.value(u"site").toObject().value(key).toObject();
    }
    QString organizationId() const { return setting(QStringLiteral("organization_id")).value(u"value").toString(); }
    // The environment has an API key, client ID and environment ID on the site.
    bool enabled() const { return answers.settings.value(u"enabled").toBool(); }
    bool isActive() const { return answers.settings.value(u"active").toBool(); }

    // The site's WordPress roles: slug and translated name, in the site's order.
    QList<std::pair<QString, QString>> wordpressRoles() const
    {
        QList<std::pair<QString, QString>> roles;
        for (const QJsonValue &r : answers.roleMap.value(u"wordpress_roles").toArray())
            roles.append({r.toObject().value(u"slug").toString(), r.toObject().value(u"name").toString()});
        return roles;
    }
    QStringList wordpressRoleSlugs() const
    {
        QStringList slugs;
        for (const auto &role : wordpressRoles())
            slugs << role.first;
        return slugs;
    }
    QString roleName(const QString &slug) const
    {
        for (const auto &role : wordpressRoles()) {
            if (role.first == slug)
                return role.second;
        }
        return slug;
    }

    // Where the site's redirects resolve: its home URL as it reports it, else the profile's.
    QUrl homeUrl() const
    {
        const QString home = status.raw.value(u"wordpress").toObject().value(u"home_url").toString();
        return home.isEmpty() ? site.url : QUrl(home);
    }
    bool multisite() const { return hasStatus && status.multisite; }
};

} // namespace workos::gui

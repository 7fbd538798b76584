#pragma once

#include "site/CompanionClient.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>

#include <functional>

namespace workos {

// One difference between a site's configuration and a document: "settings.login_mode",
// "role_map", "redirects.login"...
struct ConfigChange
{
    QString path;
    QJsonValue from;
    QJsonValue to;
};

// A site's WorkOS configuration for one environment as a portable JSON document — the settings
// the console may write (never a secret, never one a constant decides), the role map and the
// login/logout redirects — to copy one site's setup to others, review it, and diff before applying.
//
//   {"format": "wpworkos-config", "version": 1, "environment": "staging",
//    "settings": {"login_mode": "redirect", ...}, "role_map": {...}, "redirects": {"login": {...}, "logout": {...}}}
//
// Sections missing from a document are left alone when it is applied; an empty role map means
// the built-in one.
class SiteConfig
{
    Q_DECLARE_TR_FUNCTIONS(SiteConfig)
public:
    static constexpr int FormatVersion = 1;
    static QString formatName() { return QStringLiteral("wpworkos-config"); }

    // The document of the companion's answers to GET settings, role-map and redirects.
    static QJsonObject document(const QString &environment, const QJsonObject &settings, const QJsonObject &roleMap,
                                const QJsonObject &redirects);
    // Checks a document read from a file: format, version, section types, no secrets.
    static Result<QJsonObject> validate(const QJsonObject &document);
    // What applying `wanted` to a site whose document is `current` would change.
    static QList<ConfigChange> diff(const QJsonObject &current, const QJsonObject &wanted);

    // The value of a change as `config diff` prints it: JSON ("headless", true, {"subscriber":"/bye/"}),
    // "(unset)" for none.
    static QString describe(const QJsonValue &value);
    // One change as a line: "settings.login_mode: "redirect" → "headless"".
    static QString line(const ConfigChange &change);

    // The companion's answers a document is made of, as they came (sources, locks, the site's
    // WordPress roles and built-in map: what an editor shows besides the values).
    struct Answers
    {
        QString environment;
        QJsonObject settings;  // GET admin/settings
        QJsonObject roleMap;   // GET admin/role-map
        QJsonObject redirects; // GET admin/redirects
        QJsonObject document() const { return SiteConfig::document(environment, settings, roleMap, redirects); }
    };
    static void fetchAnswers(CompanionClient &client, const QString &environment, QObject *context,
                             std::function<void(Result<Answers>)> done);
    static void fetch(CompanionClient &client, const QString &environment, QObject *context,
                      std::function<void(Result<QJsonObject>)> done);
    // Applies the differences (PATCH settings through SiteSettings::patch, PUT role-map, PUT
    // redirects, only those that change, in this order); `force` lets a role map through that
    // would demote every administrator.
    static void apply(CompanionClient &client, const QString &environment, const QJsonObject &current,
                      const QJsonObject &wanted, bool force, QObject *context,
                      std::function<void(Result<QList<ConfigChange>>)> done);
};

} // namespace workos

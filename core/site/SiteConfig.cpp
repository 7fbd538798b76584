#include "site/SiteConfig.h"

#include "site/SiteSettings.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>

#include <memory>

namespace workos {

namespace {

QUrlQuery envQuery(const QString &environment)
{
    QUrlQuery query;
    if (!environment.isEmpty())
        query.addQueryItem(QStringLiteral("env"), environment);
    return query;
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

QJsonObject SiteConfig::document(const QString &environment, const QJsonObject &settings, const QJsonObject &roleMap,
                                 const QJsonObject &redirects)
{
    QJsonObject values;
    const QJsonObject described = settings.value(QLatin1String("settings")).toObject();
    for (auto it = described.begin(); it != described.end(); ++it) {
        const QJsonObject entry = it.value().toObject();
        // Secrets never leave the site; constants are changed in wp-config.php, not here.
        if (SiteSettings::isSecret(it.key()) || !entry.value(QLatin1String("writable")).toBool() || !entry.contains(QLatin1String("value")))
            continue;
        values.insert(it.key(), entry.value(QLatin1String("value")));
    }
    const bool builtIn = roleMap.value(QLatin1String("is_default")).toBool();
    return QJsonObject{
        {QStringLiteral("format"), formatName()},
        {QStringLiteral("version"), FormatVersion},
        {QStringLiteral("environment"), environment.isEmpty() ? settings.value(QLatin1String("environment")).toString() : environment},
        {QStringLiteral("settings"), values},
        {QStringLiteral("role_map"), builtIn ? QJsonObject() : roleMap.value(QLatin1String("map")).toObject()},
        {QStringLiteral("redirects"), QJsonObject{{QStringLiteral("login"), redirects.value(QLatin1String("login")).toObject()},
                                                  {QStringLiteral("logout"), redirects.value(QLatin1String("logout")).toObject()}}},
    };
}

Result<QJsonObject> SiteConfig::validate(const QJsonObject &document)
{
    auto refuse = [](const QString &why) { return Error{tr("Not a usable configuration document: %1").arg(why), QStringLiteral("bad_config")}; };
    if (document.value(QLatin1String("format")).toString() != formatName())
        return refuse(tr("\"format\" must be \"%1\".").arg(formatName()));
    if (document.value(QLatin1String("version")).toInt() != FormatVersion)
        return refuse(tr("this console reads version %1 of the format.").arg(FormatVersion));
    for (const char *section : {"settings", "role_map", "redirects"}) {
        const QJsonValue value = document.value(QLatin1String(section));
        if (!value.isUndefined() && !value.isObject())
            return refuse(tr("\"%1\" must be an object.").arg(QLatin1String(section)));
    }
    const QJsonObject settings = document.value(QLatin1String("settings")).toObject();
    for (const QString &secret : SiteSettings::secretKeys()) {
        if (settings.contains(secret))
            return refuse(tr("it contains the secret \"%1\"; secrets are stored with wpworkos site add, never in a document.").arg(secret));
    }
    const QJsonObject redirects = document.value(QLatin1String("redirects")).toObject();
    for (const char *map : {"login", "logout"}) {
        if (document.contains(QLatin1String("redirects")) && !redirects.value(QLatin1String(map)).isObject())
            return refuse(tr("\"redirects\" needs both \"login\" and \"logout\" objects."));
    }
    return document;
}

QList<ConfigChange> SiteConfig::diff(const QJsonObject &current, const QJsonObject &wanted)
{
    QList<ConfigChange> changes;
    const QJsonObject have = current.value(QLatin1String("settings")).toObject();
    const QJsonObject want = wanted.value(QLatin1String("settings")).toObject();
    for (auto it = want.begin(); it != want.end(); ++it) {
        if (have.value(it.key()) != it.value())
            changes.append({QStringLiteral("settings.") + it.key(), have.value(it.key()), it.value()});
    }
    if (wanted.contains(QLatin1String("role_map")) && current.value(QLatin1String("role_map")) != wanted.value(QLatin1String("role_map")))
        changes.append({QStringLiteral("role_map"), current.value(QLatin1String("role_map")), wanted.value(QLatin1String("role_map"))});
    if (wanted.contains(QLatin1String("redirects"))) {
        const QJsonObject from = current.value(QLatin1String("redirects")).toObject();
        const QJsonObject to = wanted.value(QLatin1String("redirects")).toObject();
        for (const char *map : {"login", "logout"}) {
            if (from.value(QLatin1String(map)) != to.value(QLatin1String(map)))
                changes.append({QStringLiteral("redirects.") + QLatin1String(map), from.value(QLatin1String(map)), to.value(QLatin1String(map))});
        }
    }
    return changes;
}

QString SiteConfig::describe(const QJsonValue &value)
{
    if (value.isUndefined() || value.isNull())
        return QStringLiteral("(unset)");
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    // A scalar as JSON writes it: inside a one-element array, without the brackets.
    return QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
}

QString SiteConfig::line(const ConfigChange &change)
{
    return QStringLiteral("%1: %2 → %3").arg(change.path, describe(change.from), describe(change.to));
}

void SiteConfig::fetchAnswers(CompanionClient &client, const QString &environment, QObject *context,
                              std::function<void(Result<Answers>)> done)
{
    const QUrlQuery query = envQuery(environment);
    client.call("GET", QStringLiteral("admin/settings"), query, {}, context,
                [&client, query, environment, context, done = std::move(done)](const Result<QJsonObject> &settings) mutable {
        if (!settings)
            return done(settings.error());
        client.call("GET", QStringLiteral("admin/role-map"), query, {}, context,
                    [&client, query, environment, context, settings, done = std::move(done)](const Result<QJsonObject> &roleMap) mutable {
            if (!roleMap)
                return done(roleMap.error());
            client.call("GET", QStringLiteral("admin/redirects"), query, {}, context,
                        [environment, settings, roleMap, done = std::move(done)](const Result<QJsonObject> &redirects) {
                if (!redirects)
                    return done(redirects.error());
                done(Answers{environment, settings.value(), roleMap.value(), redirects.value()});
            });
        });
    });
}

void SiteConfig::fetch(CompanionClient &client, const QString &environment, QObject *context,
                       std::function<void(Result<QJsonObject>)> done)
{
    fetchAnswers(client, environment, context, [done = std::move(done)](const Result<Answers> &answers) {
        if (!answers)
            return done(answers.error());
        done(answers->document());
    });
}

void SiteConfig::apply(CompanionClient &client, const QString &environment, const QJsonObject &current,
                       const QJsonObject &wanted, bool force, QObject *context,
                       std::function<void(Result<QList<ConfigChange>>)> done)
{
    const QList<ConfigChange> changes = diff(current, wanted);
    // The writes, in order; each runs when the one before succeeded.
    using Step = std::function<void(std::function<void(Result<QJsonObject>)>)>;
    auto steps = std::make_shared<QList<Step>>();
    const QUrlQuery query = envQuery(environment);
    QJsonObject settings;
    bool roleMap = false;
    bool redirects = false;
    for (const ConfigChange &c : changes) {
        if (c.path.startsWith(QLatin1String("settings.")))
            settings.insert(c.path.mid(9), c.to);
        roleMap = roleMap || c.path == QLatin1String("role_map");
        redirects = redirects || c.path.startsWith(QLatin1String("redirects."));
    }
    if (!settings.isEmpty())
        steps->append([&client, environment, context, settings](auto next) {
            SiteSettings::patch(client, environment, settings, {}, context, next);
        });
    if (roleMap)
        steps->append([&client, query, context, wanted, force](auto next) {
            client.call("PUT", QStringLiteral("admin/role-map"), query,
                        compact({{QStringLiteral("map"), wanted.value(QLatin1String("role_map"))}, {QStringLiteral("force"), force}}), context, next);
        });
    if (redirects)
        steps->append([&client, query, context, wanted](auto next) {
            client.call("PUT", QStringLiteral("admin/redirects"), query, compact(wanted.value(QLatin1String("redirects")).toObject()), context, next);
        });
    // Each pending write holds the runner; nothing holds it once the last answer is handled.
    auto run = std::make_shared<std::function<void(qsizetype)>>();
    std::weak_ptr<std::function<void(qsizetype)>> weak = run;
    *run = [steps, weak, changes, done = std::move(done)](qsizetype i) {
        if (i == steps->size())
            return done(changes);
        auto self = weak.lock();
        steps->at(i)([self, i, done](const Result<QJsonObject> &r) {
            if (!r)
                return done(r.error());
            (*self)(i + 1);
        });
    };
    (*run)(0);
}

} // namespace workos

#include "site/SiteStatus.h"

namespace workos {

Result<SiteStatus> SiteStatus::fromJson(const QJsonObject &object)
{
    const QJsonObject plugin = object.value(u"plugin").toObject();
    if (!plugin.contains(u"version"))
        return Error{tr("The companion's status answer has no plugin version; is the WorkOS Companion "
                        "plugin up to date?"),
                     QStringLiteral("bad_status")};
    SiteStatus s;
    s.raw = object;
    s.pluginVersion = plugin.value(u"version").toString();
    s.schemaVersion = plugin.value(u"schema_version").toInt();
    s.schemaVersionExpected = plugin.value(u"schema_version_expected").toInt();
    const QJsonObject wp = object.value(u"wordpress").toObject();
    s.wordpressVersion = wp.value(u"version").toString();
    s.multisite = wp.value(u"multisite").toBool();
    s.phpVersion = object.value(u"php").toObject().value(u"version").toString();
    const QJsonObject env = object.value(u"environment").toObject();
    s.activeEnvironment = env.value(u"active").toString();
    s.activeEnvironmentSource = env.value(u"source").toString();
    s.enabled = object.value(u"enabled").toBool();
    s.loginMode = object.value(u"login_mode").toString();
    const QJsonValue fallback = object.value(u"environments").toObject().value(s.activeEnvironment).toObject()
                                    .value(u"settings").toObject().value(u"allow_password_fallback").toObject().value(u"value");
    s.passwordFallback = fallback.isBool() ? fallback.toBool() : true;
    return s;
}

Table SiteStatus::toTable(const QString &environment) const
{
    const QString env = environment.isEmpty() ? activeEnvironment : environment;
    Table t;
    t.columns = {QStringLiteral("setting"), QStringLiteral("value"), QStringLiteral("source")};
    const QJsonObject settings = raw.value(u"environments")
                                     .toObject()
                                     .value(env)
                                     .toObject()
                                     .value(u"settings")
                                     .toObject();
    auto setting = [&](const QString &key, bool secret = false) {
        const QJsonObject s = settings.value(key).toObject();
        const QString value = secret ? s.value(u"masked").toString() : s.value(u"value").toVariant().toString();
        const QString source = s.value(u"source").toString();
        // The reference reports unset values as coming from the database.
        t.rows.append({key, value, source == u"default" ? QStringLiteral("database") : source});
    };
    const QString yes = QStringLiteral("yes");
    const QString no = QStringLiteral("no");
    t.rows.append({QStringLiteral("plugin_version"), pluginVersion, QStringLiteral("constant")});
    QString envSource = activeEnvironmentSource == u"constant" ? activeEnvironmentSource : QStringLiteral("database");
    if (env != activeEnvironment)
        envSource = QStringLiteral("selected (active: %1)").arg(activeEnvironment);
    t.rows.append({QStringLiteral("environment"), env, envSource});
    setting(QStringLiteral("api_key"), true);
    setting(QStringLiteral("client_id"));
    setting(QStringLiteral("organization_id"));
    setting(QStringLiteral("environment_id"));
    const bool envEnabled = raw.value(u"environments").toObject().value(env).toObject().value(u"enabled").toBool();
    t.rows.append({QStringLiteral("enabled"), envEnabled ? yes : no, QStringLiteral("computed")});
    setting(QStringLiteral("login_mode"));
    t.rows.append({QStringLiteral("db_version"),
                   schemaVersion > 0 ? QString::number(schemaVersion) : QStringLiteral("none"),
                   QStringLiteral("database")});
    const QJsonObject base = raw.value(u"api_base_url").toObject();
    t.rows.append({QStringLiteral("api_base_url"), base.value(u"value").toString(), base.value(u"source").toString()});
    t.rows.append({QStringLiteral("wordpress_version"), wordpressVersion, QStringLiteral("site")});
    t.rows.append({QStringLiteral("php_version"), phpVersion, QStringLiteral("site")});
    t.rows.append({QStringLiteral("multisite"), multisite ? yes : no, QStringLiteral("site")});
    return t;
}

} // namespace workos

#include "model/Seed.h"

#include "Emulator.h"
#include "events/WebhookDispatcher.h"
#include "model/Domain.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace emu::seed {

namespace {

QString failure(const QString &where, const Outcome &o)
{
    const QJsonObject body = QJsonDocument::fromJson(o.error->body).object();
    return QStringLiteral("%1: %2").arg(where, body.value(QLatin1String("message")).toString());
}

QStringList strings(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &s : v.toArray())
        out.append(s.toString());
    return out;
}

} // namespace

QString load(Emulator &emu, const QJsonObject &seed)
{
    const QJsonObject env = seed.value(QLatin1String("environment")).toObject();
    if (env.contains(QLatin1String("api_keys")))
        emu.config().apiKeys = strings(env.value(QLatin1String("api_keys")));
    if (env.value(QLatin1String("client_id")).isString())
        emu.config().clientId = env.value(QLatin1String("client_id")).toString();
    if (env.value(QLatin1String("require_email_verification")).isBool())
        emu.config().requireEmailVerification = env.value(QLatin1String("require_email_verification")).toBool();
    if (env.contains(QLatin1String("redirect_uris")))
        emu.config().redirectUris.append(strings(env.value(QLatin1String("redirect_uris"))));

    const QJsonArray roles = seed.contains(QLatin1String("roles"))
        ? seed.value(QLatin1String("roles")).toArray()
        : QJsonArray{QJsonObject{{QStringLiteral("slug"), QStringLiteral("admin")}, {QStringLiteral("name"), QStringLiteral("Admin")}},
                     QJsonObject{{QStringLiteral("slug"), QStringLiteral("member")}, {QStringLiteral("name"), QStringLiteral("Member")}}};
    for (const QJsonValue &r : roles) {
        if (r.toObject().value(QLatin1String("slug")).toString().isEmpty())
            return QStringLiteral("roles: every role needs a slug");
        domain::createRole(emu, r.toObject());
    }

    // Organizations are referred to by "key", name or id elsewhere in the seed.
    QHash<QString, QString> orgRef;
    const QJsonArray orgs = seed.value(QLatin1String("organizations")).toArray();
    for (qsizetype i = 0; i < orgs.size(); ++i) {
        const QJsonObject spec = orgs.at(i).toObject();
        const Outcome o = domain::createOrganization(emu, spec, false);
        if (!o.ok())
            return failure(QStringLiteral("organizations[%1]").arg(i), o);
        const QString id = o.value.value(QLatin1String("id")).toString();
        for (const char *key : {"key", "name", "id"}) {
            if (spec.value(QLatin1String(key)).isString())
                orgRef.insert(spec.value(QLatin1String(key)).toString(), id);
        }
        for (const QJsonValue &r : spec.value(QLatin1String("roles")).toArray())
            domain::createRole(emu, r.toObject(), id);
    }
    auto org = [&](const QJsonValue &ref) { return orgRef.value(ref.toString(), ref.toString()); };

    const QJsonArray users = seed.value(QLatin1String("users")).toArray();
    for (qsizetype i = 0; i < users.size(); ++i) {
        const QJsonObject spec = users.at(i).toObject();
        const Outcome u = domain::createUser(emu, spec, false);
        if (!u.ok())
            return failure(QStringLiteral("users[%1]").arg(i), u);
        const QJsonArray memberships = spec.value(QLatin1String("memberships")).toArray();
        for (qsizetype j = 0; j < memberships.size(); ++j) {
            const QJsonObject m = memberships.at(j).toObject();
            QJsonObject body{{QStringLiteral("user_id"), u.value.value(QLatin1String("id"))},
                             {QStringLiteral("organization_id"), org(m.value(QLatin1String("organization")))},
                             {QStringLiteral("role_slug"), m.value(QLatin1String("role")).toString(QStringLiteral("member"))},
                             {QStringLiteral("status"), m.value(QLatin1String("status")).toString(QStringLiteral("active"))}};
            if (m.value(QLatin1String("id")).isString())
                body.insert(QStringLiteral("id"), m.value(QLatin1String("id")));
            const Outcome created = domain::createMembership(emu, body, false);
            if (!created.ok())
                return failure(QStringLiteral("users[%1].memberships[%2]").arg(i).arg(j), created);
        }
    }

    const QJsonArray directories = seed.value(QLatin1String("directories")).toArray();
    for (qsizetype i = 0; i < directories.size(); ++i) {
        QJsonObject spec = directories.at(i).toObject();
        spec.insert(QStringLiteral("organization_id"), org(spec.value(QLatin1String("organization"))));
        const Outcome d = domain::createDirectory(emu, spec, false);
        if (!d.ok())
            return failure(QStringLiteral("directories[%1]").arg(i), d);
        const QString dirId = d.value.value(QLatin1String("id")).toString();
        QHash<QString, QString> groupRef;
        const QJsonArray groups = spec.value(QLatin1String("groups")).toArray();
        for (qsizetype j = 0; j < groups.size(); ++j) {
            const QJsonObject g = groups.at(j).toObject();
            const Outcome created = domain::createDirectoryGroup(emu, dirId, g, false);
            if (!created.ok())
                return failure(QStringLiteral("directories[%1].groups[%2]").arg(i).arg(j), created);
            groupRef.insert(g.value(QLatin1String("name")).toString(), created.value.value(QLatin1String("id")).toString());
            groupRef.insert(created.value.value(QLatin1String("id")).toString(), created.value.value(QLatin1String("id")).toString());
        }
        const QJsonArray dirUsers = spec.value(QLatin1String("users")).toArray();
        for (qsizetype j = 0; j < dirUsers.size(); ++j) {
            const QJsonObject u = dirUsers.at(j).toObject();
            const Outcome created = domain::createDirectoryUser(emu, dirId, u, false);
            if (!created.ok())
                return failure(QStringLiteral("directories[%1].users[%2]").arg(i).arg(j), created);
            for (const QString &group : strings(u.value(QLatin1String("groups")))) {
                if (!groupRef.contains(group))
                    return QStringLiteral("directories[%1].users[%2]: no group '%3'").arg(i).arg(j).arg(group);
                domain::setGroupMember(emu, groupRef.value(group), created.value.value(QLatin1String("id")).toString(), true, false);
            }
        }
    }

    const QJsonArray connections = seed.value(QLatin1String("connections")).toArray();
    for (qsizetype i = 0; i < connections.size(); ++i) {
        QJsonObject spec = connections.at(i).toObject();
        spec.insert(QStringLiteral("organization_id"), org(spec.value(QLatin1String("organization"))));
        const Outcome c = domain::createConnection(emu, spec, false);
        if (!c.ok())
            return failure(QStringLiteral("connections[%1]").arg(i), c);
    }

    for (const QJsonValue &w : seed.value(QLatin1String("webhooks")).toArray()) {
        const QJsonObject spec = w.toObject();
        if (!spec.value(QLatin1String("url")).isString() || !spec.value(QLatin1String("secret")).isString())
            return QStringLiteral("webhooks: every endpoint needs url and secret");
        emu.webhooks().addEndpoint(spec.value(QLatin1String("url")).toString(), spec.value(QLatin1String("secret")).toString(),
                                   strings(spec.value(QLatin1String("events"))));
    }
    return {};
}

} // namespace emu::seed

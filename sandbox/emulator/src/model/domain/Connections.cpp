// SSO connections: activation, deactivation, deletion.
#include "model/Domain.h"

#include "Emulator.h"
#include "auth/Passwords.h"
#include "events/EventBus.h"
#include "model/Ids.h"
#include "model/domain/Support.h"

#include <QJsonArray>

namespace emu::domain {

using namespace support;

namespace {

QJsonObject connectionForEvent(const QJsonObject &c, bool deleted)
{
    QJsonObject out = c;
    if (deleted) {
        out.remove(QStringLiteral("external_key"));
        out.remove(QStringLiteral("status"));
        out.remove(QStringLiteral("domains"));
    }
    return out;
}

} // namespace

Outcome createConnection(Emulator &emu, const QJsonObject &body, bool notify)
{
    const QString orgId = str(body, "organization_id");
    const QJsonObject org = emu.store().organizations.get(orgId);
    if (org.isEmpty())
        return Outcome::fail(errors::notFound(QStringLiteral("Organization"), orgId));
    const QString now = emu.clock().iso();
    QJsonArray domains;
    for (const QJsonValue &v : org.value(QLatin1String("domains")).toArray())
        domains.append(QJsonObject{{QStringLiteral("object"), QStringLiteral("connection_domain")},
                                   {QStringLiteral("id"), newId(QStringLiteral("conn_domain"))},
                                   {QStringLiteral("domain"), v.toObject().value(QLatin1String("domain"))}});
    QJsonObject c{{QStringLiteral("object"), QStringLiteral("connection")},
                  {QStringLiteral("id"), body.value(QLatin1String("id")).isString() ? str(body, "id") : newId(QStringLiteral("conn"))},
                  {QStringLiteral("organization_id"), orgId},
                  {QStringLiteral("connection_type"), body.value(QLatin1String("connection_type")).toString(QStringLiteral("GenericSAML"))},
                  {QStringLiteral("name"), body.value(QLatin1String("name")).toString(str(org, "name") + QStringLiteral(" SSO"))},
                  {QStringLiteral("state"), QStringLiteral("active")},
                  {QStringLiteral("status"), QStringLiteral("linked")},
                  {QStringLiteral("external_key"), newToken(12)},
                  {QStringLiteral("domains"), domains},
                  {QStringLiteral("created_at"), now},
                  {QStringLiteral("updated_at"), now}};
    emu.store().connections.insert(c);
    if (notify)
        emu.events().emitEvent(QStringLiteral("connection.activated"), connectionForEvent(c, false));
    return {c, std::nullopt};
}

Outcome setConnectionActive(Emulator &emu, const QString &id, bool active, bool notify)
{
    QJsonObject c = emu.store().connections.get(id);
    if (c.isEmpty())
        return Outcome::fail(errors::notFound(QStringLiteral("Connection"), id));
    const QString wanted = active ? QStringLiteral("active") : QStringLiteral("inactive");
    if (str(c, "state") != wanted) {
        c.insert(QStringLiteral("state"), wanted);
        c.insert(QStringLiteral("status"), active ? QStringLiteral("linked") : QStringLiteral("unlinked"));
        c.insert(QStringLiteral("updated_at"), emu.clock().iso());
        emu.store().connections.update(c);
        if (notify)
            emu.events().emitEvent(active ? QStringLiteral("connection.activated") : QStringLiteral("connection.deactivated"),
                                   connectionForEvent(c, false));
    }
    return {c, std::nullopt};
}

std::optional<Response> deleteConnection(Emulator &emu, const QString &id, bool notify)
{
    const QJsonObject c = emu.store().connections.get(id);
    if (c.isEmpty())
        return errors::notFound(QStringLiteral("Connection"), id);
    emu.store().connections.remove(id);
    if (notify)
        emu.events().emitEvent(QStringLiteral("connection.deleted"), connectionForEvent(c, true));
    return std::nullopt;
}

} // namespace emu::domain

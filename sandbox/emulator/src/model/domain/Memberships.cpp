// Organization memberships: roles, activation, the REST and event shapes.
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

// role_slug or role_slugs: the slugs, or an error answer.
std::optional<QStringList> requestedRoles(Emulator &emu, const QJsonObject &body, const QString &orgId, Response &error,
                                          bool required)
{
    QStringList slugs;
    if (body.contains(QLatin1String("role_slugs"))) {
        const QJsonValue v = body.value(QLatin1String("role_slugs"));
        if (!v.isArray() || v.toArray().isEmpty()) {
            error = typeError(QStringLiteral("role_slugs"), QStringLiteral("a non-empty array of strings"));
            return std::nullopt;
        }
        for (const QJsonValue &s : v.toArray())
            slugs.append(s.toString());
        if (slugs.size() > 1) {
            error = errors::standard(422, QStringLiteral("multiple_roles_not_enabled"),
                                     QStringLiteral("Multiple roles are not enabled for this environment."));
            return std::nullopt;
        }
    } else if (body.contains(QLatin1String("role_slug"))) {
        if (!body.value(QLatin1String("role_slug")).isString()) {
            error = typeError(QStringLiteral("role_slug"), QStringLiteral("a string"));
            return std::nullopt;
        }
        slugs.append(str(body, "role_slug"));
    } else if (required) {
        error = errors::fieldRequired(QStringLiteral("role_slug"));
        return std::nullopt;
    } else {
        slugs.append(QStringLiteral("member"));
    }
    for (const QString &slug : slugs) {
        bool known = false;
        for (const QJsonObject &r : rolesFor(emu, orgId))
            known = known || str(r, "slug") == slug;
        if (!known) {
            error = errors::standard(422, QStringLiteral("invalid_role"), QStringLiteral("Role '%1' is not a valid role.").arg(slug));
            return std::nullopt;
        }
    }
    return slugs;
}

void applyRoles(QJsonObject &m, const QStringList &slugs)
{
    QJsonArray roles;
    for (const QString &s : slugs)
        roles.append(QJsonObject{{QStringLiteral("slug"), s}});
    m.insert(QStringLiteral("role"), roles.first());
    m.insert(QStringLiteral("roles"), roles);
}

} // namespace

QJsonObject membershipForRest(Emulator &emu, const QJsonObject &membership)
{
    QJsonObject m = membership;
    m.insert(QStringLiteral("organization_name"), str(emu.store().organizations.get(str(m, "organization_id")), "name"));
    m.insert(QStringLiteral("user"), emu.store().users.get(str(m, "user_id")));
    return m;
}

QJsonObject membershipForEvent(const QJsonObject &membership)
{
    return membership; // stored without user and organization_name, as events carry it
}

QList<QJsonObject> activeMemberships(Emulator &emu, const QString &userId)
{
    return emu.store().memberships.select(
        [&](const QJsonObject &m) { return str(m, "user_id") == userId && str(m, "status") == u"active"; });
}

Outcome createMembership(Emulator &emu, const QJsonObject &body, bool notify)
{
    for (const char *key : {"user_id", "organization_id"}) {
        if (!body.value(QLatin1String(key)).isString() || str(body, key).isEmpty())
            return Outcome::fail(errors::fieldRequired(QLatin1String(key)));
    }
    const QString userId = str(body, "user_id");
    const QString orgId = str(body, "organization_id");
    if (!emu.store().users.contains(userId))
        return Outcome::fail(errors::notFound(QStringLiteral("User"), userId));
    if (!emu.store().organizations.contains(orgId))
        return Outcome::fail(errors::notFound(QStringLiteral("Organization"), orgId));
    Response error;
    const auto slugs = requestedRoles(emu, body, orgId, error, false);
    if (!slugs)
        return Outcome::fail(error);
    const QString now = emu.clock().iso();
    QJsonObject existing = emu.store().memberships.findFirst(
        [&](const QJsonObject &m) { return str(m, "user_id") == userId && str(m, "organization_id") == orgId; });
    if (!existing.isEmpty()) {
        const QString status = str(existing, "status");
        if (status == u"pending")
            return Outcome::fail(badRequest(QStringLiteral("cannot_reactivate_pending_organization_membership"),
                                            QStringLiteral("A pending membership cannot be reactivated.")));
        if (status == u"active")
            return Outcome::fail(badRequest(QStringLiteral("organization_membership_already_exists"),
                                            QStringLiteral("The user is already a member of this organization.")));
        // An inactive membership comes back with the requested roles.
        applyRoles(existing, *slugs);
        existing.insert(QStringLiteral("status"), QStringLiteral("active"));
        existing.insert(QStringLiteral("updated_at"), now);
        emu.store().memberships.update(existing);
        if (notify)
            emu.events().emitEvent(QStringLiteral("organization_membership.updated"), membershipForEvent(existing));
        return {membershipForRest(emu, existing), std::nullopt};
    }
    const QString status = body.value(QLatin1String("status")).toString(QStringLiteral("active")); // seeds only
    QJsonObject m{{QStringLiteral("object"), QStringLiteral("organization_membership")},
                  {QStringLiteral("id"), body.value(QLatin1String("id")).isString() ? str(body, "id") : newId(QStringLiteral("om"))},
                  {QStringLiteral("user_id"), userId},
                  {QStringLiteral("organization_id"), orgId},
                  {QStringLiteral("status"), status},
                  {QStringLiteral("directory_managed"), body.value(QLatin1String("directory_managed")).toBool(false)},
                  {QStringLiteral("custom_attributes"), body.value(QLatin1String("custom_attributes")).toObject()},
                  {QStringLiteral("created_at"), now},
                  {QStringLiteral("updated_at"), now}};
    applyRoles(m, *slugs);
    emu.store().memberships.insert(m);
    if (notify)
        emu.events().emitEvent(QStringLiteral("organization_membership.created"), membershipForEvent(m));
    return {membershipForRest(emu, m), std::nullopt};
}

Outcome updateMembership(Emulator &emu, const QString &id, const QJsonObject &body, bool notify)
{
    QJsonObject m = emu.store().memberships.get(id);
    if (m.isEmpty())
        return Outcome::fail(errors::notFound(QStringLiteral("Organization membership"), id));
    Response error;
    const auto slugs = requestedRoles(emu, body, str(m, "organization_id"), error, true);
    if (!slugs)
        return Outcome::fail(error);
    applyRoles(m, *slugs);
    m.insert(QStringLiteral("updated_at"), emu.clock().iso());
    emu.store().memberships.update(m);
    if (notify)
        emu.events().emitEvent(QStringLiteral("organization_membership.updated"), membershipForEvent(m));
    return {membershipForRest(emu, m), std::nullopt};
}

Outcome setMembershipActive(Emulator &emu, const QString &id, bool active, bool notify)
{
    QJsonObject m = emu.store().memberships.get(id);
    if (m.isEmpty())
        return Outcome::fail(errors::notFound(QStringLiteral("Organization membership"), id));
    const QString status = str(m, "status");
    if (status == u"pending")
        return Outcome::fail(active ? badRequest(QStringLiteral("cannot_reactivate_pending_organization_membership"),
                                                 QStringLiteral("A pending membership cannot be reactivated."))
                                    : badRequest(QStringLiteral("cannot_deactivate_pending_organization_membership"),
                                                 QStringLiteral("A pending membership cannot be deactivated; it should be deleted instead.")));
    const QString wanted = active ? QStringLiteral("active") : QStringLiteral("inactive");
    if (status != wanted) {
        m.insert(QStringLiteral("status"), wanted);
        m.insert(QStringLiteral("updated_at"), emu.clock().iso());
        emu.store().memberships.update(m);
        if (notify)
            emu.events().emitEvent(QStringLiteral("organization_membership.updated"), membershipForEvent(m));
    }
    return {membershipForRest(emu, m), std::nullopt};
}

std::optional<Response> deleteMembership(Emulator &emu, const QString &id, bool notify)
{
    const QJsonObject m = emu.store().memberships.get(id);
    if (m.isEmpty())
        return errors::notFound(QStringLiteral("Organization membership"), id);
    emu.store().memberships.remove(id);
    if (notify)
        emu.events().emitEvent(QStringLiteral("organization_membership.deleted"), membershipForEvent(m));
    return std::nullopt;
}

} // namespace emu::domain

// Directory Sync as the identity provider drives it: directories, users, groups, membership.
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

QJsonObject directoryForEvent(Emulator &emu, const QJsonObject &directory, bool deleted)
{
    QJsonObject d = directory;
    d.remove(QStringLiteral("metadata"));
    d.remove(QStringLiteral("domain"));
    // Events use another state enum than REST (workos-api.md §2.6).
    const QString state = str(directory, "state");
    d.insert(QStringLiteral("state"), state == u"linked" ? QStringLiteral("active") : state == u"unlinked" ? QStringLiteral("inactive") : state);
    if (deleted) {
        d.remove(QStringLiteral("external_key"));
    } else {
        QJsonArray domains;
        for (const QJsonValue &v : emu.store().organizations.get(str(directory, "organization_id")).value(QLatin1String("domains")).toArray()) {
            const QJsonObject o = v.toObject();
            domains.append(QJsonObject{{QStringLiteral("object"), QStringLiteral("organization_domain")},
                                       {QStringLiteral("id"), o.value(QLatin1String("id"))},
                                       {QStringLiteral("domain"), o.value(QLatin1String("domain"))}});
        }
        d.insert(QStringLiteral("domains"), domains);
    }
    return d;
}

} // namespace

Outcome createDirectory(Emulator &emu, const QJsonObject &body, bool notify)
{
    const QString orgId = str(body, "organization_id");
    const QJsonObject org = emu.store().organizations.get(orgId);
    if (org.isEmpty())
        return Outcome::fail(errors::notFound(QStringLiteral("Organization"), orgId));
    const QString now = emu.clock().iso();
    QJsonObject d{{QStringLiteral("object"), QStringLiteral("directory")},
                  {QStringLiteral("id"), body.value(QLatin1String("id")).isString() ? str(body, "id") : newId(QStringLiteral("directory"))},
                  {QStringLiteral("organization_id"), orgId},
                  {QStringLiteral("external_key"), newToken(10)},
                  {QStringLiteral("type"), body.value(QLatin1String("type")).toString(QStringLiteral("okta scim v2.0"))},
                  {QStringLiteral("state"), QStringLiteral("linked")},
                  {QStringLiteral("name"), body.value(QLatin1String("name")).toString(str(org, "name"))},
                  {QStringLiteral("created_at"), now},
                  {QStringLiteral("updated_at"), now}};
    const QJsonArray domains = org.value(QLatin1String("domains")).toArray();
    if (!domains.isEmpty())
        d.insert(QStringLiteral("domain"), domains.first().toObject().value(QLatin1String("domain")));
    emu.store().directories.insert(d);
    if (notify)
        emu.events().emitEvent(QStringLiteral("dsync.activated"), directoryForEvent(emu, d, false));
    return {d, std::nullopt};
}

std::optional<Response> deleteDirectory(Emulator &emu, const QString &id, bool notify)
{
    const QJsonObject d = emu.store().directories.get(id);
    if (d.isEmpty())
        return errors::notFound(QStringLiteral("Directory"), id);
    for (const QJsonObject &u : emu.store().directoryUsers.select([&](const QJsonObject &u) { return str(u, "directory_id") == id; }))
        emu.store().directoryUsers.remove(str(u, "id"));
    for (const QJsonObject &g : emu.store().directoryGroups.select([&](const QJsonObject &g) { return str(g, "directory_id") == id; })) {
        emu.store().directoryGroups.remove(str(g, "id"));
        emu.store().groupMembers.remove(str(g, "id"));
    }
    emu.store().directories.remove(id);
    if (notify)
        emu.events().emitEvent(QStringLiteral("dsync.deleted"), directoryForEvent(emu, d, true));
    return std::nullopt;
}

Outcome createDirectoryGroup(Emulator &emu, const QString &directoryId, const QJsonObject &body, bool notify)
{
    const QJsonObject d = emu.store().directories.get(directoryId);
    if (d.isEmpty())
        return Outcome::fail(errors::notFound(QStringLiteral("Directory"), directoryId));
    if (!body.value(QLatin1String("name")).isString())
        return Outcome::fail(errors::fieldRequired(QStringLiteral("name")));
    const QString now = emu.clock().iso();
    QJsonObject g{{QStringLiteral("object"), QStringLiteral("directory_group")},
                  {QStringLiteral("id"), body.value(QLatin1String("id")).isString() ? str(body, "id") : newId(QStringLiteral("directory_group"))},
                  {QStringLiteral("idp_id"), body.value(QLatin1String("idp_id")).toString(newToken(12))},
                  {QStringLiteral("directory_id"), directoryId},
                  {QStringLiteral("organization_id"), d.value(QLatin1String("organization_id"))},
                  {QStringLiteral("name"), str(body, "name")},
                  {QStringLiteral("raw_attributes"), QJsonObject()},
                  {QStringLiteral("created_at"), now},
                  {QStringLiteral("updated_at"), now}};
    emu.store().directoryGroups.insert(g);
    if (notify)
        emu.events().emitEvent(QStringLiteral("dsync.group.created"), g);
    return {g, std::nullopt};
}

Outcome renameDirectoryGroup(Emulator &emu, const QString &id, const QString &name, bool notify)
{
    QJsonObject g = emu.store().directoryGroups.get(id);
    if (g.isEmpty())
        return Outcome::fail(errors::notFound(QStringLiteral("Directory group"), id));
    if (name.trimmed().isEmpty())
        return Outcome::fail(errors::fieldRequired(QStringLiteral("name")));
    const QJsonValue before = g.value(QLatin1String("name"));
    if (before.toString() == name)
        return {g, std::nullopt}; // nothing changes, no event
    g.insert(QStringLiteral("name"), name);
    g.insert(QStringLiteral("updated_at"), emu.clock().iso());
    emu.store().directoryGroups.update(g);
    if (notify) {
        QJsonObject data = g;
        data.insert(QStringLiteral("previous_attributes"), QJsonObject{{QStringLiteral("name"), before}});
        emu.events().emitEvent(QStringLiteral("dsync.group.updated"), data);
    }
    return {g, std::nullopt};
}

std::optional<Response> deleteDirectoryGroup(Emulator &emu, const QString &id, bool notify)
{
    const QJsonObject g = emu.store().directoryGroups.get(id);
    if (g.isEmpty())
        return errors::notFound(QStringLiteral("Directory group"), id);
    emu.store().directoryGroups.remove(id);
    emu.store().groupMembers.remove(id);
    if (notify)
        emu.events().emitEvent(QStringLiteral("dsync.group.deleted"), g);
    return std::nullopt;
}

QJsonObject directoryUserForRest(Emulator &emu, const QJsonObject &user)
{
    QJsonObject u = user;
    QJsonArray groups;
    const QString id = str(user, "id");
    for (const QJsonObject &g : emu.store().directoryGroups.select([&](const QJsonObject &g) {
             return emu.store().groupMembers.value(str(g, "id")).contains(id);
         }))
        groups.append(g);
    u.insert(QStringLiteral("groups"), groups);
    return u;
}

namespace {

const char *const kDirectoryUserFields[] = {"email", "first_name", "last_name", "job_title", "username", "state"};

void applyDirectoryUserFields(QJsonObject &u, const QJsonObject &body)
{
    for (const char *key : kDirectoryUserFields) {
        if (body.contains(QLatin1String(key)))
            u.insert(QLatin1String(key), body.value(QLatin1String(key)));
    }
    const QString email = str(u, "email");
    u.insert(QStringLiteral("emails"), email.isEmpty() ? QJsonArray()
                                                      : QJsonArray{QJsonObject{{QStringLiteral("primary"), true},
                                                                               {QStringLiteral("type"), QStringLiteral("work")},
                                                                               {QStringLiteral("value"), email}}});
    u.insert(QStringLiteral("name"), displayName(u.value(QLatin1String("first_name")), u.value(QLatin1String("last_name"))));
    if (body.value(QLatin1String("role")).isString()) {
        const QJsonObject role{{QStringLiteral("slug"), str(body, "role")}};
        u.insert(QStringLiteral("role"), role);
        u.insert(QStringLiteral("roles"), QJsonArray{role});
    }
    QJsonObject custom = u.value(QLatin1String("custom_attributes")).toObject();
    if (body.value(QLatin1String("custom_attributes")).isObject())
        custom = body.value(QLatin1String("custom_attributes")).toObject();
    if (u.value(QLatin1String("job_title")).isString())
        custom.insert(QStringLiteral("job_title"), u.value(QLatin1String("job_title")));
    u.insert(QStringLiteral("custom_attributes"), custom);
}

QJsonObject withoutGroups(QJsonObject u)
{
    u.remove(QStringLiteral("groups"));
    return u;
}

} // namespace

Outcome createDirectoryUser(Emulator &emu, const QString &directoryId, const QJsonObject &body, bool notify)
{
    const QJsonObject d = emu.store().directories.get(directoryId);
    if (d.isEmpty())
        return Outcome::fail(errors::notFound(QStringLiteral("Directory"), directoryId));
    if (!body.value(QLatin1String("email")).isString() || !validEmail(str(body, "email")))
        return Outcome::fail(errors::fieldRequired(QStringLiteral("email")));
    const QString state = body.value(QLatin1String("state")).toString(QStringLiteral("active"));
    if (state != u"active" && state != u"suspended" && state != u"inactive")
        return Outcome::fail(typeError(QStringLiteral("state"), QStringLiteral("active, suspended or inactive")));
    const QString now = emu.clock().iso();
    QJsonObject u{{QStringLiteral("object"), QStringLiteral("directory_user")},
                  {QStringLiteral("id"), body.value(QLatin1String("id")).isString() ? str(body, "id") : newId(QStringLiteral("directory_user"))},
                  {QStringLiteral("directory_id"), directoryId},
                  {QStringLiteral("organization_id"), d.value(QLatin1String("organization_id"))},
                  {QStringLiteral("idp_id"), body.value(QLatin1String("idp_id")).toString(newToken(8))},
                  {QStringLiteral("first_name"), kNull},
                  {QStringLiteral("last_name"), kNull},
                  {QStringLiteral("state"), state},
                  {QStringLiteral("raw_attributes"), QJsonObject()},
                  {QStringLiteral("custom_attributes"), QJsonObject()},
                  {QStringLiteral("created_at"), now},
                  {QStringLiteral("updated_at"), now}};
    applyDirectoryUserFields(u, body);
    emu.store().directoryUsers.insert(u);
    if (notify)
        emu.events().emitEvent(QStringLiteral("dsync.user.created"), u);
    return {directoryUserForRest(emu, u), std::nullopt};
}

Outcome updateDirectoryUser(Emulator &emu, const QString &id, const QJsonObject &body, bool notify)
{
    QJsonObject u = emu.store().directoryUsers.get(id);
    if (u.isEmpty())
        return Outcome::fail(errors::notFound(QStringLiteral("Directory user"), id));
    if (body.contains(QLatin1String("state"))) {
        const QString state = str(body, "state");
        if (state != u"active" && state != u"suspended" && state != u"inactive")
            return Outcome::fail(typeError(QStringLiteral("state"), QStringLiteral("active, suspended or inactive")));
    }
    const QJsonObject before = u;
    applyDirectoryUserFields(u, body);
    QJsonObject previous;
    for (auto it = u.begin(); it != u.end(); ++it) {
        if (before.value(it.key()) != it.value())
            previous.insert(it.key(), before.value(it.key()).isUndefined() ? kNull : before.value(it.key()));
    }
    u.insert(QStringLiteral("updated_at"), emu.clock().iso());
    emu.store().directoryUsers.update(u);
    if (notify) {
        QJsonObject data = u;
        data.insert(QStringLiteral("previous_attributes"), previous);
        emu.events().emitEvent(QStringLiteral("dsync.user.updated"), data);
    }
    return {directoryUserForRest(emu, u), std::nullopt};
}

std::optional<Response> deleteDirectoryUser(Emulator &emu, const QString &id, bool notify)
{
    const QJsonObject u = emu.store().directoryUsers.get(id);
    if (u.isEmpty())
        return errors::notFound(QStringLiteral("Directory user"), id);
    for (auto it = emu.store().groupMembers.begin(); it != emu.store().groupMembers.end(); ++it)
        it.value().remove(id);
    emu.store().directoryUsers.remove(id);
    if (notify)
        emu.events().emitEvent(QStringLiteral("dsync.user.deleted"), withoutGroups(u));
    return std::nullopt;
}

std::optional<Response> setGroupMember(Emulator &emu, const QString &groupId, const QString &userId, bool member, bool notify)
{
    const QJsonObject g = emu.store().directoryGroups.get(groupId);
    if (g.isEmpty())
        return errors::notFound(QStringLiteral("Directory group"), groupId);
    const QJsonObject u = emu.store().directoryUsers.get(userId);
    if (u.isEmpty())
        return errors::notFound(QStringLiteral("Directory user"), userId);
    if (str(u, "directory_id") != str(g, "directory_id"))
        return badRequest(QStringLiteral("directory_mismatch"), QStringLiteral("The user and the group belong to different directories."));
    QSet<QString> &members = emu.store().groupMembers[groupId];
    const bool was = members.contains(userId);
    if (was == member)
        return std::nullopt; // nothing changes, no event
    if (member)
        members.insert(userId);
    else
        members.remove(userId);
    if (notify)
        emu.events().emitEvent(member ? QStringLiteral("dsync.group.user_added") : QStringLiteral("dsync.group.user_removed"),
                               QJsonObject{{QStringLiteral("directory_id"), g.value(QLatin1String("directory_id"))},
                                           {QStringLiteral("user"), withoutGroups(u)},
                                           {QStringLiteral("group"), g}});
    return std::nullopt;
}

} // namespace emu::domain

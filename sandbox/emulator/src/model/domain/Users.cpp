// User accounts: create, update, delete (with their memberships and sessions), passwords.
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

std::optional<Response> checkUserFields(Emulator &emu, const QJsonObject &body, const QString &selfId)
{
    if (auto e = checkStrings(body, {"email", "first_name", "last_name", "name", "external_id", "locale", "password",
                                     "password_hash", "password_hash_type", "profile_picture_url"}))
        return e;
    if (body.contains(QLatin1String("email_verified")) && !body.value(QLatin1String("email_verified")).isBool())
        return typeError(QStringLiteral("email_verified"), QStringLiteral("a boolean"));
    if (auto e = checkMetadata(body.value(QLatin1String("metadata"))))
        return e;
    if (body.value(QLatin1String("password")).isString() && body.value(QLatin1String("password_hash")).isString())
        return badRequest(QStringLiteral("password_and_password_hash_provided"),
                          QStringLiteral("Only one of password and password_hash may be provided."));
    if (body.value(QLatin1String("password_hash")).isString() && !body.value(QLatin1String("password_hash_type")).isString())
        return badRequest(QStringLiteral("invalid_password_hash"), QStringLiteral("password_hash_type is required with password_hash."));
    if (body.value(QLatin1String("password")).isString()) {
        const QString weak = passwords::weakness(str(body, "password"));
        if (!weak.isEmpty())
            return badRequest(QStringLiteral("password_strength_error"), QStringLiteral("Password does not meet strength requirements."),
                              QJsonArray{QJsonObject{{QStringLiteral("code"), QStringLiteral("password_too_short")},
                                                     {QStringLiteral("message"), weak}}});
    }
    if (body.value(QLatin1String("email")).isString()) {
        const QString email = str(body, "email").trimmed();
        // On update the spec's 400 has its own code (no user_creation_error there).
        if (!validEmail(email) && !selfId.isEmpty())
            return badRequest(QStringLiteral("invalid_email"), QStringLiteral("'%1' is not a valid email address.").arg(email));
        if (!validEmail(email))
            return badRequest(QStringLiteral("user_creation_error"), QStringLiteral("Could not create user."),
                              QJsonArray{QJsonObject{{QStringLiteral("code"), QStringLiteral("invalid_email")},
                                                     {QStringLiteral("message"), QStringLiteral("'%1' is not a valid email address.").arg(email)}}});
        const QString other = emu.store().userIdByEmail.value(email.toLower());
        if (!other.isEmpty() && other != selfId)
            return badRequest(selfId.isEmpty() ? QStringLiteral("user_creation_error") : QStringLiteral("email_not_available"),
                              QStringLiteral("This email is not available."),
                              QJsonArray{QJsonObject{{QStringLiteral("code"), QStringLiteral("email_not_available")},
                                                     {QStringLiteral("message"), QStringLiteral("This email is not available.")}}});
    }
    if (body.value(QLatin1String("external_id")).isString()) {
        const QString external = str(body, "external_id");
        if (external.size() > 128)
            return typeError(QStringLiteral("external_id"), QStringLiteral("at most 128 characters"));
        const QJsonObject other = emu.store().users.findFirst(
            [&](const QJsonObject &u) { return u.value(QLatin1String("external_id")).toString() == external; });
        if (!other.isEmpty() && other.value(QLatin1String("id")).toString() != selfId)
            return badRequest(QStringLiteral("external_id_already_used"), QStringLiteral("This external_id is already in use."));
    }
    return std::nullopt;
}

} // namespace

Outcome createUser(Emulator &emu, const QJsonObject &body, bool notify)
{
    if (!body.value(QLatin1String("email")).isString() || str(body, "email").trimmed().isEmpty())
        return Outcome::fail(errors::fieldRequired(QStringLiteral("email")));
    if (auto e = checkUserFields(emu, body, {}))
        return Outcome::fail(*e);
    const QString now = emu.clock().iso();
    const QJsonValue first = stringOrNull(body, "first_name");
    const QJsonValue last = stringOrNull(body, "last_name");
    QJsonValue name = stringOrNull(body, "name");
    if (name.isNull() && (first.isString() || last.isString()))
        name = displayName(first, last);
    QJsonObject user{{QStringLiteral("object"), QStringLiteral("user")},
                     {QStringLiteral("id"), body.value(QLatin1String("id")).isString() ? str(body, "id") : newId(QStringLiteral("user"))},
                     {QStringLiteral("first_name"), first},
                     {QStringLiteral("last_name"), last},
                     {QStringLiteral("name"), name},
                     {QStringLiteral("profile_picture_url"), stringOrNull(body, "profile_picture_url")},
                     {QStringLiteral("email"), str(body, "email").trimmed()},
                     {QStringLiteral("email_verified"), body.value(QLatin1String("email_verified")).toBool(false)},
                     {QStringLiteral("external_id"), stringOrNull(body, "external_id")},
                     {QStringLiteral("metadata"), body.value(QLatin1String("metadata")).isObject() ? body.value(QLatin1String("metadata")) : QJsonObject()},
                     {QStringLiteral("last_sign_in_at"), kNull},
                     {QStringLiteral("locale"), stringOrNull(body, "locale")},
                     {QStringLiteral("created_at"), now},
                     {QStringLiteral("updated_at"), now}};
    emu.store().users.insert(user);
    emu.store().userIdByEmail.insert(str(user, "email").toLower(), str(user, "id"));
    if (body.value(QLatin1String("password")).isString())
        setPassword(emu, str(user, "id"), str(body, "password"));
    else if (body.value(QLatin1String("password_hash")).isString())
        emu.store().passwordHashes.insert(str(user, "id"), str(body, "password_hash").toUtf8());
    if (notify)
        emu.events().emitEvent(QStringLiteral("user.created"), user);
    return {user, std::nullopt};
}

Outcome updateUser(Emulator &emu, const QString &id, const QJsonObject &body, bool notify)
{
    QJsonObject user = emu.store().users.get(id);
    if (user.isEmpty())
        return Outcome::fail(errors::notFound(QStringLiteral("User"), id));
    if (auto e = checkUserFields(emu, body, id))
        return Outcome::fail(*e);
    for (const char *key : {"first_name", "last_name", "name", "external_id", "locale", "profile_picture_url"}) {
        if (body.contains(QLatin1String(key)))
            user.insert(QLatin1String(key), stringOrNull(body, key));
    }
    if (body.value(QLatin1String("email")).isString()) {
        emu.store().userIdByEmail.remove(str(user, "email").toLower());
        user.insert(QStringLiteral("email"), str(body, "email").trimmed());
        emu.store().userIdByEmail.insert(str(user, "email").toLower(), id);
    }
    if (body.contains(QLatin1String("email_verified")))
        user.insert(QStringLiteral("email_verified"), body.value(QLatin1String("email_verified")).toBool());
    if (body.contains(QLatin1String("metadata")))
        user.insert(QStringLiteral("metadata"), body.value(QLatin1String("metadata")).isObject() ? body.value(QLatin1String("metadata")) : QJsonObject());
    if ((body.contains(QLatin1String("first_name")) || body.contains(QLatin1String("last_name"))) && !body.contains(QLatin1String("name")))
        user.insert(QStringLiteral("name"), displayName(user.value(QLatin1String("first_name")), user.value(QLatin1String("last_name"))));
    user.insert(QStringLiteral("updated_at"), emu.clock().iso());
    emu.store().users.update(user);
    if (body.value(QLatin1String("password")).isString())
        setPassword(emu, id, str(body, "password"));
    else if (body.value(QLatin1String("password_hash")).isString())
        emu.store().passwordHashes.insert(id, str(body, "password_hash").toUtf8());
    if (notify)
        emu.events().emitEvent(QStringLiteral("user.updated"), user);
    return {user, std::nullopt};
}

std::optional<Response> deleteUser(Emulator &emu, const QString &id, bool notify)
{
    const QJsonObject user = emu.store().users.get(id);
    if (user.isEmpty())
        return errors::notFound(QStringLiteral("User"), id);
    for (const QJsonObject &m : emu.store().memberships.select([&](const QJsonObject &m) { return str(m, "user_id") == id; }))
        deleteMembership(emu, str(m, "id"), notify);
    for (QJsonObject s : emu.store().sessions.select([&](const QJsonObject &s) { return str(s, "user_id") == id && str(s, "status") == u"active"; })) {
        s.insert(QStringLiteral("status"), QStringLiteral("revoked"));
        s.insert(QStringLiteral("ended_at"), emu.clock().iso());
        s.insert(QStringLiteral("updated_at"), emu.clock().iso());
        emu.store().sessions.update(s);
        if (notify)
            emu.events().emitEvent(QStringLiteral("session.revoked"), s);
    }
    emu.store().users.remove(id);
    emu.store().userIdByEmail.remove(str(user, "email").toLower());
    emu.store().passwordHashes.remove(id);
    if (notify)
        emu.events().emitEvent(QStringLiteral("user.deleted"), user);
    return std::nullopt;
}

bool checkPassword(Emulator &emu, const QString &userId, const QString &password)
{
    const auto it = emu.store().passwordHashes.constFind(userId);
    return it != emu.store().passwordHashes.constEnd() && passwords::verify(password, it.value());
}

void setPassword(Emulator &emu, const QString &userId, const QString &password)
{
    emu.store().passwordHashes.insert(userId, passwords::hash(password));
}

} // namespace emu::domain

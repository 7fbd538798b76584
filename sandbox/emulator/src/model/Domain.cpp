#include "model/Domain.h"

#include "Emulator.h"
#include "auth/Passwords.h"
#include "events/EventBus.h"
#include "http/Errors.h"
#include "model/Ids.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace emu::domain {

namespace {

const QJsonValue kNull(QJsonValue::Null);

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QJsonValue stringOrNull(const QJsonObject &o, const char *key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    return v.isString() ? v : kNull;
}

bool validEmail(const QString &email)
{
    static const QRegularExpression re(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    return re.match(email).hasMatch();
}

Response badRequest(const QString &code, const QString &message, const QJsonArray &details = {})
{
    return errors::standard(400, code, message, details);
}

Response typeError(const QString &field, const QString &expected)
{
    return errors::validation(QJsonArray{QJsonObject{{QStringLiteral("field"), field},
                                                     {QStringLiteral("code"), QStringLiteral("invalid_type")},
                                                     {QStringLiteral("message"), QStringLiteral("%1 must be %2").arg(field, expected)}}});
}

// Optional string fields: absent, null or a string; anything else is a 422.
std::optional<Response> checkStrings(const QJsonObject &body, std::initializer_list<const char *> keys)
{
    for (const char *key : keys) {
        const QJsonValue v = body.value(QLatin1String(key));
        if (!v.isUndefined() && !v.isNull() && !v.isString())
            return typeError(QLatin1String(key), QStringLiteral("a string"));
    }
    return std::nullopt;
}

QString displayName(const QJsonValue &first, const QJsonValue &last)
{
    const QString name = QString(first.toString() + QLatin1Char(' ') + last.toString()).trimmed();
    return name;
}

} // namespace

std::optional<Response> checkMetadata(const QJsonValue &metadata)
{
    if (metadata.isUndefined() || metadata.isNull())
        return std::nullopt;
    if (!metadata.isObject())
        return badRequest(QStringLiteral("invalid_metadata"), QStringLiteral("Metadata must be an object."));
    const QJsonObject m = metadata.toObject();
    if (m.size() > 50)
        return badRequest(QStringLiteral("invalid_metadata"), QStringLiteral("Metadata may have at most 50 keys."));
    for (auto it = m.begin(); it != m.end(); ++it) {
        if (it.key().size() > 40)
            return badRequest(QStringLiteral("invalid_metadata"),
                              QStringLiteral("Metadata key '%1' is longer than 40 characters.").arg(it.key()));
        if (!it.value().isString())
            return badRequest(QStringLiteral("invalid_metadata"),
                              QStringLiteral("Metadata value of '%1' must be a string.").arg(it.key()));
        if (it.value().toString().size() > 600)
            return badRequest(QStringLiteral("invalid_metadata"),
                              QStringLiteral("Metadata value of '%1' is longer than 600 characters.").arg(it.key()));
    }
    return std::nullopt;
}

// ---------------------------------------------------------------------------------- users

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

// -------------------------------------------------------------------------- organizations

namespace {

// Domains from domain_data [{domain, state}] or the deprecated domains ["x"]; nullopt if absent.
std::optional<QList<std::pair<QString, QString>>> requestedDomains(const QJsonObject &body, Response &error)
{
    QList<std::pair<QString, QString>> out;
    if (body.contains(QLatin1String("domain_data"))) {
        const QJsonValue v = body.value(QLatin1String("domain_data"));
        if (!v.isArray()) {
            error = typeError(QStringLiteral("domain_data"), QStringLiteral("an array"));
            return std::nullopt;
        }
        for (const QJsonValue &d : v.toArray()) {
            const QJsonObject o = d.toObject();
            const QString state = o.value(QLatin1String("state")).toString(QStringLiteral("pending"));
            if (!o.value(QLatin1String("domain")).isString() || (state != u"verified" && state != u"pending")) {
                error = errors::validation(QJsonArray{QJsonObject{{QStringLiteral("field"), QStringLiteral("domain_data")},
                                                                  {QStringLiteral("code"), QStringLiteral("invalid")}}});
                return std::nullopt;
            }
            out.append({o.value(QLatin1String("domain")).toString().toLower(), state});
        }
        return out;
    }
    if (body.contains(QLatin1String("domains"))) {
        const QJsonValue v = body.value(QLatin1String("domains"));
        if (!v.isArray()) {
            error = typeError(QStringLiteral("domains"), QStringLiteral("an array of strings"));
            return std::nullopt;
        }
        for (const QJsonValue &d : v.toArray())
            out.append({d.toString().toLower(), QStringLiteral("legacy_verified")});
        return out;
    }
    error = {};
    return std::nullopt;
}

std::optional<Response> checkDomainsFree(Emulator &emu, const QList<std::pair<QString, QString>> &domains, const QString &selfId)
{
    for (const auto &[domain, state] : domains) {
        Q_UNUSED(state)
        const QJsonObject other = emu.store().organizations.findFirst([&](const QJsonObject &o) {
            if (str(o, "id") == selfId)
                return false;
            for (const QJsonValue &d : o.value(QLatin1String("domains")).toArray()) {
                if (d.toObject().value(QLatin1String("domain")).toString() == domain)
                    return true;
            }
            return false;
        });
        if (!other.isEmpty())
            return Response::json(409, QJsonObject{{QStringLiteral("message"),
                                                    QStringLiteral("An Organization with the domain %1 already exists.").arg(domain)}});
    }
    return std::nullopt;
}

QJsonArray domainObjects(Emulator &emu, const QString &orgId, const QList<std::pair<QString, QString>> &domains,
                         const QJsonArray &previous)
{
    QJsonArray out;
    const QString now = emu.clock().iso();
    for (const auto &[domain, state] : domains) {
        QJsonObject existing;
        for (const QJsonValue &p : previous) {
            if (p.toObject().value(QLatin1String("domain")).toString() == domain)
                existing = p.toObject();
        }
        if (existing.isEmpty())
            existing = QJsonObject{{QStringLiteral("object"), QStringLiteral("organization_domain")},
                                   {QStringLiteral("id"), newId(QStringLiteral("org_domain"))},
                                   {QStringLiteral("organization_id"), orgId},
                                   {QStringLiteral("domain"), domain},
                                   {QStringLiteral("created_at"), now}};
        existing.insert(QStringLiteral("state"), state);
        existing.insert(QStringLiteral("verification_strategy"), state == u"pending" ? QStringLiteral("dns") : QStringLiteral("manual"));
        existing.insert(QStringLiteral("updated_at"), now);
        out.append(existing);
    }
    return out;
}

std::optional<Response> checkExternalId(Emulator &emu, const QJsonObject &body, const QString &selfId)
{
    if (!body.value(QLatin1String("external_id")).isString())
        return std::nullopt;
    const QString external = str(body, "external_id");
    if (external.size() > 128)
        return typeError(QStringLiteral("external_id"), QStringLiteral("at most 128 characters"));
    const QJsonObject other = emu.store().organizations.findFirst(
        [&](const QJsonObject &o) { return str(o, "external_id") == external && str(o, "id") != selfId; });
    if (!other.isEmpty())
        return badRequest(QStringLiteral("external_id_already_used"), QStringLiteral("This external_id is already in use."));
    return std::nullopt;
}

} // namespace

Outcome createOrganization(Emulator &emu, const QJsonObject &body, bool notify)
{
    if (!body.value(QLatin1String("name")).isString() || str(body, "name").trimmed().isEmpty())
        return Outcome::fail(errors::fieldRequired(QStringLiteral("name")));
    if (auto e = checkStrings(body, {"external_id"}))
        return Outcome::fail(*e);
    if (auto e = checkMetadata(body.value(QLatin1String("metadata"))))
        return Outcome::fail(*e);
    if (auto e = checkExternalId(emu, body, {}))
        return Outcome::fail(*e);
    Response error;
    const auto domains = requestedDomains(body, error);
    if (!domains && error.status != 200)
        return Outcome::fail(error);
    if (domains) {
        if (auto e = checkDomainsFree(emu, *domains, {}))
            return Outcome::fail(*e);
    }
    const QString now = emu.clock().iso();
    const QString id = body.value(QLatin1String("id")).isString() ? str(body, "id") : newId(QStringLiteral("org"));
    QJsonObject org{{QStringLiteral("object"), QStringLiteral("organization")},
                    {QStringLiteral("id"), id},
                    {QStringLiteral("name"), str(body, "name").trimmed()},
                    {QStringLiteral("domains"), domains ? domainObjects(emu, id, *domains, {}) : QJsonArray()},
                    {QStringLiteral("metadata"), body.value(QLatin1String("metadata")).isObject() ? body.value(QLatin1String("metadata")) : QJsonObject()},
                    {QStringLiteral("external_id"), stringOrNull(body, "external_id")},
                    {QStringLiteral("allow_profiles_outside_organization"),
                     body.value(QLatin1String("allow_profiles_outside_organization")).toBool(false)},
                    {QStringLiteral("created_at"), now},
                    {QStringLiteral("updated_at"), now}};
    emu.store().organizations.insert(org);
    if (notify)
        emu.events().emitEvent(QStringLiteral("organization.created"), org);
    return {org, std::nullopt};
}

Outcome updateOrganization(Emulator &emu, const QString &id, const QJsonObject &body, bool notify)
{
    QJsonObject org = emu.store().organizations.get(id);
    if (org.isEmpty())
        return Outcome::fail(errors::notFound(QStringLiteral("Organization"), id));
    if (body.contains(QLatin1String("name")) && (!body.value(QLatin1String("name")).isString() || str(body, "name").trimmed().isEmpty()))
        return Outcome::fail(typeError(QStringLiteral("name"), QStringLiteral("a non-empty string")));
    if (auto e = checkStrings(body, {"external_id", "stripe_customer_id"}))
        return Outcome::fail(*e);
    if (auto e = checkMetadata(body.value(QLatin1String("metadata"))))
        return Outcome::fail(*e);
    if (auto e = checkExternalId(emu, body, id))
        return Outcome::fail(*e);
    Response error;
    const auto domains = requestedDomains(body, error);
    if (!domains && error.status != 200)
        return Outcome::fail(error);
    if (domains) {
        if (auto e = checkDomainsFree(emu, *domains, id))
            return Outcome::fail(*e);
        org.insert(QStringLiteral("domains"), domainObjects(emu, id, *domains, org.value(QLatin1String("domains")).toArray()));
    }
    if (body.contains(QLatin1String("name")))
        org.insert(QStringLiteral("name"), str(body, "name").trimmed());
    if (body.contains(QLatin1String("metadata")))
        org.insert(QStringLiteral("metadata"), body.value(QLatin1String("metadata")).isObject() ? body.value(QLatin1String("metadata")) : QJsonObject());
    if (body.contains(QLatin1String("external_id")))
        org.insert(QStringLiteral("external_id"), stringOrNull(body, "external_id"));
    if (body.value(QLatin1String("stripe_customer_id")).isString())
        org.insert(QStringLiteral("stripe_customer_id"), str(body, "stripe_customer_id"));
    else if (body.contains(QLatin1String("stripe_customer_id")))
        org.remove(QStringLiteral("stripe_customer_id"));
    if (body.contains(QLatin1String("allow_profiles_outside_organization")))
        org.insert(QStringLiteral("allow_profiles_outside_organization"),
                   body.value(QLatin1String("allow_profiles_outside_organization")).toBool());
    org.insert(QStringLiteral("updated_at"), emu.clock().iso());
    emu.store().organizations.update(org);
    // Memberships carry the organization's name in REST answers; nothing else to update.
    if (notify)
        emu.events().emitEvent(QStringLiteral("organization.updated"), org);
    return {org, std::nullopt};
}

std::optional<Response> deleteOrganization(Emulator &emu, const QString &id, bool notify)
{
    const QJsonObject org = emu.store().organizations.get(id);
    if (org.isEmpty())
        return errors::notFound(QStringLiteral("Organization"), id);
    for (const QJsonObject &m : emu.store().memberships.select([&](const QJsonObject &m) { return str(m, "organization_id") == id; }))
        deleteMembership(emu, str(m, "id"), notify);
    for (const QJsonObject &r : emu.store().roles.select([&](const QJsonObject &r) { return str(r, "organization_id") == id; }))
        emu.store().roles.remove(str(r, "id"));
    emu.store().organizations.remove(id);
    if (notify)
        emu.events().emitEvent(QStringLiteral("organization.deleted"), org);
    return std::nullopt;
}

// ---------------------------------------------------------------------------------- roles

QJsonObject createRole(Emulator &emu, const QJsonObject &spec, const QString &organizationId)
{
    const QString now = emu.clock().iso();
    const QString slug = str(spec, "slug");
    QString name = str(spec, "name");
    if (name.isEmpty() && !slug.isEmpty())
        name = slug.at(0).toUpper() + slug.mid(1);
    QJsonObject role{{QStringLiteral("object"), QStringLiteral("role")},
                     {QStringLiteral("id"), spec.value(QLatin1String("id")).isString() ? str(spec, "id") : newId(QStringLiteral("role"))},
                     {QStringLiteral("name"), name},
                     {QStringLiteral("slug"), slug},
                     {QStringLiteral("description"), stringOrNull(spec, "description")},
                     {QStringLiteral("type"), organizationId.isEmpty() ? QStringLiteral("EnvironmentRole") : QStringLiteral("OrganizationRole")},
                     {QStringLiteral("resource_type_slug"), QStringLiteral("organization")},
                     {QStringLiteral("permissions"), spec.value(QLatin1String("permissions")).toArray()},
                     {QStringLiteral("created_at"), now},
                     {QStringLiteral("updated_at"), now}};
    if (!organizationId.isEmpty())
        role.insert(QStringLiteral("organization_id"), organizationId);
    emu.store().roles.insert(role);
    return role;
}

QList<QJsonObject> rolesFor(Emulator &emu, const QString &organizationId)
{
    QList<QJsonObject> env = emu.store().roles.select([](const QJsonObject &r) { return !r.contains(QLatin1String("organization_id")); });
    env.append(emu.store().roles.select([&](const QJsonObject &r) { return str(r, "organization_id") == organizationId; }));
    for (QJsonObject &r : env)
        r.remove(QStringLiteral("organization_id")); // internal: not part of the Role shape
    return env;
}

QStringList permissionsFor(Emulator &emu, const QString &organizationId, const QString &roleSlug)
{
    for (const QJsonObject &r : rolesFor(emu, organizationId)) {
        if (str(r, "slug") == roleSlug) {
            QStringList out;
            for (const QJsonValue &p : r.value(QLatin1String("permissions")).toArray())
                out.append(p.toString());
            return out;
        }
    }
    return {};
}

// ---------------------------------------------------------------------------- memberships

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

// ----------------------------------------------------------------------- directory sync

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

// ---------------------------------------------------------------------------- connections

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

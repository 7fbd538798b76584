// Organizations with their domains, and roles (environment and per organization).
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

} // namespace emu::domain

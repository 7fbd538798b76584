#include "Emulator.h"
#include "http/Errors.h"
#include "http/JsonBody.h"
#include "http/Pagination.h"
#include "model/Domain.h"
#include "routes/Routes.h"

#include <QJsonArray>

namespace emu {

// /organizations and the roles of an organization (workos-api.md §4)
void registerOrganizationRoutes(Emulator &emu)
{
    Router &r = emu.router();

    r.get(QStringLiteral("/organizations"), Access::ApiKey, [&emu](Request &req) {
        Response error;
        const auto params = ListParams::parse(req, error);
        if (!params)
            return error;
        const QStringList domains = req.queryList(QStringLiteral("domains"));
        const QString search = req.queryValue(QStringLiteral("search"));
        const auto orgs = emu.store().organizations.select([&](const QJsonObject &o) {
            if (!search.isEmpty() && !o.value(QLatin1String("name")).toString().contains(search, Qt::CaseInsensitive))
                return false;
            if (domains.isEmpty())
                return true;
            for (const QJsonValue &d : o.value(QLatin1String("domains")).toArray()) {
                if (domains.contains(d.toObject().value(QLatin1String("domain")).toString(), Qt::CaseInsensitive))
                    return true;
            }
            return false;
        });
        return Response::json(200, paginate(orgs, *params));
    });

    r.post(QStringLiteral("/organizations"), Access::ApiKey, [&emu](Request &req) {
        Response error;
        auto body = jsonBody(req, error);
        if (!body)
            return error;
        body->remove(QStringLiteral("id"));
        const Outcome o = domain::createOrganization(emu, *body, true);
        return o.ok() ? Response::json(201, o.value) : *o.error;
    });

    r.get(QStringLiteral("/organizations/{id}"), Access::ApiKey, [&emu](Request &req) {
        const QString id = req.params.value(QStringLiteral("id"));
        const QJsonObject o = emu.store().organizations.get(id);
        return o.isEmpty() ? errors::notFound(QStringLiteral("Organization"), id) : Response::json(200, o);
    });

    r.get(QStringLiteral("/organizations/external_id/{external_id}"), Access::ApiKey, [&emu](Request &req) {
        const QString external = req.params.value(QStringLiteral("external_id"));
        const QJsonObject o = emu.store().organizations.findFirst(
            [&](const QJsonObject &candidate) { return candidate.value(QLatin1String("external_id")).toString() == external; });
        return o.isEmpty() ? errors::notFound(QStringLiteral("Organization"), external) : Response::json(200, o);
    });

    r.put(QStringLiteral("/organizations/{id}"), Access::ApiKey, [&emu](Request &req) {
        Response error;
        const auto body = jsonBody(req, error);
        if (!body)
            return error;
        const Outcome o = domain::updateOrganization(emu, req.params.value(QStringLiteral("id")), *body, true);
        return o.ok() ? Response::json(200, o.value) : *o.error;
    });

    r.del(QStringLiteral("/organizations/{id}"), Access::ApiKey, [&emu](Request &req) {
        const auto e = domain::deleteOrganization(emu, req.params.value(QStringLiteral("id")), true);
        return e ? *e : Response::empty(200);
    });

    // Both the current and the legacy path answer the same (workos-api.md §4.2).
    for (const QString &path : {QStringLiteral("/authorization/organizations/{id}/roles"), QStringLiteral("/organizations/{id}/roles")}) {
        r.get(path, Access::ApiKey, [&emu](Request &req) {
            const QString id = req.params.value(QStringLiteral("id"));
            if (!emu.store().organizations.contains(id))
                return errors::notFound(QStringLiteral("Organization"), id);
            QJsonArray data;
            for (const QJsonObject &role : domain::rolesFor(emu, id))
                data.append(role);
            return Response::json(200, QJsonObject{{QStringLiteral("object"), QStringLiteral("list")}, {QStringLiteral("data"), data}});
        });
    }
}

} // namespace emu

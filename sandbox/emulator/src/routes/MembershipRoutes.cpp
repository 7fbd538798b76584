#include "Emulator.h"
#include "http/Errors.h"
#include "http/JsonBody.h"
#include "http/Pagination.h"
#include "model/Domain.h"
#include "routes/Routes.h"

namespace emu {

// /user_management/organization_memberships (workos-api.md §3.4)
void registerMembershipRoutes(Emulator &emu)
{
    Router &r = emu.router();
    const QString base = QStringLiteral("/user_management/organization_memberships");

    r.get(base, Access::ApiKey, [&emu](Request &req) {
        Response error;
        const auto params = ListParams::parse(req, error);
        if (!params)
            return error;
        const QString userId = req.queryValue(QStringLiteral("user_id"));
        const QString orgId = req.queryValue(QStringLiteral("organization_id"));
        if (userId.isEmpty() && orgId.isEmpty())
            return errors::standard(400, QStringLiteral("missing_user_id_or_organization_id"),
                                    QStringLiteral("Either user_id or organization_id must be provided."));
        QStringList statuses = req.queryList(QStringLiteral("statuses"));
        if (statuses.isEmpty())
            statuses = {QStringLiteral("active")}; // only active ones unless asked
        for (const QString &s : statuses) {
            if (s != u"active" && s != u"inactive" && s != u"pending")
                return errors::validation(QJsonArray{QJsonObject{{QStringLiteral("field"), QStringLiteral("statuses")},
                                                                 {QStringLiteral("code"), QStringLiteral("invalid")}}});
        }
        auto found = emu.store().memberships.select([&](const QJsonObject &m) {
            return (userId.isEmpty() || m.value(QLatin1String("user_id")).toString() == userId)
                && (orgId.isEmpty() || m.value(QLatin1String("organization_id")).toString() == orgId)
                && statuses.contains(m.value(QLatin1String("status")).toString());
        });
        for (QJsonObject &m : found)
            m = domain::membershipForRest(emu, m);
        return Response::json(200, paginate(found, *params));
    });

    r.post(base, Access::ApiKey, [&emu](Request &req) {
        Response error;
        auto body = jsonBody(req, error);
        if (!body)
            return error;
        body->remove(QStringLiteral("id"));
        body->remove(QStringLiteral("status"));
        const Outcome o = domain::createMembership(emu, *body, true);
        return o.ok() ? Response::json(201, o.value) : *o.error;
    });

    r.get(base + QStringLiteral("/{id}"), Access::ApiKey, [&emu](Request &req) {
        const QString id = req.params.value(QStringLiteral("id"));
        const QJsonObject m = emu.store().memberships.get(id);
        return m.isEmpty() ? errors::notFound(QStringLiteral("Organization membership"), id)
                           : Response::json(200, domain::membershipForRest(emu, m));
    });

    r.put(base + QStringLiteral("/{id}"), Access::ApiKey, [&emu](Request &req) {
        Response error;
        const auto body = jsonBody(req, error);
        if (!body)
            return error;
        const Outcome o = domain::updateMembership(emu, req.params.value(QStringLiteral("id")), *body, true);
        return o.ok() ? Response::json(200, o.value) : *o.error;
    });

    r.del(base + QStringLiteral("/{id}"), Access::ApiKey, [&emu](Request &req) {
        const auto e = domain::deleteMembership(emu, req.params.value(QStringLiteral("id")), true);
        return e ? *e : Response::empty(200);
    });

    for (const bool active : {false, true}) {
        r.put(base + (active ? QStringLiteral("/{id}/reactivate") : QStringLiteral("/{id}/deactivate")), Access::ApiKey,
              [&emu, active](Request &req) {
                  const Outcome o = domain::setMembershipActive(emu, req.params.value(QStringLiteral("id")), active, true);
                  return o.ok() ? Response::json(200, o.value) : *o.error;
              });
    }
}

} // namespace emu

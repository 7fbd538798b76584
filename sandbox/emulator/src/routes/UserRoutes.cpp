#include "Emulator.h"
#include "http/Errors.h"
#include "http/JsonBody.h"
#include "http/Pagination.h"
#include "model/Domain.h"
#include "routes/Routes.h"

namespace emu {

// /user_management/users (workos-api.md §3.3)
void registerUserRoutes(Emulator &emu)
{
    Router &r = emu.router();

    r.get(QStringLiteral("/user_management/users"), Access::ApiKey, [&emu](Request &req) {
        Response error;
        const auto params = ListParams::parse(req, error);
        if (!params)
            return error;
        const QString email = req.queryValue(QStringLiteral("email"));
        QString orgId = req.queryValue(QStringLiteral("organization_id"));
        if (orgId.isEmpty())
            orgId = req.queryValue(QStringLiteral("organization")); // deprecated alias
        QSet<QString> members;
        if (!orgId.isEmpty()) {
            for (const QJsonObject &m : emu.store().memberships.select(
                     [&](const QJsonObject &m) { return m.value(QLatin1String("organization_id")).toString() == orgId; }))
                members.insert(m.value(QLatin1String("user_id")).toString());
        }
        // Without filters the ids come straight from the collection: 10,000 users page in well
        // under a second because only the page's objects are touched.
        std::function<bool(const QJsonObject &)> keep;
        if (!email.isEmpty() || !orgId.isEmpty())
            keep = [&](const QJsonObject &u) {
                if (!email.isEmpty() && u.value(QLatin1String("email")).toString().compare(email, Qt::CaseInsensitive) != 0)
                    return false;
                return orgId.isEmpty() || members.contains(u.value(QLatin1String("id")).toString());
            };
        const Collection &users = emu.store().users;
        return Response::json(200, paginateIds(users.ids(keep), *params, [&](const QString &id) { return users.get(id); }));
    });

    r.post(QStringLiteral("/user_management/users"), Access::ApiKey, [&emu](Request &req) {
        Response error;
        auto body = jsonBody(req, error);
        if (!body)
            return error;
        body->remove(QStringLiteral("id")); // ids are the emulator's to give
        const Outcome o = domain::createUser(emu, *body, true);
        return o.ok() ? Response::json(201, o.value) : *o.error;
    });

    r.get(QStringLiteral("/user_management/users/{id}"), Access::ApiKey, [&emu](Request &req) {
        const QJsonObject u = emu.store().users.get(req.params.value(QStringLiteral("id")));
        return u.isEmpty() ? errors::notFound(QStringLiteral("User"), req.params.value(QStringLiteral("id"))) : Response::json(200, u);
    });

    r.get(QStringLiteral("/user_management/users/external_id/{external_id}"), Access::ApiKey, [&emu](Request &req) {
        const QString external = req.params.value(QStringLiteral("external_id"));
        const QJsonObject u = emu.store().users.findFirst(
            [&](const QJsonObject &candidate) { return candidate.value(QLatin1String("external_id")).toString() == external; });
        return u.isEmpty() ? errors::notFound(QStringLiteral("User"), external) : Response::json(200, u);
    });

    r.put(QStringLiteral("/user_management/users/{id}"), Access::ApiKey, [&emu](Request &req) {
        Response error;
        const auto body = jsonBody(req, error);
        if (!body)
            return error;
        const Outcome o = domain::updateUser(emu, req.params.value(QStringLiteral("id")), *body, true);
        return o.ok() ? Response::json(200, o.value) : *o.error;
    });

    r.del(QStringLiteral("/user_management/users/{id}"), Access::ApiKey, [&emu](Request &req) {
        const auto e = domain::deleteUser(emu, req.params.value(QStringLiteral("id")), true);
        return e ? *e : Response::empty(200);
    });
}

} // namespace emu

#include "Emulator.h"
#include "http/Errors.h"
#include "http/Pagination.h"
#include "model/Domain.h"
#include "routes/Routes.h"

namespace emu {

// Directory Sync reads (workos-api.md §5). Directory data only changes through the IdP, which
// the control API plays (/_emulator/directories/...).
void registerDirectoryRoutes(Emulator &emu)
{
    Router &r = emu.router();

    r.get(QStringLiteral("/directories"), Access::ApiKey, [&emu](Request &req) {
        Response error;
        const auto params = ListParams::parse(req, error);
        if (!params)
            return error;
        const QString orgId = req.queryValue(QStringLiteral("organization_id"));
        const QString search = req.queryValue(QStringLiteral("search"));
        const QString domainFilter = req.queryValue(QStringLiteral("domain"));
        const auto dirs = emu.store().directories.select([&](const QJsonObject &d) {
            return (orgId.isEmpty() || d.value(QLatin1String("organization_id")).toString() == orgId)
                && (search.isEmpty() || d.value(QLatin1String("name")).toString().contains(search, Qt::CaseInsensitive))
                && (domainFilter.isEmpty() || d.value(QLatin1String("domain")).toString() == domainFilter);
        });
        return Response::json(200, paginate(dirs, *params));
    });

    r.get(QStringLiteral("/directories/{id}"), Access::ApiKey, [&emu](Request &req) {
        const QString id = req.params.value(QStringLiteral("id"));
        const QJsonObject d = emu.store().directories.get(id);
        return d.isEmpty() ? errors::notFound(QStringLiteral("Directory"), id) : Response::json(200, d);
    });

    r.del(QStringLiteral("/directories/{id}"), Access::ApiKey, [&emu](Request &req) {
        const auto e = domain::deleteDirectory(emu, req.params.value(QStringLiteral("id")), true);
        return e ? *e : Response::empty(200);
    });

    r.get(QStringLiteral("/directory_users"), Access::ApiKey, [&emu](Request &req) {
        Response error;
        const auto params = ListParams::parse(req, error);
        if (!params)
            return error;
        const QString directory = req.queryValue(QStringLiteral("directory"));
        const QString group = req.queryValue(QStringLiteral("group"));
        if (directory.isEmpty() && group.isEmpty())
            return errors::standard(422, QStringLiteral("invalid_request_parameters"),
                                    QStringLiteral("Either directory or group must be provided."));
        if (!directory.isEmpty() && !emu.store().directories.contains(directory))
            return errors::notFound(QStringLiteral("Directory"), directory);
        if (!group.isEmpty() && !emu.store().directoryGroups.contains(group))
            return errors::notFound(QStringLiteral("Directory group"), group);
        const QString email = req.queryValue(QStringLiteral("email"));
        const QString idpId = req.queryValue(QStringLiteral("idp_id"));
        const QSet<QString> members = emu.store().groupMembers.value(group);
        auto users = emu.store().directoryUsers.select([&](const QJsonObject &u) {
            return (directory.isEmpty() || u.value(QLatin1String("directory_id")).toString() == directory)
                && (group.isEmpty() || members.contains(u.value(QLatin1String("id")).toString()))
                && (email.isEmpty() || u.value(QLatin1String("email")).toString().compare(email, Qt::CaseInsensitive) == 0)
                && (idpId.isEmpty() || u.value(QLatin1String("idp_id")).toString() == idpId);
        });
        QJsonObject page = paginate(users, *params);
        QJsonArray data;
        for (const QJsonValue &u : page.value(QLatin1String("data")).toArray())
            data.append(domain::directoryUserForRest(emu, u.toObject()));
        page.insert(QStringLiteral("data"), data);
        return Response::json(200, page);
    });

    r.get(QStringLiteral("/directory_users/{id}"), Access::ApiKey, [&emu](Request &req) {
        const QString id = req.params.value(QStringLiteral("id"));
        const QJsonObject u = emu.store().directoryUsers.get(id);
        return u.isEmpty() ? errors::notFound(QStringLiteral("Directory user"), id)
                           : Response::json(200, domain::directoryUserForRest(emu, u));
    });

    r.get(QStringLiteral("/directory_groups"), Access::ApiKey, [&emu](Request &req) {
        Response error;
        const auto params = ListParams::parse(req, error);
        if (!params)
            return error;
        const QString directory = req.queryValue(QStringLiteral("directory"));
        const QString user = req.queryValue(QStringLiteral("user"));
        if (directory.isEmpty() && user.isEmpty())
            return errors::standard(422, QStringLiteral("invalid_request_parameters"),
                                    QStringLiteral("Either directory or user must be provided."));
        if (!directory.isEmpty() && !emu.store().directories.contains(directory))
            return errors::notFound(QStringLiteral("Directory"), directory);
        if (!user.isEmpty() && !emu.store().directoryUsers.contains(user))
            return errors::notFound(QStringLiteral("Directory user"), user);
        const auto groups = emu.store().directoryGroups.select([&](const QJsonObject &g) {
            return (directory.isEmpty() || g.value(QLatin1String("directory_id")).toString() == directory)
                && (user.isEmpty() || emu.store().groupMembers.value(g.value(QLatin1String("id")).toString()).contains(user));
        });
        return Response::json(200, paginate(groups, *params));
    });

    r.get(QStringLiteral("/directory_groups/{id}"), Access::ApiKey, [&emu](Request &req) {
        const QString id = req.params.value(QStringLiteral("id"));
        const QJsonObject g = emu.store().directoryGroups.get(id);
        return g.isEmpty() ? errors::notFound(QStringLiteral("Directory group"), id) : Response::json(200, g);
    });
}

} // namespace emu

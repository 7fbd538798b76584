#include "commands/OrgCommand.h"

#include "Console.h"
#include "orgs/OrgService.h"
#include "output/Formatter.h"
#include "site/SiteService.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <memory>

namespace workos::cli {

namespace {

QString text(const QJsonValue &v)
{
    if (v.isArray()) {
        QStringList parts;
        for (const QJsonValue &x : v.toArray())
            parts << x.toString();
        return parts.join(QLatin1Char(','));
    }
    if (v.isDouble())
        return QString::number(v.toInteger());
    return v.toString();
}

Table localTable(const QJsonArray &orgs, bool withDomains)
{
    Table t;
    t.columns = {QStringLiteral("id"), QStringLiteral("workos_org_id"), QStringLiteral("name"), QStringLiteral("slug")};
    if (withDomains)
        t.columns << QStringLiteral("domains");
    t.columns << QStringLiteral("created_at") << QStringLiteral("updated_at");
    for (const QJsonValue &v : orgs) {
        const QJsonObject o = v.toObject();
        QStringList row{text(o.value(u"local_id")), o.value(u"id").toString(), o.value(u"name").toString(), o.value(u"slug").toString()};
        if (withDomains)
            row << text(o.value(u"domains"));
        row << o.value(u"created_at").toString() << o.value(u"updated_at").toString();
        t.rows.append(row);
    }
    return t;
}

} // namespace

QString OrgCommand::summary() const
{
    return tr("List, fetch and sync organizations; show and change their members.");
}

void OrgCommand::configure(QCommandLineParser &parser) const
{
    parser.addPositionalArgument(QStringLiteral("action"), tr("list | get ID | sync WORKOS_ORG_ID | members ID | add-member ORG_ID USER_ID | remove-member ORG_ID USER_ID"));
    parser.addOption({QStringLiteral("source"), tr("list: local (the site's cache) or remote (WorkOS)."), QStringLiteral("source"), QStringLiteral("local")});
    parser.addOption({QStringLiteral("by"), tr("get, members: id (local), workos_id or remote (get only)."), QStringLiteral("by"), QStringLiteral("id")});
    parser.addOption({QStringLiteral("role"), tr("add-member: the WorkOS role slug."), QStringLiteral("role"), QStringLiteral("member")});
    parser.addOption({QStringLiteral("format"), tr("table, json, csv or yaml."), QStringLiteral("format"), QStringLiteral("table")});
    parser.addOption({QStringLiteral("yes"), tr("remove-member: do not ask for confirmation.")});
}

void OrgCommand::run(const QStringList &args, const QCommandLineParser &parser, Context &ctx, std::function<void(int)> finish)
{
    const QString action = args.value(0);
    const QMap<QString, int> arity{{QStringLiteral("list"), 1}, {QStringLiteral("get"), 2}, {QStringLiteral("sync"), 2}, {QStringLiteral("members"), 2},
                                   {QStringLiteral("add-member"), 3}, {QStringLiteral("remove-member"), 3}};
    const auto format = parseOutputFormat(parser.value(QStringLiteral("format")));
    const QString by = parser.value(QStringLiteral("by"));
    const QString source = parser.value(QStringLiteral("source"));
    if (!arity.contains(action) || arity.value(action) != args.size() || !format || *format == OutputFormat::Ids
        || (by != u"id" && by != u"workos_id" && by != u"remote") || (source != u"local" && source != u"remote")) {
        ctx.console.err(tr("usage: wpworkos org list [--source=local|remote] [--format F]\n"
                           "       wpworkos org get ID [--by=id|workos_id|remote] [--format F]\n"
                           "       wpworkos org sync WORKOS_ORG_ID\n"
                           "       wpworkos org members ID [--by=id|workos_id] [--format F]\n"
                           "       wpworkos org add-member ORG_ID USER_ID [--role=member]\n"
                           "       wpworkos org remove-member ORG_ID USER_ID [--yes]\n"));
        return finish(ExitUsage);
    }
    const Result<SiteProfile> site = ctx.sites.resolve(ctx.site);
    if (!site) {
        ctx.console.error(site.error().message);
        return finish(ExitError);
    }
    const OutputFormat fmt = *format;
    auto fail = [&ctx, finish](const QString &message) {
        ctx.console.error(message);
        finish(ExitError);
    };

    // WorkOS itself: org list --source=remote, org get --by=remote, org sync.
    const bool remote = (action == u"list" && source == u"remote") || (action == u"get" && by == u"remote") || action == u"sync";
    if (remote) {
        const QString id = args.value(1);
        const SiteProfile profile = site.value();
        ctx.sites.withWorkOS(profile, ctx.environment, ctx.owner, [&ctx, action, id, fmt, fail, finish, profile](const Result<std::shared_ptr<WorkOSClient>> &workos) {
            if (!workos)
                return fail(workos.error().message);
            auto api = workos.value();
            if (action == u"list") {
                auto rows = std::make_shared<Table>();
                rows->columns = {QStringLiteral("id"), QStringLiteral("name")};
                // The reference shows WorkOS's first page.
                api->forEachPage(QStringLiteral("/organizations"), {}, [rows](const QJsonArray &items) {
                    for (const QJsonValue &v : items)
                        rows->rows.append({v[QStringLiteral("id")].toString(), v[QStringLiteral("name")].toString()});
                    return false;
                }, [&ctx, api, rows, fmt, fail, finish](const Result<int> &r) {
                    if (!r)
                        return fail(r.error().message);
                    ctx.console.out(formatTable(*rows, fmt));
                    finish(ExitOk);
                });
                return;
            }
            api->getOrganization(id, [&ctx, api, action, id, fmt, fail, finish, profile](const Result<QJsonObject> &org) {
                if (!org)
                    return fail(action == u"sync" ? tr("Failed to fetch organization: %1").arg(org.error().message)
                                                  : (org.error().httpStatus == 404 ? tr("Organization not found.") : org.error().message));
                if (action == u"get") {
                    ctx.console.out(formatTable(Table{{QStringLiteral("id"), QStringLiteral("name")}, {{org->value(u"id").toString(), org->value(u"name").toString()}}}, fmt));
                    return finish(ExitOk);
                }
                ctx.sites.withClient(profile, ctx.owner, [&ctx, api, workosOrg = org.value(), id, fail, finish](const Result<std::shared_ptr<CompanionClient>> &client) {
                    if (!client)
                        return fail(client.error().message);
                    OrgService::cacheFromWorkOS(client.value(), workosOrg, ctx.owner, [&ctx, id, fail, finish](const Result<QJsonObject> &saved) {
                        if (!saved)
                            return fail(tr("Failed to upsert organization locally: %1").arg(saved.error().message));
                        ctx.console.success(tr("Synced organization %1 (local ID: %2).").arg(id).arg(saved->value(u"local_id").toInteger()));
                        finish(ExitOk);
                    });
                });
            });
        });
        return;
    }

    const QString role = parser.value(QStringLiteral("role"));
    const bool assumeYes = parser.isSet(QStringLiteral("yes"));
    ctx.sites.withClient(site.value(), ctx.owner, [&ctx, args, action, by, fmt, fail, finish, role, assumeYes](const Result<std::shared_ptr<CompanionClient>> &client) {
        if (!client)
            return fail(client.error().message);
        auto api = client.value();
        if (action == u"list") {
            OrgService::listAll(api, ctx.owner, [&ctx, fmt, fail, finish](const Result<QJsonArray> &all) {
                if (!all)
                    return fail(all.error().message);
                ctx.console.out(formatTable(localTable(all.value(), false), fmt));
                finish(ExitOk);
            });
            return;
        }
        const OrgService::By lookup = action.endsWith(u"member") || by == u"id" ? OrgService::By::LocalId : OrgService::By::WorkOSId;
        OrgService::find(api, args.value(1), lookup, ctx.owner, [&ctx, api, args, action, fmt, fail, finish, role, assumeYes](const Result<QJsonObject> &org) {
            if (!org)
                return fail(action.endsWith(u"member") && org.error().code == u"not_found" ? tr("Organization #%1 not found.").arg(args.value(1))
                                                                                           : org.error().message);
            const QString workosId = org->value(u"id").toString();
            const QString name = org->value(u"name").toString();
            if (action == u"get") {
                ctx.console.out(formatTable(localTable(QJsonArray{org.value()}, true), fmt));
                return finish(ExitOk);
            }
            if (action == u"members") {
                OrgService::members(api, workosId, ctx.owner, [&ctx, fmt, fail, finish](const Result<QJsonArray> &rows) {
                    if (!rows)
                        return fail(rows.error().message);
                    Table t;
                    t.columns = {QStringLiteral("user_id"), QStringLiteral("user_login"), QStringLiteral("user_email"), QStringLiteral("workos_role"),
                                 QStringLiteral("wp_role"), QStringLiteral("joined_at")};
                    for (const QJsonValue &v : rows.value()) {
                        const QJsonObject m = v.toObject();
                        const QString roles = text(m.value(u"roles"));
                        t.rows.append({text(m.value(u"user_id")), m.value(u"user_login").toString(), m.value(u"user_email").toString(),
                                       m.value(u"workos_role").toString(), roles.isEmpty() ? m.value(u"wp_role").toString() : roles,
                                       m.value(u"joined_at").toString()});
                    }
                    ctx.console.out(formatTable(t, fmt));
                    finish(ExitOk);
                });
                return;
            }
            const QString userId = args.value(2);
            const QString route = QStringLiteral("admin/orgs/") + workosId + QStringLiteral("/members");
            if (action == u"add-member") {
                const QJsonObject body{{QStringLiteral("user_id"), userId.toLongLong()}, {QStringLiteral("workos_role"), role}};
                api->call("POST", route, QJsonDocument(body).toJson(QJsonDocument::Compact), ctx.owner,
                          [&ctx, api, userId, name, role, fail, finish](const Result<QJsonObject> &added) {
                    if (!added)
                        return fail(added.error().message);
                    ctx.console.success(tr("Added user #%1 (%2) to organization '%3' with role '%4'.")
                                            .arg(userId, added->value(u"user_email").toString(), name, role));
                    finish(ExitOk);
                });
                return;
            }
            // remove-member
            if (!assumeYes) {
                if (!ctx.console.stdinIsTerminal())
                    return fail(tr("Confirmation needed: run in a terminal or pass --yes."));
                if (!ctx.console.confirm(tr("Remove user #%1 from organization '%2'?").arg(userId, name))) {
                    ctx.console.warning(tr("Nothing removed."));
                    return finish(ExitOk);
                }
            }
            api->call("DELETE", route + QLatin1Char('/') + userId, {}, ctx.owner, [&ctx, api, userId, name, fail, finish](const Result<QJsonObject> &removed) {
                if (!removed)
                    return fail(removed.error().message);
                ctx.console.success(tr("Removed user #%1 from organization '%2'.").arg(userId, name));
                finish(ExitOk);
            });
        });
    });
}

} // namespace workos::cli

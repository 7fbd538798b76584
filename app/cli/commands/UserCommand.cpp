#include "commands/UserCommand.h"

#include "Console.h"
#include "output/Formatter.h"
#include "site/SiteService.h"
#include "users/UserActions.h"
#include "users/UserFields.h"
#include "users/UserService.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <memory>

namespace workos::cli {

QString UserCommand::summary() const
{
    return tr("Show, list, link, unlink, sync and import users.");
}

void UserCommand::configure(QCommandLineParser &parser) const
{
    parser.addPositionalArgument(QStringLiteral("action"), tr("get ID | list | link WP_ID WORKOS_ID | unlink WP_ID | sync WP_ID | import WORKOS_ID"));
    parser.addOption({QStringLiteral("by"), tr("get: id, email or workos_id."), QStringLiteral("by"), QStringLiteral("id")});
    parser.addOption({QStringLiteral("linked"), tr("list: only users linked to WorkOS.")});
    parser.addOption({QStringLiteral("unlinked"), tr("list: only users not linked to WorkOS.")});
    parser.addOption({QStringLiteral("role"), tr("list: only users with this role."), QStringLiteral("role")});
    parser.addOption({QStringLiteral("fields"), tr("list: the columns (ID, user_login, user_email, display_name, role, workos_user_id, linked)."), QStringLiteral("fields")});
    parser.addOption({QStringLiteral("direction"), tr("sync: push (WordPress → WorkOS) or pull (WorkOS → WordPress)."), QStringLiteral("direction"), QStringLiteral("push")});
    parser.addOption({QStringLiteral("porcelain"), tr("import: print only the WordPress user id.")});
    parser.addOption({QStringLiteral("yes"), tr("unlink, import: do not ask for confirmation.")});
    parser.addOption({QStringLiteral("format"), tr("table, json, csv, yaml or ids (list)."), QStringLiteral("format"), QStringLiteral("table")});
}

void UserCommand::run(const QStringList &args, const QCommandLineParser &parser, Context &ctx, std::function<void(int)> finish)
{
    const QString action = args.value(0);
    const QMap<QString, int> arity{{QStringLiteral("get"), 2}, {QStringLiteral("list"), 1}, {QStringLiteral("link"), 3},
                                   {QStringLiteral("unlink"), 2}, {QStringLiteral("sync"), 2}, {QStringLiteral("import"), 2}};
    const auto format = parseOutputFormat(parser.value(QStringLiteral("format")));
    const QString by = parser.value(QStringLiteral("by"));
    const QString direction = parser.value(QStringLiteral("direction"));
    const QStringList knownFields = UserFields::listFields();
    const QStringList fields = parser.isSet(QStringLiteral("fields")) ? parser.value(QStringLiteral("fields")).split(QLatin1Char(','), Qt::SkipEmptyParts)
                                                                      : UserFields::defaultListFields();
    bool fieldsOk = !fields.isEmpty();
    for (const QString &f : fields)
        fieldsOk = fieldsOk && knownFields.contains(f);
    if (!arity.contains(action) || arity.value(action) != args.size() || !format || (*format == OutputFormat::Ids && action != u"list")
        || (by != u"id" && by != u"email" && by != u"workos_id") || (direction != u"push" && direction != u"pull") || !fieldsOk) {
        ctx.console.err(tr("usage: wpworkos user get ID [--by=id|email|workos_id] [--format F]\n"
                           "       wpworkos user list [--linked] [--unlinked] [--role=ROLE] [--fields=A,B] [--format F]\n"
                           "       wpworkos user link WP_ID WORKOS_ID\n"
                           "       wpworkos user unlink WP_ID [--yes]\n"
                           "       wpworkos user sync WP_ID [--direction=push|pull]\n"
                           "       wpworkos user import WORKOS_ID [--porcelain] [--yes]\n"));
        return finish(ExitUsage);
    }
    const Result<SiteProfile> site = ctx.sites.resolve(ctx.site);
    if (!site) {
        ctx.console.error(site.error().message);
        return finish(ExitError);
    }
    const SiteProfile profile = site.value();
    const OutputFormat fmt = *format;
    const bool assumeYes = parser.isSet(QStringLiteral("yes"));
    const bool porcelain = parser.isSet(QStringLiteral("porcelain"));
    UserFilter filter;
    if (parser.isSet(QStringLiteral("linked")) != parser.isSet(QStringLiteral("unlinked")))
        filter.linked = parser.isSet(QStringLiteral("linked"));
    filter.role = parser.value(QStringLiteral("role"));
    auto fail = [&ctx, finish](const QString &message) {
        ctx.console.error(message);
        finish(ExitError);
    };
    auto confirmed = [&ctx, assumeYes, fail](const QString &question) {
        if (assumeYes)
            return true;
        if (!ctx.console.stdinIsTerminal()) {
            fail(tr("Confirmation needed: run in a terminal or pass --yes."));
            return false;
        }
        return ctx.console.confirm(question);
    };

    ctx.sites.withClient(profile, ctx.owner, [=, &ctx](const Result<std::shared_ptr<CompanionClient>> &client) {
        if (!client)
            return fail(client.error().message);
        auto api = client.value();
        const QString arg = args.value(1);

        if (action == u"list") {
            auto table = std::make_shared<Table>();
            table->columns = fields;
            UserService::list(api, filter, ctx.owner, [table, fields](const QJsonArray &users) {
                for (const QJsonValue &v : users) {
                    const QJsonObject u = v.toObject();
                    QStringList row;
                    for (const QString &f : fields)
                        row << UserFields::value(u, f);
                    table->rows.append(row);
                }
                return true;
            }, [&ctx, api, table, fmt, fail, finish](const Result<int> &r) {
                if (!r)
                    return fail(r.error().message);
                ctx.console.out(formatTable(*table, fmt));
                finish(ExitOk);
            });
            return;
        }

        if (action == u"get") {
            const UserService::By lookup = by == u"email" ? UserService::By::Email : by == u"workos_id" ? UserService::By::WorkOSId : UserService::By::Id;
            UserService::find(api, arg, lookup, ctx.owner, [&ctx, api, fmt, fail, finish](const Result<QJsonObject> &u) {
                if (!u)
                    return fail(u.error().message);
                ctx.console.out(formatTable(UserFields::details(u.value()), fmt));
                finish(ExitOk);
            });
            return;
        }

        // Every other action is about WordPress user #arg (import: WorkOS user arg).
        bool numeric = false;
        const qint64 wpId = arg.toLongLong(&numeric);
        if (action != u"import" && (!numeric || wpId <= 0))
            return fail(UserActions::notFound(arg).message);

        if (action == u"unlink") {
            UserActions::user(api, wpId, UserActions::Need::Linked, ctx.owner, [=, &ctx](const Result<QJsonObject> &u) {
                if (!u)
                    return fail(u.error().message);
                if (!confirmed(tr("Unlink user #%1 (%2) from WorkOS ID %3?").arg(arg, u->value(u"email").toString(), UserFields::workosUserId(u.value())))) {
                    if (assumeYes || ctx.console.stdinIsTerminal()) {
                        ctx.console.warning(tr("Nothing changed."));
                        finish(ExitOk);
                    }
                    return;
                }
                UserActions::unlink(api, wpId, ctx.owner, [=, &ctx](const Result<QJsonObject> &r) {
                    if (!r)
                        return fail(r.error().message);
                    ctx.console.success(tr("Unlinked WordPress user #%1 from WorkOS.").arg(arg));
                    finish(ExitOk);
                });
            });
            return;
        }

        // link, sync, import ask WorkOS: the console's key for the site.
        ctx.sites.withWorkOS(profile, ctx.environment, ctx.owner, [=, &ctx](const Result<std::shared_ptr<WorkOSClient>> &workos) {
            if (!workos)
                return fail(workos.error().code == u"workos_not_configured" ? tr("WorkOS is not configured. %1").arg(workos.error().message) : workos.error().message);
            auto wapi = workos.value();
            if (action == u"link") {
                UserActions::link(api, wapi, wpId, args.value(2), ctx.owner, [=, &ctx](const Result<QJsonObject> &remote) {
                    if (!remote)
                        return fail(remote.error().message);
                    ctx.console.success(tr("Linked WordPress user #%1 to WorkOS user %2.").arg(arg, remote->value(u"id").toString()));
                    finish(ExitOk);
                });
                return;
            }
            if (action == u"import") {
                UserActions::workosUser(wapi, arg, [=, &ctx](const Result<QJsonObject> &remote) {
                    if (!remote)
                        return fail(remote.error().message);
                    const QString email = remote->value(u"email").toString();
                    if (!confirmed(tr("Import WorkOS user %1 (%2) into WordPress?").arg(arg, email))) {
                        if (assumeYes || ctx.console.stdinIsTerminal()) {
                            ctx.console.warning(tr("Nothing imported."));
                            finish(ExitOk);
                        }
                        return;
                    }
                    UserActions::import(api, remote.value(), ctx.owner, [=, &ctx](const Result<QJsonObject> &r) {
                        if (!r)
                            return fail(r.error().message);
                        const QString imported = QString::number(r->value(u"user_id").toInteger());
                        if (porcelain)
                            ctx.console.out(imported + QLatin1Char('\n'));
                        else
                            ctx.console.success(tr("Imported WorkOS user %1 as WordPress user #%2 (%3).").arg(arg, imported, email));
                        finish(ExitOk);
                    });
                });
                return;
            }
            // sync: pull writes WorkOS's profile to the user; push makes the WorkOS user and links it
            // (the site itself pushes the changes of linked users, queued, §9.2).
            auto synced = [=, &ctx](const Result<QJsonObject> &r) {
                if (!r)
                    return fail(r.error().message);
                ctx.console.success(direction == u"pull" ? tr("Synced user #%1 (pull).").arg(arg) : tr("Synced user #%1 (push).").arg(arg));
                finish(ExitOk);
            };
            if (direction == u"pull")
                UserActions::pull(api, wapi, wpId, ctx.owner, synced);
            else
                UserActions::push(api, wapi, wpId, ctx.owner, synced);
        });
    });
}

} // namespace workos::cli

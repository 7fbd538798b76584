#include "commands/UserCommand.h"

#include "Console.h"
#include "output/Formatter.h"
#include "site/SiteService.h"
#include "users/UserService.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <memory>

namespace workos::cli {

namespace {

QString orNone(const QJsonValue &v, const QString &none)
{
    const QString s = v.isDouble() ? QString::number(v.toInteger()) : v.toString();
    return s.isEmpty() ? none : s;
}

QString roles(const QJsonObject &u)
{
    QStringList r;
    for (const QJsonValue &v : u.value(u"roles").toArray())
        r << v.toString();
    return r.join(QLatin1Char(','));
}

// The first operation's result of a users/batch answer, or its error as a message.
Result<QJsonObject> firstResult(const Result<QJsonObject> &answer)
{
    if (!answer)
        return answer.error();
    const QJsonObject r = answer->value(u"results").toArray().first().toObject();
    if (!r.value(u"ok").toBool())
        return Error{r.value(u"error").toObject().value(u"message").toString(), r.value(u"error").toObject().value(u"code").toString()};
    return r;
}

} // namespace

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
    const QStringList knownFields{QStringLiteral("ID"), QStringLiteral("user_login"), QStringLiteral("user_email"), QStringLiteral("display_name"),
                                  QStringLiteral("role"), QStringLiteral("workos_user_id"), QStringLiteral("linked")};
    const QStringList fields = parser.isSet(QStringLiteral("fields")) ? parser.value(QStringLiteral("fields")).split(QLatin1Char(','), Qt::SkipEmptyParts)
                                                                      : QStringList{QStringLiteral("ID"), QStringLiteral("user_login"), QStringLiteral("user_email"),
                                                                                    QStringLiteral("role"), QStringLiteral("workos_user_id"), QStringLiteral("linked")};
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
                    for (const QString &f : fields) {
                        if (f == u"ID") row << QString::number(u.value(u"id").toInteger());
                        else if (f == u"user_login") row << u.value(u"login").toString();
                        else if (f == u"user_email") row << u.value(u"email").toString();
                        else if (f == u"display_name") row << u.value(u"display_name").toString();
                        else if (f == u"role") row << roles(u);
                        else if (f == u"workos_user_id") row << u.value(u"workos_user_id").toString();
                        else row << (u.value(u"workos_user_id").toString().isEmpty() ? QStringLiteral("no") : QStringLiteral("yes"));
                    }
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
                Table t;
                t.columns = {QStringLiteral("wp_user_id"), QStringLiteral("user_login"), QStringLiteral("user_email"), QStringLiteral("display_name"),
                             QStringLiteral("role"), QStringLiteral("workos_user_id"), QStringLiteral("workos_org_id"), QStringLiteral("last_synced_at"),
                             QStringLiteral("is_deactivated")};
                t.rows.append({QString::number(u->value(u"id").toInteger()), u->value(u"login").toString(), u->value(u"email").toString(),
                               u->value(u"display_name").toString(), roles(u.value()), orNone(u->value(u"workos_user_id"), QStringLiteral("(none)")),
                               orNone(u->value(u"org_id"), QStringLiteral("(none)")), orNone(u->value(u"last_synced_at"), QStringLiteral("(never)")),
                               u->value(u"deactivated").toBool() ? QStringLiteral("yes") : QStringLiteral("no")});
                ctx.console.out(formatTable(t, fmt));
                finish(ExitOk);
            });
            return;
        }

        if (action == u"unlink") {
            UserService::find(api, arg, UserService::By::Id, ctx.owner, [=, &ctx](const Result<QJsonObject> &u) {
                if (!u)
                    return fail(tr("WordPress user #%1 not found.").arg(arg));
                const QString workosId = u->value(u"workos_user_id").toString();
                if (workosId.isEmpty())
                    return fail(tr("User #%1 is not linked to WorkOS.").arg(arg));
                if (!confirmed(tr("Unlink user #%1 (%2) from WorkOS ID %3?").arg(arg, u->value(u"email").toString(), workosId))) {
                    if (assumeYes || ctx.console.stdinIsTerminal()) {
                        ctx.console.warning(tr("Nothing changed."));
                        finish(ExitOk);
                    }
                    return;
                }
                UserService::batch(api, {QJsonObject{{QStringLiteral("op"), QStringLiteral("unlink")}, {QStringLiteral("user_id"), arg.toLongLong()}}}, false,
                                   ctx.owner, [=, &ctx](const Result<QJsonObject> &answer) {
                    const Result<QJsonObject> r = firstResult(answer);
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
                const QString workosId = args.value(2);
                UserService::find(api, arg, UserService::By::Id, ctx.owner, [=, &ctx](const Result<QJsonObject> &u) {
                    if (!u)
                        return fail(tr("WordPress user #%1 not found.").arg(arg));
                    const QString current = u->value(u"workos_user_id").toString();
                    if (!current.isEmpty())
                        return fail(tr("User #%1 is already linked to WorkOS ID: %2").arg(arg, current));
                    wapi->getUser(workosId, [=, &ctx](const Result<QJsonObject> &remote) {
                        if (!remote)
                            return fail(tr("Failed to fetch WorkOS user: %1").arg(remote.error().message));
                        UserService::batch(api, {QJsonObject{{QStringLiteral("op"), QStringLiteral("link")}, {QStringLiteral("user_id"), arg.toLongLong()},
                                                             {QStringLiteral("workos_user_id"), workosId}}},
                                           false, ctx.owner, [=, &ctx](const Result<QJsonObject> &answer) {
                            const Result<QJsonObject> r = firstResult(answer);
                            if (!r)
                                return fail(r.error().message);
                            ctx.console.success(tr("Linked WordPress user #%1 to WorkOS user %2.").arg(arg, workosId));
                            finish(ExitOk);
                        });
                    });
                });
                return;
            }
            if (action == u"import") {
                wapi->getUser(arg, [=, &ctx](const Result<QJsonObject> &remote) {
                    if (!remote)
                        return fail(tr("Failed to fetch WorkOS user: %1").arg(remote.error().message));
                    const QString email = remote->value(u"email").toString();
                    if (!confirmed(tr("Import WorkOS user %1 (%2) into WordPress?").arg(arg, email))) {
                        if (assumeYes || ctx.console.stdinIsTerminal()) {
                            ctx.console.warning(tr("Nothing imported."));
                            finish(ExitOk);
                        }
                        return;
                    }
                    // Linked already → that user; an account with the address → linked; else created.
                    UserService::find(api, email, UserService::By::Email, ctx.owner, [=, &ctx](const Result<QJsonObject> &existing) {
                        QJsonObject op{{QStringLiteral("workos_user_id"), arg}};
                        if (existing && existing->value(u"workos_user_id").toString() == arg) {
                            op = QJsonObject{{QStringLiteral("op"), QStringLiteral("update")}, {QStringLiteral("workos_user_id"), arg},
                                             {QStringLiteral("first_name"), remote->value(u"first_name").toString()},
                                             {QStringLiteral("last_name"), remote->value(u"last_name").toString()}};
                        } else if (existing) {
                            op.insert(QStringLiteral("op"), QStringLiteral("link"));
                            op.insert(QStringLiteral("user_id"), existing->value(u"id"));
                        } else {
                            op.insert(QStringLiteral("op"), QStringLiteral("create"));
                            op.insert(QStringLiteral("email"), email);
                            op.insert(QStringLiteral("first_name"), remote->value(u"first_name").toString());
                            op.insert(QStringLiteral("last_name"), remote->value(u"last_name").toString());
                        }
                        UserService::batch(api, {op}, false, ctx.owner, [=, &ctx](const Result<QJsonObject> &answer) {
                            const Result<QJsonObject> r = firstResult(answer);
                            if (!r)
                                return fail(r.error().message);
                            const QString wpId = QString::number(r->value(u"user_id").toInteger());
                            if (porcelain)
                                ctx.console.out(wpId + QLatin1Char('\n'));
                            else
                                ctx.console.success(tr("Imported WorkOS user %1 as WordPress user #%2 (%3).").arg(arg, wpId, email));
                            finish(ExitOk);
                        });
                    });
                });
                return;
            }
            // sync
            UserService::find(api, arg, UserService::By::Id, ctx.owner, [=, &ctx](const Result<QJsonObject> &u) {
                if (!u)
                    return fail(tr("WordPress user #%1 not found.").arg(arg));
                const QString workosId = u->value(u"workos_user_id").toString();
                if (direction == u"pull") {
                    if (workosId.isEmpty())
                        return fail(tr("User #%1 is not linked to WorkOS.").arg(arg));
                    wapi->getUser(workosId, [=, &ctx](const Result<QJsonObject> &remote) {
                        if (!remote)
                            return fail(tr("Failed to fetch WorkOS user: %1").arg(remote.error().message));
                        QJsonObject op{{QStringLiteral("op"), QStringLiteral("update")}, {QStringLiteral("user_id"), arg.toLongLong()}};
                        for (const char *field : {"email", "first_name", "last_name"}) {
                            const QString value = remote->value(QLatin1String(field)).toString();
                            if (!value.isEmpty()) // WorkOS wins for non-empty fields
                                op.insert(QLatin1String(field), value);
                        }
                        UserService::batch(api, {op}, false, ctx.owner, [=, &ctx](const Result<QJsonObject> &answer) {
                            const Result<QJsonObject> r = firstResult(answer);
                            if (!r)
                                return fail(r.error().message);
                            ctx.console.success(tr("Synced user #%1 (pull).").arg(arg));
                            finish(ExitOk);
                        });
                    });
                    return;
                }
                // push: the WorkOS user made (or updated) from WordPress's profile, then linked.
                if (!workosId.isEmpty()) // the site itself pushes the changes of linked users (queued, §9.2)
                    return fail(tr("User #%1 is already linked to WorkOS ID: %2").arg(arg, workosId));
                const QString email = u->value(u"email").toString();
                QJsonObject create{{QStringLiteral("email"), email}, {QStringLiteral("email_verified"), true}};
                const QStringList names = u->value(u"display_name").toString().split(QLatin1Char(' '), Qt::SkipEmptyParts);
                if (!names.isEmpty()) {
                    create.insert(QStringLiteral("first_name"), names.first());
                    if (names.size() > 1)
                        create.insert(QStringLiteral("last_name"), names.mid(1).join(QLatin1Char(' ')));
                }
                wapi->send("POST", QStringLiteral("/user_management/users"), create, [=, &ctx](const Result<QJsonObject> &made) {
                    if (!made)
                        return fail(made.error().message);
                    UserService::batch(api, {QJsonObject{{QStringLiteral("op"), QStringLiteral("link")}, {QStringLiteral("user_id"), arg.toLongLong()},
                                                         {QStringLiteral("workos_user_id"), made->value(u"id").toString()}}},
                                       false, ctx.owner, [=, &ctx](const Result<QJsonObject> &answer) {
                        const Result<QJsonObject> r = firstResult(answer);
                        if (!r)
                            return fail(r.error().message);
                        ctx.console.success(tr("Synced user #%1 (push).").arg(arg));
                        finish(ExitOk);
                    });
                });
            });
        });
    });
}

} // namespace workos::cli

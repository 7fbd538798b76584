#include "commands/SyncCommand.h"

#include "Console.h"
#include "site/SiteService.h"
#include "sync/SyncJournal.h"
#include "sync/SyncService.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>

#include <memory>

namespace workos::cli {

QString SyncCommand::summary() const
{
    return tr("Import WorkOS users and organizations into the site, in resumable batches.");
}

void SyncCommand::configure(QCommandLineParser &parser) const
{
    parser.addPositionalArgument(QStringLiteral("action"), tr("import | orgs | push | pull"));
    parser.addOption({QStringLiteral("role"), tr("push: only unlinked users with this role."), QStringLiteral("role")});
    parser.addOption({QStringLiteral("organization_id"), tr("import: only the members of this WorkOS organization."), QStringLiteral("id")});
    parser.addOption({QStringLiteral("limit"), tr("At most this many users or organizations (imported, failed and skipped)."), QStringLiteral("n")});
    parser.addOption({QStringLiteral("dry-run"), tr("Show what would be imported, change nothing.")});
    parser.addOption({QStringLiteral("yes"), tr("Do not ask for confirmation.")});
    parser.addOption({QStringLiteral("report"), tr("import: write the failed and skipped users to this CSV file."), QStringLiteral("file")});
    parser.addOption({QStringLiteral("batch-size"), tr("import: users per request to the site (1 to 500, default 500)."), QStringLiteral("n")});
}

void SyncCommand::run(const QStringList &args, const QCommandLineParser &parser, Context &ctx, std::function<void(int)> finish)
{
    const QString action = args.value(0);
    bool limitOk = true;
    const int limit = parser.isSet(QStringLiteral("limit")) ? parser.value(QStringLiteral("limit")).toInt(&limitOk) : 0;
    bool batchOk = true;
    const int batchSize = parser.isSet(QStringLiteral("batch-size")) ? parser.value(QStringLiteral("batch-size")).toInt(&batchOk) : 500;
    const QStringList actions{QStringLiteral("import"), QStringLiteral("orgs"), QStringLiteral("push"), QStringLiteral("pull")};
    if (args.size() != 1 || !actions.contains(action) || !limitOk || limit < 0 || !batchOk || batchSize < 1 || batchSize > 500) {
        ctx.console.err(tr("usage: wpworkos sync import [--organization_id=ID] [--limit=N] [--dry-run] [--yes] [--report=FILE]\n"
                           "       wpworkos sync orgs [--limit=N] [--dry-run] [--yes]\n"
                           "       wpworkos sync push [--role=ROLE] [--limit=N] [--dry-run] [--yes]\n"
                           "       wpworkos sync pull [--limit=N] [--dry-run] [--yes]\n"));
        return finish(ExitUsage);
    }
    const bool dryRun = parser.isSet(QStringLiteral("dry-run"));
    if (action == u"push" || action == u"pull")
        return pushOrPull(action == u"push", parser, ctx, std::move(finish));
    const QString question = action == u"import" ? tr("Import WorkOS users into WordPress?") : tr("Import all organizations from WorkOS?");
    if (!dryRun && !parser.isSet(QStringLiteral("yes"))) {
        if (!ctx.console.stdinIsTerminal()) {
            ctx.console.error(tr("Confirmation needed: run in a terminal or pass --yes."));
            return finish(ExitError);
        }
        if (!ctx.console.confirm(question)) {
            ctx.console.warning(tr("Nothing imported."));
            return finish(ExitOk);
        }
    }
    const Result<SiteProfile> site = ctx.sites.resolve(ctx.site);
    if (!site) {
        ctx.console.error(site.error().message);
        return finish(ExitError);
    }

    if (action == u"orgs" && dryRun) {
        // What WorkOS has, through the console's key; nothing is written.
        ctx.sites.withWorkOS(site.value(), ctx.environment, ctx.owner, [&ctx, limit, finish](const Result<std::shared_ptr<WorkOSClient>> &workos) {
            if (!workos) {
                ctx.console.error(workos.error().message);
                return finish(ExitError);
            }
            auto api = workos.value();
            auto count = std::make_shared<int>(0);
            ctx.console.out(tr("Importing organizations...\n"));
            api->listOrganizations({}, [&ctx, count, limit](const QJsonArray &orgs) {
                for (const QJsonValue &o : orgs) {
                    if (limit > 0 && *count >= limit)
                        return false;
                    ++*count;
                    ctx.console.out(tr("Would import: %1 (%2)\n").arg(o[QStringLiteral("id")].toString(), o[QStringLiteral("name")].toString()));
                }
                return limit <= 0 || *count < limit;
            }, [&ctx, api, count, finish](const Result<int> &r) {
                if (!r) {
                    ctx.console.error(tr("Failed to list organizations: %1").arg(r.error().message));
                    return finish(ExitError);
                }
                ctx.console.success(tr("Would import: %1 synced, 0 failed, 0 skipped.").arg(*count));
                finish(ExitOk);
            });
        });
        return;
    }
    if (action == u"orgs") {
        // The site pages WorkOS itself (admin/orgs/sync, 100 a page). --limit rounds up to whole pages.
        auto totals = std::make_shared<QJsonObject>();
        const int maxPages = limit > 0 ? std::min(50, (limit + 99) / 100) : 10;
        ctx.sites.withClient(site.value(), ctx.owner, [&ctx, limit, maxPages, totals, finish](const Result<std::shared_ptr<CompanionClient>> &client) {
            if (!client) {
                ctx.console.error(client.error().message);
                return finish(ExitError);
            }
            auto api = client.value();
            auto step = std::make_shared<std::function<void(QString)>>();
            std::weak_ptr<std::function<void(QString)>> weak = step;
            *step = [&ctx, api, totals, weak, limit, maxPages, finish](const QString &after) {
                auto self = weak.lock();
                ctx.console.out(tr("Importing organizations...\n"));
                QJsonObject body{{QStringLiteral("max_pages"), maxPages}};
                if (!after.isEmpty())
                    body.insert(QStringLiteral("after"), after);
                api->call("POST", QStringLiteral("admin/orgs/sync"), QJsonDocument(body).toJson(QJsonDocument::Compact), ctx.owner,
                          [&ctx, api, totals, self, limit, finish](const Result<QJsonObject> &r) {
                    if (!r) {
                        ctx.console.error(tr("Failed to list organizations: %1").arg(r.error().message));
                        return finish(ExitError);
                    }
                    for (const char *k : {"created", "updated", "unchanged"})
                        totals->insert(QLatin1String(k), totals->value(QLatin1String(k)).toInt() + r->value(QLatin1String(k)).toInt());
                    for (const QJsonValue &f : r->value(u"failed").toArray()) {
                        ctx.console.warning(tr("Organization %1: failed to upsert.").arg(f.isObject() ? f.toObject().value(u"id").toString() : f.toString()));
                        totals->insert(QStringLiteral("failed"), totals->value(u"failed").toInt() + 1);
                    }
                    if (limit <= 0 && !r->value(u"complete").toBool() && !r->value(u"next_after").toString().isEmpty())
                        return (*self)(r->value(u"next_after").toString());
                    ctx.console.success(tr("Imported: %1 synced, %2 failed, %3 skipped.")
                                            .arg(totals->value(u"created").toInt() + totals->value(u"updated").toInt())
                                            .arg(totals->value(u"failed").toInt())
                                            .arg(totals->value(u"unchanged").toInt()));
                    finish(ExitOk);
                });
            };
            (*step)(QString());
        });
        return;
    }

    auto journal = std::make_shared<SyncJournal>(SyncJournal::defaultPath());
    const Result<void> opened = journal->open();
    if (!opened) {
        ctx.console.error(opened.error().message);
        return finish(ExitError);
    }
    ImportOptions options;
    options.organizationId = parser.value(QStringLiteral("organization_id"));
    options.limit = limit;
    options.dryRun = dryRun;
    options.batchSize = batchSize;
    const QString reportFile = parser.value(QStringLiteral("report"));
    const bool terminal = ctx.console.stdoutIsTerminal();
    SyncService::Callbacks callbacks;
    callbacks.log = [&ctx](const QString &line) { ctx.console.out(line + QLatin1Char('\n')); };
    callbacks.progress = [&ctx, terminal](const SyncJournal::Counts &c) {
        if (terminal)
            ctx.console.err(tr("\rImporting WorkOS users... %1/%2").arg(c.total() - c.pending).arg(c.total()));
    };
    SyncService::import(ctx.sites, *journal, site.value(), ctx.environment, options, ctx.owner, callbacks,
                        [&ctx, journal, terminal, reportFile, finish](const Result<SyncReport> &report) {
        if (terminal)
            ctx.console.err(QStringLiteral("\n"));
        if (!report) {
            ctx.console.error(report.error().message);
            return finish(ExitError);
        }
        if (report->dryRun) {
            for (const SyncPlanRow &row : report->rows) {
                if (row.action == SyncPlanRow::Action::Fail)
                    ctx.console.warning(tr("User %1: %2").arg(row.key, row.reason));
            }
            ctx.console.success(SyncService::summary(report.value()));
            return finish(ExitOk);
        }
        if (const auto failed = journal->items(report->job, SyncJournal::State::Failed)) {
            for (const auto &item : failed.value())
                ctx.console.warning(tr("User %1: %2").arg(item.key, item.error));
        }
        if (!reportFile.isEmpty()) {
            if (const Result<void> saved = journal->saveErrorReport(report->job, reportFile); !saved)
                ctx.console.warning(saved.error().message);
        }
        ctx.console.success(SyncService::summary(report.value()));
        finish(report->counts.failed ? ExitError : ExitOk);
    });
}

void SyncCommand::pushOrPull(bool push, const QCommandLineParser &parser, Context &ctx, std::function<void(int)> finish)
{
    const Result<SiteProfile> site = ctx.sites.resolve(ctx.site);
    if (!site) {
        ctx.console.error(site.error().message);
        return finish(ExitError);
    }
    auto journal = std::make_shared<SyncJournal>(SyncJournal::defaultPath());
    if (const Result<void> opened = journal->open(); !opened) {
        ctx.console.error(opened.error().message);
        return finish(ExitError);
    }
    SyncService::DirectionOptions options;
    options.role = parser.value(QStringLiteral("role"));
    options.limit = parser.value(QStringLiteral("limit")).toInt();
    const bool dryRun = parser.isSet(QStringLiteral("dry-run"));
    const bool assumeYes = parser.isSet(QStringLiteral("yes"));
    const bool terminal = ctx.console.stdoutIsTerminal();
    auto proceeded = std::make_shared<bool>(false);
    SyncService::Callbacks callbacks;
    callbacks.log = [&ctx](const QString &line) { ctx.console.out(line + QLatin1Char('\n')); };
    callbacks.progress = [&ctx, terminal, push](const SyncJournal::Counts &c) {
        if (terminal)
            ctx.console.err(QStringLiteral("\r%1 %2/%3").arg(push ? tr("Pushing users") : tr("Pulling users")).arg(c.total() - c.pending).arg(c.total()));
    };
    // After planning: nothing to do, the dry run, or the prompt.
    auto proceed = [&ctx, push, dryRun, assumeYes, proceeded](int planned) {
        if (planned == 0) {
            ctx.console.success(push ? tr("No unlinked users found.") : tr("No linked users found."));
            return false;
        }
        if (dryRun) {
            ctx.console.out((push ? tr("Dry run: would push %n unlinked user(s) to WorkOS.", nullptr, planned)
                                  : tr("Dry run: would re-sync %n linked user(s) from WorkOS.", nullptr, planned)) + QLatin1Char('\n'));
            return false;
        }
        if (!assumeYes) {
            if (!ctx.console.stdinIsTerminal()) {
                ctx.console.error(tr("Confirmation needed: run in a terminal or pass --yes."));
                return false;
            }
            if (!ctx.console.confirm(push ? tr("Push %n unlinked user(s) to WorkOS?", nullptr, planned)
                                          : tr("Re-sync %n linked user(s) from WorkOS?", nullptr, planned)))
                return false;
        }
        *proceeded = true;
        return true;
    };
    auto report = [&ctx, journal, terminal, proceeded, assumeYes, dryRun, finish](const Result<SyncReport> &r) {
        if (terminal && *proceeded)
            ctx.console.err(QStringLiteral("\n"));
        if (!r) {
            ctx.console.error(r.error().message);
            return finish(ExitError);
        }
        if (!*proceeded) // nothing to do, a dry run, or no confirmation
            return finish(!dryRun && !assumeYes && r->counts.pending > 0 && !ctx.console.stdinIsTerminal() ? ExitError : ExitOk);
        if (const auto failedItems = journal->items(r->job, SyncJournal::State::Failed)) {
            for (const auto &item : failedItems.value())
                ctx.console.warning(tr("User #%1: %2").arg(item.key, item.error));
        }
        ctx.console.success(SyncService::summary(r.value()));
        finish(r->counts.failed ? ExitError : ExitOk);
    };
    if (push)
        SyncService::push(ctx.sites, *journal, site.value(), ctx.environment, options, ctx.owner, callbacks, proceed, report);
    else
        SyncService::pull(ctx.sites, *journal, site.value(), ctx.environment, options, ctx.owner, callbacks, proceed, report);
}

} // namespace workos::cli


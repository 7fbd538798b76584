#include "sync/SyncService.h"

#include "sync/BulkRun.h"
#include "users/UserActions.h"
#include "users/UserService.h"

#include <QJsonArray>
#include <QPointer>
#include <QSet>
#include <QUrlQuery>

#include <memory>

namespace workos {

namespace {

using Action = SyncPlanRow::Action;
using Answer = std::function<void(Result<BulkRun::Items>)>;
using Process = std::function<void(const BulkRun::Items &, Answer)>;

QJsonObject createOperation(const SyncJournal::Item &item)
{
    QJsonObject op{{QStringLiteral("op"), QStringLiteral("create")}, {QStringLiteral("workos_user_id"), item.key},
                   {QStringLiteral("email"), item.payload.value(u"email")}};
    for (const char *field : {"first_name", "last_name", "organization_id"}) {
        const QString value = item.payload.value(QLatin1String(field)).toString();
        if (!value.isEmpty())
            op.insert(QLatin1String(field), value.left(100));
    }
    return op;
}

SyncJournal::Item outcomeOf(const SyncJournal::Item &item, const QJsonObject &result)
{
    SyncJournal::Item out;
    out.key = item.key;
    out.wpUserId = result.value(u"user_id").toInteger();
    if (result.value(u"ok").toBool()) {
        out.state = SyncJournal::State::Done;
        out.outcome = result.value(u"outcome").toString();
    } else {
        out.state = SyncJournal::State::Failed;
        out.error = result.value(u"error").toObject().value(u"message").toString();
        out.outcome = result.value(u"error").toObject().value(u"code").toString();
    }
    return out;
}

// An existing account is linked to a WorkOS user only as the companion's own sign-in rules allow
// (wp-companion/src/Sync/UserLinker.php): WorkOS has verified the address, and the account is not
// an administrator's. Anything else would hand an account to whoever registered its address at
// WorkOS. Those users are skipped with the reason, for an admin to link by hand after checking.
SyncJournal::Item notLinked(const SyncJournal::Item &item, qint64 wpUserId, const QString &code, const QString &reason)
{
    SyncJournal::Item out;
    out.key = item.key;
    out.wpUserId = wpUserId;
    out.state = SyncJournal::State::Skipped;
    out.outcome = code;
    out.error = reason;
    return out;
}

// Looks at the accounts holding the addresses, one after the other (matches are few), and keeps
// those that are not an administrator's.
void excludeAdministrators(std::shared_ptr<CompanionClient> api, QList<std::pair<qsizetype, qint64>> candidates, QObject *context,
                           std::shared_ptr<BulkRun::Items> outcomes, const BulkRun::Items &batch,
                           std::function<void(Result<QList<std::pair<qsizetype, qint64>>>)> done,
                           QList<std::pair<qsizetype, qint64>> kept = {})
{
    if (candidates.isEmpty())
        return done(kept);
    const auto [index, wpUserId] = candidates.takeFirst();
    UserService::find(api, QString::number(wpUserId), UserService::By::Id, context,
                      [api, candidates, context, outcomes, batch, done, kept, index = index, wpUserId = wpUserId](const Result<QJsonObject> &user) mutable {
        if (!user)
            return done(user.error());
        if (user->value(u"roles").toArray().contains(QStringLiteral("administrator")))
            (*outcomes)[index] = notLinked(batch.at(index), wpUserId, QStringLiteral("workos_administrator_not_linked"),
                                           SyncService::tr("WordPress user #%1 has this e-mail address and is an administrator: never linked "
                                                           "automatically (link it by hand with `wpworkos user link` if it is theirs).")
                                               .arg(wpUserId));
        else
            kept.append({index, wpUserId});
        excludeAdministrators(api, candidates, context, outcomes, batch, done, kept);
    });
}

// One batch of the import: creates; an address another account holds gets that account linked
// instead (in a second call), as the reference's find/create/link does — when the rules above
// allow it. A dry run asks the site to decide both calls and writes nothing.
void importBatch(std::shared_ptr<CompanionClient> api, const BulkRun::Items &batch, bool dryRun, QObject *context, Answer answer)
{
    QJsonArray ops;
    for (const auto &item : batch)
        ops.append(createOperation(item));
    UserService::batch(api, ops, dryRun, context, [api, batch, dryRun, context, answer](const Result<QJsonObject> &r) {
        if (!r)
            return answer(r.error());
        const QJsonArray results = r->value(u"results").toArray();
        auto outcomes = std::make_shared<BulkRun::Items>();
        QList<std::pair<qsizetype, qint64>> candidates;
        for (qsizetype i = 0; i < batch.size(); ++i) {
            const QJsonObject result = results.at(i).toObject();
            outcomes->append(outcomeOf(batch.at(i), result));
            const qint64 owner = result.value(u"user_id").toInteger();
            if (outcomes->last().outcome != u"workos_email_exists" || owner <= 0)
                continue;
            if (!batch.at(i).payload.value(u"email_verified").toBool()) {
                (*outcomes)[i] = notLinked(batch.at(i), owner, QStringLiteral("workos_email_unverified"),
                                           SyncService::tr("WordPress user #%1 has this e-mail address, but WorkOS has not verified it: "
                                                           "not linked (link it by hand if it is theirs).")
                                               .arg(owner));
                continue;
            }
            candidates.append({i, owner});
        }
        if (candidates.isEmpty())
            return answer(*outcomes);
        excludeAdministrators(api, candidates, context, outcomes, batch,
                              [api, batch, dryRun, context, outcomes, answer](const Result<QList<std::pair<qsizetype, qint64>>> &kept) {
            if (!kept)
                return answer(kept.error());
            if (kept->isEmpty())
                return answer(*outcomes);
            QJsonArray links;
            for (const auto &[index, owner] : kept.value())
                links.append(QJsonObject{{QStringLiteral("op"), QStringLiteral("link")}, {QStringLiteral("user_id"), owner},
                                         {QStringLiteral("workos_user_id"), batch.at(index).key}});
            UserService::batch(api, links, dryRun, context, [batch, outcomes, kept = kept.value(), answer](const Result<QJsonObject> &linked) {
                if (!linked)
                    return answer(linked.error());
                const QJsonArray linkResults = linked->value(u"results").toArray();
                for (qsizetype j = 0; j < kept.size(); ++j)
                    (*outcomes)[kept.at(j).first] = outcomeOf(batch.at(kept.at(j).first), linkResults.at(j).toObject());
                answer(*outcomes);
            });
        });
    });
}

// A dry run over the plan: its batches one after the other, nothing journaled. Answers each
// item's decision, in the plan's order.
void preview(std::shared_ptr<const BulkRun::Items> plan, int batchSize, const SyncService::Callbacks &callbacks, Process process,
             std::function<void(Result<BulkRun::Items>)> done)
{
    auto decided = std::make_shared<BulkRun::Items>();
    auto step = std::make_shared<std::function<void()>>();
    std::weak_ptr<std::function<void()>> weak = step;
    *step = [plan, batchSize, callbacks, process, done, decided, weak]() {
        auto self = weak.lock();
        if (decided->size() >= plan->size())
            return done(*decided);
        if (callbacks.canceled && callbacks.canceled())
            return done(Error{SyncService::tr("Canceled: nothing was written."), QStringLiteral("canceled")});
        process(plan->mid(decided->size(), std::max(1, batchSize)), [plan, callbacks, done, decided, self](const Result<BulkRun::Items> &batch) {
            if (!batch)
                return done(batch.error());
            decided->append(batch.value());
            if (callbacks.progress) {
                SyncJournal::Counts counts;
                counts.done = static_cast<int>(decided->size());
                counts.pending = static_cast<int>(plan->size() - decided->size());
                callbacks.progress(counts);
            }
            (*self)();
        });
    };
    (*step)();
}

// A dry run's counts, as a run would report them.
void count(SyncJournal::Counts &counts, const SyncPlanRow &row)
{
    if (row.action == Action::Fail)
        ++counts.failed;
    else if (row.action == Action::Skip)
        ++counts.skipped;
    else
        ++counts.done;
}

SyncPlanRow planRow(const SyncJournal::Item &item, Action action, const QString &reason)
{
    SyncPlanRow row;
    row.key = item.key;
    row.email = item.payload.value(u"email").toString();
    row.action = action;
    row.reason = reason;
    return row;
}

// What the import would do to one WorkOS user, from the site's dry run of its batch.
SyncPlanRow importRow(const SyncJournal::Item &item, const SyncJournal::Item &decided)
{
    const QString wpUser = QString::number(decided.wpUserId);
    SyncPlanRow row;
    if (decided.state == SyncJournal::State::Failed)
        row = planRow(item, Action::Fail, decided.error);
    else if (decided.outcome == u"created")
        row = planRow(item, Action::Create, SyncService::tr("No WordPress user has this e-mail address: one is created."));
    else if (decided.outcome == u"linked")
        row = planRow(item, Action::Link, SyncService::tr("WordPress user #%1 has this e-mail address: it is linked.").arg(wpUser));
    else if (decided.state == SyncJournal::State::Skipped && !decided.error.isEmpty())
        row = planRow(item, Action::Skip, decided.error);
    else
        row = planRow(item, Action::Skip, SyncService::tr("Already linked to WordPress user #%1.").arg(wpUser));
    row.workosUserId = item.key;
    row.wpUserId = decided.wpUserId;
    return row;
}

} // namespace

QString SyncService::summary(const SyncReport &report)
{
    const SyncJournal::Counts &c = report.counts;
    if (report.kind == Import)
        return (report.dryRun ? tr("Would import: %1 imported, %2 failed, %3 skipped.") : tr("Imported: %1 imported, %2 failed, %3 skipped."))
            .arg(c.done).arg(c.failed).arg(c.skipped);
    return (report.dryRun ? tr("Would sync: %1 synced, %2 failed, %3 skipped.") : tr("%1 synced, %2 failed, %3 skipped."))
        .arg(c.done).arg(c.failed).arg(c.skipped);
}

QString SyncService::actionName(SyncPlanRow::Action action)
{
    switch (action) {
    case Action::Create: return tr("create");
    case Action::Link: return tr("link");
    case Action::Update: return tr("update");
    case Action::Skip: return tr("skip");
    case Action::Fail: return tr("fail");
    }
    return {};
}

Table SyncService::planTable(const QList<SyncPlanRow> &rows)
{
    Table t;
    t.columns = {QStringLiteral("user"), QStringLiteral("email"), QStringLiteral("action"), QStringLiteral("reason")};
    for (const SyncPlanRow &row : rows)
        t.rows.append({row.key, row.email, actionName(row.action), row.reason});
    return t;
}

void SyncService::import(SiteService &sites, SyncJournal &journal, const SiteProfile &site, const QString &environment,
                         const ImportOptions &options, QObject *context, Callbacks callbacks,
                         std::function<void(Result<SyncReport>)> done)
{
    auto report = std::make_shared<SyncReport>();
    report->kind = Import;
    report->dryRun = options.dryRun;

    // Runs (or resumes) a journaled job to its end.
    auto runJob = [&journal, context, callbacks, options, report, done](std::shared_ptr<CompanionClient> api, qint64 job) {
        report->job = job;
        auto run = std::make_shared<BulkRun>(journal, job, options.batchSize, options.concurrency);
        run->start([api, context, callbacks, run](const BulkRun::Items &batch, std::function<void(Result<BulkRun::Items>)> answer) {
            if (callbacks.canceled && callbacks.canceled())
                run->cancel();
            importBatch(api, batch, false, context, std::move(answer));
        }, callbacks.progress, [run, report, done](const Result<SyncJournal::Counts> &counts) {
            if (!counts)
                return done(counts.error());
            report->counts = counts.value();
            done(*report);
        });
    };

    sites.withClient(site, context, [&sites, &journal, site, environment, options, context, callbacks, report, done, runJob](const Result<std::shared_ptr<CompanionClient>> &client) {
        if (!client)
            return done(client.error());
        auto api = client.value();
        if (!options.dryRun) {
            const auto open = journal.unfinished(site.name, Import);
            if (!open)
                return done(open.error());
            if (open.value()) {
                report->resumed = true;
                const auto left = journal.counts(open.value()->id);
                callbacks.log(tr("Resuming the import started %1 (%n user(s) left).", nullptr, left ? left->pending : 0).arg(open.value()->createdAt));
                return runJob(api, open.value()->id);
            }
        }
        sites.withWorkOS(site, environment, context, [&journal, site, environment, options, context, callbacks, report, done, runJob, api](const Result<std::shared_ptr<WorkOSClient>> &workos) {
            if (!workos)
                return done(workos.error());
            auto wapi = workos.value();
            // Who is linked already: skipped, as the reference does.
            auto linked = std::make_shared<QSet<QString>>();
            UserFilter filter;
            filter.linked = true;
            UserService::list(api, filter, context, [linked](const QJsonArray &users) {
                for (const QJsonValue &u : users)
                    linked->insert(u[QStringLiteral("workos_user_id")].toString());
                return true;
            }, [&journal, site, environment, options, context, callbacks, report, done, runJob, api, wapi, linked](const Result<int> &listed) {
                if (!listed)
                    return done(listed.error());
                callbacks.log(tr("Importing WorkOS users..."));
                auto plan = std::make_shared<QList<SyncJournal::Item>>();
                auto skipped = std::make_shared<QList<SyncJournal::Item>>();
                QUrlQuery query;
                if (!options.organizationId.isEmpty())
                    query.addQueryItem(QStringLiteral("organization_id"), options.organizationId);
                wapi->listUsers(query, [plan, skipped, linked, options](const QJsonArray &users) {
                    for (const QJsonValue &v : users) {
                        if (options.limit > 0 && plan->size() + skipped->size() >= options.limit)
                            return false;
                        const QJsonObject u = v.toObject();
                        SyncJournal::Item item;
                        item.key = u.value(u"id").toString();
                        item.payload = QJsonObject{{QStringLiteral("email"), u.value(u"email")}, {QStringLiteral("first_name"), u.value(u"first_name")},
                                                   {QStringLiteral("last_name"), u.value(u"last_name")},
                                                   {QStringLiteral("email_verified"), u.value(u"email_verified").toBool()}};
                        if (!options.organizationId.isEmpty())
                            item.payload.insert(QStringLiteral("organization_id"), options.organizationId);
                        if (item.key.isEmpty() || u.value(u"email").toString().isEmpty()) {
                            item.key = item.key.isEmpty() ? QStringLiteral("(no id #%1)").arg(skipped->size() + 1) : item.key;
                            item.state = SyncJournal::State::Skipped;
                            item.error = tr("no id or e-mail address");
                            skipped->append(item);
                        } else if (linked->contains(item.key)) {
                            item.state = SyncJournal::State::Skipped;
                            item.error = tr("already linked");
                            skipped->append(item);
                        } else {
                            plan->append(item);
                        }
                    }
                    return options.limit <= 0 || plan->size() + skipped->size() < options.limit;
                }, [&journal, site, environment, options, context, guard = QPointer<QObject>(context), callbacks, report, done, runJob, api, wapi, plan, skipped](const Result<int> &seen) {
                    if (!guard) // WorkOS answered after the caller went away
                        return;
                    if (!seen)
                        return done(Error{tr("Failed to list WorkOS users: %1").arg(seen.error().message), seen.error().code});
                    if (options.dryRun) {
                        auto process = [api, context](const BulkRun::Items &batch, Answer answer) { importBatch(api, batch, true, context, std::move(answer)); };
                        return preview(plan, options.batchSize, callbacks, process, [plan, skipped, callbacks, report, done](const Result<BulkRun::Items> &decided) {
                            if (!decided)
                                return done(decided.error());
                            for (qsizetype i = 0; i < plan->size(); ++i) {
                                const SyncPlanRow row = importRow(plan->at(i), decided->value(i));
                                if (row.action == Action::Create || row.action == Action::Link)
                                    callbacks.log(tr("Would import: %1 (%2)").arg(row.key, row.email));
                                report->rows.append(row);
                            }
                            for (const auto &item : *skipped)
                                report->rows.append(planRow(item, Action::Skip, item.error));
                            for (const SyncPlanRow &row : report->rows)
                                count(report->counts, row);
                            done(*report);
                        });
                    }
                    const Result<qint64> job = journal.create(site.name, environment.isEmpty() ? site.environment : environment, Import,
                                                              QJsonObject{{QStringLiteral("organization_id"), options.organizationId},
                                                                          {QStringLiteral("limit"), options.limit}},
                                                              *plan + *skipped);
                    if (!job)
                        return done(job.error());
                    if (!skipped->isEmpty()) {
                        const Result<void> recorded = journal.record(job.value(), *skipped);
                        if (!recorded)
                            return done(recorded.error());
                    }
                    runJob(api, job.value());
                });
            });
        });
    });
}

void SyncService::push(SiteService &sites, SyncJournal &journal, const SiteProfile &site, const QString &environment,
                       const DirectionOptions &options, QObject *context, Callbacks callbacks,
                       std::function<bool(int)> proceed, std::function<void(Result<SyncReport>)> done)
{
    direction(true, sites, journal, site, environment, options, context, std::move(callbacks), std::move(proceed), std::move(done));
}

void SyncService::pull(SiteService &sites, SyncJournal &journal, const SiteProfile &site, const QString &environment,
                       const DirectionOptions &options, QObject *context, Callbacks callbacks,
                       std::function<bool(int)> proceed, std::function<void(Result<SyncReport>)> done)
{
    direction(false, sites, journal, site, environment, options, context, std::move(callbacks), std::move(proceed), std::move(done));
}

namespace {

SyncJournal::Item failed(const SyncJournal::Item &item, const QString &why)
{
    SyncJournal::Item out;
    out.key = item.key;
    out.state = SyncJournal::State::Failed;
    out.error = why;
    return out;
}

SyncJournal::Item decided(const SyncJournal::Item &item, const QString &outcome)
{
    SyncJournal::Item out;
    out.key = item.key;
    out.state = SyncJournal::State::Done;
    out.outcome = outcome;
    out.wpUserId = item.payload.value(u"user_id").toInteger();
    return out;
}

// How a pulled profile differs from the site's: "e-mail a → b; name “A” → “B”".
QString differences(const QJsonObject &planned, const QJsonObject &remote)
{
    QStringList changes;
    const QString email = remote.value(u"email").toString();
    if (!email.isEmpty() && email.compare(planned.value(u"email").toString(), Qt::CaseInsensitive) != 0)
        changes << SyncService::tr("e-mail %1 → %2").arg(planned.value(u"email").toString(), email);
    const QString name = QString(remote.value(u"first_name").toString() + QLatin1Char(' ') + remote.value(u"last_name").toString()).trimmed();
    if (!name.isEmpty() && name != planned.value(u"display_name").toString())
        changes << SyncService::tr("name “%1” → “%2”").arg(planned.value(u"display_name").toString(), name);
    return changes.join(QStringLiteral("; "));
}

// One WorkOS call per item, one after the other, then one users/batch for the site's side. A dry
// run reads WorkOS only (push: is there a user with the address?), asks the site to decide its
// side, and notes in each answer's payload what it found (workos_user_id, changes).
void directionBatch(bool push, bool dryRun, std::shared_ptr<CompanionClient> api, std::shared_ptr<WorkOSClient> wapi,
                    const BulkRun::Items &batch, QObject *context, Answer answer)
{
    struct State
    {
        BulkRun::Items outcomes;
        QList<QJsonObject> notes;
        QJsonArray ops;
        QList<qsizetype> opIndex;
        qsizetype next = 0;
    };
    auto st = std::make_shared<State>();
    st->outcomes = batch;
    st->notes.resize(batch.size());
    auto finish = [st, dryRun, answer]() {
        if (dryRun) {
            for (qsizetype i = 0; i < st->outcomes.size(); ++i)
                st->outcomes[i].payload = st->notes.at(i);
        }
        answer(st->outcomes);
    };
    auto step = std::make_shared<std::function<void()>>();
    std::weak_ptr<std::function<void()>> weak = step;
    *step = [push, dryRun, api, wapi, batch, context, guard = QPointer<QObject>(context), answer, finish, st, weak]() {
        auto self = weak.lock();
        if (!guard) // WorkOS answered after the caller went away
            return;
        if (st->next == batch.size()) {
            if (st->ops.isEmpty())
                return finish();
            return UserService::batch(api, st->ops, dryRun, context, [st, batch, answer, finish](const Result<QJsonObject> &r) {
                if (!r)
                    return answer(r.error());
                const QJsonArray results = r->value(u"results").toArray();
                for (qsizetype j = 0; j < st->opIndex.size(); ++j)
                    st->outcomes[st->opIndex.at(j)] = outcomeOf(batch.at(st->opIndex.at(j)), results.at(j).toObject());
                finish();
            });
        }
        const qsizetype i = st->next++;
        const SyncJournal::Item item = batch.at(i);
        const qint64 wpId = item.payload.value(u"user_id").toInteger();
        auto queue = [st, i](const QJsonObject &op) {
            st->ops.append(op);
            st->opIndex.append(i);
        };
        auto linkTo = [queue, wpId](const QString &workosId) {
            queue({{QStringLiteral("op"), QStringLiteral("link")}, {QStringLiteral("user_id"), wpId}, {QStringLiteral("workos_user_id"), workosId}});
        };
        if (push) {
            // WorkOS has the address already: link to that user instead of making another.
            auto findByEmail = [wapi, item](std::function<void(Result<QString>)> found) {
                QUrlQuery byEmail;
                byEmail.addQueryItem(QStringLiteral("email"), item.payload.value(u"email").toString());
                auto id = std::make_shared<QString>();
                wapi->listUsers(byEmail, [id](const QJsonArray &users) {
                    if (!users.isEmpty())
                        *id = users.first()[QStringLiteral("id")].toString();
                    return false;
                }, [id, found](const Result<int> &listed) {
                    if (!listed)
                        return found(listed.error());
                    found(*id);
                });
            };
            if (dryRun) {
                findByEmail([st, i, item, linkTo, self](const Result<QString> &found) {
                    if (!found)
                        st->outcomes[i] = failed(item, found.error().message);
                    else if (found->isEmpty())
                        st->outcomes[i] = decided(item, QStringLiteral("created"));
                    else
                        linkTo(found.value());
                    st->notes[i] = QJsonObject{{QStringLiteral("workos_user_id"), found ? found.value() : QString()}};
                    (*self)();
                });
                return;
            }
            wapi->send("POST", QStringLiteral("/user_management/users"), UserActions::workosProfile(item.payload),
                       [st, i, item, linkTo, findByEmail, self](const Result<QJsonObject> &made) {
                if (made) {
                    linkTo(made->value(u"id").toString());
                    return (*self)();
                }
                findByEmail([st, i, item, linkTo, self, made](const Result<QString> &found) {
                    if (!found || found->isEmpty())
                        st->outcomes[i] = failed(item, made.error().message);
                    else
                        linkTo(found.value());
                    (*self)();
                });
            });
            return;
        }
        const QString workosId = item.payload.value(u"workos_user_id").toString();
        wapi->getUser(workosId, [st, i, item, wpId, workosId, queue, self](const Result<QJsonObject> &remote) {
            if (!remote) {
                st->outcomes[i] = failed(item, remote.error().message);
                return (*self)();
            }
            st->notes[i] = QJsonObject{{QStringLiteral("workos_user_id"), workosId},
                                       {QStringLiteral("changes"), differences(item.payload, remote.value())}};
            queue(UserActions::pullOperation(wpId, remote.value()));
            (*self)();
        });
    };
    (*step)();
}

// What a push or pull would do to one site user, from its dry run.
SyncPlanRow directionRow(bool push, const SyncJournal::Item &item, const SyncJournal::Item &outcome)
{
    SyncPlanRow row;
    const QString workosId = outcome.payload.value(u"workos_user_id").toString();
    if (outcome.state == SyncJournal::State::Failed)
        row = planRow(item, Action::Fail, outcome.error);
    else if (push && outcome.outcome == u"created")
        row = planRow(item, Action::Create, SyncService::tr("No WorkOS user has this e-mail address: one is created (address verified) and linked."));
    else if (push && outcome.outcome == u"linked")
        row = planRow(item, Action::Link, SyncService::tr("WorkOS user %1 has this e-mail address: it is linked.").arg(workosId));
    else if (!push && outcome.outcome == u"updated") {
        const QString changes = outcome.payload.value(u"changes").toString();
        row = planRow(item, Action::Update, changes.isEmpty() ? SyncService::tr("WorkOS user %1's names are written again.").arg(workosId)
                                                              : SyncService::tr("From WorkOS user %1: %2.").arg(workosId, changes));
    } else
        row = planRow(item, Action::Skip, push ? SyncService::tr("Already linked.") : SyncService::tr("Already as in WorkOS user %1.").arg(workosId));
    row.wpUserId = item.payload.value(u"user_id").toInteger();
    row.workosUserId = push ? workosId : item.payload.value(u"workos_user_id").toString();
    return row;
}

} // namespace

void SyncService::direction(bool push, SiteService &sites, SyncJournal &journal, const SiteProfile &site, const QString &environment,
                            const DirectionOptions &options, QObject *context, Callbacks callbacks,
                            std::function<bool(int)> proceed, std::function<void(Result<SyncReport>)> done)
{
    const QString kind = push ? Push : Pull;
    sites.withClient(site, context, [&sites, &journal, site, environment, options, context, callbacks, proceed, done, push, kind](const Result<std::shared_ptr<CompanionClient>> &client) {
        if (!client)
            return done(client.error());
        auto api = client.value();
        sites.withWorkOS(site, environment, context, [&journal, site, environment, options, context, callbacks, proceed, done, push, kind, api](const Result<std::shared_ptr<WorkOSClient>> &workos) {
            if (!workos)
                return done(workos.error());
            auto wapi = workos.value();
            auto report = std::make_shared<SyncReport>();
            report->kind = kind;
            report->dryRun = options.dryRun;
            auto runJob = [&journal, api, wapi, push, options, context, callbacks, report, done](qint64 job) {
                report->job = job;
                auto run = std::make_shared<BulkRun>(journal, job, options.batchSize, options.concurrency);
                run->start([api, wapi, push, context, callbacks, run](const BulkRun::Items &batch, Answer answer) {
                    if (callbacks.canceled && callbacks.canceled())
                        run->cancel();
                    directionBatch(push, false, api, wapi, batch, context, std::move(answer));
                }, callbacks.progress, [run, report, done](const Result<SyncJournal::Counts> &counts) {
                    if (!counts)
                        return done(counts.error());
                    report->counts = counts.value();
                    done(*report);
                });
            };
            if (!options.dryRun) {
                const auto open = journal.unfinished(site.name, kind);
                if (!open)
                    return done(open.error());
                if (open.value()) {
                    report->resumed = true;
                    const auto left = journal.counts(open.value()->id);
                    callbacks.log(tr("Resuming the %1 started %2 (%n user(s) left).", nullptr, left ? left->pending : 0).arg(kind, open.value()->createdAt));
                    if (!proceed(left ? left->pending : 0))
                        return done(*report);
                    return runJob(open.value()->id);
                }
            }
            UserFilter filter;
            filter.linked = !push;
            filter.role = options.role;
            filter.limit = options.limit;
            auto plan = std::make_shared<QList<SyncJournal::Item>>();
            UserService::list(api, filter, context, [plan](const QJsonArray &users) {
                for (const QJsonValue &v : users) {
                    const QJsonObject u = v.toObject();
                    SyncJournal::Item item;
                    item.key = QString::number(u.value(u"id").toInteger());
                    item.payload = QJsonObject{{QStringLiteral("user_id"), u.value(u"id")}, {QStringLiteral("email"), u.value(u"email")},
                                               {QStringLiteral("display_name"), u.value(u"display_name")},
                                               {QStringLiteral("workos_user_id"), u.value(u"workos_user_id")}};
                    plan->append(item);
                }
                return true;
            }, [&journal, site, environment, options, kind, report, done, runJob, plan, proceed, push, api, wapi, context, callbacks](const Result<int> &listed) {
                if (!listed)
                    return done(listed.error());
                if (options.dryRun) {
                    auto process = [push, api, wapi, context](const BulkRun::Items &batch, Answer answer) {
                        directionBatch(push, true, api, wapi, batch, context, std::move(answer));
                    };
                    return preview(plan, options.batchSize, callbacks, process, [push, plan, report, done](const Result<BulkRun::Items> &outcomes) {
                        if (!outcomes)
                            return done(outcomes.error());
                        for (qsizetype i = 0; i < plan->size(); ++i) {
                            const SyncPlanRow row = directionRow(push, plan->at(i), outcomes->value(i));
                            report->rows.append(row);
                            count(report->counts, row);
                        }
                        done(*report);
                    });
                }
                if (!proceed(static_cast<int>(plan->size())) || plan->isEmpty()) {
                    report->dryRun = true;
                    report->counts.pending = static_cast<int>(plan->size());
                    return done(*report);
                }
                const Result<qint64> job = journal.create(site.name, environment.isEmpty() ? site.environment : environment, kind,
                                                          QJsonObject{{QStringLiteral("role"), options.role}, {QStringLiteral("limit"), options.limit}}, *plan);
                if (!job)
                    return done(job.error());
                runJob(job.value());
            });
        });
    });
}

} // namespace workos

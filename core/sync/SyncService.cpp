#include "sync/SyncService.h"

#include "sync/BulkRun.h"
#include "users/UserService.h"

#include <QJsonArray>
#include <QSet>
#include <QUrlQuery>

#include <memory>

namespace workos {

namespace {

const QString kImport = QStringLiteral("import");

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

// One batch of the import: creates; an address another account holds gets that account linked
// instead (in a second call), as the reference's find/create/link does.
void importBatch(std::shared_ptr<CompanionClient> api, const BulkRun::Items &batch, QObject *context,
                 std::function<void(Result<BulkRun::Items>)> answer)
{
    QJsonArray ops;
    for (const auto &item : batch)
        ops.append(createOperation(item));
    UserService::batch(api, ops, false, context, [api, batch, context, answer](const Result<QJsonObject> &r) {
        if (!r)
            return answer(r.error());
        const QJsonArray results = r->value(u"results").toArray();
        auto outcomes = std::make_shared<BulkRun::Items>();
        QJsonArray links;
        QList<qsizetype> linkIndex;
        for (qsizetype i = 0; i < batch.size(); ++i) {
            const QJsonObject result = results.at(i).toObject();
            outcomes->append(outcomeOf(batch.at(i), result));
            if (outcomes->last().outcome == u"workos_email_exists" && result.value(u"user_id").toInteger() > 0) {
                links.append(QJsonObject{{QStringLiteral("op"), QStringLiteral("link")}, {QStringLiteral("user_id"), result.value(u"user_id")},
                                         {QStringLiteral("workos_user_id"), batch.at(i).key}});
                linkIndex.append(i);
            }
        }
        if (links.isEmpty())
            return answer(*outcomes);
        UserService::batch(api, links, false, context, [batch, outcomes, linkIndex, answer](const Result<QJsonObject> &linked) {
            if (!linked)
                return answer(linked.error());
            const QJsonArray linkResults = linked->value(u"results").toArray();
            for (qsizetype j = 0; j < linkIndex.size(); ++j)
                (*outcomes)[linkIndex.at(j)] = outcomeOf(batch.at(linkIndex.at(j)), linkResults.at(j).toObject());
            answer(*outcomes);
        });
    });
}

} // namespace

void SyncService::import(SiteService &sites, SyncJournal &journal, const SiteProfile &site, const QString &environment,
                         const ImportOptions &options, QObject *context, Callbacks callbacks,
                         std::function<void(Result<SyncReport>)> done)
{
    auto report = std::make_shared<SyncReport>();
    report->dryRun = options.dryRun;

    // Runs (or resumes) a journaled job to its end.
    auto runJob = [&journal, context, callbacks, options, report, done](std::shared_ptr<CompanionClient> api, qint64 job) {
        report->job = job;
        auto run = std::make_shared<BulkRun>(journal, job, options.batchSize, options.concurrency);
        run->start([api, context, callbacks, run](const BulkRun::Items &batch, std::function<void(Result<BulkRun::Items>)> answer) {
            if (callbacks.canceled && callbacks.canceled())
                run->cancel();
            importBatch(api, batch, context, std::move(answer));
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
            const auto open = journal.unfinished(site.name, kImport);
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
                                                   {QStringLiteral("last_name"), u.value(u"last_name")}};
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
                }, [&journal, site, environment, options, callbacks, report, done, runJob, api, wapi, plan, skipped](const Result<int> &seen) {
                    if (!seen)
                        return done(Error{tr("Failed to list WorkOS users: %1").arg(seen.error().message), seen.error().code});
                    if (options.dryRun) {
                        for (const auto &item : *plan)
                            callbacks.log(tr("Would import: %1 (%2)").arg(item.key, item.payload.value(u"email").toString()));
                        report->counts.done = static_cast<int>(plan->size());
                        report->counts.skipped = static_cast<int>(skipped->size());
                        return done(*report);
                    }
                    const Result<qint64> job = journal.create(site.name, environment.isEmpty() ? site.environment : environment, kImport,
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

// One WorkOS call per item, one after the other, then one users/batch for the site's side.
void directionBatch(bool push, std::shared_ptr<CompanionClient> api, std::shared_ptr<WorkOSClient> wapi, const BulkRun::Items &batch,
                    QObject *context, std::function<void(Result<BulkRun::Items>)> answer)
{
    struct State
    {
        BulkRun::Items outcomes;
        QJsonArray ops;
        QList<qsizetype> opIndex;
        qsizetype next = 0;
    };
    auto st = std::make_shared<State>();
    st->outcomes = batch;
    auto step = std::make_shared<std::function<void()>>();
    std::weak_ptr<std::function<void()>> weak = step;
    *step = [push, api, wapi, batch, context, answer, st, weak]() {
        auto self = weak.lock();
        if (st->next == batch.size()) {
            if (st->ops.isEmpty())
                return answer(st->outcomes);
            return UserService::batch(api, st->ops, false, context, [st, batch, answer](const Result<QJsonObject> &r) {
                if (!r)
                    return answer(r.error());
                const QJsonArray results = r->value(u"results").toArray();
                for (qsizetype j = 0; j < st->opIndex.size(); ++j)
                    st->outcomes[st->opIndex.at(j)] = outcomeOf(batch.at(st->opIndex.at(j)), results.at(j).toObject());
                answer(st->outcomes);
            });
        }
        const qsizetype i = st->next++;
        const SyncJournal::Item item = batch.at(i);
        const qint64 wpId = item.payload.value(u"user_id").toInteger();
        auto queue = [st, i](const QJsonObject &op) {
            st->ops.append(op);
            st->opIndex.append(i);
        };
        if (push) {
            QJsonObject user{{QStringLiteral("email"), item.payload.value(u"email")}, {QStringLiteral("email_verified"), true}};
            const QStringList names = item.payload.value(u"display_name").toString().split(QLatin1Char(' '), Qt::SkipEmptyParts);
            if (!names.isEmpty())
                user.insert(QStringLiteral("first_name"), names.first());
            if (names.size() > 1)
                user.insert(QStringLiteral("last_name"), names.mid(1).join(QLatin1Char(' ')));
            wapi->send("POST", QStringLiteral("/user_management/users"), user, [st, i, wapi, item, wpId, queue, self](const Result<QJsonObject> &made) {
                if (made) {
                    queue({{QStringLiteral("op"), QStringLiteral("link")}, {QStringLiteral("user_id"), wpId}, {QStringLiteral("workos_user_id"), made->value(u"id")}});
                    return (*self)();
                }
                // WorkOS has the address already: link to that user instead of failing.
                QUrlQuery byEmail;
                byEmail.addQueryItem(QStringLiteral("email"), item.payload.value(u"email").toString());
                auto found = std::make_shared<QString>();
                wapi->listUsers(byEmail, [found](const QJsonArray &users) {
                    if (!users.isEmpty())
                        *found = users.first()[QStringLiteral("id")].toString();
                    return false;
                }, [st, i, item, wpId, queue, self, found, made, wapi](const Result<int> &) {
                    if (found->isEmpty())
                        st->outcomes[i] = failed(item, made.error().message);
                    else
                        queue({{QStringLiteral("op"), QStringLiteral("link")}, {QStringLiteral("user_id"), wpId}, {QStringLiteral("workos_user_id"), *found}});
                    (*self)();
                });
            });
            return;
        }
        wapi->getUser(item.payload.value(u"workos_user_id").toString(), [st, i, item, wpId, queue, self, wapi](const Result<QJsonObject> &remote) {
            if (!remote) {
                st->outcomes[i] = failed(item, remote.error().message);
                return (*self)();
            }
            QJsonObject op{{QStringLiteral("op"), QStringLiteral("update")}, {QStringLiteral("user_id"), wpId}};
            for (const char *field : {"email", "first_name", "last_name"}) {
                const QString value = remote->value(QLatin1String(field)).toString();
                if (!value.isEmpty()) // WorkOS wins for its non-empty fields
                    op.insert(QLatin1String(field), value.left(100));
            }
            queue(op);
            (*self)();
        });
    };
    (*step)();
}

} // namespace

void SyncService::direction(bool push, SiteService &sites, SyncJournal &journal, const SiteProfile &site, const QString &environment,
                            const DirectionOptions &options, QObject *context, Callbacks callbacks,
                            std::function<bool(int)> proceed, std::function<void(Result<SyncReport>)> done)
{
    const QString kind = push ? QStringLiteral("push") : QStringLiteral("pull");
    sites.withClient(site, context, [&sites, &journal, site, environment, options, context, callbacks, proceed, done, push, kind](const Result<std::shared_ptr<CompanionClient>> &client) {
        if (!client)
            return done(client.error());
        auto api = client.value();
        sites.withWorkOS(site, environment, context, [&journal, site, environment, options, context, callbacks, proceed, done, push, kind, api](const Result<std::shared_ptr<WorkOSClient>> &workos) {
            if (!workos)
                return done(workos.error());
            auto wapi = workos.value();
            auto report = std::make_shared<SyncReport>();
            auto runJob = [&journal, api, wapi, push, options, context, callbacks, report, done](qint64 job) {
                report->job = job;
                auto run = std::make_shared<BulkRun>(journal, job, options.batchSize, options.concurrency);
                run->start([api, wapi, push, context, callbacks, run](const BulkRun::Items &batch, std::function<void(Result<BulkRun::Items>)> answer) {
                    if (callbacks.canceled && callbacks.canceled())
                        run->cancel();
                    directionBatch(push, api, wapi, batch, context, std::move(answer));
                }, callbacks.progress, [run, report, done](const Result<SyncJournal::Counts> &counts) {
                    if (!counts)
                        return done(counts.error());
                    report->counts = counts.value();
                    done(*report);
                });
            };
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
            }, [&journal, site, environment, options, kind, report, done, runJob, plan, proceed](const Result<int> &listed) {
                if (!listed)
                    return done(listed.error());
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


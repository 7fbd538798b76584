#pragma once

#include "output/Table.h"
#include "profiles/SiteProfile.h"
#include "site/SiteService.h"
#include "sync/SyncJournal.h"
#include "sync/SyncPlan.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QObject>

#include <functional>

namespace workos {

struct ImportOptions
{
    QString organizationId;
    int limit = 0;  // 0: all; counts imported + failed + skipped, as the reference does
    bool dryRun = false; // decide every user (the site's own dry run), write nothing: SyncReport::rows
    int batchSize = 500;
    int concurrency = 2;
};

struct SyncReport
{
    QString kind; // SyncService::Import, Push or Pull
    SyncJournal::Counts counts;
    bool dryRun = false;
    bool resumed = false;
    qint64 job = 0;
    QList<SyncPlanRow> rows; // a dry run's decision for each user
};

// The console's bulk runs, planned → (dry run | run) → reported, journaled so that a run killed
// at any moment resumes with what is left. `sync import`: WorkOS's users (through the console's
// key) become linked WordPress users through users/batch — created, or linked to the account
// holding their e-mail address; users already linked are skipped.
class SyncService
{
    Q_DECLARE_TR_FUNCTIONS(SyncService)
public:
    // The kinds of run, as the journal names them.
    static inline const QString Import = QStringLiteral("import");
    static inline const QString Push = QStringLiteral("push");
    static inline const QString Pull = QStringLiteral("pull");

    struct Callbacks
    {
        std::function<void(const QString &)> log;                      // a line for the admin
        std::function<void(const SyncJournal::Counts &)> progress;     // after each batch
        std::function<bool()> canceled;                                // asked before each batch
    };

    static void import(SiteService &sites, SyncJournal &journal, const SiteProfile &site, const QString &environment,
                       const ImportOptions &options, QObject *context, Callbacks callbacks,
                       std::function<void(Result<SyncReport>)> done);

    // The last line of a run: "Imported: X imported, Y failed, Z skipped.", "X synced, Y failed,
    // Z skipped." (dry runs: "Would import: …", "Would sync: …").
    static QString summary(const SyncReport &report);
    // A dry run's rows as a table (user, email, action, reason), for the admin to review.
    static Table planTable(const QList<SyncPlanRow> &rows);
    static QString actionName(SyncPlanRow::Action action);

    // `sync push`: the site's unlinked users (optionally of one role) become WorkOS users
    // (e-mail verified, names) — or are linked to the WorkOS user that already has their address —
    // and are linked. `sync pull`: the linked users get WorkOS's non-empty e-mail and names.
    // Journaled like import; `plan` is reported through `planned` before anything is sent (for
    // the prompt and the dry run), and the run goes on only when `proceed` says so. With dryRun,
    // `proceed` is not asked: every planned user is decided (WorkOS read, the site's own dry run)
    // and reported in SyncReport::rows, nothing is written, no run is resumed.
    struct DirectionOptions
    {
        QString role;
        int limit = 0;
        int batchSize = 50;
        int concurrency = 1; // WorkOS's rate limits: one batch of WorkOS calls at a time
        bool dryRun = false;
    };
    static void push(SiteService &sites, SyncJournal &journal, const SiteProfile &site, const QString &environment,
                     const DirectionOptions &options, QObject *context, Callbacks callbacks,
                     std::function<bool(int planned)> proceed, std::function<void(Result<SyncReport>)> done);
    static void pull(SiteService &sites, SyncJournal &journal, const SiteProfile &site, const QString &environment,
                     const DirectionOptions &options, QObject *context, Callbacks callbacks,
                     std::function<bool(int planned)> proceed, std::function<void(Result<SyncReport>)> done);

private:
    static void direction(bool push, SiteService &sites, SyncJournal &journal, const SiteProfile &site, const QString &environment,
                          const DirectionOptions &options, QObject *context, Callbacks callbacks,
                          std::function<bool(int planned)> proceed, std::function<void(Result<SyncReport>)> done);
};

} // namespace workos

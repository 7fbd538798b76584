#pragma once

#include "profiles/SiteProfile.h"
#include "site/SiteService.h"
#include "sync/SyncJournal.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QObject>

#include <functional>

namespace workos {

struct ImportOptions
{
    QString organizationId;
    int limit = 0;  // 0: all; counts imported + failed + skipped, as the reference does
    bool dryRun = false;
    int batchSize = 500;
    int concurrency = 2;
};

struct SyncReport
{
    SyncJournal::Counts counts;
    bool dryRun = false;
    bool resumed = false;
    qint64 job = 0;
};

// The console's bulk runs, planned → (dry run | run) → reported, journaled so that a run killed
// at any moment resumes with what is left. `sync import`: WorkOS's users (through the console's
// key) become linked WordPress users through users/batch — created, or linked to the account
// holding their e-mail address; users already linked are skipped.
class SyncService
{
    Q_DECLARE_TR_FUNCTIONS(SyncService)
public:
    struct Callbacks
    {
        std::function<void(const QString &)> log;                      // a line for the admin
        std::function<void(const SyncJournal::Counts &)> progress;     // after each batch
        std::function<bool()> canceled;                                // asked before each batch
    };

    static void import(SiteService &sites, SyncJournal &journal, const SiteProfile &site, const QString &environment,
                       const ImportOptions &options, QObject *context, Callbacks callbacks,
                       std::function<void(Result<SyncReport>)> done);
};

} // namespace workos

#pragma once

#include "sync/SyncJournal.h"
#include "util/Result.h"

#include <QObject>
#include <QSet>

#include <functional>
#include <memory>

namespace workos {

// Works through the pending items of a journaled run: batches of `batchSize`, at most
// `concurrency` in flight, each batch's outcomes recorded in the journal as one transaction as
// soon as it is answered. cancel() stops before the next batch (the run stays resumable). A
// batch that fails as a whole (the site unreachable…) stops the run with that error; its items
// stay pending for the resume.
class BulkRun : public QObject
{
    Q_OBJECT
public:
    using Items = QList<SyncJournal::Item>;
    // Does one batch; answers every item's outcome, or an error for the whole batch.
    using Process = std::function<void(const Items &batch, std::function<void(Result<Items>)> answer)>;
    // After each recorded batch: the counts so far.
    using Progress = std::function<void(const SyncJournal::Counts &)>;

    BulkRun(SyncJournal &journal, qint64 job, int batchSize, int concurrency, QObject *parent = nullptr);

    void start(Process process, Progress progress, std::function<void(Result<SyncJournal::Counts>)> done);
    void cancel() { m_canceled = true; }

private:
    void fill();
    void finishWith(const Result<SyncJournal::Counts> &result);

    SyncJournal &m_journal;
    qint64 m_job;
    int m_batchSize;
    int m_concurrency;
    int m_inFlight = 0;
    bool m_canceled = false;
    bool m_failed = false;
    bool m_finished = false;
    Error m_error;
    QSet<QString> m_taken; // keys handed to a batch not yet recorded
    Process m_process;
    Progress m_progress;
    std::function<void(Result<SyncJournal::Counts>)> m_done;
};

} // namespace workos

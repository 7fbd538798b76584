#include "sync/BulkRun.h"

#include <QSet>

namespace workos {

BulkRun::BulkRun(SyncJournal &journal, qint64 job, int batchSize, int concurrency, QObject *parent)
    : QObject(parent), m_journal(journal), m_job(job), m_batchSize(batchSize), m_concurrency(std::max(1, concurrency))
{
}

void BulkRun::start(Process process, Progress progress, std::function<void(Result<SyncJournal::Counts>)> done)
{
    m_process = std::move(process);
    m_progress = std::move(progress);
    m_done = std::move(done);
    fill();
}

void BulkRun::finishWith(const Result<SyncJournal::Counts> &result)
{
    if (m_finished)
        return;
    m_finished = true;
    m_done(result);
}

void BulkRun::fill()
{
    while (!m_canceled && !m_failed && m_inFlight < m_concurrency) {
        // Pending items not already handed to a batch in flight.
        const Result<Items> pending = m_journal.pending(m_job, m_batchSize * (m_inFlight + 1) + static_cast<int>(m_taken.size()));
        if (!pending) {
            m_failed = true;
            m_error = pending.error();
            break;
        }
        Items batch;
        for (const SyncJournal::Item &item : pending.value()) {
            if (!m_taken.contains(item.key))
                batch.append(item);
            if (batch.size() == m_batchSize)
                break;
        }
        if (batch.isEmpty())
            break;
        for (const SyncJournal::Item &item : batch)
            m_taken.insert(item.key);
        ++m_inFlight;
        m_process(batch, [this, batch](const Result<Items> &outcomes) {
            --m_inFlight;
            for (const SyncJournal::Item &item : batch)
                m_taken.remove(item.key);
            if (!outcomes) {
                m_failed = true;
                m_error = outcomes.error();
            } else {
                const Result<void> recorded = m_journal.record(m_job, outcomes.value());
                if (!recorded) {
                    m_failed = true;
                    m_error = recorded.error();
                } else if (const Result<SyncJournal::Counts> counts = m_journal.counts(m_job); counts && m_progress) {
                    m_progress(counts.value());
                }
            }
            fill();
        });
    }
    if (m_inFlight > 0)
        return;
    if (m_failed)
        return finishWith(m_error);
    const Result<SyncJournal::Counts> counts = m_journal.counts(m_job);
    if (!counts)
        return finishWith(counts.error());
    if (m_canceled && counts->pending > 0)
        return finishWith(Error{tr("Canceled: %n item(s) left; run the same command again to resume.", nullptr, counts->pending),
                                QStringLiteral("canceled")});
    m_journal.finish(m_job);
    finishWith(counts.value());
}

} // namespace workos

#include "activity/ActivityPull.h"

#include "activity/ActivityFeed.h"

namespace workos {

ActivityPull::ActivityPull(const QString &cachePath, std::shared_ptr<CompanionClient> client, QObject *parent)
    : QObject(parent), m_client(std::move(client)), m_worker(new ActivityWorker(cachePath, this))
{
}

void ActivityPull::start(qint64 afterId, std::function<void(qint64)> progress, std::function<void(Result<qint64>, bool)> done)
{
    ActivityFeedSteps steps;
    steps.store = [this](const QJsonArray &items, const std::function<void(Result<int>)> &stored) {
        m_worker->run<int>(this, [items](ActivityCache &cache) { return cache.store(items); }, stored);
    };
    steps.progress = [this, progress = std::move(progress)](qint64 total) {
        progress(total);
        return !m_cancelled;
    };
    steps.done = [this, done = std::move(done)](const Result<qint64> &total, bool reachedEnd) {
        if (!total)
            return done(total, false);
        // Fresh statistics and the "as of" time, on the thread that writes.
        m_worker->run<qint64>(this, [total = total.value(), reachedEnd](ActivityCache &cache) -> Result<qint64> {
            cache.refreshStatistics(total);
            if (reachedEnd) {
                if (const Result<void> recorded = cache.setLastPullAt(QDateTime::currentDateTimeUtc()); !recorded)
                    return recorded.error();
            }
            return total;
        }, [done, reachedEnd](const Result<qint64> &recorded) { done(recorded, recorded.ok() && reachedEnd); });
    };
    readActivityFeed(*m_client, this, afterId, std::move(steps));
}

} // namespace workos

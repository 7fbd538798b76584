#pragma once

#include "activity/ActivityWorker.h"
#include "site/CompanionClient.h"
#include "util/Result.h"

#include <QObject>

#include <functional>
#include <memory>

namespace workos {

// Pulls a site's activity feed into its cache file without blocking the calling thread (the
// console's): pages are fetched through the companion client on this thread, where the network is
// asynchronous, and each page is stored on a worker thread. Reaching the end of the log records
// the cache's "as of" time. One pull per object.
class ActivityPull : public QObject
{
    Q_OBJECT
public:
    ActivityPull(const QString &cachePath, std::shared_ptr<CompanionClient> client, QObject *parent = nullptr);

    // Pulls the events after `afterId` (the cache's lastId()). progress(stored so far) after each
    // page; done(stored, or the first error; complete: the end of the log was reached).
    void start(qint64 afterId, std::function<void(qint64)> progress, std::function<void(Result<qint64>, bool complete)> done);
    // Stops after the page in flight; the pages stored stay.
    void cancel() { m_cancelled = true; }
    bool isCancelled() const { return m_cancelled; }

private:
    std::shared_ptr<CompanionClient> m_client;
    ActivityWorker *m_worker;
    bool m_cancelled = false;
};

} // namespace workos

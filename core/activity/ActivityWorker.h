#pragma once

#include "activity/ActivityCache.h"
#include "util/Result.h"

#include <QObject>
#include <QPointer>
#include <QThread>

#include <atomic>
#include <functional>
#include <memory>

namespace workos {

// Runs jobs on one site's cache file on a thread of its own, one after another, so the thread
// that asks (the GUI's) never waits for a count, an export or a page being stored. The thread has
// its own connection to the file (an SQLite connection belongs to the thread that opened it);
// with WAL its writes and the asking thread's reads do not block each other.
class ActivityWorker : public QObject
{
    Q_OBJECT
public:
    explicit ActivityWorker(QString cachePath, QObject *parent = nullptr);
    // Waits for the job that is running; long jobs poll stopping() and end early.
    ~ActivityWorker() override;

    // Runs job(cache) on the worker thread, then done(result) on this object's thread, unless
    // `context` is gone by then. A file that cannot be opened is the job's error.
    template <typename T>
    void run(QObject *context, std::function<Result<T>(ActivityCache &)> job, std::function<void(Result<T>)> done)
    {
        QPointer<QObject> guard(context);
        post([this, guard, job = std::move(job), done = std::move(done)]() mutable {
            Result<T> result = m_stopping ? Result<T>(Error{QStringLiteral("stopped"), QStringLiteral("cancelled")})
                : m_opened               ? job(*m_cache)
                                         : Result<T>(m_opened.error());
            QMetaObject::invokeMethod(this, [guard, done = std::move(done), result = std::move(result)]() {
                if (guard)
                    done(result);
            }, Qt::QueuedConnection);
        });
    }

    bool stopping() const { return m_stopping; }

private:
    void post(std::function<void()> task);

    QString m_path;
    QThread m_thread;
    QObject *m_inThread;
    // Created, used and destroyed on the worker thread only.
    std::unique_ptr<ActivityCache> m_cache;
    Result<void> m_opened;
    std::atomic_bool m_stopping{false};
};

} // namespace workos

#include "activity/ActivityWorker.h"

namespace workos {

ActivityWorker::ActivityWorker(QString cachePath, QObject *parent)
    : QObject(parent), m_path(std::move(cachePath)), m_inThread(new QObject)
{
    m_thread.setObjectName(QStringLiteral("activity-worker"));
    m_inThread->moveToThread(&m_thread);
    m_thread.start();
    post([this]() {
        m_cache = std::make_unique<ActivityCache>(m_path);
        m_opened = m_cache->open();
    });
}

ActivityWorker::~ActivityWorker()
{
    m_stopping = true;
    // After the jobs queued before it (they see stopping() and end at once); the connection
    // closes on the thread that opened it.
    post([this]() {
        m_cache.reset();
        m_thread.quit();
    });
    m_thread.wait();
    delete m_inThread;
}

void ActivityWorker::post(std::function<void()> task)
{
    QMetaObject::invokeMethod(m_inThread, std::move(task), Qt::QueuedConnection);
}

} // namespace workos

#pragma once

#include "site/CompanionClient.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>
#include <memory>

namespace workos {

// One row of a site's activity log, as the companion's feed gives it.
struct ActivityEvent
{
    qint64 id = 0;
    QString eventType;
    qint64 userId = 0;
    QString userEmail;
    QString workosUserId;
    QString ipAddress;
    QString userAgent;
    QJsonObject metadata;
    QString createdAt; // ISO 8601, UTC

    static ActivityEvent fromJson(const QJsonObject &item);
    QJsonObject toJson() const;
};

struct ActivityFilter
{
    QString typePrefix;   // "webhook_" matches webhook_applied, webhook_rejected…
    QString user;         // a WordPress user id, or an e-mail address (exact, case-insensitive)
    QDateTime from, to;   // created_at bounds (inclusive), UTC
    QString search;       // full-text words over type, e-mail, WorkOS id, IP, user agent and metadata
    int limit = 100;
    bool newestFirst = true;
};

// The console's offline copy of one site's activity log: a SQLite file per site (WAL, an FTS5
// index), filled incrementally from the companion's feed by id, so viewing, filtering and
// searching work without the site. A file that cannot be read is set aside and rebuilt from
// the site on the next pull.
class ActivityCache
{
    Q_DECLARE_TR_FUNCTIONS(ActivityCache)
public:
    static constexpr int PageSize = 5000;

    // $WPWORKOS_DATA_DIR/activity/<site>.sqlite (else under ~/.local/share/wpworkos).
    static QString defaultPath(const QString &siteName);

    explicit ActivityCache(QString path);
    ~ActivityCache();
    ActivityCache(const ActivityCache &) = delete;
    ActivityCache &operator=(const ActivityCache &) = delete;

    // Opens (creating or migrating) the file. A corrupt file is renamed *.corrupt and started
    // afresh; `rebuilt()` then says so.
    Result<void> open();
    bool rebuilt() const { return m_rebuilt; }

    qint64 lastId() const;
    qint64 count() const;

    // Stores a page of feed items in one transaction; ids already stored are replaced.
    Result<int> store(const QJsonArray &items);
    // Pulls everything after lastId(), page by page. `progress(stored so far)` after each page; it
    // returns false to stop (the pages stored stay). done: how many were stored.
    void pull(CompanionClient &client, QObject *context, std::function<bool(qint64)> progress,
              std::function<void(Result<qint64>)> done);

    Result<QList<ActivityEvent>> query(const ActivityFilter &filter) const;
    // Deletes the copy (not the site's log).
    Result<void> clear();

private:
    void nextPage(CompanionClient &client, QObject *context, std::shared_ptr<std::function<bool(qint64)>> progress,
                  std::shared_ptr<std::function<void(Result<qint64>)>> done, qint64 stored);
    Error sqlError(const QString &what) const;
    Result<void> migrate();

    QString m_path;
    QString m_connection;
    bool m_rebuilt = false;
};

} // namespace workos

#pragma once

#include "activity/ActivityFilter.h"
#include "site/CompanionClient.h"
#include "util/Result.h"
#include "util/SqliteConnection.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
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

// Sign-ins of one day (UTC): `login` rows, and failed ones (`login_failed`: a wrong password or
// unknown user; `login_denied`: WorkOS signed the user in but the site's gate refused them).
struct DaySignIns
{
    QDate day;
    int logins = 0;
    int failed = 0;
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

    // Failed sign-ins, as the chart counts them.
    static const QStringList &failedSignInTypes();

    explicit ActivityCache(QString path);
    ActivityCache(const ActivityCache &) = delete;
    ActivityCache &operator=(const ActivityCache &) = delete;

    // Opens (creating or migrating) the file. A corrupt file is renamed *.corrupt and started
    // afresh; `rebuilt()` then says so.
    Result<void> open();
    bool rebuilt() const { return m_rebuilt; }
    QString path() const { return m_path; }

    qint64 lastId() const;
    qint64 count() const;

    // Stores a page of feed items in one transaction; ids already stored are replaced.
    Result<int> store(const QJsonArray &items);
    // Pulls everything after lastId(), page by page. `progress(stored so far)` after each page; it
    // returns false to stop (the pages stored stay). done: how many were stored. Reaching the end
    // of the log records lastPullAt(). (ActivityPull does the same with the storing off the
    // calling thread.)
    void pull(CompanionClient &client, QObject *context, std::function<bool(qint64)> progress,
              std::function<void(Result<qint64>)> done);

    // Fresh planner statistics, so each filter gets the right index, when the `added` events are a
    // tenth of the cache or more (a first pull, a long absence); pulls call it. ANALYZE reads every
    // index: a few new events leave the statistics as they are.
    void refreshStatistics(qint64 added);

    // The events a filter selects, filter.limit at most, from filter.after on (keyset paging).
    Result<QList<ActivityEvent>> query(const ActivityFilter &filter) const;
    // How many events the filter selects (limit and paging ignored).
    Result<qint64> count(const ActivityFilter &filter) const;
    // The event types present, sorted.
    Result<QStringList> eventTypes() const;
    // Sign-ins per day (UTC), every day of the range present (zeros included), oldest first. The
    // range is the filter's from/to days; without an end, up to the newest cached day; without a
    // start, the 30 days up to the end. At most `maxDays`, the newest kept. Only the filter's user
    // applies: the chart is about sign-ins whatever the type or search.
    Result<QList<DaySignIns>> signInsPerDay(const ActivityFilter &filter, int maxDays = 366) const;

    // When a pull last reached the end of the site's log ("as of"); invalid when never.
    QDateTime lastPullAt() const;
    Result<void> setLastPullAt(const QDateTime &at);

    // Filters kept under a name, per site (in this file: they go with the site's log).
    Result<QMap<QString, ActivityFilter>> savedFilters() const;
    Result<void> saveFilter(const QString &name, const ActivityFilter &filter);
    Result<void> removeFilter(const QString &name);

    // Deletes the copy (not the site's log); saved filters stay.
    Result<void> clear();

private:
    struct Plan;
    Result<Plan> plan(const ActivityFilter &filter, bool counting) const;
    Error sqlError(const QString &what) const;
    Result<void> migrate();

    QString m_path;
    SqliteConnection m_connection;
    bool m_rebuilt = false;
};

} // namespace workos

#include "activity/ActivityCache.h"

#include "activity/ActivityFeed.h"
#include "util/DataDir.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <limits>

namespace workos {

namespace {

constexpr int kSchemaVersion = 3;

// Every statement runs on each upgrade (all idempotent), oldest first.
const char *const kSchema[] = {
    "CREATE TABLE IF NOT EXISTS events ("
    "  id INTEGER PRIMARY KEY, event_type TEXT NOT NULL, user_id INTEGER NOT NULL DEFAULT 0,"
    "  user_email TEXT NOT NULL DEFAULT '', workos_user_id TEXT NOT NULL DEFAULT '',"
    "  ip_address TEXT NOT NULL DEFAULT '', user_agent TEXT NOT NULL DEFAULT '',"
    "  metadata TEXT NOT NULL DEFAULT '{}', created_at TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS events_type ON events (event_type)",
    "CREATE INDEX IF NOT EXISTS events_user ON events (user_id)",
    "CREATE INDEX IF NOT EXISTS events_email ON events (user_email COLLATE NOCASE)",
    // The full-text index follows the table through triggers (external content).
    "CREATE VIRTUAL TABLE IF NOT EXISTS events_fts USING fts5("
    "  event_type, user_email, workos_user_id, ip_address, user_agent, metadata,"
    "  content='events', content_rowid='id', tokenize='unicode61')",
    // Version 2: rows reach the index a page at a time (store()), not through a row trigger.
    "DROP TRIGGER IF EXISTS events_ai",
    "CREATE TRIGGER IF NOT EXISTS events_ad AFTER DELETE ON events BEGIN"
    "  INSERT INTO events_fts (events_fts, rowid, event_type, user_email, workos_user_id, ip_address, user_agent, metadata)"
    "  VALUES ('delete', old.id, old.event_type, old.user_email, old.workos_user_id, old.ip_address, old.user_agent, old.metadata); END",
    // Version 3 (the console's viewer). One row per day (UTC): the id range holding its events, so
    // a date filter walks ids in log order within that range instead of reading every row of the
    // window through a created_at index and sorting them (that index is gone); and the day's
    // sign-ins for the chart. Rows reach it a page at a time (store()); a replaced row leaves.
    "DROP INDEX IF EXISTS events_created",
    "CREATE TABLE IF NOT EXISTS days ("
    "  day TEXT PRIMARY KEY, first_id INTEGER NOT NULL, last_id INTEGER NOT NULL,"
    "  logins INTEGER NOT NULL DEFAULT 0, failed INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID",
    "INSERT OR REPLACE INTO days (day, first_id, last_id, logins, failed)"
    "  SELECT substr(created_at, 1, 10), MIN(id), MAX(id), SUM(event_type = 'login'),"
    "  SUM(event_type IN ('login_failed', 'login_denied')) FROM events GROUP BY 1",
    "CREATE TRIGGER IF NOT EXISTS events_days_ad AFTER DELETE ON events BEGIN"
    "  UPDATE days SET logins = logins - (old.event_type = 'login'),"
    "  failed = failed - (old.event_type IN ('login_failed', 'login_denied'))"
    "  WHERE day = substr(old.created_at, 1, 10); END",
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS saved_filters (name TEXT PRIMARY KEY, filter TEXT NOT NULL)",
};

// A common type, user or window is walked in id order and stops at the limit; a rare one is read
// through its index (and sorted). The line between them, in rows.
constexpr int kCommon = 20000;

QString iso(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODate);
}

// A phrase for the full-text index: the text is tokenized like the indexed columns, its quotes
// doubled, so nothing in it is query syntax.
QString phrase(const QString &text, bool prefix)
{
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + (prefix ? QStringLiteral("\"*") : QStringLiteral("\""));
}

bool hasWord(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) { return c.isLetterOrNumber(); });
}

} // namespace

ActivityEvent ActivityEvent::fromJson(const QJsonObject &item)
{
    ActivityEvent e;
    e.id = static_cast<qint64>(item.value(u"id").toDouble());
    e.eventType = item.value(u"event_type").toString();
    e.userId = static_cast<qint64>(item.value(u"user_id").toDouble());
    e.userEmail = item.value(u"user_email").toString();
    e.workosUserId = item.value(u"workos_user_id").toString();
    e.ipAddress = item.value(u"ip_address").toString();
    e.userAgent = item.value(u"user_agent").toString();
    e.metadata = item.value(u"metadata").toObject();
    e.createdAt = item.value(u"created_at").toString();
    return e;
}

QJsonObject ActivityEvent::toJson() const
{
    return {{QStringLiteral("id"), id}, {QStringLiteral("event_type"), eventType}, {QStringLiteral("user_id"), userId},
            {QStringLiteral("user_email"), userEmail}, {QStringLiteral("workos_user_id"), workosUserId},
            {QStringLiteral("ip_address"), ipAddress}, {QStringLiteral("user_agent"), userAgent},
            {QStringLiteral("metadata"), metadata}, {QStringLiteral("created_at"), createdAt}};
}

const QStringList &ActivityCache::failedSignInTypes()
{
    static const QStringList types{QStringLiteral("login_failed"), QStringLiteral("login_denied")};
    return types;
}

QString ActivityCache::defaultPath(const QString &siteName)
{
    return dataDir() + QStringLiteral("/activity/") + siteName + QStringLiteral(".sqlite");
}

ActivityCache::ActivityCache(QString path)
    : m_path(std::move(path)), m_connection(QStringLiteral("activity"))
{
}


Error ActivityCache::sqlError(const QString &what) const
{
    return {tr("Activity cache (%1): %2 failed: %3").arg(m_path, what, QSqlDatabase::database(m_connection, false).lastError().text()),
            QStringLiteral("activity_sql")};
}

Result<void> ActivityCache::open()
{
    const QFileInfo info(m_path);
    if (!QDir().mkpath(info.absolutePath()))
        return Error{tr("Cannot create the folder %1 for the activity cache.").arg(info.absolutePath()), QStringLiteral("activity_dir")};
    for (int attempt = 0; attempt < 2; ++attempt) {
        {
            QSqlDatabase db = QSqlDatabase::contains(m_connection) ? QSqlDatabase::database(m_connection, false)
                                                                   : QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
            db.setDatabaseName(m_path);
            if (db.open()) {
                // Reading the schema finds a file that is no database (a damaged header or first
                // page). Not quick_check: it reads the whole file, 0.7 s per million events, on
                // every open by the console and the CLI.
                QSqlQuery q(db);
                const bool healthy = q.exec(QStringLiteral("SELECT COUNT(*) FROM sqlite_master")) && q.next();
                q.finish();
                if (healthy) {
                    const Result<void> migrated = migrate();
                    if (migrated)
                        return migrated;
                }
                db.close();
            }
        }
        if (attempt == 1)
            break;
        // Unreadable: keep it aside for a post-mortem and start afresh (the site has the data).
        QFile::remove(m_path + QStringLiteral(".corrupt"));
        QFile::rename(m_path, m_path + QStringLiteral(".corrupt"));
        QFile::remove(m_path + QStringLiteral("-wal"));
        QFile::remove(m_path + QStringLiteral("-shm"));
        m_rebuilt = true;
    }
    return Error{tr("Cannot open the activity cache %1: %2").arg(m_path, QSqlDatabase::database(m_connection, false).lastError().text()),
                 QStringLiteral("activity_open")};
}

Result<void> ActivityCache::migrate()
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery q(db);
    // WAL: a reader (the GUI) never blocks the pull; NORMAL sync is safe with WAL.
    if (!q.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !q.exec(QStringLiteral("PRAGMA synchronous = NORMAL")))
        return sqlError(tr("setting up"));
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return sqlError(tr("reading the version"));
    const int version = q.value(0).toInt();
    q.finish();
    if (version > kSchemaVersion)
        return Error{tr("The activity cache %1 was written by a newer console (schema %2).").arg(m_path).arg(version), QStringLiteral("activity_newer")};
    if (version == kSchemaVersion)
        return {};
    db.transaction();
    for (const char *statement : kSchema) {
        if (!q.exec(QString::fromLatin1(statement))) {
            const Error e = sqlError(tr("creating the tables"));
            db.rollback();
            return e;
        }
    }
    q.exec(QStringLiteral("PRAGMA user_version = %1").arg(kSchemaVersion));
    if (!db.commit())
        return sqlError(tr("creating the tables"));
    return {};
}

qint64 ActivityCache::lastId() const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    return q.exec(QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM events")) && q.next() ? q.value(0).toLongLong() : 0;
}

qint64 ActivityCache::count() const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    return q.exec(QStringLiteral("SELECT COUNT(*) FROM events")) && q.next() ? q.value(0).toLongLong() : 0;
}

Result<int> ActivityCache::store(const QJsonArray &items)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    const qint64 known = lastId(); // a pull only brings ids above it: nothing to replace
    if (!db.transaction())
        return sqlError(tr("starting a transaction"));
    QSqlQuery remove(db);
    remove.prepare(QStringLiteral("DELETE FROM events WHERE id = ?"));
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral("INSERT INTO events (id, event_type, user_id, user_email, workos_user_id, ip_address, user_agent, metadata, created_at)"
                                  " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    QList<qint64> stored;
    // A field the feed left out is "", not NULL (a null QString binds NULL).
    const auto text = [](const QString &v) { return v.isNull() ? QStringLiteral("") : v; };
    for (const QJsonValue &value : items) {
        const ActivityEvent e = ActivityEvent::fromJson(value.toObject());
        if (e.id <= 0)
            continue;
        if (e.id <= known) { // seen again: the new copy replaces the old one (and its index entry)
            remove.addBindValue(e.id);
            remove.exec();
        }
        insert.addBindValue(e.id);
        insert.addBindValue(text(e.eventType));
        insert.addBindValue(e.userId);
        insert.addBindValue(text(e.userEmail));
        insert.addBindValue(text(e.workosUserId));
        insert.addBindValue(text(e.ipAddress));
        insert.addBindValue(text(e.userAgent));
        insert.addBindValue(QString::fromUtf8(QJsonDocument(e.metadata).toJson(QJsonDocument::Compact)));
        insert.addBindValue(text(e.createdAt));
        if (!insert.exec()) {
            const Error error = sqlError(tr("storing event %1").arg(e.id));
            db.rollback();
            return error;
        }
        stored.append(e.id);
    }
    // The page's rows into the full-text index and the days table in a few statements.
    QSqlQuery index(db);
    for (qsizetype from = 0; from < stored.size(); from += 500) {
        QStringList ids;
        for (qsizetype i = from; i < std::min(stored.size(), from + 500); ++i)
            ids << QString::number(stored.at(i));
        const QString list = ids.join(QLatin1Char(','));
        if (!index.exec(QStringLiteral("INSERT INTO events_fts (rowid, event_type, user_email, workos_user_id, ip_address, user_agent, metadata)"
                                       " SELECT id, event_type, user_email, workos_user_id, ip_address, user_agent, metadata FROM events"
                                       " WHERE id IN (%1)").arg(list))
            || !index.exec(QStringLiteral("INSERT INTO days (day, first_id, last_id, logins, failed)"
                                          " SELECT substr(created_at, 1, 10), MIN(id), MAX(id), SUM(event_type = 'login'),"
                                          " SUM(event_type IN ('login_failed', 'login_denied')) FROM events WHERE id IN (%1) GROUP BY 1"
                                          " ON CONFLICT (day) DO UPDATE SET first_id = MIN(first_id, excluded.first_id),"
                                          " last_id = MAX(last_id, excluded.last_id), logins = logins + excluded.logins,"
                                          " failed = failed + excluded.failed").arg(list))) {
            const Error error = sqlError(tr("indexing events"));
            db.rollback();
            return error;
        }
    }
    if (!db.commit())
        return sqlError(tr("storing events"));
    return static_cast<int>(stored.size());
}

void ActivityCache::pull(CompanionClient &client, QObject *context, std::function<bool(qint64)> progress,
                         std::function<void(Result<qint64>)> done)
{
    ActivityFeedSteps steps;
    steps.store = [this](const QJsonArray &items, const std::function<void(Result<int>)> &stored) { stored(store(items)); };
    steps.progress = std::move(progress);
    steps.done = [this, done = std::move(done)](const Result<qint64> &total, bool reachedEnd) {
        if (total)
            refreshStatistics(total.value());
        if (total && reachedEnd)
            setLastPullAt(QDateTime::currentDateTimeUtc());
        done(total);
    };
    readActivityFeed(client, context, lastId(), std::move(steps));
}

void ActivityCache::refreshStatistics(qint64 added)
{
    if (added <= 0 || added * 10 < count())
        return;
    QSqlQuery analyze(QSqlDatabase::database(m_connection, false));
    analyze.exec(QStringLiteral("ANALYZE"));
}

// A filter as SQL. Events are shown in log (id) order, newest first, a page at a time: every plan
// walks ids and stops at the limit, narrowing the walk first where it can — an index for a rare
// type or a user, the days table's id range for dates, the full-text index's own rowid order for
// a search (with the other filters folded into the match where the index has their columns).
struct ActivityCache::Plan
{
    QString from = QStringLiteral("events e");
    QString idColumn = QStringLiteral("e.id");
    QStringList where;
    QVariantList binds;
    QString match;          // the full-text query; empty when not searching
    bool needsEvents = false; // a condition on events' columns (a count can skip the join without one)
    bool nothing = false;   // cannot match: no day in the range, no word to search for
};

Result<ActivityCache::Plan> ActivityCache::plan(const ActivityFilter &filter, bool counting) const
{
    if (const Result<void> valid = filter.validate(); !valid)
        return valid.error();
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    Plan p;
    const QStringList words = filter.searchWords();
    const bool searching = !filter.search.trimmed().isEmpty();
    if (searching && words.isEmpty())
        p.nothing = true; // only punctuation: the index holds no such word
    // While searching, the full-text index drives and events' indexes must stay out of the plan
    // ("+"): probing the index once per event costs seconds.
    const QString col = searching ? QStringLiteral("+e.") : QStringLiteral("e.");
    QStringList columnMatches; // the filters again, as full-text column filters (a superset)

    qint64 low = 1;
    qint64 high = std::numeric_limits<qint64>::max();
    if (filter.after > 0 && filter.newestFirst)
        high = filter.after - 1;
    else if (filter.after > 0)
        low = filter.after + 1;

    if (!filter.eventType.isEmpty()) {
        p.where << col + QStringLiteral("event_type = ?");
        p.binds << filter.eventType;
        if (hasWord(filter.eventType))
            columnMatches << QStringLiteral("event_type : ") + phrase(filter.eventType, false);
    }
    if (!filter.typePrefix.isEmpty()) {
        // A range, not LIKE: "_" is a LIKE wildcard and event types are full of them. A common
        // type is found fastest by walking the ids newest first and stopping at the limit ("+"
        // keeps SQLite off the type index, which would make it sort every match); a rare one
        // through the index. A count reads the whole range anyway: through the index.
        const QString upper = filter.typePrefix + QChar(0xFFFF);
        bool common = searching;
        if (!searching && !counting) {
            QSqlQuery count(db);
            count.prepare(QStringLiteral("SELECT COUNT(*) FROM (SELECT 1 FROM events WHERE event_type >= ? AND event_type < ? LIMIT %1)").arg(kCommon + 1));
            count.addBindValue(filter.typePrefix);
            count.addBindValue(upper);
            common = count.exec() && count.next() && count.value(0).toInt() > kCommon;
        }
        p.where << (common ? QStringLiteral("+e.event_type >= ? AND +e.event_type < ?") : QStringLiteral("e.event_type >= ? AND e.event_type < ?"));
        p.binds << filter.typePrefix << upper;
        if (hasWord(filter.typePrefix))
            columnMatches << QStringLiteral("event_type : ") + phrase(filter.typePrefix, true);
    }
    if (!filter.user.isEmpty()) {
        bool numeric = false;
        const qint64 id = filter.user.toLongLong(&numeric);
        if (numeric) {
            p.where << col + QStringLiteral("user_id = ?");
            p.binds << id;
            if (searching) {
                // The index has no user ids, but every event of the user carries one of their
                // e-mails: those narrow the match to the user's events, instead of every event
                // with the words being read and tested (a common word: a million of them).
                QSqlQuery emails(db);
                emails.prepare(QStringLiteral("SELECT user_email, COUNT(*) FROM (SELECT user_email FROM events WHERE user_id = ? LIMIT %1)"
                                              " GROUP BY user_email").arg(kCommon + 1));
                emails.addBindValue(id);
                QStringList seen;
                qint64 events = emails.exec() ? 0 : kCommon + 1;
                while (emails.next()) {
                    seen << emails.value(0).toString();
                    events += emails.value(1).toLongLong();
                }
                if (events == 0) {
                    p.nothing = true;
                } else if (events <= kCommon && !seen.isEmpty() && seen.size() <= 5
                           && std::all_of(seen.cbegin(), seen.cend(), [](const QString &e) { return hasWord(e); })) {
                    QStringList phrases;
                    for (const QString &email : seen)
                        phrases << QStringLiteral("user_email : ") + phrase(email, false);
                    columnMatches << QLatin1Char('(') + phrases.join(QStringLiteral(" OR ")) + QLatin1Char(')');
                }
            }
        } else {
            p.where << col + QStringLiteral("user_email = ? COLLATE NOCASE");
            p.binds << filter.user;
            if (hasWord(filter.user))
                columnMatches << QStringLiteral("user_email : ") + phrase(filter.user, false);
        }
    }
    if (filter.from.isValid() || filter.to.isValid()) {
        // Every event of the range lies within the id range of its days.
        QSqlQuery days(db);
        days.prepare(QStringLiteral("SELECT MIN(first_id), MAX(last_id) FROM days WHERE day >= ? AND day <= ?"));
        days.addBindValue(filter.from.isValid() ? filter.from.toUTC().toString(Qt::ISODate).left(10) : QString());
        days.addBindValue(filter.to.isValid() ? filter.to.toUTC().toString(Qt::ISODate).left(10) : QStringLiteral("\uFFFF"));
        if (!days.exec() || !days.next())
            return sqlError(tr("reading the days"));
        if (days.isNull(0)) {
            p.nothing = true;
        } else {
            low = std::max(low, days.value(0).toLongLong());
            high = std::min(high, days.value(1).toLongLong());
        }
        if (filter.from.isValid()) {
            p.where << QStringLiteral("+e.created_at >= ?");
            p.binds << iso(filter.from);
        }
        if (filter.to.isValid()) {
            p.where << QStringLiteral("+e.created_at <= ?");
            p.binds << iso(filter.to);
        }
    }
    p.needsEvents = !p.where.isEmpty();
    if (searching) {
        p.from = QStringLiteral("events_fts f JOIN events e ON e.id = f.rowid");
        p.idColumn = QStringLiteral("f.rowid");
        QStringList terms;
        for (const QString &word : words)
            terms << phrase(word, true); // every word, as a word prefix
        p.match = (terms + columnMatches).join(QStringLiteral(" AND "));
        p.where << QStringLiteral("events_fts MATCH ?");
        p.binds << p.match;
    }
    if (low > 1) {
        p.where << p.idColumn + QStringLiteral(" >= ?");
        p.binds << low;
    }
    if (high < std::numeric_limits<qint64>::max()) {
        p.where << p.idColumn + QStringLiteral(" <= ?");
        p.binds << high;
    }
    if (low > high)
        p.nothing = true;
    return p;
}

Result<QList<ActivityEvent>> ActivityCache::query(const ActivityFilter &filter) const
{
    const Result<Plan> p = plan(filter, false);
    if (!p)
        return p.error();
    QList<ActivityEvent> rows;
    if (p->nothing)
        return rows;
    QString sql = QStringLiteral("SELECT e.id, e.event_type, e.user_id, e.user_email, e.workos_user_id, e.ip_address, e.user_agent,"
                                 " e.metadata, e.created_at FROM ") + p->from;
    if (!p->where.isEmpty())
        sql += QStringLiteral(" WHERE ") + p->where.join(QStringLiteral(" AND "));
    // With a search, order by the index's own rowid: FTS5 then walks its matches newest first and
    // stops at the limit instead of sorting them all.
    sql += QStringLiteral(" ORDER BY ") + p->idColumn + (filter.newestFirst ? QStringLiteral(" DESC") : QStringLiteral(" ASC"));
    sql += QStringLiteral(" LIMIT %1").arg(qBound(1, filter.limit, 1000000));

    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        return sqlError(tr("preparing the query"));
    for (const QVariant &b : p->binds)
        q.addBindValue(b);
    if (!q.exec())
        return sqlError(tr("querying"));
    while (q.next()) {
        ActivityEvent e;
        e.id = q.value(0).toLongLong();
        e.eventType = q.value(1).toString();
        e.userId = q.value(2).toLongLong();
        e.userEmail = q.value(3).toString();
        e.workosUserId = q.value(4).toString();
        e.ipAddress = q.value(5).toString();
        e.userAgent = q.value(6).toString();
        e.metadata = QJsonDocument::fromJson(q.value(7).toString().toUtf8()).object();
        e.createdAt = q.value(8).toString();
        rows.append(e);
    }
    return rows;
}

Result<qint64> ActivityCache::count(const ActivityFilter &filter) const
{
    ActivityFilter all = filter;
    all.after = 0;
    const Result<Plan> p = plan(all, true);
    if (!p)
        return p.error();
    if (p->nothing)
        return qint64(0);
    QString sql = QStringLiteral("SELECT COUNT(*) FROM ");
    // A search alone is counted in the full-text index without reading any event.
    sql += (!p->match.isEmpty() && !p->needsEvents) ? QStringLiteral("events_fts f") : p->from;
    if (!p->where.isEmpty())
        sql += QStringLiteral(" WHERE ") + p->where.join(QStringLiteral(" AND "));
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        return sqlError(tr("preparing the count"));
    for (const QVariant &b : p->binds)
        q.addBindValue(b);
    if (!q.exec() || !q.next())
        return sqlError(tr("counting"));
    return q.value(0).toLongLong();
}

Result<QStringList> ActivityCache::eventTypes() const
{
    // One index seek per type rather than a walk over every event.
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.exec(QStringLiteral("WITH RECURSIVE t(type) AS (SELECT MIN(event_type) FROM events"
                               " UNION ALL SELECT (SELECT MIN(event_type) FROM events WHERE event_type > t.type) FROM t"
                               " WHERE t.type IS NOT NULL) SELECT type FROM t WHERE type IS NOT NULL")))
        return sqlError(tr("listing the event types"));
    QStringList types;
    while (q.next())
        types << q.value(0).toString();
    return types;
}

Result<QList<DaySignIns>> ActivityCache::signInsPerDay(const ActivityFilter &filter, int maxDays) const
{
    if (const Result<void> valid = filter.validate(); !valid)
        return valid.error();
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QDate last = filter.to.isValid() ? filter.to.toUTC().date() : QDate();
    if (!last.isValid()) {
        QSqlQuery newest(db);
        if (!newest.exec(QStringLiteral("SELECT MAX(day) FROM days")) || !newest.next())
            return sqlError(tr("reading the days"));
        last = QDate::fromString(newest.value(0).toString(), Qt::ISODate);
        if (!last.isValid())
            last = QDateTime::currentDateTimeUtc().date();
        if (filter.from.isValid() && last < filter.from.toUTC().date())
            last = filter.from.toUTC().date();
    }
    QDate first = filter.from.isValid() ? filter.from.toUTC().date() : last.addDays(-29);
    if (first.daysTo(last) >= maxDays)
        first = last.addDays(1 - std::max(1, maxDays));

    QSqlQuery q(db);
    q.setForwardOnly(true);
    bool numeric = false;
    const qint64 userId = filter.user.toLongLong(&numeric);
    if (filter.user.isEmpty()) {
        q.prepare(QStringLiteral("SELECT day, logins, failed FROM days WHERE day >= ? AND day <= ?"));
        q.addBindValue(first.toString(Qt::ISODate));
        q.addBindValue(last.toString(Qt::ISODate));
    } else {
        // One user's sign-ins through their index, within the days' id range.
        q.prepare(QStringLiteral("SELECT substr(e.created_at, 1, 10), SUM(e.event_type = 'login'),"
                                 " SUM(e.event_type IN ('login_failed', 'login_denied')) FROM events e"
                                 " WHERE %1 AND +e.event_type IN ('login', 'login_failed', 'login_denied')"
                                 " AND e.id >= COALESCE((SELECT MIN(first_id) FROM days WHERE day >= ?), 0)"
                                 " AND e.id <= COALESCE((SELECT MAX(last_id) FROM days WHERE day <= ?), 0)"
                                 " AND +e.created_at >= ? AND substr(e.created_at, 1, 10) <= ? GROUP BY 1")
                      .arg(numeric ? QStringLiteral("e.user_id = ?") : QStringLiteral("e.user_email = ? COLLATE NOCASE")));
        q.addBindValue(numeric ? QVariant(userId) : QVariant(filter.user));
        for (int i = 0; i < 2; ++i) {
            q.addBindValue(first.toString(Qt::ISODate));
            q.addBindValue(last.toString(Qt::ISODate));
        }
    }
    if (!q.exec())
        return sqlError(tr("counting sign-ins"));
    QHash<QDate, DaySignIns> counted;
    while (q.next()) {
        const QDate day = QDate::fromString(q.value(0).toString(), Qt::ISODate);
        counted.insert(day, {day, q.value(1).toInt(), q.value(2).toInt()});
    }
    QList<DaySignIns> days;
    for (QDate day = first; day <= last; day = day.addDays(1))
        days.append(counted.value(day, {day, 0, 0}));
    return days;
}

QDateTime ActivityCache::lastPullAt() const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.exec(QStringLiteral("SELECT value FROM meta WHERE key = 'last_pull_at'")) || !q.next())
        return {};
    return QDateTime::fromString(q.value(0).toString(), Qt::ISODate);
}

Result<void> ActivityCache::setLastPullAt(const QDateTime &at)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES ('last_pull_at', ?)"));
    q.addBindValue(iso(at));
    if (!q.exec())
        return sqlError(tr("recording the pull"));
    return {};
}

Result<QMap<QString, ActivityFilter>> ActivityCache::savedFilters() const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.exec(QStringLiteral("SELECT name, filter FROM saved_filters")))
        return sqlError(tr("reading the saved filters"));
    QMap<QString, ActivityFilter> filters;
    while (q.next())
        filters.insert(q.value(0).toString(), ActivityFilter::fromJson(QJsonDocument::fromJson(q.value(1).toString().toUtf8()).object()));
    return filters;
}

Result<void> ActivityCache::saveFilter(const QString &name, const ActivityFilter &filter)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return Error{tr("A saved filter needs a name."), QStringLiteral("activity_filter_name")};
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO saved_filters (name, filter) VALUES (?, ?)"));
    q.addBindValue(trimmed);
    q.addBindValue(QString::fromUtf8(QJsonDocument(filter.toJson()).toJson(QJsonDocument::Compact)));
    if (!q.exec())
        return sqlError(tr("saving the filter"));
    return {};
}

Result<void> ActivityCache::removeFilter(const QString &name)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("DELETE FROM saved_filters WHERE name = ?"));
    q.addBindValue(name);
    if (!q.exec())
        return sqlError(tr("deleting the filter"));
    return {};
}

Result<void> ActivityCache::clear()
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.exec(QStringLiteral("DELETE FROM days")) || !q.exec(QStringLiteral("DELETE FROM events"))
        || !q.exec(QStringLiteral("INSERT INTO events_fts (events_fts) VALUES ('rebuild')"))
        || !q.exec(QStringLiteral("DELETE FROM meta WHERE key = 'last_pull_at'")))
        return sqlError(tr("clearing"));
    return {};
}

} // namespace workos

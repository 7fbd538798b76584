#include "activity/ActivityCache.h"

#include "util/DataDir.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrlQuery>
#include <QUuid>

#include <algorithm>

namespace workos {

namespace {

constexpr int kSchemaVersion = 2;

const char *const kSchema[] = {
    "CREATE TABLE IF NOT EXISTS events ("
    "  id INTEGER PRIMARY KEY, event_type TEXT NOT NULL, user_id INTEGER NOT NULL DEFAULT 0,"
    "  user_email TEXT NOT NULL DEFAULT '', workos_user_id TEXT NOT NULL DEFAULT '',"
    "  ip_address TEXT NOT NULL DEFAULT '', user_agent TEXT NOT NULL DEFAULT '',"
    "  metadata TEXT NOT NULL DEFAULT '{}', created_at TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS events_type ON events (event_type)",
    "CREATE INDEX IF NOT EXISTS events_user ON events (user_id)",
    "CREATE INDEX IF NOT EXISTS events_email ON events (user_email COLLATE NOCASE)",
    "CREATE INDEX IF NOT EXISTS events_created ON events (created_at)",
    // The full-text index follows the table through triggers (external content).
    "CREATE VIRTUAL TABLE IF NOT EXISTS events_fts USING fts5("
    "  event_type, user_email, workos_user_id, ip_address, user_agent, metadata,"
    "  content='events', content_rowid='id', tokenize='unicode61')",
    // Version 2: rows reach the index a page at a time (store()), not through a row trigger.
    "DROP TRIGGER IF EXISTS events_ai",
    "CREATE TRIGGER IF NOT EXISTS events_ad AFTER DELETE ON events BEGIN"
    "  INSERT INTO events_fts (events_fts, rowid, event_type, user_email, workos_user_id, ip_address, user_agent, metadata)"
    "  VALUES ('delete', old.id, old.event_type, old.user_email, old.workos_user_id, old.ip_address, old.user_agent, old.metadata); END",
};

QString iso(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODate);
}

// FTS5 query from free text: every word must appear (prefix match), quotes neutralised.
QString ftsQuery(const QString &text)
{
    QStringList terms;
    for (QString word : text.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts)) {
        word.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        terms << QStringLiteral("\"%1\"*").arg(word);
    }
    return terms.join(QLatin1Char(' '));
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

QString ActivityCache::defaultPath(const QString &siteName)
{
    return dataDir() + QStringLiteral("/activity/") + siteName + QStringLiteral(".sqlite");
}

ActivityCache::ActivityCache(QString path)
    : m_path(std::move(path)), m_connection(QStringLiteral("activity-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
}

ActivityCache::~ActivityCache()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        if (db.isValid())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
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
                QSqlQuery q(db);
                const bool healthy = q.exec(QStringLiteral("PRAGMA quick_check")) && q.next() && q.value(0).toString() == QLatin1String("ok");
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
    // The page's rows into the full-text index in a few statements.
    QSqlQuery index(db);
    for (qsizetype from = 0; from < stored.size(); from += 500) {
        QStringList ids;
        for (qsizetype i = from; i < std::min(stored.size(), from + 500); ++i)
            ids << QString::number(stored.at(i));
        if (!index.exec(QStringLiteral("INSERT INTO events_fts (rowid, event_type, user_email, workos_user_id, ip_address, user_agent, metadata)"
                                       " SELECT id, event_type, user_email, workos_user_id, ip_address, user_agent, metadata FROM events"
                                       " WHERE id IN (%1)").arg(ids.join(QLatin1Char(','))))) {
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
    nextPage(client, context, std::make_shared<std::function<bool(qint64)>>(std::move(progress)),
             std::make_shared<std::function<void(Result<qint64>)>>(std::move(done)), 0);
}

void ActivityCache::nextPage(CompanionClient &client, QObject *context, std::shared_ptr<std::function<bool(qint64)>> progress,
                             std::shared_ptr<std::function<void(Result<qint64>)>> done, qint64 stored)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("after_id"), QString::number(lastId()));
    query.addQueryItem(QStringLiteral("limit"), QString::number(PageSize));
    client.call("GET", QStringLiteral("admin/activity"), query, {}, context,
                [this, &client, context, progress, done, stored](const Result<QJsonObject> &page) {
        if (!page)
            return (*done)(page.error());
        const QJsonArray items = page->value(u"items").toArray();
        const Result<int> saved = store(items);
        if (!saved)
            return (*done)(saved.error());
        const qint64 total = stored + saved.value();
        const bool more = page->value(u"has_more").toBool() && !items.isEmpty();
        if (!(*progress)(total) || !more) {
            if (total > 0) { // fresh statistics, so the planner picks the right index for each filter
                QSqlQuery analyze(QSqlDatabase::database(m_connection, false));
                analyze.exec(QStringLiteral("ANALYZE"));
            }
            return (*done)(total);
        }
        nextPage(client, context, progress, done, total);
    });
}

Result<QList<ActivityEvent>> ActivityCache::query(const ActivityFilter &filter) const
{
    QStringList where;
    QVariantList binds;
    if (!filter.typePrefix.isEmpty()) {
        // A range, not LIKE: "_" is a LIKE wildcard and event types are full of them. A common
        // type is found fastest by walking the ids newest first and stopping at the limit ("+"
        // keeps SQLite off the type index, which would make it sort every match); a rare one
        // through the index.
        const QString upper = filter.typePrefix + QChar(0xFFFF);
        QSqlQuery count(QSqlDatabase::database(m_connection, false));
        count.prepare(QStringLiteral("SELECT COUNT(*) FROM (SELECT 1 FROM events WHERE event_type >= ? AND event_type < ? LIMIT 20001)"));
        count.addBindValue(filter.typePrefix);
        count.addBindValue(upper);
        const bool common = count.exec() && count.next() && count.value(0).toInt() > 20000;
        where << (common ? QStringLiteral("+e.event_type >= ? AND +e.event_type < ?") : QStringLiteral("e.event_type >= ? AND e.event_type < ?"));
        binds << filter.typePrefix << upper;
    }
    if (!filter.user.isEmpty()) {
        bool numeric = false;
        const qint64 id = filter.user.toLongLong(&numeric);
        if (numeric) {
            where << QStringLiteral("e.user_id = ?");
            binds << id;
        } else {
            where << QStringLiteral("e.user_email = ? COLLATE NOCASE");
            binds << filter.user;
        }
    }
    if (filter.from.isValid()) {
        where << QStringLiteral("e.created_at >= ?");
        binds << iso(filter.from);
    }
    if (filter.to.isValid()) {
        where << QStringLiteral("e.created_at <= ?");
        binds << iso(filter.to);
    }
    QString from = QStringLiteral("events e");
    if (!filter.search.trimmed().isEmpty()) {
        from = QStringLiteral("events_fts f JOIN events e ON e.id = f.rowid");
        where << QStringLiteral("events_fts MATCH ?");
        binds << ftsQuery(filter.search);
    }
    QString sql = QStringLiteral("SELECT e.id, e.event_type, e.user_id, e.user_email, e.workos_user_id, e.ip_address, e.user_agent,"
                                 " e.metadata, e.created_at FROM ") + from;
    if (!where.isEmpty())
        sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    // With a search, order by the index's own rowid: FTS5 then walks its matches newest first and
    // stops at the limit instead of sorting them all.
    const QString order = filter.search.trimmed().isEmpty() ? QStringLiteral("e.id") : QStringLiteral("f.rowid");
    sql += QStringLiteral(" ORDER BY ") + order + (filter.newestFirst ? QStringLiteral(" DESC") : QStringLiteral(" ASC"));
    sql += QStringLiteral(" LIMIT %1").arg(qBound(1, filter.limit, 1000000));

    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        return sqlError(tr("preparing the query"));
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (!q.exec())
        return sqlError(tr("querying"));
    QList<ActivityEvent> rows;
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

Result<void> ActivityCache::clear()
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.exec(QStringLiteral("DELETE FROM events")) || !q.exec(QStringLiteral("INSERT INTO events_fts (events_fts) VALUES ('rebuild')")))
        return sqlError(tr("clearing"));
    return {};
}

} // namespace workos

#include "sync/SyncJournal.h"

#include "util/DataDir.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <optional>

namespace workos {

namespace {

constexpr int kSchemaVersion = 1;

const char *const kSchema[] = {
    "CREATE TABLE IF NOT EXISTS jobs ("
    "  id INTEGER PRIMARY KEY AUTOINCREMENT, site TEXT NOT NULL, environment TEXT NOT NULL, kind TEXT NOT NULL,"
    "  options TEXT NOT NULL DEFAULT '{}', created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
    "  finished_at TEXT)",
    "CREATE TABLE IF NOT EXISTS items ("
    "  job_id INTEGER NOT NULL REFERENCES jobs(id) ON DELETE CASCADE, seq INTEGER NOT NULL, key TEXT NOT NULL,"
    "  payload TEXT NOT NULL DEFAULT '{}', state INTEGER NOT NULL DEFAULT 0, wp_user_id INTEGER NOT NULL DEFAULT 0,"
    "  outcome TEXT NOT NULL DEFAULT '', error TEXT NOT NULL DEFAULT '',"
    "  PRIMARY KEY (job_id, key))",
    "CREATE INDEX IF NOT EXISTS items_state ON items (job_id, state, seq)",
    "CREATE INDEX IF NOT EXISTS jobs_open ON jobs (site, kind, finished_at)",
};

QString csvField(const QString &value)
{
    if (!value.contains(QLatin1Char(',')) && !value.contains(QLatin1Char('"')) && !value.contains(QLatin1Char('\n')))
        return value;
    return QLatin1Char('"') + QString(value).replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
}

} // namespace

QString SyncJournal::defaultPath()
{
    return dataDir() + QStringLiteral("/journal.sqlite");
}

SyncJournal::SyncJournal(QString path)
    : m_path(std::move(path)), m_connection(QStringLiteral("journal"))
{
}


QString SyncJournal::stateName(State state)
{
    switch (state) {
    case State::Pending: return QStringLiteral("pending");
    case State::Done: return QStringLiteral("done");
    case State::Failed: return QStringLiteral("failed");
    case State::Skipped: return QStringLiteral("skipped");
    }
    return {};
}

Error SyncJournal::sqlError(const QString &what, const QSqlQuery &failed) const
{
    return {tr("Sync journal (%1): %2 failed: %3").arg(m_path, what, failed.lastError().text()), QStringLiteral("journal_sql")};
}

Error SyncJournal::sqlError(const QString &what) const
{
    return {tr("Sync journal (%1): %2 failed: %3").arg(m_path, what, QSqlDatabase::database(m_connection, false).lastError().text()),
            QStringLiteral("journal_sql")};
}

Result<void> SyncJournal::open()
{
    if (!QDir().mkpath(QFileInfo(m_path).absolutePath()))
        return Error{tr("Cannot create the folder of the sync journal %1.").arg(m_path), QStringLiteral("journal_dir")};
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(m_path);
    if (!db.open())
        return sqlError(tr("opening"));
    QSqlQuery q(db);
    // WAL with synchronous=FULL: a committed batch survives the process being killed (and power loss).
    if (!q.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !q.exec(QStringLiteral("PRAGMA synchronous = FULL"))
        || !q.exec(QStringLiteral("PRAGMA foreign_keys = ON")) || !q.exec(QStringLiteral("PRAGMA busy_timeout = 5000")))
        return sqlError(tr("setting up"));
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return sqlError(tr("reading the version"));
    const int version = q.value(0).toInt();
    q.finish();
    if (version > kSchemaVersion)
        return Error{tr("The sync journal %1 was written by a newer console (schema %2).").arg(m_path).arg(version), QStringLiteral("journal_newer")};
    if (version < kSchemaVersion) {
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
    }
    return {};
}

Result<qint64> SyncJournal::create(const QString &site, const QString &environment, const QString &kind,
                                   const QJsonObject &options, const QList<Item> &plan)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.transaction())
        return sqlError(tr("starting a transaction"));
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO jobs (site, environment, kind, options) VALUES (?, ?, ?, ?)"));
    q.addBindValue(site);
    q.addBindValue(environment);
    q.addBindValue(kind);
    q.addBindValue(QString::fromUtf8(QJsonDocument(options).toJson(QJsonDocument::Compact)));
    if (!q.exec()) {
        const Error e = sqlError(tr("writing the run"), q);
        db.rollback();
        return e;
    }
    const qint64 job = q.lastInsertId().toLongLong();
    QSqlQuery item(db);
    item.prepare(QStringLiteral("INSERT OR IGNORE INTO items (job_id, seq, key, payload) VALUES (?, ?, ?, ?)"));
    qint64 seq = 0;
    for (const Item &i : plan) {
        item.addBindValue(job);
        item.addBindValue(seq++);
        item.addBindValue(i.key);
        item.addBindValue(QString::fromUtf8(QJsonDocument(i.payload).toJson(QJsonDocument::Compact)));
        if (!item.exec()) {
            const Error e = sqlError(tr("writing the plan"), item);
            db.rollback();
            return e;
        }
    }
    if (!db.commit())
        return sqlError(tr("writing the plan"));
    return job;
}

Result<std::optional<SyncJournal::Job>> SyncJournal::unfinished(const QString &site, const QString &kind) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT id, site, environment, kind, options, created_at FROM jobs"
                             " WHERE site = ? AND kind = ? AND finished_at IS NULL ORDER BY id DESC LIMIT 1"));
    q.addBindValue(site);
    q.addBindValue(kind);
    if (!q.exec())
        return sqlError(tr("reading the runs"), q);
    if (!q.next())
        return std::optional<Job>();
    Job job;
    job.id = q.value(0).toLongLong();
    job.site = q.value(1).toString();
    job.environment = q.value(2).toString();
    job.kind = q.value(3).toString();
    job.options = QJsonDocument::fromJson(q.value(4).toString().toUtf8()).object();
    job.createdAt = q.value(5).toString();
    return std::optional<Job>(job);
}

Result<QList<SyncJournal::Item>> SyncJournal::pending(qint64 job, int limit) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT key, payload FROM items WHERE job_id = ? AND state = 0 ORDER BY seq LIMIT ?"));
    q.addBindValue(job);
    q.addBindValue(limit);
    if (!q.exec())
        return sqlError(tr("reading the plan"), q);
    QList<Item> out;
    while (q.next()) {
        Item i;
        i.key = q.value(0).toString();
        i.payload = QJsonDocument::fromJson(q.value(1).toString().toUtf8()).object();
        out.append(i);
    }
    return out;
}

Result<void> SyncJournal::record(qint64 job, const QList<Item> &outcomes)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.transaction())
        return sqlError(tr("starting a transaction"));
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE items SET state = ?, wp_user_id = ?, outcome = ?, error = ? WHERE job_id = ? AND key = ?"));
    for (const Item &i : outcomes) {
        q.addBindValue(static_cast<int>(i.state));
        q.addBindValue(i.wpUserId);
        q.addBindValue(i.outcome.isNull() ? QStringLiteral("") : i.outcome); // a null QString binds NULL
        q.addBindValue(i.error.isNull() ? QStringLiteral("") : i.error);
        q.addBindValue(job);
        q.addBindValue(i.key);
        if (!q.exec()) {
            const Error e = sqlError(tr("recording outcomes"), q);
            db.rollback();
            return e;
        }
    }
    if (!db.commit())
        return sqlError(tr("recording outcomes"));
    return {};
}

Result<void> SyncJournal::finish(qint64 job)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("UPDATE jobs SET finished_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = ?"));
    q.addBindValue(job);
    if (!q.exec())
        return sqlError(tr("closing the run"), q);
    return {};
}

Result<SyncJournal::Counts> SyncJournal::counts(qint64 job) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT state, COUNT(*) FROM items WHERE job_id = ? GROUP BY state"));
    q.addBindValue(job);
    if (!q.exec())
        return sqlError(tr("counting"), q);
    Counts c;
    while (q.next()) {
        const int n = q.value(1).toInt();
        switch (static_cast<State>(q.value(0).toInt())) {
        case State::Pending: c.pending = n; break;
        case State::Done: c.done = n; break;
        case State::Failed: c.failed = n; break;
        case State::Skipped: c.skipped = n; break;
        }
    }
    return c;
}

Result<QList<SyncJournal::Item>> SyncJournal::items(qint64 job, State state) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT key, payload, wp_user_id, outcome, error FROM items WHERE job_id = ? AND state = ? ORDER BY seq"));
    q.addBindValue(job);
    q.addBindValue(static_cast<int>(state));
    if (!q.exec())
        return sqlError(tr("reading items"), q);
    QList<Item> out;
    while (q.next()) {
        Item i;
        i.key = q.value(0).toString();
        i.payload = QJsonDocument::fromJson(q.value(1).toString().toUtf8()).object();
        i.state = state;
        i.wpUserId = q.value(2).toLongLong();
        i.outcome = q.value(3).toString();
        i.error = q.value(4).toString();
        out.append(i);
    }
    return out;
}

Result<QString> SyncJournal::errorReportCsv(qint64 job) const
{
    QString csv = QStringLiteral("key,state,error\n");
    for (State state : {State::Failed, State::Skipped}) {
        const Result<QList<Item>> list = items(job, state);
        if (!list)
            return list.error();
        for (const Item &i : list.value())
            csv += csvField(i.key) + QLatin1Char(',') + stateName(state) + QLatin1Char(',') + csvField(i.error) + QLatin1Char('\n');
    }
    return csv;
}

Result<void> SyncJournal::saveErrorReport(qint64 job, const QString &path) const
{
    const Result<QString> csv = errorReportCsv(job);
    if (!csv)
        return csv.error();
    const QByteArray bytes = csv->toUtf8();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return Error{tr("Cannot write the report %1.").arg(path), QStringLiteral("report_write")};
    return {};
}

} // namespace workos

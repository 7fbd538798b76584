#include "profiles/ProfileStore.h"

#include "util/DataDir.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <vector>

namespace workos {

namespace {

// Each entry moves the schema from version i to i + 1. Never edit a shipped step: append one.
const std::vector<std::vector<const char *>> kMigrations = {
    {   // 0 -> 1
    "CREATE TABLE sites ("
    "  name TEXT PRIMARY KEY NOT NULL,"
    "  url TEXT NOT NULL,"
    "  username TEXT NOT NULL,"
    "  environment TEXT NOT NULL DEFAULT 'production' CHECK (environment IN ('production','staging')),"
    "  position INTEGER NOT NULL DEFAULT 0,"
    "  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')))",
    "CREATE TABLE settings (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)"},
};

SiteProfile rowToProfile(const QSqlQuery &q)
{
    SiteProfile p;
    p.name = q.value(0).toString();
    p.url = QUrl(q.value(1).toString());
    p.username = q.value(2).toString();
    p.environment = q.value(3).toString();
    p.position = q.value(4).toInt();
    return p;
}

} // namespace

QString ProfileStore::defaultPath()
{
    return dataDir() + QStringLiteral("/profiles.sqlite");
}

ProfileStore::ProfileStore(QString path)
    : m_path(std::move(path)),
      m_connection(QStringLiteral("profiles"))
{
}


Error ProfileStore::sqlError(const QString &what) const
{
    const QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    return {tr("Site profiles (%1): %2 failed: %3").arg(m_path, what, db.lastError().text()),
            QStringLiteral("profiles_sql")};
}

Result<void> ProfileStore::open()
{
    const QFileInfo info(m_path);
    if (!QDir().mkpath(info.absolutePath()))
        return Error{tr("Cannot create the folder %1 for the site profiles.").arg(info.absolutePath()),
                     QStringLiteral("profiles_dir")};
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(m_path);
    if (!db.open())
        return Error{tr("Cannot open the site profiles %1: %2").arg(m_path, db.lastError().text()),
                     QStringLiteral("profiles_open")};
    QSqlQuery q(db);
    q.exec(QStringLiteral("PRAGMA busy_timeout = 5000"));
    q.exec(QStringLiteral("PRAGMA foreign_keys = ON"));
    return migrate();
}

int ProfileStore::schemaVersion() const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    return q.exec(QStringLiteral("PRAGMA user_version")) && q.next() ? q.value(0).toInt() : -1;
}

Result<void> ProfileStore::migrate()
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    const int from = schemaVersion();
    if (from > SchemaVersion)
        return Error{tr("The site profiles %1 were written by a newer version (schema %2; this one "
                        "understands up to %3). Update the console.")
                         .arg(m_path)
                         .arg(from)
                         .arg(SchemaVersion),
                     QStringLiteral("profiles_newer")};
    for (int v = from; v < SchemaVersion; ++v) {
        if (!db.transaction())
            return sqlError(tr("starting the migration"));
        QSqlQuery q(db);
        for (const char *statement : kMigrations.at(static_cast<size_t>(v))) {
            if (!q.exec(QString::fromUtf8(statement))) {
                const Error e = sqlError(tr("migration to schema %1").arg(v + 1));
                db.rollback();
                return e;
            }
        }
        if (!q.exec(QStringLiteral("PRAGMA user_version = %1").arg(v + 1)) || !db.commit()) {
            const Error e = sqlError(tr("migration to schema %1").arg(v + 1));
            db.rollback();
            return e;
        }
    }
    return {};
}

bool ProfileStore::isValidName(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"));
    return re.match(name).hasMatch();
}

QList<SiteProfile> ProfileStore::sites() const
{
    QList<SiteProfile> out;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    if (q.exec(QStringLiteral(
            "SELECT name, url, username, environment, position FROM sites ORDER BY position, name"))) {
        while (q.next())
            out.append(rowToProfile(q));
    }
    return out;
}

std::optional<SiteProfile> ProfileStore::site(const QString &name) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT name, url, username, environment, position FROM sites WHERE name = ?"));
    q.addBindValue(name);
    if (q.exec() && q.next())
        return rowToProfile(q);
    return std::nullopt;
}

Result<void> ProfileStore::addSite(SiteProfile profile)
{
    if (!isValidName(profile.name))
        return Error{tr("“%1” is not a valid site name: use letters, digits, '.', '_' or '-' (at most 64).")
                         .arg(profile.name),
                     QStringLiteral("invalid_name")};
    if (site(profile.name))
        return Error{tr("A site named “%1” already exists.").arg(profile.name), QStringLiteral("exists")};
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    QSqlQuery q(db);
    q.exec(QStringLiteral("SELECT COALESCE(MAX(position) + 1, 0) FROM sites"));
    profile.position = q.next() ? q.value(0).toInt() : 0;
    q.prepare(QStringLiteral(
        "INSERT INTO sites (name, url, username, environment, position) VALUES (?, ?, ?, ?, ?)"));
    q.addBindValue(profile.name);
    q.addBindValue(profile.url.toString());
    q.addBindValue(profile.username);
    q.addBindValue(profile.environment);
    q.addBindValue(profile.position);
    if (!q.exec())
        return sqlError(tr("adding site “%1”").arg(profile.name));
    if (currentSite().isEmpty())
        return setCurrentSite(profile.name);
    return {};
}

Result<void> ProfileStore::updateSite(const SiteProfile &profile)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("UPDATE sites SET url = ?, username = ?, environment = ? WHERE name = ?"));
    q.addBindValue(profile.url.toString());
    q.addBindValue(profile.username);
    q.addBindValue(profile.environment);
    q.addBindValue(profile.name);
    if (!q.exec())
        return sqlError(tr("updating site “%1”").arg(profile.name));
    if (q.numRowsAffected() == 0)
        return Error{tr("No site named “%1”.").arg(profile.name), QStringLiteral("not_found")};
    return {};
}

Result<void> ProfileStore::removeSite(const QString &name)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    QSqlQuery q(db);
    q.prepare(QStringLiteral("DELETE FROM sites WHERE name = ?"));
    q.addBindValue(name);
    if (!q.exec())
        return sqlError(tr("removing site “%1”").arg(name));
    if (q.numRowsAffected() == 0)
        return Error{tr("No site named “%1”.").arg(name), QStringLiteral("not_found")};
    if (currentSite() == name) {
        const QList<SiteProfile> rest = sites();
        q.prepare(QStringLiteral("DELETE FROM settings WHERE key = 'current_site'"));
        q.exec();
        if (!rest.isEmpty())
            return setCurrentSite(rest.first().name);
    }
    return {};
}

Result<void> ProfileStore::moveSite(const QString &name, int newPosition)
{
    QList<SiteProfile> all = sites();
    const auto it = std::find_if(all.begin(), all.end(), [&](const SiteProfile &p) { return p.name == name; });
    if (it == all.end())
        return Error{tr("No site named “%1”.").arg(name), QStringLiteral("not_found")};
    SiteProfile moved = *it;
    all.erase(it);
    all.insert(std::clamp<qsizetype>(newPosition, 0, all.size()), moved);
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    db.transaction();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE sites SET position = ? WHERE name = ?"));
    for (qsizetype i = 0; i < all.size(); ++i) {
        q.addBindValue(static_cast<int>(i));
        q.addBindValue(all.at(i).name);
        if (!q.exec()) {
            const Error e = sqlError(tr("reordering sites"));
            db.rollback();
            return e;
        }
    }
    if (!db.commit())
        return sqlError(tr("reordering sites"));
    return {};
}

QString ProfileStore::preference(const QString &key) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT value FROM settings WHERE key = ?"));
    q.addBindValue(key);
    if (q.exec() && q.next())
        return q.value(0).toString();
    return {};
}

Result<void> ProfileStore::setPreference(const QString &key, const QString &value)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    if (value.isEmpty()) {
        q.prepare(QStringLiteral("DELETE FROM settings WHERE key = ?"));
        q.addBindValue(key);
    } else {
        q.prepare(QStringLiteral("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)"));
        q.addBindValue(key);
        q.addBindValue(value);
    }
    if (!q.exec())
        return sqlError(tr("saving the preference “%1”").arg(key));
    return {};
}

QString ProfileStore::currentSite() const
{
    return preference(QStringLiteral("current_site"));
}

Result<void> ProfileStore::setCurrentSite(const QString &name)
{
    if (!site(name))
        return Error{tr("No site named “%1”.").arg(name), QStringLiteral("not_found")};
    return setPreference(QStringLiteral("current_site"), name);
}

} // namespace workos

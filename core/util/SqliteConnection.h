#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QUuid>

namespace workos {

// The name of one Qt SQL connection owned by one object (a store, a cache, a journal): unique per
// object, since Qt keeps connections in a process-wide registry by name, and closed and removed
// from that registry with the object. Converts to the name, for QSqlDatabase::database(name).
class SqliteConnection
{
public:
    explicit SqliteConnection(const QString &prefix)
        : m_name(prefix + QLatin1Char('-') + QUuid::createUuid().toString(QUuid::WithoutBraces))
    {
    }
    ~SqliteConnection()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            if (db.isValid())
                db.close();
        } // the handle must be gone before the connection is removed
        QSqlDatabase::removeDatabase(m_name);
    }
    SqliteConnection(const SqliteConnection &) = delete;
    SqliteConnection &operator=(const SqliteConnection &) = delete;

    operator const QString &() const { return m_name; }

private:
    QString m_name;
};

} // namespace workos

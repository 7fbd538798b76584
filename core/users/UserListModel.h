#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>

namespace workos {

// The site's users (items of the companion's admin/users) as a table: ID, login, e-mail, display
// name, roles, WorkOS link, last synced. Pages are appended as they arrive; SortRole gives
// values that sort as their kind (numbers, times), so a proxy can sort any column.
class UserListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { IdColumn, LoginColumn, EmailColumn, NameColumn, RolesColumn, WorkOSColumn, SyncedColumn, ColumnCount };
    enum Role {
        SortRole = Qt::UserRole + 1,
        UserRole,   // the user's JSON object
        LinkedRole, // bool
    };

    explicit UserListModel(QObject *parent = nullptr);

    void clear();
    void append(const QJsonArray &users);
    // Puts a fresh copy of a user in its row (after link, unlink, sync).
    void replace(const QJsonObject &user);
    QJsonObject userAt(int row) const { return m_users.value(row); }
    int rowOfId(qint64 id) const { return m_rows.value(id, -1); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString text(const QJsonObject &user, int column) const;

    QList<QJsonObject> m_users;
    QHash<qint64, int> m_rows; // user id -> row
};

} // namespace workos

#include "users/UserListModel.h"

#include "users/UserFields.h"

#include <QDateTime>
#include <QLocale>

namespace workos {

namespace {

QDateTime syncedAt(const QJsonObject &user)
{
    return QDateTime::fromString(user.value(u"last_synced_at").toString(), Qt::ISODate);
}

} // namespace

UserListModel::UserListModel(QObject *parent) : QAbstractTableModel(parent) {}

void UserListModel::clear()
{
    beginResetModel();
    m_users.clear();
    m_rows.clear();
    endResetModel();
}

void UserListModel::append(const QJsonArray &users)
{
    if (users.isEmpty())
        return;
    const int first = static_cast<int>(m_users.size());
    beginInsertRows({}, first, first + static_cast<int>(users.size()) - 1);
    for (const QJsonValue &v : users) {
        m_rows.insert(UserFields::id(v.toObject()), static_cast<int>(m_users.size()));
        m_users.append(v.toObject());
    }
    endInsertRows();
}

void UserListModel::replace(const QJsonObject &user)
{
    const int row = rowOfId(UserFields::id(user));
    if (row < 0)
        return;
    m_users[row] = user;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

int UserListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_users.size());
}

int UserListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString UserListModel::text(const QJsonObject &user, int column) const
{
    switch (column) {
    case IdColumn: return QString::number(UserFields::id(user));
    case LoginColumn: return user.value(u"login").toString();
    case EmailColumn: return user.value(u"email").toString();
    case NameColumn: return user.value(u"display_name").toString();
    case RolesColumn: return UserFields::roles(user).replace(QLatin1Char(','), QStringLiteral(", "));
    case WorkOSColumn: return UserFields::isLinked(user) ? UserFields::workosUserId(user) : tr("not linked");
    case SyncedColumn: {
        const QDateTime at = syncedAt(user);
        return at.isValid() ? QLocale().toString(at.toLocalTime(), QLocale::ShortFormat) : tr("never");
    }
    }
    return {};
}

QVariant UserListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_users.size())
        return {};
    const QJsonObject &user = m_users.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return text(user, index.column());
    case Qt::ToolTipRole:
        if (index.column() == WorkOSColumn && UserFields::isLinked(user) && !user.value(u"org_id").toString().isEmpty())
            return tr("Organization: %1").arg(user.value(u"org_id").toString());
        if (index.column() == SyncedColumn && syncedAt(user).isValid())
            return user.value(u"last_synced_at").toString();
        return {};
    case SortRole:
        if (index.column() == IdColumn)
            return UserFields::id(user);
        if (index.column() == SyncedColumn)
            return syncedAt(user);
        if (index.column() == WorkOSColumn) // the unlinked together
            return UserFields::workosUserId(user);
        return text(user, index.column()).toLower();
    case UserRole:
        return user;
    case LinkedRole:
        return UserFields::isLinked(user);
    }
    return {};
}

QVariant UserListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal)
        return {};
    switch (section) {
    case IdColumn: return tr("ID");
    case LoginColumn: return tr("Login");
    case EmailColumn: return tr("E-mail");
    case NameColumn: return tr("Display name");
    case RolesColumn: return tr("Roles");
    case WorkOSColumn: return tr("WorkOS link");
    case SyncedColumn: return tr("Last synced");
    }
    return {};
}

} // namespace workos

#pragma once

#include "util/Result.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QStringList>

namespace workos {

// A site's map from WorkOS organization roles (or directory group names) to WordPress roles, with
// the companion's rules (wp-companion/src/Sync/RoleMapper.php): an empty map means the built-in
// one; a role the map does not name gets the `member` mapping, else `subscriber`.
class RoleMap
{
    Q_DECLARE_TR_FUNCTIONS(RoleMap)
public:
    static QMap<QString, QString> builtIn();

    RoleMap() = default;
    explicit RoleMap(const QMap<QString, QString> &entries);
    static RoleMap fromJson(const QJsonObject &map);

    // The entries as stored (empty for the built-in map) and as in effect.
    QMap<QString, QString> entries() const { return m_entries; }
    QMap<QString, QString> effective() const;
    bool isBuiltIn() const { return m_entries.isEmpty(); }
    QJsonObject toJson() const;

    QString map(const QString &workosRole) const;
    // WordPress role → WorkOS role, for pushing role changes back; when several WorkOS roles map
    // to one WordPress role, the last in the map wins, as on the site.
    QMap<QString, QString> reverse() const;

    // The companion's own limits (PUT admin/role-map), checked before anything is sent, so an
    // editor can point at the row: at most 200 entries, keys 1…191 characters without control
    // characters or <>, values existing WordPress role slugs.
    struct Problem
    {
        enum class Field { Map, Key, Value };
        QString key; // the entry concerned; empty for the whole map
        QString message;
        Field field = Field::Map; // what is wrong: the map, the entry's WorkOS role, its WordPress role
    };
    QList<Problem> validate(const QStringList &wordpressRoles) const;

    // What the map would do to the organization's members (items of GET admin/orgs/{id}/members:
    // user_id, user_login, roles, workos_role) when they next sign in or sync.
    struct Change
    {
        int userId = 0;
        QString login;
        QStringList roles; // WordPress roles now
        QString workosRole;
        QString newRole;
        bool keptLastAdministrator = false; // the site refuses to demote its last administrator
    };
    QList<Change> preview(const QJsonArray &members, int administratorCount) const;

    // True when the site would refuse the map unless forced (workos_role_map_demotes_all_
    // administrators): every administrator (items of GET admin/users?role=administrator) is
    // linked to WorkOS and none of their WorkOS roles (their membership among `members`, else
    // `member`) maps to administrator.
    bool demotesEveryAdministrator(const QJsonArray &administrators, const QJsonArray &members) const;

private:
    QMap<QString, QString> m_entries;
};

} // namespace workos

#include "rolemap/RoleMap.h"

#include <QHash>
#include <QRegularExpression>

namespace workos {

namespace {
const QString kMember = QStringLiteral("member");
const QString kFallback = QStringLiteral("subscriber");
const QString kAdministrator = QStringLiteral("administrator");
constexpr int kMaxEntries = 200;
constexpr int kMaxKeyLength = 191;

QStringList rolesOf(const QJsonObject &member)
{
    QStringList roles;
    for (const auto &r : member.value(u"roles").toArray())
        roles << r.toString();
    return roles;
}
} // namespace

QMap<QString, QString> RoleMap::builtIn()
{
    return {{QStringLiteral("admin"), kAdministrator},
            {QStringLiteral("editor"), QStringLiteral("editor")},
            {kMember, kFallback}};
}

RoleMap::RoleMap(const QMap<QString, QString> &entries)
{
    // The site ignores blank keys and values; so does the preview.
    for (auto it = entries.cbegin(); it != entries.cend(); ++it) {
        const QString key = it.key().trimmed();
        const QString value = it.value().trimmed();
        if (!key.isEmpty() && !value.isEmpty())
            m_entries.insert(key, value);
    }
}

RoleMap RoleMap::fromJson(const QJsonObject &map)
{
    QMap<QString, QString> entries;
    for (auto it = map.begin(); it != map.end(); ++it)
        entries.insert(it.key(), it.value().toString());
    return RoleMap(entries);
}

QMap<QString, QString> RoleMap::effective() const
{
    return m_entries.isEmpty() ? builtIn() : m_entries;
}

QJsonObject RoleMap::toJson() const
{
    QJsonObject o;
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

QString RoleMap::map(const QString &workosRole) const
{
    const QMap<QString, QString> m = effective();
    return m.value(workosRole, m.value(kMember, kFallback));
}

QMap<QString, QString> RoleMap::reverse() const
{
    // The site walks its map in stored (insertion) order; the console keeps keys sorted, which is
    // how the companion's settings schema stores them too (JSON object, sorted on save).
    QMap<QString, QString> r;
    const QMap<QString, QString> m = effective();
    for (auto it = m.cbegin(); it != m.cend(); ++it)
        r.insert(it.value(), it.key());
    return r;
}

QList<RoleMap::Problem> RoleMap::validate(const QStringList &wordpressRoles) const
{
    QList<Problem> problems;
    if (m_entries.size() > kMaxEntries)
        problems.append({QString(), tr("A role map holds at most %1 entries; this one has %2.").arg(kMaxEntries).arg(m_entries.size())});
    static const QRegularExpression forbidden(QStringLiteral("[\\x00-\\x1f\\x7f<>]"));
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it) {
        if (it.key().size() > kMaxKeyLength)
            problems.append({it.key(), tr("The WorkOS role “%1…” is longer than %2 characters.").arg(it.key().left(20)).arg(kMaxKeyLength),
                             Problem::Field::Key});
        else if (it.key().contains(forbidden))
            problems.append({it.key(), tr("The WorkOS role “%1” contains control characters or < >.").arg(it.key()), Problem::Field::Key});
        if (!wordpressRoles.contains(it.value()))
            problems.append({it.key(), tr("“%1” is not a WordPress role on this site.").arg(it.value()), Problem::Field::Value});
    }
    return problems;
}

QList<RoleMap::Change> RoleMap::preview(const QJsonArray &members, int administratorCount) const
{
    QList<Change> changes;
    int administrators = administratorCount;
    for (const auto &value : members) {
        const QJsonObject member = value.toObject();
        if (member.contains(u"user_exists") && !member.value(u"user_exists").toBool())
            continue;
        Change c;
        c.userId = member.value(u"user_id").toInt();
        c.login = member.value(u"user_login").toString();
        c.roles = rolesOf(member);
        c.workosRole = member.value(u"workos_role").toString();
        c.newRole = map(c.workosRole.isEmpty() ? kMember : c.workosRole);
        if (c.roles.contains(c.newRole))
            continue;
        // Mirrors RoleMapper::apply: the last administrator keeps the role, one at a time.
        if (c.newRole != kAdministrator && c.roles.contains(kAdministrator)) {
            if (administrators <= 1)
                c.keptLastAdministrator = true;
            else
                --administrators;
        }
        changes.append(c);
    }
    return changes;
}

bool RoleMap::demotesEveryAdministrator(const QJsonArray &administrators, const QJsonArray &members) const
{
    QHash<int, QString> workosRoles;
    for (const auto &value : members) {
        const QJsonObject member = value.toObject();
        workosRoles.insert(member.value(u"user_id").toInt(), member.value(u"workos_role").toString());
    }
    for (const auto &value : administrators) {
        const QJsonObject admin = value.toObject();
        // An administrator not linked to WorkOS never gets a mapped role: the site keeps one.
        if (admin.value(u"workos_user_id").toString().isEmpty())
            return false;
        const QString role = workosRoles.value(admin.value(u"id").toInt(), kMember);
        if (map(role.isEmpty() ? kMember : role) == kAdministrator)
            return false;
    }
    return !administrators.isEmpty();
}

} // namespace workos

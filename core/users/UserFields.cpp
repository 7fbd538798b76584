#include "users/UserFields.h"

#include <QJsonArray>

namespace workos {

namespace {

QString orNone(const QJsonValue &v, const QString &none)
{
    const QString s = v.isDouble() ? QString::number(v.toInteger()) : v.toString();
    return s.isEmpty() ? none : s;
}

} // namespace

QStringList UserFields::listFields()
{
    return {QStringLiteral("ID"), QStringLiteral("user_login"), QStringLiteral("user_email"), QStringLiteral("display_name"),
            QStringLiteral("role"), QStringLiteral("workos_user_id"), QStringLiteral("linked")};
}

QStringList UserFields::defaultListFields()
{
    return {QStringLiteral("ID"), QStringLiteral("user_login"), QStringLiteral("user_email"), QStringLiteral("role"),
            QStringLiteral("workos_user_id"), QStringLiteral("linked")};
}

QString UserFields::value(const QJsonObject &user, const QString &field)
{
    if (field == u"ID")
        return QString::number(id(user));
    if (field == u"user_login")
        return user.value(u"login").toString();
    if (field == u"user_email")
        return user.value(u"email").toString();
    if (field == u"display_name")
        return user.value(u"display_name").toString();
    if (field == u"role")
        return roles(user);
    if (field == u"workos_user_id")
        return workosUserId(user);
    if (field == u"linked")
        return isLinked(user) ? QStringLiteral("yes") : QStringLiteral("no");
    return {};
}

QString UserFields::roles(const QJsonObject &user)
{
    QStringList r;
    for (const QJsonValue &v : user.value(u"roles").toArray())
        r << v.toString();
    return r.join(QLatin1Char(','));
}

Table UserFields::details(const QJsonObject &user)
{
    Table t;
    t.columns = {QStringLiteral("wp_user_id"), QStringLiteral("user_login"), QStringLiteral("user_email"), QStringLiteral("display_name"),
                 QStringLiteral("role"), QStringLiteral("workos_user_id"), QStringLiteral("workos_org_id"), QStringLiteral("last_synced_at"),
                 QStringLiteral("is_deactivated")};
    t.rows.append({QString::number(id(user)), user.value(u"login").toString(), user.value(u"email").toString(),
                   user.value(u"display_name").toString(), roles(user), orNone(user.value(u"workos_user_id"), QStringLiteral("(none)")),
                   orNone(user.value(u"org_id"), QStringLiteral("(none)")), orNone(user.value(u"last_synced_at"), QStringLiteral("(never)")),
                   user.value(u"deactivated").toBool() ? QStringLiteral("yes") : QStringLiteral("no")});
    return t;
}

} // namespace workos

#pragma once

#include "output/Table.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QStringList>

namespace workos {

// A site user (an item of the companion's admin/users) as `wp workos user list` and `user get`
// print it; the console's Users page shows the same values.
class UserFields
{
    Q_DECLARE_TR_FUNCTIONS(UserFields)
public:
    // `user list --fields`: every field, and the ones printed without --fields.
    static QStringList listFields();
    static QStringList defaultListFields();
    static QString value(const QJsonObject &user, const QString &field);

    static qint64 id(const QJsonObject &user) { return user.value(u"id").toInteger(); }
    static QString workosUserId(const QJsonObject &user) { return user.value(u"workos_user_id").toString(); }
    static bool isLinked(const QJsonObject &user) { return !workosUserId(user).isEmpty(); }
    static QString roles(const QJsonObject &user); // comma-joined

    // `user get`: one row under wp_user_id, user_login, …, is_deactivated.
    static Table details(const QJsonObject &user);
};

} // namespace workos

#pragma once

#include <QString>
#include <QUrl>

namespace workos {

// A WordPress site the console manages. Holds no secrets: the Application Password and the
// WorkOS keys of each environment live in the OS keychain (SecretStore).
struct SiteProfile
{
    QString name;        // chosen by the admin, unique: "intranet", "sandbox"
    QUrl url;            // the site's home URL
    QString username;    // WordPress user who owns the Application Password
    QString environment = QStringLiteral("production"); // WorkOS environment the console acts on
    int position = 0;    // order in the site list
};

} // namespace workos

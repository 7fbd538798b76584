#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <QUrl>

namespace workos {

// The checks PUT admin/redirects applies to the role-based login and logout redirects
// (wp-companion/src/Rest/Admin/RedirectsController.php, the redirect safety of
// src/Http/SafeRedirect.php), made before anything is sent so an editor can point at the row.
//
// The console knows the site's own address, not the extra hosts a site may allow through
// WordPress's `allowed_redirect_hosts` filter: a redirect to such a host is refused here.
class RedirectRules
{
    Q_DECLARE_TR_FUNCTIONS(RedirectRules)
public:
    static constexpr int MaxEntries = 100;
    static constexpr int MaxLength = 2048;
    // The key of the entry for every role without its own ("Default (all roles)").
    static QString defaultKey() { return QStringLiteral("__default__"); }

    // Whether the site takes `target` (trimmed as the site trims it) as a redirect: a path of
    // the site — "welcome" and "/welcome" alike — or an http(s) URL on its own host and port;
    // never another host, "//host", backslashes, other schemes, credentials, whitespace or
    // control characters, however percent-encoded.
    static bool isSafe(const QString &target, const QUrl &home);

    struct Problem
    {
        QString map;  // "login" or "logout"
        QString role; // the entry's key
        QString message;
    };
    // Every reason the site would refuse the redirects {"login": {role: {url, first_login_only}},
    // "logout": {role: url}}, given the site's WordPress role slugs and home URL.
    static QList<Problem> validate(const QJsonObject &redirects, const QStringList &wordpressRoles, const QUrl &home);
};

} // namespace workos

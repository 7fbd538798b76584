#include "users/UserService.h"

#include <QJsonDocument>
#include <QUrl>
#include <QUrlQuery>

namespace workos {

namespace {

void nextPage(std::shared_ptr<CompanionClient> client, UserFilter filter, qint64 after, int seen, QObject *context,
              std::function<bool(const QJsonArray &)> onPage, std::function<void(Result<int>)> done)
{
    QUrlQuery query;
    if (filter.linked)
        query.addQueryItem(QStringLiteral("linked"), *filter.linked ? QStringLiteral("true") : QStringLiteral("false"));
    if (!filter.role.isEmpty())
        query.addQueryItem(QStringLiteral("role"), filter.role);
    if (!filter.search.isEmpty())
        query.addQueryItem(QStringLiteral("search"), filter.search);
    const int want = filter.limit > 0 ? std::min(UserService::PageSize, filter.limit - seen) : UserService::PageSize;
    query.addQueryItem(QStringLiteral("after"), QString::number(after));
    query.addQueryItem(QStringLiteral("limit"), QString::number(want));
    client->call("GET", QStringLiteral("admin/users"), query, {}, context,
                 [client, filter, seen, context, onPage, done](const Result<QJsonObject> &page) {
        if (!page)
            return done(page.error());
        const QJsonArray users = page->value(u"users").toArray();
        const int total = seen + static_cast<int>(users.size());
        const QJsonValue next = page->value(u"next_after");
        const bool more = onPage(users) && !next.isNull() && !users.isEmpty() && (filter.limit <= 0 || total < filter.limit);
        if (!more)
            return done(total);
        nextPage(client, filter, next.toInteger(), total, context, onPage, done);
    });
}

} // namespace

void UserService::list(std::shared_ptr<CompanionClient> client, const UserFilter &filter, QObject *context,
                       std::function<bool(const QJsonArray &)> onPage, std::function<void(Result<int>)> done)
{
    nextPage(std::move(client), filter, 0, 0, context, std::move(onPage), std::move(done));
}

void UserService::find(std::shared_ptr<CompanionClient> client, const QString &key, By by, QObject *context,
                       std::function<void(Result<QJsonObject>)> done)
{
    QString route = QStringLiteral("admin/users/lookup");
    QUrlQuery query;
    if (by == By::Id)
        route = QStringLiteral("admin/users/") + QString::number(key.toLongLong());
    else
        query.addQueryItem(by == By::Email ? QStringLiteral("email") : QStringLiteral("workos_user_id"), key);
    if (by == By::Id && key.toLongLong() <= 0)
        return done(Error{tr("User not found."), QStringLiteral("not_found"), 404});
    client->call("GET", route, query, {}, context, [client, done](const Result<QJsonObject> &user) {
        if (!user && (user.error().code == u"workos_user_not_found" || user.error().httpStatus == 404))
            return done(Error{tr("User not found."), QStringLiteral("not_found"), 404});
        done(user);
    });
}

void UserService::batch(std::shared_ptr<CompanionClient> client, const QJsonArray &operations, bool dryRun, QObject *context,
                        std::function<void(Result<QJsonObject>)> done)
{
    const QJsonObject body{{QStringLiteral("operations"), operations}, {QStringLiteral("dry_run"), dryRun}};
    client->call("POST", QStringLiteral("admin/users/batch"), QJsonDocument(body).toJson(QJsonDocument::Compact), context,
                 [client, done](const Result<QJsonObject> &r) { done(r); });
}

void UserService::roles(std::shared_ptr<CompanionClient> client, QObject *context, std::function<void(Result<QList<Role>>)> done)
{
    client->call("GET", QStringLiteral("admin/role-map"), QUrlQuery(), {}, context, [client, done](const Result<QJsonObject> &map) {
        if (!map)
            return done(map.error());
        QList<Role> roles;
        for (const QJsonValue &v : map->value(u"wordpress_roles").toArray())
            roles.append({v[QStringLiteral("slug")].toString(), v[QStringLiteral("name")].toString()});
        done(roles);
    });
}

} // namespace workos

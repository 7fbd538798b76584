#pragma once

#include "site/CompanionClient.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>

#include <functional>
#include <memory>
#include <optional>

namespace workos {

struct UserFilter
{
    std::optional<bool> linked; // nullopt: all
    QString role;
    QString search;
    int limit = 0; // 0: all
};

// The site's WordPress users through the companion (admin/users…, admin/users/batch).
class UserService
{
    Q_DECLARE_TR_FUNCTIONS(UserService)
public:
    static constexpr int PageSize = 500;
    static constexpr int MaxBatch = 500;

    enum class By { Id, Email, WorkOSId };

    // Every user the filter selects, page by page; `onPage` returns false to stop.
    static void list(std::shared_ptr<CompanionClient> client, const UserFilter &filter, QObject *context,
                     std::function<bool(const QJsonArray &)> onPage, std::function<void(Result<int>)> done);
    // One user; "User not found." (code not_found) when there is none.
    static void find(std::shared_ptr<CompanionClient> client, const QString &key, By by, QObject *context,
                     std::function<void(Result<QJsonObject>)> done);
    // One users/batch call (at most MaxBatch operations).
    static void batch(std::shared_ptr<CompanionClient> client, const QJsonArray &operations, bool dryRun, QObject *context,
                      std::function<void(Result<QJsonObject>)> done);

    struct Role
    {
        QString slug;
        QString name; // translated by the site
    };
    // The site's WordPress roles, as its role map lists them (admin/role-map).
    static void roles(std::shared_ptr<CompanionClient> client, QObject *context, std::function<void(Result<QList<Role>>)> done);
};

} // namespace workos

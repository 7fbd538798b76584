#pragma once

#include "site/CompanionClient.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

#include <functional>
#include <memory>

namespace workos {

// The site's local organization cache through the companion (admin/orgs…), as `wp workos org`
// sees it: organizations by local id or WorkOS id, and their members.
class OrgService
{
    Q_DECLARE_TR_FUNCTIONS(OrgService)
public:
    enum class By { LocalId, WorkOSId };

    // Every cached organization (all pages).
    static void listAll(std::shared_ptr<CompanionClient> client, QObject *context, std::function<void(Result<QJsonArray>)> done);
    // One organization; "Organization not found." (code not_found) when there is none.
    static void find(std::shared_ptr<CompanionClient> client, const QString &id, By by, QObject *context,
                     std::function<void(Result<QJsonObject>)> done);
    static void members(std::shared_ptr<CompanionClient> client, const QString &workosOrgId, QObject *context,
                        std::function<void(Result<QJsonArray>)> done);
};

} // namespace workos

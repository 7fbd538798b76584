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

    // Stores an organization as WorkOS answered it (GET/POST /organizations) in the site's cache
    // (POST admin/orgs: name and domains); answers the cached item with its `outcome`.
    static void cacheFromWorkOS(std::shared_ptr<CompanionClient> client, const QJsonObject &workosOrganization,
                                QObject *context, std::function<void(Result<QJsonObject>)> done);
    // The site copies every WorkOS organization into its cache (POST admin/orgs/sync, resumed
    // until complete); answers the summed counts {created, updated, unchanged, failed}.
    static void syncFromWorkOS(std::shared_ptr<CompanionClient> client, QObject *context,
                               std::function<void(Result<QJsonObject>)> done);
    // A multisite's mapping of the organization to its sites: [{site_id, is_primary}], primary first.
    static void sites(std::shared_ptr<CompanionClient> client, const QString &workosOrgId, QObject *context,
                      std::function<void(Result<QJsonArray>)> done);
    // Every site of the multisite network, to map organizations to (GET admin/network/sites, all
    // pages; needs a super admin): [{id, url, name, …}].
    static void networkSites(std::shared_ptr<CompanionClient> client, QObject *context,
                             std::function<void(Result<QJsonArray>)> done);
    // Replaces it with `sites` [{site_id, primary}] (exactly one primary); answers the new mapping.
    static void setSites(std::shared_ptr<CompanionClient> client, const QString &workosOrgId, const QJsonArray &sites,
                         QObject *context, std::function<void(Result<QJsonArray>)> done);
};

} // namespace workos

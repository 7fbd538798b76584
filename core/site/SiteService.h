#pragma once

#include "net/HttpClient.h"
#include "profiles/ProfileStore.h"
#include "profiles/SecretStore.h"
#include "site/CompanionClient.h"
#include "site/SiteStatus.h"
#include "workos/WorkOSClient.h"

#include <QCoreApplication>

#include <functional>
#include <memory>

namespace workos {

// Site-level operations shared by the GUI and the CLI: it finds the profile, fetches its
// Application Password from the keychain and talks to the companion.
class SiteService
{
    Q_DECLARE_TR_FUNCTIONS(SiteService)
public:
    SiteService(ProfileStore &profiles, SecretStore &secrets, HttpClient &http);

    // Resolves a site name; an empty name means the current site.
    Result<SiteProfile> resolve(const QString &name) const;

    void fetchStatus(const SiteProfile &site, QObject *context, std::function<void(Result<SiteStatus>)> done);

    // A WorkOS client acting for the site's environment: the API key the console holds for it
    // (keychain), at the WorkOS address the site itself uses (its status: the real WorkOS, or the
    // sandbox's emulator). "WorkOS is not configured" with advice when the console has no key.
    void withWorkOS(const SiteProfile &site, const QString &environment, QObject *context,
                    std::function<void(Result<std::shared_ptr<WorkOSClient>>)> done);

    // A companion client for the site, its Application Password read from the keychain.
    void withClient(const SiteProfile &site, QObject *context,
                    std::function<void(Result<std::shared_ptr<CompanionClient>>)> done);

    // Verifies the site and its companion with the password (unless verify is false), stores the
    // password in the keychain, then saves the profile. Nothing is kept when a step fails.
    // An empty environment means the one the site has active (production when not verified).
    void addSite(const SiteProfile &site, const QString &appPassword, bool verify, QObject *context,
                 std::function<void(Result<SiteStatus>)> done);

    // Forgets the profile and deletes every keychain entry of the site.
    void removeSite(const QString &name, QObject *context, std::function<void(Result<void>)> done);

private:
    void removeSecrets(const QString &name, QStringList keys, QObject *context,
                       std::function<void(Result<void>)> done);

    ProfileStore &m_profiles;
    SecretStore &m_secrets;
    HttpClient &m_http;
};

} // namespace workos

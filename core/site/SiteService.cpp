#include "site/SiteService.h"

#include "site/CompanionClient.h"

#include <memory>

namespace workos {

SiteService::SiteService(ProfileStore &profiles, SecretStore &secrets, HttpClient &http)
    : m_profiles(profiles), m_secrets(secrets), m_http(http)
{
}

Result<SiteProfile> SiteService::resolve(const QString &name) const
{
    const QString wanted = name.isEmpty() ? m_profiles.currentSite() : name;
    if (wanted.isEmpty())
        return Error{tr("No site is configured yet. Add one with: wpworkos site add NAME --url URL --user USER"),
                     QStringLiteral("no_site")};
    const auto site = m_profiles.site(wanted);
    if (!site)
        return Error{tr("No site named “%1”. See: wpworkos site list").arg(wanted), QStringLiteral("not_found")};
    return *site;
}

void SiteService::fetchStatus(const SiteProfile &site, QObject *context,
                              std::function<void(Result<SiteStatus>)> done)
{
    withClient(site, context, [context, done = std::move(done)](const Result<std::shared_ptr<CompanionClient>> &client) {
        if (!client)
            return done(client.error());
        auto keep = client.value();
        keep->getStatus(context, [keep, done](const Result<SiteStatus> &r) { done(r); });
    });
}

void SiteService::withWorkOS(const SiteProfile &site, const QString &environment, QObject *context,
                             std::function<void(Result<std::shared_ptr<WorkOSClient>>)> done)
{
    const QString env = environment.isEmpty() ? site.environment : environment;
    m_secrets.read(SecretStore::workosKey(site.name, env, QStringLiteral("api-key")), context,
                   [this, site, env, context, done = std::move(done)](const Result<QString> &key) {
        if (!key)
            return done(key.error());
        if (key->isEmpty())
            return done(Error{tr("WorkOS is not configured in the console for '%1' (%2). Store the API key with: "
                                 "wpworkos site secret %1 api-key --env %2")
                                  .arg(site.name, env),
                              QStringLiteral("workos_not_configured")});
        fetchStatus(site, context, [this, apiKey = key.value(), done](const Result<SiteStatus> &status) {
            if (!status)
                return done(status.error());
            WorkOSEndpoint endpoint;
            const QString base = status->raw.value(u"api_base_url").toObject().value(u"value").toString();
            if (!base.isEmpty())
                endpoint.baseUrl = QUrl(base);
            endpoint.apiKey = apiKey;
            done(std::make_shared<WorkOSClient>(&m_http, endpoint));
        });
    });
}

void SiteService::withClient(const SiteProfile &site, QObject *context,
                             std::function<void(Result<std::shared_ptr<CompanionClient>>)> done)
{
    m_secrets.read(SecretStore::appPasswordKey(site.name), context,
                   [this, site, done = std::move(done)](const Result<QString> &password) {
                       if (!password) {
                           done(password.error());
                           return;
                       }
                       if (password.value().isEmpty()) {
                           done(Error{tr("The keychain holds no Application Password for site “%1”. Store "
                                         "it again with: wpworkos site add %1 --url %2 --user %3")
                                          .arg(site.name, site.url.toString(), site.username),
                                      QStringLiteral("no_password")});
                           return;
                       }
                       done(std::make_shared<CompanionClient>(m_http, site.url, site.username, password.value()));
                   });
}

void SiteService::addSite(const SiteProfile &site, const QString &appPassword, bool verify, QObject *context,
                          std::function<void(Result<SiteStatus>)> done)
{
    if (!ProfileStore::isValidName(site.name)) {
        done(Error{tr("“%1” is not a valid site name: use letters, digits, '.', '_' or '-' (at most 64).")
                       .arg(site.name),
                   QStringLiteral("invalid_name")});
        return;
    }
    if (m_profiles.site(site.name)) {
        done(Error{tr("A site named “%1” already exists.").arg(site.name), QStringLiteral("exists")});
        return;
    }
    const QString scheme = site.url.scheme();
    if (!site.url.isValid() || site.url.host().isEmpty() || (scheme != u"https" && scheme != u"http")) {
        done(Error{tr("“%1” is not a site address: use http:// or https:// and a host name.")
                       .arg(site.url.toString()),
                   QStringLiteral("invalid_url")});
        return;
    }
    auto store = [this, chosen = site, appPassword, context, done](const Result<SiteStatus> &status) {
        SiteProfile profile = chosen;
        // No environment chosen: act on the one the site has active.
        if (profile.environment.isEmpty())
            profile.environment = status ? status->activeEnvironment : QStringLiteral("production");
        m_secrets.write(SecretStore::appPasswordKey(profile.name), appPassword, context,
                        [this, profile, status, context, done](const Result<void> &written) {
                            if (!written) {
                                done(written.error());
                                return;
                            }
                            const Result<void> added = m_profiles.addSite(profile);
                            if (!added) {
                                m_secrets.remove(SecretStore::appPasswordKey(profile.name), context,
                                                 [](const Result<void> &) {});
                                done(added.error());
                                return;
                            }
                            done(status);
                        });
    };
    if (!verify) {
        store(Error{tr("not verified"), QStringLiteral("not_verified")});
        return;
    }
    auto client = std::make_shared<CompanionClient>(m_http, site.url, site.username, appPassword);
    client->getStatus(context, [client, store, done](const Result<SiteStatus> &status) {
        if (!status)
            done(status.error());
        else
            store(status);
    });
}

void SiteService::removeSite(const QString &name, QObject *context, std::function<void(Result<void>)> done)
{
    if (!m_profiles.site(name)) {
        done(Error{tr("No site named “%1”. See: wpworkos site list").arg(name), QStringLiteral("not_found")});
        return;
    }
    // Secrets first: a profile without secrets is harmless, a secret without a profile is lost.
    removeSecrets(name, SecretStore::keysOfSite(name), context, std::move(done));
}

void SiteService::removeSecrets(const QString &name, QStringList keys, QObject *context,
                                std::function<void(Result<void>)> done)
{
    if (keys.isEmpty()) {
        done(m_profiles.removeSite(name));
        return;
    }
    const QString key = keys.takeFirst();
    m_secrets.remove(key, context, [this, name, keys, context, done](const Result<void> &r) {
        if (!r)
            done(r.error());
        else
            removeSecrets(name, keys, context, done);
    });
}

} // namespace workos

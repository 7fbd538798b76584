#include "onboarding/Onboarding.h"

#include "site/CompanionClient.h"
#include "site/SiteSettings.h"
#include "workos/WorkOSClient.h"

#include <QJsonDocument>
#include <QUrlQuery>

namespace workos {

namespace {
QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}
QUrlQuery envQuery(const QString &env)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("env"), env);
    return q;
}
} // namespace

struct Onboarding::Run
{
    OnboardingPlan plan;
    std::function<void(const QString &)> progress;
    std::function<void(Result<Outcome>)> done;
    std::shared_ptr<CompanionClient> client;
    std::shared_ptr<WorkOSClient> workos;
    Outcome outcome;
    bool cancelled = false;
    // What to take back on failure.
    bool profileAdded = false;
    std::optional<QJsonObject> previousRoleMap; // the map before ours went in
    bool settingsWritten = false;
};

Onboarding::Onboarding(SiteService &sites, SecretStore &secrets, HttpClient &http, QObject *parent)
    : QObject(parent), m_sites(sites), m_secrets(secrets), m_http(http)
{
}

void Onboarding::probeSite(const QUrl &url, const QString &username, const QString &appPassword,
                           std::function<void(Result<SiteStatus>)> done)
{
    const QString scheme = url.scheme();
    if (!url.isValid() || url.host().isEmpty() || (scheme != u"https" && scheme != u"http"))
        return done(Error{tr("“%1” is not a site address: use http:// or https:// and a host name.").arg(url.toString()),
                          QStringLiteral("invalid_url")});
    if (username.trimmed().isEmpty() || appPassword.trimmed().isEmpty())
        return done(Error{tr("Enter the WordPress user name and its Application Password."), QStringLiteral("missing_credentials")});
    auto client = std::make_shared<CompanionClient>(m_http, url, username.trimmed(), appPassword.trimmed());
    client->getStatus(this, [client, done](const Result<SiteStatus> &status) { done(status); });
}

void Onboarding::checkWorkOS(const QUrl &baseUrl, const QString &apiKey, const QString &clientId,
                             std::function<void(Result<WorkOSCheck>)> done)
{
    WorkOSEndpoint endpoint;
    endpoint.baseUrl = baseUrl.isValid() && !baseUrl.isEmpty() ? baseUrl : WorkOSEndpoint::defaultBaseUrl();
    endpoint.apiKey = apiKey.trimmed();
    auto workos = std::make_shared<WorkOSClient>(&m_http, endpoint);
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("100"));
    workos->get(QStringLiteral("/organizations"), query, [this, workos, baseUrl = endpoint.baseUrl, clientId, done](const Result<QJsonObject> &page) {
        if (!page)
            return done(Error{tr("WorkOS refused the API key: %1").arg(page.error().message), page.error().code,
                              page.error().httpStatus});
        WorkOSCheck check;
        check.organizations = page->value(u"data").toArray();
        check.moreOrganizations = !page->value(u"list_metadata").toObject().value(u"after").toString().isEmpty();
        // The client ID is public: its signing keys are where WorkOS publishes them, or it is unknown.
        HttpRequest jwks;
        jwks.url = baseUrl.resolved(QUrl(QStringLiteral("sso/jwks/") + QString::fromLatin1(QUrl::toPercentEncoding(clientId.trimmed()))));
        m_http.send(jwks, this, [check, clientId, done](const HttpResponse &r) {
            if (r.status == 200)
                return done(check);
            if (r.transportOk() && r.status == 404)
                return done(Error{tr("WorkOS does not know the client ID “%1” in this environment.").arg(clientId),
                                  QStringLiteral("unknown_client_id"), 404});
            done(Error{tr("Could not check the client ID with WorkOS (HTTP %1%2).")
                           .arg(r.status)
                           .arg(r.transportOk() ? QString() : QStringLiteral(", ") + r.errorString),
                       QStringLiteral("workos_unreachable"), r.status});
        });
    });
}

void Onboarding::apply(const OnboardingPlan &plan, std::function<void(const QString &)> progress,
                       std::function<void(Result<Outcome>)> done)
{
    if (m_run)
        return done(Error{tr("The site is being set up already."), QStringLiteral("busy")});
    if (const QStringList problems = plan.problems(); !problems.isEmpty())
        return done(Error{problems.join(QLatin1Char(' ')), QStringLiteral("invalid_plan")});
    auto run = std::make_shared<Run>();
    run->plan = plan;
    run->progress = std::move(progress);
    run->done = std::move(done);
    m_run = run;
    step(run, 0);
}

void Onboarding::cancel()
{
    if (m_run)
        m_run->cancelled = true;
}

void Onboarding::step(const std::shared_ptr<Run> &run, int index)
{
    // Once the settings are on the site the setup is done; only the organization cache follows.
    if (run->cancelled && !run->settingsWritten)
        return fail(run, Error{tr("Cancelled: nothing was kept."), QStringLiteral("cancelled")});
    const OnboardingPlan &plan = run->plan;
    const QString env = plan.site.environment;
    auto next = [this, run, index]() { step(run, index + 1); };
    auto orFail = [this, run, next](const QString &what) {
        return [this, run, next, what](const Result<void> &r) {
            if (!r)
                return fail(run, Error{what + QStringLiteral(" ") + r.error().message, r.error().code, r.error().httpStatus});
            next();
        };
    };
    switch (index) {
    case 0: // The console: profile and Application Password (verified once more).
        run->progress(tr("Saving the site in the console…"));
        m_sites.addSite(plan.site, plan.appPassword, true, this, [this, run, next](const Result<SiteStatus> &added) {
            if (!added)
                return fail(run, added.error());
            run->profileAdded = true;
            run->client = std::make_shared<CompanionClient>(m_http, run->plan.site.url, run->plan.site.username, run->plan.appPassword);
            next();
        });
        return;
    case 1:
        run->progress(tr("Storing the WorkOS API key in your keychain…"));
        m_secrets.write(SecretStore::workosKey(plan.site.name, env, QStringLiteral("api-key")), plan.apiKey, this,
                        orFail(tr("The API key could not be stored.")));
        return;
    case 2:
        if (plan.webhookSecret.isEmpty())
            return next();
        run->progress(tr("Storing the webhook secret in your keychain…"));
        m_secrets.write(SecretStore::workosKey(plan.site.name, env, QStringLiteral("webhook-secret")), plan.webhookSecret, this,
                        orFail(tr("The webhook secret could not be stored.")));
        return;
    case 3: { // WorkOS: the new organization.
        run->outcome.organizationId = plan.organizationId;
        WorkOSEndpoint endpoint;
        endpoint.baseUrl = plan.workosBaseUrl.isEmpty() ? WorkOSEndpoint::defaultBaseUrl() : plan.workosBaseUrl;
        endpoint.apiKey = plan.apiKey;
        run->workos = std::make_shared<WorkOSClient>(&m_http, endpoint);
        if (!plan.organizationId.isEmpty())
            return next();
        run->progress(tr("Creating the organization “%1” in WorkOS…").arg(plan.newOrganizationName.trimmed()));
        run->workos->createOrganization(plan.newOrganizationName.trimmed(), plan.newOrganizationDomains, [this, run, next](const Result<QJsonObject> &org) {
            if (!org)
                return fail(run, Error{tr("WorkOS did not create the organization: %1").arg(org.error().message), org.error().code});
            run->outcome.organizationId = org->value(u"id").toString();
            run->outcome.organizationCreated = true;
            next();
        });
        return;
    }
    case 4: // The site: role map (its old map kept to put back).
        if (!plan.roleMap)
            return next();
        run->progress(tr("Writing the role map on the site…"));
        run->client->call("GET", QStringLiteral("admin/role-map"), envQuery(env), {}, this, [this, run, env, next](const Result<QJsonObject> &old) {
            if (!old)
                return fail(run, old.error());
            const QJsonObject body{{QStringLiteral("env"), env}, {QStringLiteral("map"), run->plan.roleMap->toJson()}};
            run->client->call("PUT", QStringLiteral("admin/role-map"), compact(body), this,
                              [this, run, next, previous = old->value(u"is_default").toBool() ? QJsonObject() : old->value(u"map").toObject()](const Result<QJsonObject> &put) {
                if (!put)
                    return fail(run, Error{tr("The site refused the role map: %1").arg(put.error().message), put.error().code,
                                           put.error().httpStatus});
                run->previousRoleMap = previous;
                next();
            });
        });
        return;
    case 5: // The site: every setting in one PATCH, so it is all or nothing.
        run->progress(tr("Writing the WorkOS settings on the site…"));
        SiteSettings::patch(*run->client, env, plan.settings(run->outcome.organizationId), QJsonObject(), this,
                            [this, run, next](const Result<QJsonObject> &patched) {
            if (!patched)
                return fail(run, Error{tr("The site refused the settings: %1").arg(patched.error().message), patched.error().code,
                                       patched.error().httpStatus, patched.error().data});
            run->settingsWritten = true;
            next();
        });
        return;
    case 6: // The site caches the organization (its name and domains from WorkOS).
        run->progress(tr("Caching the organization on the site…"));
        run->workos->getOrganization(run->outcome.organizationId, [this, run](const Result<QJsonObject> &org) {
            if (!org) {
                run->outcome.warnings << tr("The organization could not be read from WorkOS (%1); sync it later from the Settings page.")
                                             .arg(org.error().message);
                return finish(run, run->outcome);
            }
            QJsonArray domains;
            for (const auto &d : org->value(u"domains").toArray())
                domains.append(d.toObject().value(u"domain").toString());
            const QJsonObject body{{QStringLiteral("id"), org->value(u"id")}, {QStringLiteral("name"), org->value(u"name")},
                                   {QStringLiteral("domains"), domains}};
            run->client->call("POST", QStringLiteral("admin/orgs"), compact(body), this, [this, run](const Result<QJsonObject> &saved) {
                if (!saved)
                    run->outcome.warnings << tr("The site did not cache the organization (%1); sync it later from the Settings page.")
                                                 .arg(saved.error().message);
                finish(run, run->outcome);
            });
        });
        return;
    default:
        finish(run, run->outcome);
    }
}

void Onboarding::fail(const std::shared_ptr<Run> &run, const Error &error)
{
    // Take back in reverse order. The settings PATCH is the last write, so a failure never
    // leaves it half done; the role map goes back to what it was; the console forgets the site.
    auto forgetSite = [this, run, error]() {
        if (!run->profileAdded)
            return finish(run, error);
        m_sites.removeSite(run->plan.site.name, this, [this, run, error](const Result<void> &) { finish(run, error); });
    };
    if (run->previousRoleMap && !run->settingsWritten) {
        const QJsonObject body{{QStringLiteral("env"), run->plan.site.environment}, {QStringLiteral("map"), *run->previousRoleMap},
                               {QStringLiteral("force"), true}};
        run->client->call("PUT", QStringLiteral("admin/role-map"), compact(body), this,
                          [forgetSite](const Result<QJsonObject> &) { forgetSite(); });
        return;
    }
    forgetSite();
}

void Onboarding::finish(const std::shared_ptr<Run> &run, Result<Outcome> result)
{
    if (m_run == run)
        m_run.reset();
    if (!result && run->outcome.organizationCreated)
        result = Error{result.error().message + QLatin1Char(' ')
                           + tr("The organization %1 created in WorkOS stays there; choose it when you try again.")
                                 .arg(run->outcome.organizationId),
                       result.error().code, result.error().httpStatus};
    run->done(result);
}

} // namespace workos

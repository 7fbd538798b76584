#pragma once

#include "net/HttpClient.h"
#include "onboarding/OnboardingPlan.h"
#include "site/SiteService.h"
#include "site/SiteStatus.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QObject>

#include <functional>
#include <memory>

namespace workos {

// The onboarding of one site, shared by the console's wizard (and anything else that sets a site
// up): test calls that write nothing, then apply(), which writes everything or — on a failure
// or a cancel — takes back what it wrote.
class Onboarding : public QObject
{
    Q_OBJECT
public:
    // What WorkOS answered to the credentials check.
    struct WorkOSCheck
    {
        QJsonArray organizations; // the first page, for choosing one
        bool moreOrganizations = false;
    };

    struct Outcome
    {
        QString organizationId;
        bool organizationCreated = false;
        QStringList warnings; // done, but something small did not work (shown, not fatal)
    };

    Onboarding(SiteService &sites, SecretStore &secrets, HttpClient &http, QObject *parent = nullptr);

    // The site answers with the companion's status for these credentials (nothing stored).
    void probeSite(const QUrl &url, const QString &username, const QString &appPassword,
                   std::function<void(Result<SiteStatus>)> done);
    // The API key lists organizations and the client ID has its key set at WorkOS.
    void checkWorkOS(const QUrl &baseUrl, const QString &apiKey, const QString &clientId,
                     std::function<void(Result<WorkOSCheck>)> done);

    // Writes the plan: the console's profile and keychain entries first (the likeliest to fail,
    // and the easiest to take back), then WorkOS (a new organization), then the site — role map,
    // then one PATCH of the settings — and caches the organization on the site. `progress`
    // names each step.
    void apply(const OnboardingPlan &plan, std::function<void(const QString &)> progress,
               std::function<void(Result<Outcome>)> done);
    // Stops apply() at the next step and takes back what it wrote.
    void cancel();
    bool isRunning() const { return m_run != nullptr; }

private:
    struct Run;
    void step(const std::shared_ptr<Run> &run, int index);
    void fail(const std::shared_ptr<Run> &run, const Error &error);
    void finish(const std::shared_ptr<Run> &run, Result<Outcome> result);

    SiteService &m_sites;
    SecretStore &m_secrets;
    HttpClient &m_http;
    std::shared_ptr<Run> m_run;
};

} // namespace workos

#pragma once

#include "net/HttpClient.h"
#include "profiles/SecretStore.h"
#include "profiles/SiteProfile.h"
#include "site/SiteService.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>

#include <functional>

namespace workos {

struct DiagnosticCheck
{
    enum class Status { Pass, Warn, Fail };
    QString id;
    Status status = Status::Pass;
    QString summary;
    QString advice;
    QString source; // "console", "site" or "webhook"

    static QString statusName(Status s);
    static Status parseStatus(const QString &name);
};

// Everything that can stop a site working with WorkOS, checked from the admin's desk: the
// console's own side (keychain, stored secrets), the site's own checks (GET
// admin/diagnostics), and the proof that WorkOS's webhooks can reach it — an event signed with
// the webhook secret the console holds, posted to the site's receiver, confirmed verified.
class Diagnostics
{
    Q_DECLARE_TR_FUNCTIONS(Diagnostics)
public:
    // `checked` (optional) sees each check as it is made, for progress; `done` gets them all.
    // Destroying `context` cancels the run: nothing is called after that (a request already
    // sent still finishes on the site, unanswered).
    static void run(SiteService &sites, SecretStore &secrets, HttpClient &http, const SiteProfile &site,
                    const QString &environment, QObject *context, std::function<void(QList<DiagnosticCheck>)> done,
                    std::function<void(const DiagnosticCheck &)> checked = {});

    // "t=<ms>, v1=<hex HMAC-SHA256 of t.body>" (workos-api.md §10.1), for the webhook echo.
    static QByteArray signature(const QByteArray &body, const QByteArray &secret, qint64 timestampMs);
};

} // namespace workos

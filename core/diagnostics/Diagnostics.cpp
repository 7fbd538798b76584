#include "diagnostics/Diagnostics.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QTimer>

#include <memory>

namespace workos {

namespace {

// The state of one run: the checks so far, and what the steps learned.
struct Run
{
    QList<DiagnosticCheck> checks;
    std::shared_ptr<CompanionClient> client;
    QString environment;
    QString webhookSecret;
    std::function<void(QList<DiagnosticCheck>)> done;
    std::function<void(const DiagnosticCheck &)> checked;

    void append(DiagnosticCheck check)
    {
        checks.append(std::move(check));
        if (checked)
            checked(checks.constLast());
    }
    void add(const QString &id, DiagnosticCheck::Status status, const QString &summary, const QString &advice = {})
    {
        append({id, status, summary, advice, QStringLiteral("console")});
    }
    void addEcho(DiagnosticCheck::Status status, const QString &summary, const QString &advice = {})
    {
        append({QStringLiteral("webhook_echo"), status, summary, advice, QStringLiteral("webhook")});
    }
};

} // namespace

QString DiagnosticCheck::statusName(Status s)
{
    switch (s) {
    case Status::Pass: return QStringLiteral("pass");
    case Status::Warn: return QStringLiteral("warn");
    case Status::Fail: return QStringLiteral("fail");
    }
    return {};
}

DiagnosticCheck::Status DiagnosticCheck::parseStatus(const QString &name)
{
    if (name == QLatin1String("pass"))
        return Status::Pass;
    return name == QLatin1String("warn") ? Status::Warn : Status::Fail;
}

QByteArray Diagnostics::signature(const QByteArray &body, const QByteArray &secret, qint64 timestampMs)
{
    const QByteArray t = QByteArray::number(timestampMs);
    const QByteArray mac = QMessageAuthenticationCode::hash(t + '.' + body, secret, QCryptographicHash::Sha256).toHex();
    return "t=" + t + ", v1=" + mac;
}

void Diagnostics::run(SiteService &sites, SecretStore &secrets, HttpClient &http, const SiteProfile &site,
                      const QString &environment, QObject *context, std::function<void(QList<DiagnosticCheck>)> done,
                      std::function<void(const DiagnosticCheck &)> checked)
{
    using S = DiagnosticCheck::Status;
    auto run = std::make_shared<Run>();
    run->done = std::move(done);
    run->checked = std::move(checked);
    run->environment = environment.isEmpty() ? site.environment : environment;

    // 5. The webhook echo: prepare, sign, post, ask whether it verified.
    auto echo = [run, &http, context]() {
        if (run->webhookSecret.isEmpty()) {
            run->addEcho(S::Warn, tr("Not tried: the console holds no webhook secret for %1.").arg(run->environment),
                         tr("Store it with: wpworkos site secret NAME webhook-secret --env %1").arg(run->environment));
            return run->done(run->checks);
        }
        run->client->call("POST", QStringLiteral("admin/diagnostics/webhook-echo"), QByteArray(), context, [run, &http, context](const Result<QJsonObject> &prepared) {
            if (!prepared) {
                run->addEcho(S::Fail, tr("The site did not prepare an echo: %1").arg(prepared.error().message));
                return run->done(run->checks);
            }
            const QByteArray body = prepared->value(u"body").toString().toUtf8();
            const QString eventId = prepared->value(u"event_id").toString();
            HttpRequest post;
            post.method = "POST";
            post.url = QUrl(prepared->value(u"webhook_url").toString());
            post.body = body;
            post.retry.maxAttempts = 1;
            post.headers = {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")},
                            {QByteArrayLiteral("WorkOS-Signature"),
                             signature(body, run->webhookSecret.toUtf8(), QDateTime::currentMSecsSinceEpoch())}};
            http.send(post, context, [run, eventId, context](const HttpResponse &delivered) {
                run->client->call("GET", QStringLiteral("admin/diagnostics/webhook-echo/") + eventId, QByteArray(), context,
                                  [run, delivered](const Result<QJsonObject> &report) {
                    const QString status = report ? report->value(u"status").toString() : QString();
                    if (status == QLatin1String("verified")) {
                        run->addEcho(S::Pass, tr("A webhook signed with the console's secret reached the site and verified."));
                    } else if (status == QLatin1String("refused")) {
                        const QJsonObject refusal = report->value(u"refusal").toObject();
                        run->addEcho(S::Fail,
                                     tr("The site refused a webhook signed with the console's secret (%1, %2).")
                                         .arg(refusal.value(u"code").toString(), refusal.value(u"reason").toString()),
                                     tr("The webhook secret stored in the console and the one on the site differ: copy the one from the WorkOS dashboard to both."));
                    } else {
                        run->addEcho(S::Fail,
                                     tr("The signed webhook did not reach the receiver (HTTP %1%2).")
                                         .arg(delivered.status)
                                         .arg(delivered.transportOk() ? QString() : QStringLiteral(", ") + delivered.errorString),
                                     tr("Something in front of WordPress (a firewall, a security plugin, a cache) blocks POST requests to the webhook URL."));
                    }
                    run->done(run->checks);
                });
            });
        });
    };

    // 4. The site's own checks.
    auto siteChecks = [run, echo, context]() {
        run->client->call("GET", QStringLiteral("admin/diagnostics"), QByteArray(), context, [run, echo](const Result<QJsonObject> &report) {
            if (!report) {
                run->append({QStringLiteral("site_checks"), S::Fail, report.error().message, QString(), QStringLiteral("site")});
                return run->done(run->checks);
            }
            for (const QJsonValue &value : report->value(u"checks").toArray()) {
                const QJsonObject c = value.toObject();
                run->append({c.value(u"id").toString(), DiagnosticCheck::parseStatus(c.value(u"status").toString()),
                             c.value(u"summary").toString(), c.value(u"advice").toString(), QStringLiteral("site")});
            }
            echo();
        });
    };

    // 1–3. Keychain, the secrets the console holds, the site answering.
    sites.withClient(site, context, [run, &secrets, site, siteChecks, context](const Result<std::shared_ptr<CompanionClient>> &client) {
        if (!client) {
            run->add(QStringLiteral("keychain"), S::Fail, client.error().message);
            return run->done(run->checks);
        }
        run->add(QStringLiteral("keychain"), S::Pass, tr("The keychain holds the Application Password of '%1'.").arg(site.name));
        run->client = client.value();
        secrets.read(SecretStore::workosKey(site.name, run->environment, QStringLiteral("api-key")), context,
                     [run, &secrets, site, siteChecks, context](const Result<QString> &key) {
            if (!key || key->isEmpty())
                run->add(QStringLiteral("console_api_key"), S::Warn, tr("The console holds no WorkOS API key for %1.").arg(run->environment),
                         tr("Needed for sync import and org sync from the console: wpworkos site secret %1 api-key --env %2").arg(site.name, run->environment));
            else
                run->add(QStringLiteral("console_api_key"), S::Pass, tr("The console holds a WorkOS API key for %1.").arg(run->environment));
            secrets.read(SecretStore::workosKey(site.name, run->environment, QStringLiteral("webhook-secret")), context,
                         [run, siteChecks, context](const Result<QString> &secret) {
                if (secret)
                    run->webhookSecret = secret.value();
                run->client->getStatus(context, [run, siteChecks](const Result<SiteStatus> &status) {
                    if (!status) {
                        run->add(QStringLiteral("site_reachable"), S::Fail, status.error().message);
                        return run->done(run->checks);
                    }
                    run->add(QStringLiteral("site_reachable"), S::Pass,
                             tr("WorkOS Companion %1 answers on WordPress %2.").arg(status->pluginVersion, status->wordpressVersion));
                    siteChecks();
                });
            });
        });
    });
}

} // namespace workos

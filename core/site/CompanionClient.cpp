#include "site/CompanionClient.h"

#include <QJsonDocument>

namespace workos {

CompanionClient::CompanionClient(HttpClient &http, QUrl siteUrl, QString username, QString appPassword)
    : m_http(http), m_siteUrl(std::move(siteUrl)), m_username(std::move(username)),
      m_appPassword(std::move(appPassword))
{
}

QUrl CompanionClient::routeUrl(const QUrl &siteUrl, const QString &route)
{
    QUrl url = siteUrl;
    QString path = url.path();
    if (!path.endsWith(u'/'))
        path += QLatin1Char('/');
    url.setPath(path + QStringLiteral("wp-json/workos/v1/") + route);
    return url;
}

Error CompanionClient::describeFailure(const HttpResponse &r, const QUrl &siteUrl, const QString &username)
{
    const QString site = siteUrl.toString();
    switch (r.failure) {
    case HttpResponse::Failure::Network:
    case HttpResponse::Failure::Canceled:
        return {tr("Cannot reach %1: %2").arg(site, r.errorString), QStringLiteral("unreachable")};
    case HttpResponse::Failure::Timeout:
        return {tr("Cannot reach %1: %2").arg(site, r.errorString), QStringLiteral("timeout")};
    case HttpResponse::Failure::Tls:
        return {tr("Cannot reach %1 securely: the TLS certificate was refused (%2). Fix the site's "
                   "certificate; the console never ignores TLS errors.")
                    .arg(site, r.errorString),
                QStringLiteral("tls")};
    case HttpResponse::Failure::None:
        break;
    }
    const QJsonObject body = r.json().object();
    const QString code = body.value(u"code").toString();
    QString message = body.value(u"message").toString();
    // WordPress names each refused argument in data.params ("settings[login_mode] is not one of…").
    const QJsonObject params = body.value(u"data").toObject().value(u"params").toObject();
    QStringList details;
    for (auto it = params.begin(); it != params.end(); ++it) {
        if (it.value().isString())
            details << it.value().toString();
    }
    if (!details.isEmpty())
        message += QStringLiteral(" ") + details.join(QStringLiteral(" "));
    if (r.status == 401)
        return {tr("%1 refused the Application Password of user “%2” (HTTP 401%3). Create a new "
                   "Application Password in WordPress (Users → Profile) and store it again.")
                    .arg(site, username, code.isEmpty() ? QString() : QStringLiteral(", ") + code),
                code.isEmpty() ? QStringLiteral("unauthorized") : code, 401};
    if (r.status == 403)
        return {tr("User “%1” may not manage WorkOS on %2 (HTTP 403): the user needs the "
                   "manage_options capability (an administrator).")
                    .arg(username, site),
                code.isEmpty() ? QStringLiteral("forbidden") : code, 403};
    if (r.status == 404 && code == u"rest_no_route")
        return {tr("The WorkOS Companion plugin is not active on %1 (its REST routes are missing). "
                   "Install and activate it, then try again.")
                    .arg(site),
                code, 404};
    if (body.isEmpty())
        return {tr("%1 answered HTTP %2 with something that is not the WordPress REST API. Is this the "
                   "WordPress site's address?")
                    .arg(site)
                    .arg(r.status),
                QStringLiteral("not_wordpress"), r.status};
    return {tr("%1 answered HTTP %2: %3").arg(site).arg(r.status).arg(message.isEmpty() ? code : message),
            code, r.status, body.value(u"data").toObject()};
}

void CompanionClient::call(const QByteArray &method, const QString &route, const QByteArray &body,
                           QObject *context, std::function<void(Result<QJsonObject>)> done)
{
    call(method, route, QUrlQuery(), body, context, std::move(done));
}

void CompanionClient::call(const QByteArray &method, const QString &route, const QUrlQuery &query,
                           const QByteArray &body, QObject *context, std::function<void(Result<QJsonObject>)> done)
{
    HttpRequest request;
    request.method = method;
    request.url = routeUrl(m_siteUrl, route);
    request.url.setQuery(query);
    const QByteArray credentials = (m_username + QLatin1Char(':') + m_appPassword).toUtf8().toBase64();
    request.headers.append({QByteArrayLiteral("Authorization"), QByteArrayLiteral("Basic ") + credentials});
    if (!body.isEmpty()) {
        request.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
        request.body = body;
    }
    m_http.send(request, context,
                [siteUrl = m_siteUrl, username = m_username, done = std::move(done)](const HttpResponse &r) {
                    if (!r.isSuccess()) {
                        done(describeFailure(r, siteUrl, username));
                        return;
                    }
                    const QJsonDocument doc = r.json();
                    if (!doc.isObject()) {
                        done(Error{tr("%1 answered with something that is not JSON.").arg(siteUrl.toString()),
                                   QStringLiteral("bad_json"), r.status});
                        return;
                    }
                    done(doc.object());
                });
}

void CompanionClient::getStatus(QObject *context, std::function<void(Result<SiteStatus>)> done)
{
    call("GET", QStringLiteral("admin/status"), {}, context,
         [done = std::move(done)](const Result<QJsonObject> &r) {
             if (!r)
                 done(r.error());
             else
                 done(SiteStatus::fromJson(r.value()));
         });
}

} // namespace workos

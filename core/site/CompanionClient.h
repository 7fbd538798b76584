#pragma once

#include "net/HttpClient.h"
#include "site/SiteStatus.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QUrl>
#include <QUrlQuery>

#include <functional>

namespace workos {

// Client of the companion's management REST API (/wp-json/workos/v1/admin/*), authenticated
// with a WordPress Application Password. Every failure becomes one message naming the site.
class CompanionClient
{
    Q_DECLARE_TR_FUNCTIONS(CompanionClient)
public:
    CompanionClient(HttpClient &http, QUrl siteUrl, QString username, QString appPassword);

    static QUrl routeUrl(const QUrl &siteUrl, const QString &route);

    void getStatus(QObject *context, std::function<void(Result<SiteStatus>)> done);

    // Sends a request to a management route and hands back its JSON object, or the error.
    void call(const QByteArray &method, const QString &route, const QByteArray &body, QObject *context,
              std::function<void(Result<QJsonObject>)> done);
    void call(const QByteArray &method, const QString &route, const QUrlQuery &query, const QByteArray &body,
              QObject *context, std::function<void(Result<QJsonObject>)> done);

    // Turns a transport failure or an error answer into a message (public for tests).
    static Error describeFailure(const HttpResponse &response, const QUrl &siteUrl, const QString &username);

private:
    HttpClient &m_http;
    QUrl m_siteUrl;
    QString m_username;
    QString m_appPassword;
};

} // namespace workos

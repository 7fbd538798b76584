#include "net/HttpClient.h"

#include "BuildInfo.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QSslError>
#include <QSysInfo>
#include <QTimer>
#include <QUuid>

namespace workos {

HttpClient::HttpClient(QObject *parent) : QObject(parent), m_nam(new QNetworkAccessManager(this))
{
    m_nam->setRedirectPolicy(QNetworkRequest::SameOriginRedirectPolicy);
}

QByteArray HttpClient::defaultUserAgent()
{
    return QByteArray("wpworkos/") + build::version + " (Qt " + qVersion() + "; "
        + QSysInfo::kernelType().toUtf8() + ")";
}

void HttpClient::send(const HttpRequest &request, QObject *context, Callback done)
{
    attempt(request, QUuid::createUuid().toByteArray(QUuid::WithoutBraces), 1, context, std::move(done));
}

void HttpClient::attempt(const HttpRequest &request, const QByteArray &requestId, int attemptNo, QObject *context,
                         Callback done)
{
    QNetworkRequest req(request.url);
    req.setHeader(QNetworkRequest::UserAgentHeader, defaultUserAgent());
    req.setRawHeader("Accept", "application/json");
    // The same id on every attempt: the server's logs show one request tried again.
    req.setRawHeader("X-Request-Id", requestId);
    for (const auto &[name, value] : request.headers)
        req.setRawHeader(name, value);
    req.setTransferTimeout(static_cast<int>(request.timeout.count()));

    QNetworkReply *reply = m_nam->sendCustomRequest(req, request.method, request.body);
    auto tlsErrors = std::make_shared<QStringList>();
    connect(reply, &QNetworkReply::sslErrors, reply, [tlsErrors](const QList<QSslError> &errors) {
        for (const QSslError &e : errors)
            tlsErrors->append(e.errorString());
    });
    QPointer<QObject> guard(context);
    connect(reply, &QNetworkReply::finished, context,
            [this, reply, request, requestId, attemptNo, tlsErrors, done = std::move(done), guard]() mutable {
                reply->deleteLater();
                if (!guard)
                    return;
                HttpResponse response = readReply(reply, *tlsErrors, request.timeout);
                response.requestId = requestId;
                response.attempts = attemptNo;
                const auto delay = retryDelay(request, response, attemptNo, QDateTime::currentDateTimeUtc());
                if (!delay) {
                    done(response);
                    return;
                }
                QTimer::singleShot(*delay, guard.data(), [this, request, requestId, attemptNo, guard,
                                                          done = std::move(done)]() mutable {
                    if (guard)
                        attempt(request, requestId, attemptNo + 1, guard.data(), std::move(done));
                });
            });
}

HttpResponse HttpClient::readReply(QNetworkReply *reply, const QStringList &tlsErrors,
                                   std::chrono::milliseconds timeout)
{
    HttpResponse response;
    response.url = reply->url();
    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    response.body = reply->readAll();
    for (const auto &pair : reply->rawHeaderPairs())
        response.headers.append({pair.first, pair.second});
    const auto error = reply->error();
    if (response.status == 0 && error != QNetworkReply::NoError) {
        if (!tlsErrors.isEmpty() || error == QNetworkReply::SslHandshakeFailedError) {
            response.failure = HttpResponse::Failure::Tls;
            response.errorString = tlsErrors.isEmpty() ? reply->errorString() : tlsErrors.join(QStringLiteral("; "));
        } else if (error == QNetworkReply::OperationCanceledError || error == QNetworkReply::TimeoutError) {
            // A transfer timeout aborts the reply, which Qt reports as cancelled.
            response.failure = HttpResponse::Failure::Timeout;
            response.errorString = HttpClient::tr("no answer within %n second(s)", nullptr,
                                                  static_cast<int>(timeout.count() / 1000));
        } else {
            response.failure = HttpResponse::Failure::Network;
            response.errorString = reply->errorString();
        }
    }
    return response;
}

} // namespace workos

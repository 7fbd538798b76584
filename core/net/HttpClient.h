#pragma once

#include "net/HttpTypes.h"

#include <QObject>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace workos {

// The one HTTP client of the console. Every request carries the user agent and a fresh request id
// and has a transfer timeout. Redirects are followed only within the same origin, so credentials
// never travel to another host. TLS errors fail the request with their description: never ignored.
// Requests are sent again by their RetryPolicy (429 honouring Retry-After; 5xx and transport
// failures of idempotent requests) with exponential backoff; `done` sees the last answer.
class HttpClient : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const HttpResponse &)>;

    explicit HttpClient(QObject *parent = nullptr);

    static QByteArray defaultUserAgent();

    // Sends the request; `done` runs once on `context`'s thread, unless `context` is destroyed first.
    void send(const HttpRequest &request, QObject *context, Callback done);

private:
    void attempt(const HttpRequest &request, const QByteArray &requestId, int attemptNo, QObject *context,
                 Callback done);
    static HttpResponse readReply(QNetworkReply *reply, const QStringList &tlsErrors,
                                  std::chrono::milliseconds timeout);

    QNetworkAccessManager *m_nam;
};

} // namespace workos

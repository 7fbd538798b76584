#pragma once

#include "net/HttpTypes.h"

#include <QObject>

#include <functional>

class QNetworkAccessManager;

namespace workos {

// The one HTTP client of the console. Every request carries the user agent and a fresh request id
// and has a transfer timeout. Redirects are followed only within the same origin, so credentials
// never travel to another host. TLS errors fail the request with their description: never ignored.
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
    QNetworkAccessManager *m_nam;
};

} // namespace workos

#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QList>
#include <QString>
#include <QUrl>

#include <chrono>
#include <utility>

namespace workos {

struct HttpRequest
{
    QByteArray method = "GET";
    QUrl url;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    std::chrono::milliseconds timeout{30000};
};

struct HttpResponse
{
    // Why a request produced no HTTP answer. Http means an answer arrived (any status).
    enum class Failure { None, Network, Timeout, Tls, Canceled };

    QUrl url;
    int status = 0;
    QByteArray body;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray requestId;
    Failure failure = Failure::None;
    QString errorString; // Qt's description of a transport failure (no secrets in it)

    bool transportOk() const { return failure == Failure::None; }
    bool isSuccess() const { return transportOk() && status >= 200 && status < 300; }
    QByteArray header(const QByteArray &name) const; // case-insensitive
    QJsonDocument json() const;                      // null when the body is not JSON
};

} // namespace workos

#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonDocument>
#include <QList>
#include <QString>
#include <QUrl>

#include <chrono>
#include <optional>
#include <utility>

namespace workos {

// When a request is sent again. 429 (the server did not process it) is retried for every method;
// 5xx answers and transport failures (refused, reset, timed out) only for idempotent requests,
// since a POST may have been applied before the answer was lost. TLS failures never are.
struct RetryPolicy
{
    int maxAttempts = 3;                        // 1: never retried
    std::chrono::milliseconds baseDelay{500};   // doubled per attempt, with ±20 % jitter
    std::chrono::milliseconds maxDelay{30000};  // a longer Retry-After is not waited for: the answer is returned
};

struct HttpRequest
{
    QByteArray method = "GET";
    QUrl url;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    std::chrono::milliseconds timeout{30000};
    RetryPolicy retry;
    // Unset: GET, HEAD, PUT, DELETE and OPTIONS are idempotent. Set for a POST the server makes
    // idempotent (an idempotency key, or operations keyed by id).
    std::optional<bool> idempotent;

    bool isIdempotent() const;
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
    int attempts = 1;    // how many times the request was sent

    bool transportOk() const { return failure == Failure::None; }
    bool isSuccess() const { return transportOk() && status >= 200 && status < 300; }
    QByteArray header(const QByteArray &name) const; // case-insensitive
    QJsonDocument json() const;                      // null when the body is not JSON
    // The wait a Retry-After header asks for (delay-seconds or an HTTP date); nullopt without one.
    std::optional<std::chrono::milliseconds> retryAfter(const QDateTime &now) const;
};

// How long to wait before sending `request` again after `response` to attempt number `attempt`
// (1-based); nullopt when it must not be sent again.
std::optional<std::chrono::milliseconds> retryDelay(const HttpRequest &request, const HttpResponse &response,
                                                    int attempt, const QDateTime &now);

} // namespace workos

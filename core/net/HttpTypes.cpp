#include "net/HttpTypes.h"

#include <QLocale>
#include <QRandomGenerator>

#include <algorithm>

namespace workos {

QByteArray HttpResponse::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QJsonDocument HttpResponse::json() const
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    return error.error == QJsonParseError::NoError ? doc : QJsonDocument();
}

std::optional<std::chrono::milliseconds> HttpResponse::retryAfter(const QDateTime &now) const
{
    const QByteArray value = header("Retry-After").trimmed();
    if (value.isEmpty())
        return std::nullopt;
    bool ok = false;
    const qlonglong seconds = value.toLongLong(&ok);
    if (ok)
        return std::chrono::milliseconds(std::max<qlonglong>(0, seconds) * 1000);
    // IMF-fixdate, as RFC 9110 requires: "Sun, 06 Nov 1994 08:49:37 GMT".
    QDateTime at = QLocale::c().toDateTime(QString::fromLatin1(value), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!at.isValid())
        return std::nullopt;
    at.setTimeSpec(Qt::UTC);
    return std::chrono::milliseconds(std::max<qint64>(0, now.msecsTo(at)));
}

bool HttpRequest::isIdempotent() const
{
    if (idempotent)
        return *idempotent;
    static const QList<QByteArray> safe{"GET", "HEAD", "PUT", "DELETE", "OPTIONS"};
    return safe.contains(method.toUpper());
}

std::optional<std::chrono::milliseconds> retryDelay(const HttpRequest &request, const HttpResponse &response,
                                                    int attempt, const QDateTime &now)
{
    using std::chrono::milliseconds;
    if (attempt >= request.retry.maxAttempts)
        return std::nullopt;
    bool retryable = false;
    switch (response.failure) {
    case HttpResponse::Failure::Tls:
    case HttpResponse::Failure::Canceled:
        return std::nullopt;
    case HttpResponse::Failure::Network:
    case HttpResponse::Failure::Timeout:
        retryable = request.isIdempotent();
        break;
    case HttpResponse::Failure::None:
        retryable = response.status == 429
            || (request.isIdempotent() && (response.status == 500 || response.status == 502
                                           || response.status == 503 || response.status == 504));
        break;
    }
    if (!retryable)
        return std::nullopt;
    if (const auto asked = response.retryAfter(now)) {
        if (*asked > request.retry.maxDelay)
            return std::nullopt; // longer than we wait: the caller reports it
        return *asked;
    }
    const qint64 base = request.retry.baseDelay.count() << std::min(attempt - 1, 16);
    const qint64 jitter = base / 5;
    const qint64 delay = base - jitter + (jitter > 0 ? QRandomGenerator::global()->bounded(2 * jitter + 1) : 0);
    return milliseconds(std::min<qint64>(delay, request.retry.maxDelay.count()));
}

} // namespace workos

#include "http/Errors.h"

namespace emu::errors {

Response standard(int status, const QString &code, const QString &message, const QJsonArray &details)
{
    QJsonObject o{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}};
    if (!details.isEmpty())
        o.insert(QStringLiteral("errors"), details);
    return Response::json(status, o);
}

Response notFound(const QString &type, const QString &id)
{
    return Response::json(404, QJsonObject{{QStringLiteral("message"), QStringLiteral("%1 not found '%2'").arg(type, id)},
                                          {QStringLiteral("code"), QStringLiteral("entity_not_found")},
                                          {QStringLiteral("entity_id"), id}});
}

Response oauth(int status, const QString &error, const QString &description)
{
    return Response::json(status, QJsonObject{{QStringLiteral("error"), error},
                                              {QStringLiteral("error_description"), description}});
}

Response validation(const QJsonArray &fieldErrors)
{
    return Response::json(422, QJsonObject{{QStringLiteral("message"), QStringLiteral("Validation failed.")},
                                          {QStringLiteral("code"), QStringLiteral("invalid_request_parameters")},
                                          {QStringLiteral("errors"), fieldErrors}});
}

Response fieldRequired(const QString &field)
{
    return validation(QJsonArray{QJsonObject{{QStringLiteral("field"), field}, {QStringLiteral("code"), QStringLiteral("required")}}});
}

Response unauthorized()
{
    return standard(401, QStringLiteral("unauthorized"),
                    QStringLiteral("Could not authorize the request. Maybe your API key is invalid?"));
}

Response malformedJson(const QString &detail)
{
    return standard(400, QStringLiteral("invalid_json"), QStringLiteral("The request body is not valid JSON: %1").arg(detail));
}

Response routeNotFound(const QByteArray &method, const QString &path)
{
    return standard(404, QStringLiteral("route_not_found"),
                    QStringLiteral("No route for %1 %2").arg(QString::fromLatin1(method), path));
}

Response tooLarge(qsizetype limit)
{
    return standard(413, QStringLiteral("payload_too_large"),
                    QStringLiteral("The request body is larger than %1 bytes.").arg(limit));
}

Response rateLimited(int retryAfterSeconds)
{
    return standard(429, QStringLiteral("rate_limit_exceeded"), QStringLiteral("Too many requests."))
        .withHeader("Retry-After", QByteArray::number(retryAfterSeconds));
}

} // namespace emu::errors

#pragma once

#include "http/Http.h"

namespace emu::errors {

// The three error shapes of WorkOS (workos-api.md §1.3).
// Shape A: {code, message} (+ errors[], entity_id)
Response standard(int status, const QString &code, const QString &message, const QJsonArray &details = {});
// 404 for an unknown id: {"message":"<Type> not found '<id>'","code":"entity_not_found","entity_id":"<id>"}
Response notFound(const QString &type, const QString &id);
// Shape B: {error, error_description}
Response oauth(int status, const QString &error, const QString &description);
// 422 {"message":"Validation failed.","code":"invalid_request_parameters","errors":[{"field":..,"code":..}]}
Response validation(const QJsonArray &fieldErrors);
Response fieldRequired(const QString &field);
// 401 for a missing or wrong API key (decision: workos-api.md §13, docs/sandbox.md).
Response unauthorized();
Response malformedJson(const QString &detail);
Response routeNotFound(const QByteArray &method, const QString &path);
Response tooLarge(qsizetype limit);
Response rateLimited(int retryAfterSeconds);

} // namespace emu::errors

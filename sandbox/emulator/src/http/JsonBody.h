#pragma once

#include "http/Http.h"

#include <optional>

namespace emu {

// The request body as a JSON object: an empty body is {}, anything else must be a JSON object.
// Form-encoded bodies are accepted when `allowForm` (POST /user_management/authenticate).
std::optional<QJsonObject> jsonBody(const Request &request, Response &error, bool allowForm = false);

// Small readers that tell a wrong type from an absent field.
bool isString(const QJsonObject &o, const QString &key);
bool isNullOrString(const QJsonObject &o, const QString &key);

} // namespace emu

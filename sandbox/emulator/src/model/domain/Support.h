#pragma once

// Helpers shared by the domain operations (model/domain/*.cpp). Internal to the emulator.
#include "http/Errors.h"

#include <QJsonArray>
#include <QJsonObject>
#include <optional>

namespace emu::domain::support {

inline const QJsonValue kNull(QJsonValue::Null);

QString str(const QJsonObject &o, const char *key);
QJsonValue stringOrNull(const QJsonObject &o, const char *key);
bool validEmail(const QString &email);
Response badRequest(const QString &code, const QString &message, const QJsonArray &details = {});
Response typeError(const QString &field, const QString &expected);
// Optional string fields: absent, null or a string; anything else is a 422.
std::optional<Response> checkStrings(const QJsonObject &body, std::initializer_list<const char *> keys);
QString displayName(const QJsonValue &first, const QJsonValue &last);

} // namespace emu::domain::support

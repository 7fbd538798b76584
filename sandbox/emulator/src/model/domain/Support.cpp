#include "model/domain/Support.h"

#include "model/Domain.h"

#include <QRegularExpression>

namespace emu::domain::support {
QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QJsonValue stringOrNull(const QJsonObject &o, const char *key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    return v.isString() ? v : kNull;
}

bool validEmail(const QString &email)
{
    static const QRegularExpression re(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    return re.match(email).hasMatch();
}

Response badRequest(const QString &code, const QString &message, const QJsonArray &details)
{
    return errors::standard(400, code, message, details);
}

Response typeError(const QString &field, const QString &expected)
{
    return errors::validation(QJsonArray{QJsonObject{{QStringLiteral("field"), field},
                                                     {QStringLiteral("code"), QStringLiteral("invalid_type")},
                                                     {QStringLiteral("message"), QStringLiteral("%1 must be %2").arg(field, expected)}}});
}

std::optional<Response> checkStrings(const QJsonObject &body, std::initializer_list<const char *> keys)
{
    for (const char *key : keys) {
        const QJsonValue v = body.value(QLatin1String(key));
        if (!v.isUndefined() && !v.isNull() && !v.isString())
            return typeError(QLatin1String(key), QStringLiteral("a string"));
    }
    return std::nullopt;
}

QString displayName(const QJsonValue &first, const QJsonValue &last)
{
    const QString name = QString(first.toString() + QLatin1Char(' ') + last.toString()).trimmed();
    return name;
}

} // namespace emu::domain::support

namespace emu::domain {

using namespace support;

std::optional<Response> checkMetadata(const QJsonValue &metadata)
{
    if (metadata.isUndefined() || metadata.isNull())
        return std::nullopt;
    if (!metadata.isObject())
        return badRequest(QStringLiteral("invalid_metadata"), QStringLiteral("Metadata must be an object."));
    const QJsonObject m = metadata.toObject();
    if (m.size() > 50)
        return badRequest(QStringLiteral("invalid_metadata"), QStringLiteral("Metadata may have at most 50 keys."));
    for (auto it = m.begin(); it != m.end(); ++it) {
        if (it.key().size() > 40)
            return badRequest(QStringLiteral("invalid_metadata"),
                              QStringLiteral("Metadata key '%1' is longer than 40 characters.").arg(it.key()));
        if (!it.value().isString())
            return badRequest(QStringLiteral("invalid_metadata"),
                              QStringLiteral("Metadata value of '%1' must be a string.").arg(it.key()));
        if (it.value().toString().size() > 600)
            return badRequest(QStringLiteral("invalid_metadata"),
                              QStringLiteral("Metadata value of '%1' is longer than 600 characters.").arg(it.key()));
    }
    return std::nullopt;
}

} // namespace emu::domain

#include "http/JsonBody.h"

#include "http/Errors.h"
#include "http/FormData.h"

namespace emu {

std::optional<QJsonObject> jsonBody(const Request &request, Response &error, bool allowForm)
{
    const QByteArray body = request.body.trimmed();
    if (body.isEmpty())
        return QJsonObject{};
    const QByteArray type = request.header("content-type");
    if (allowForm && type.startsWith("application/x-www-form-urlencoded")) {
        // decodeForm, not QUrlQuery: '+' must become a space and "%2B" a plus.
        QJsonObject o;
        const QHash<QString, QString> form = decodeForm(request.body);
        for (auto it = form.cbegin(); it != form.cend(); ++it)
            o.insert(it.key(), it.value());
        return o;
    }
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        error = errors::malformedJson(QStringLiteral("%1 at offset %2").arg(parseError.errorString()).arg(parseError.offset));
        return std::nullopt;
    }
    if (!doc.isObject()) {
        error = errors::malformedJson(QStringLiteral("the body must be a JSON object"));
        return std::nullopt;
    }
    return doc.object();
}

bool isString(const QJsonObject &o, const QString &key)
{
    return o.value(key).isString();
}

bool isNullOrString(const QJsonObject &o, const QString &key)
{
    const QJsonValue v = o.value(key);
    return v.isUndefined() || v.isNull() || v.isString();
}

} // namespace emu

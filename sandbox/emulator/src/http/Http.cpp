#include "http/Http.h"

#include <QRegularExpression>

namespace emu {

bool Request::hasQuery(const QString &key) const
{
    return query.hasQueryItem(key) || !queryList(key).isEmpty();
}

QStringList Request::queryList(const QString &key) const
{
    QStringList out;
    static const QRegularExpression indexed(QStringLiteral("^(.+)\\[(\\d*)\\]$"));
    for (const auto &[k, v] : query.queryItems(QUrl::FullyDecoded)) {
        QString name = k;
        const auto m = indexed.match(k);
        if (m.hasMatch())
            name = m.captured(1);
        if (name != key)
            continue;
        for (const QString &part : v.split(QLatin1Char(','), Qt::SkipEmptyParts))
            out.append(part.trimmed());
    }
    return out;
}

Response Response::json(int status, const QJsonObject &object)
{
    Response r;
    r.status = status;
    r.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return r;
}

Response Response::json(int status, const QJsonArray &array)
{
    Response r;
    r.status = status;
    r.body = QJsonDocument(array).toJson(QJsonDocument::Compact);
    return r;
}

Response Response::empty(int status)
{
    Response r;
    r.status = status;
    r.contentType.clear();
    return r;
}

Response Response::html(int status, const QString &html)
{
    Response r;
    r.status = status;
    r.body = html.toUtf8();
    r.contentType = "text/html; charset=utf-8";
    return r;
}

Response Response::redirect(const QString &location)
{
    Response r = empty(302);
    r.headers.append({QByteArrayLiteral("Location"), location.toUtf8()});
    r.headers.append({QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store")});
    return r;
}

} // namespace emu

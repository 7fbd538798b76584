#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrlQuery>

#include <utility>

namespace emu {

// One parsed request, as the route handlers see it.
struct Request
{
    QByteArray method;                      // "GET", "POST", ...
    QString path;                           // decoded path, no query
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers;  // lower-case names
    QByteArray body;
    QHash<QString, QString> params;         // path parameters of the matched route
    QString requestId;

    QByteArray header(const QByteArray &lowerName) const { return headers.value(lowerName); }
    QString queryValue(const QString &key) const { return query.queryItemValue(key, QUrl::FullyDecoded); }
    bool hasQuery(const QString &key) const;
    // Array parameters in every encoding SDKs use: a=x,y | a=x&a=y | a[]=x | a[0]=x.
    QStringList queryList(const QString &key) const;
};

// What a handler answers.
struct Response
{
    int status = 200;
    QByteArray body;
    QByteArray contentType = "application/json";
    QList<std::pair<QByteArray, QByteArray>> headers;

    static Response json(int status, const QJsonObject &object);
    static Response json(int status, const QJsonArray &array);
    static Response empty(int status = 200);
    static Response html(int status, const QString &html);
    static Response redirect(const QString &location);
    Response &withHeader(const QByteArray &name, const QByteArray &value)
    {
        headers.append({name, value});
        return *this;
    }
};

} // namespace emu

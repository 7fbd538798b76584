#pragma once

#include "Emulator.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTest>

// An emulator on a free loopback port with the control API, driven over real HTTP.
struct Answer
{
    int status = 0;
    QByteArray body;
    QJsonObject json;
    QJsonArray data; // json["data"] for lists
    QList<QNetworkReply::RawHeaderPair> headers;
    QByteArray header(const QByteArray &name) const
    {
        for (const auto &[k, v] : headers) {
            if (k.compare(name, Qt::CaseInsensitive) == 0)
                return v;
        }
        return {};
    }
};

class EmulatorFixture
{
public:
    static constexpr const char *ApiKey = "sk_test_fixture";

    explicit EmulatorFixture(const QJsonObject &seed = minimalSeed())
    {
        emu::EmulatorConfig config;
        config.control = true;
        config.apiKeys = {QString::fromLatin1(ApiKey)};
        config.redirectUris = {QStringLiteral("http://127.0.0.1:9/callback")};
        config.webhookBackoffMs = 50;
        emulator = std::make_unique<emu::Emulator>(config);
        if (emulator->listen() == 0)
            qFatal("emulator did not listen");
        const QString error = emulator->loadSeed(seed);
        if (!error.isEmpty())
            qFatal("seed: %s", qPrintable(error));
    }

    // Two organizations, three roles, three users (ada in both organizations).
    static QJsonObject minimalSeed()
    {
        QFile file(QFINDTESTDATA("data/minimal-seed.json"));
        if (!file.open(QIODevice::ReadOnly))
            qFatal("missing data/minimal-seed.json");
        return QJsonDocument::fromJson(file.readAll()).object();
    }

    Answer call(const QByteArray &method, const QString &path, const QJsonObject &body = {}, bool auth = true,
                const QList<std::pair<QByteArray, QByteArray>> &headers = {})
    {
        return raw(method, path, body.isEmpty() && method == "GET" ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact),
                   auth, headers);
    }

    Answer raw(const QByteArray &method, const QString &path, const QByteArray &body, bool auth = true,
               const QList<std::pair<QByteArray, QByteArray>> &headers = {})
    {
        QNetworkRequest request(QUrl(emulator->baseUrl() + path));
        if (auth)
            request.setRawHeader("Authorization", QByteArray("Bearer ") + ApiKey);
        if (!body.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        for (const auto &[k, v] : headers)
            request.setRawHeader(k, v);
        QNetworkReply *reply = nam.sendCustomRequest(request, method, body);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        if (!reply->isFinished())
            loop.exec();
        Answer a;
        a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        a.body = reply->readAll();
        a.json = QJsonDocument::fromJson(a.body).object();
        a.data = a.json.value(QLatin1String("data")).toArray();
        a.headers = reply->rawHeaderPairs();
        reply->deleteLater();
        return a;
    }

    QStringList eventTypes()
    {
        QStringList out;
        for (const QJsonObject &e : emulator->store().events.select())
            out.append(e.value(QLatin1String("event")).toString());
        return out;
    }

    QString userId(const QString &email)
    {
        return emulator->store()
            .users.findFirst([&](const QJsonObject &u) { return u.value(QLatin1String("email")).toString() == email; })
            .value(QLatin1String("id"))
            .toString();
    }
    QString orgId(const QString &name)
    {
        return emulator->store()
            .organizations.findFirst([&](const QJsonObject &o) { return o.value(QLatin1String("name")).toString() == name; })
            .value(QLatin1String("id"))
            .toString();
    }

    std::unique_ptr<emu::Emulator> emulator;
    QNetworkAccessManager nam;
};

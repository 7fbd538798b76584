#include "events/WebhookDispatcher.h"

#include "events/Signature.h"
#include "model/Ids.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

namespace emu {

WebhookDispatcher::WebhookDispatcher(const EmulatorConfig &config, Store &store, Clock &clock, QObject *parent)
    : QObject(parent), m_config(config), m_store(store), m_clock(clock), m_nam(new QNetworkAccessManager(this))
{
}

QJsonObject WebhookDispatcher::addEndpoint(const QString &url, const QString &secret, const QStringList &events)
{
    QJsonObject endpoint{{QStringLiteral("object"), QStringLiteral("webhook_endpoint")},
                         {QStringLiteral("id"), newId(QStringLiteral("we"))},
                         {QStringLiteral("url"), url},
                         {QStringLiteral("secret"), secret},
                         {QStringLiteral("events"), QJsonArray::fromStringList(events)},
                         {QStringLiteral("created_at"), m_clock.iso()}};
    m_store.webhookEndpoints.insert(endpoint);
    endpoint.remove(QStringLiteral("secret"));
    return endpoint;
}

void WebhookDispatcher::clear()
{
    m_deliveries = {};
    m_bodies.clear();
    ++m_generation;
}

void WebhookDispatcher::deliver(const QJsonObject &event)
{
    const QString type = event.value(QLatin1String("event")).toString();
    const QByteArray body = QJsonDocument(event).toJson(QJsonDocument::Compact);
    for (const QJsonObject &endpoint : m_store.webhookEndpoints.select()) {
        const QJsonArray filter = endpoint.value(QLatin1String("events")).toArray();
        if (!filter.isEmpty() && !filter.contains(type))
            continue;
        m_deliveries.append(QJsonObject{{QStringLiteral("id"), newId(QStringLiteral("webhook_delivery"))},
                                        {QStringLiteral("endpoint_id"), endpoint.value(QLatin1String("id"))},
                                        {QStringLiteral("url"), endpoint.value(QLatin1String("url"))},
                                        {QStringLiteral("event_id"), event.value(QLatin1String("id"))},
                                        {QStringLiteral("event"), type},
                                        {QStringLiteral("state"), QStringLiteral("pending")},
                                        {QStringLiteral("attempts"), QJsonArray()}});
        m_bodies.append(body);
        attempt(static_cast<int>(m_deliveries.size() - 1));
    }
}

void WebhookDispatcher::attempt(int index)
{
    QJsonObject delivery = m_deliveries.at(index).toObject();
    const QJsonObject endpoint = m_store.webhookEndpoints.get(delivery.value(QLatin1String("endpoint_id")).toString());
    if (endpoint.isEmpty()) {
        delivery.insert(QStringLiteral("state"), QStringLiteral("failed"));
        m_deliveries.replace(index, delivery);
        return;
    }
    const QByteArray body = m_bodies.at(index);
    QNetworkRequest request(QUrl(endpoint.value(QLatin1String("url")).toString()));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("WorkOS Emulator Webhooks"));
    // Signed with the real clock: receivers compare against their own time.
    request.setRawHeader("WorkOS-Signature", webhookSignature(endpoint.value(QLatin1String("secret")).toString().toUtf8(),
                                                              body, QDateTime::currentMSecsSinceEpoch()));
    request.setTransferTimeout(m_config.webhookTimeoutMs);
    ++m_inFlight;
    QNetworkReply *reply = m_nam->post(request, body);
    const quint64 generation = m_generation;
    connect(reply, &QNetworkReply::finished, this, [this, reply, index, generation]() {
        reply->deleteLater();
        --m_inFlight;
        if (generation != m_generation)
            return;
        QJsonObject d = m_deliveries.at(index).toObject();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        QJsonObject attemptLog{{QStringLiteral("at"), m_clock.iso()}, {QStringLiteral("status"), status}};
        if (reply->error() != QNetworkReply::NoError && status == 0)
            attemptLog.insert(QStringLiteral("error"), reply->errorString());
        QJsonArray attempts = d.value(QLatin1String("attempts")).toArray();
        attempts.append(attemptLog);
        d.insert(QStringLiteral("attempts"), attempts);
        const bool ok = status >= 200 && status < 300;
        if (ok)
            d.insert(QStringLiteral("state"), QStringLiteral("delivered"));
        else if (attempts.size() >= m_config.webhookMaxAttempts)
            d.insert(QStringLiteral("state"), QStringLiteral("failed"));
        m_deliveries.replace(index, d);
        Q_EMIT attemptFinished(d);
        if (!ok && attempts.size() < m_config.webhookMaxAttempts) {
            const int delay = m_config.webhookBackoffMs * (1 << std::min<qsizetype>(attempts.size() - 1, 16));
            QTimer::singleShot(delay, this, [this, index, generation]() {
                if (generation == m_generation)
                    attempt(index);
            });
        }
    });
}

} // namespace emu

#pragma once

#include "EmulatorConfig.h"
#include "model/Clock.h"
#include "model/Store.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QObject>

class QNetworkAccessManager;

namespace emu {

// Delivers events to the registered endpoints, signed, and retries failures with exponential
// backoff. Every attempt is kept in a delivery log that the control API exposes.
class WebhookDispatcher : public QObject
{
    Q_OBJECT
public:
    WebhookDispatcher(const EmulatorConfig &config, Store &store, Clock &clock, QObject *parent = nullptr);

    // Registers an endpoint (returns its JSON: id, url, events filter; the secret is not echoed).
    QJsonObject addEndpoint(const QString &url, const QString &secret, const QStringList &events = {});
    void deliver(const QJsonObject &event);

    QJsonArray deliveries() const { return m_deliveries; }
    int pending() const { return m_inFlight; }
    void clear();

Q_SIGNALS:
    void attemptFinished(const QJsonObject &delivery);

private:
    void attempt(int index);

    const EmulatorConfig &m_config;
    Store &m_store;
    Clock &m_clock;
    QNetworkAccessManager *m_nam;
    QJsonArray m_deliveries;   // {id, endpoint_id, url, event_id, event, state, attempts:[{at,status,error}]}
    QList<QByteArray> m_bodies; // raw body per delivery (the same bytes on every attempt)
    int m_inFlight = 0;
    quint64 m_generation = 0;  // bumped by clear(): late retries of an older state are dropped
};

} // namespace emu

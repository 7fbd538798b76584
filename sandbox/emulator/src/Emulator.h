#pragma once

#include "EmulatorConfig.h"
#include "Faults.h"
#include "http/Http.h"
#include "http/Router.h"
#include "model/Clock.h"
#include "model/Store.h"

#include <QHostAddress>
#include <QObject>

#include <memory>

namespace emu {

class EventBus;
class HttpServer;
class Keys;
class WebhookDispatcher;

// A stateful WorkOS environment on loopback: the API, the AuthKit hosted pages, JWKS, signed
// webhooks and, with `control`, the test-control API under /_emulator. Usable in-process by Qt
// tests (listen on port 0) and by the workos-emulator binary.
class Emulator : public QObject
{
    Q_OBJECT
public:
    explicit Emulator(EmulatorConfig config = {}, QObject *parent = nullptr);
    ~Emulator() override;

    // Listens on `address`:`port` (0: a free port); returns the port, 0 on failure.
    quint16 listen(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    QString baseUrl() const { return m_baseUrl; }
    QString issuer() const;

    // Replaces all state with a seed (docs/sandbox.md, "Seeds"); returns an error message or "".
    QString loadSeed(const QJsonObject &seed);
    QString loadSeedFile(const QString &path);
    static QJsonObject defaultSeed();
    // Empties all state (no seed).
    void reset();
    // The seed loaded last: what POST /_emulator/reset goes back to.
    QJsonObject lastSeed() const { return m_lastSeed; }

    // Handles one request end to end (what the HTTP server calls; tests may call it directly).
    // `delayMs` receives an injected latency.
    Response handle(Request &request, int *delayMs = nullptr);

    EmulatorConfig &config() { return m_config; }
    Store &store() { return m_store; }
    Clock &clock() { return m_clock; }
    EventBus &events() { return *m_events; }
    WebhookDispatcher &webhooks() { return *m_webhooks; }
    Keys &keys() { return *m_keys; }
    Faults &faults() { return m_faults; }
    Router &router() { return m_router; }

private:
    EmulatorConfig m_config;
    Store m_store;
    Clock m_clock;
    Faults m_faults;
    Router m_router;
    std::unique_ptr<WebhookDispatcher> m_webhooks;
    std::unique_ptr<EventBus> m_events;
    std::unique_ptr<Keys> m_keys;
    std::unique_ptr<HttpServer> m_server;
    QString m_baseUrl;
    QJsonObject m_lastSeed;
};

} // namespace emu

#include "Emulator.h"

#include "auth/Keys.h"
#include "events/EventBus.h"
#include "events/WebhookDispatcher.h"
#include "http/Errors.h"
#include "http/HttpServer.h"
#include "model/Ids.h"
#include "model/Seed.h"
#include "routes/Routes.h"

#include <QFile>
#include <QJsonDocument>

namespace emu {

Emulator::Emulator(EmulatorConfig config, QObject *parent)
    : QObject(parent), m_config(std::move(config)),
      m_webhooks(std::make_unique<WebhookDispatcher>(m_config, m_store, m_clock)),
      m_events(std::make_unique<EventBus>(m_store, m_clock, *m_webhooks)),
      m_keys(std::make_unique<Keys>(m_clock, m_config.keyRotationGraceSeconds))
{
    registerUserRoutes(*this);
    registerMembershipRoutes(*this);
    registerOrganizationRoutes(*this);
    registerDirectoryRoutes(*this);
    registerEventRoutes(*this);
    registerAuditLogRoutes(*this);
    registerAuthRoutes(*this);
    registerPasswordRoutes(*this);
    registerControlRoutes(*this);
    m_keys->load(m_config.signingKeyFile);
}

Emulator::~Emulator() = default;

quint16 Emulator::listen(const QHostAddress &address, quint16 port)
{
    if (!m_server)
        m_server = std::make_unique<HttpServer>(*this);
    const quint16 bound = m_server->listen(address, port);
    if (bound != 0) {
        const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
            ? QLatin1Char('[') + address.toString() + QLatin1Char(']')
            : address.toString();
        m_baseUrl = QStringLiteral("http://%1:%2").arg(host).arg(bound);
    }
    return bound;
}

QString Emulator::issuer() const
{
    return m_config.issuer.isEmpty() ? m_baseUrl + QStringLiteral("/user_management/") + m_config.clientId : m_config.issuer;
}

QString Emulator::loadSeed(const QJsonObject &seed)
{
    reset();
    m_lastSeed = seed;
    return seed::load(*this, seed);
}

QString Emulator::loadSeedFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("cannot read the seed file %1: %2").arg(path, file.errorString());
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return QStringLiteral("the seed file %1 is not a JSON object: %2").arg(path, error.errorString());
    return loadSeed(doc.object());
}

QJsonObject Emulator::defaultSeed()
{
    QFile file(QStringLiteral(":/workos-emulator/seeds/demo.json"));
    file.open(QIODevice::ReadOnly);
    return QJsonDocument::fromJson(file.readAll()).object();
}

void Emulator::reset()
{
    m_store.clear();
    m_webhooks->clear();
    m_faults.clear();
    m_clock.reset();
}

Response Emulator::handle(Request &request, int *delayMs)
{
    request.requestId = newUlid();
    Response response = [&]() -> Response {
        if (request.body.size() > m_config.maxBodyBytes)
            return errors::tooLarge(m_config.maxBodyBytes);
        const Route *route = m_router.match(request.method, request.path, request.params);
        if (!route || (route->access == Access::Control && !m_config.control))
            return errors::routeNotFound(request.method, request.path);
        if (route->access == Access::ApiKey) {
            const QByteArray auth = request.header("authorization");
            const QString key = auth.startsWith("Bearer ") ? QString::fromUtf8(auth.mid(7)).trimmed() : QString();
            if (key.isEmpty() || !m_config.apiKeys.contains(key))
                return errors::unauthorized();
        }
        if (route->access != Access::Control) {
            if (const auto fault = m_faults.take(request.method, request.path)) {
                if (delayMs)
                    *delayMs = fault->latencyMs;
                if (fault->status == 429)
                    return errors::rateLimited(fault->retryAfterSeconds > 0 ? fault->retryAfterSeconds : 1);
                if (fault->status > 0) {
                    Response r;
                    r.status = fault->status;
                    r.body = fault->body.isEmpty() ? QJsonDocument(QJsonObject{{QStringLiteral("message"), QStringLiteral("Injected fault")},
                                                                               {QStringLiteral("code"), QStringLiteral("injected_fault")}})
                                                         .toJson(QJsonDocument::Compact)
                                                   : fault->body;
                    if (fault->retryAfterSeconds > 0)
                        r.headers.append({QByteArrayLiteral("Retry-After"), QByteArray::number(fault->retryAfterSeconds)});
                    return r;
                }
            }
        }
        return route->handler(request);
    }();
    response.headers.append({QByteArrayLiteral("X-Request-ID"), request.requestId.toLatin1()});
    return response;
}

} // namespace emu

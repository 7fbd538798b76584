#include "http/HttpServer.h"

#include "Emulator.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QLocale>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#include <memory>

namespace emu {

namespace {

QByteArray methodName(QHttpServerRequest::Method m)
{
    switch (m) {
    case QHttpServerRequest::Method::Get: return "GET";
    case QHttpServerRequest::Method::Put: return "PUT";
    case QHttpServerRequest::Method::Delete: return "DELETE";
    case QHttpServerRequest::Method::Post: return "POST";
    case QHttpServerRequest::Method::Head: return "HEAD";
    case QHttpServerRequest::Method::Options: return "OPTIONS";
    case QHttpServerRequest::Method::Patch: return "PATCH";
    default: return "UNKNOWN";
    }
}

void send(QHttpServerResponder &responder, const Response &r)
{
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(r.status));
    if (!r.contentType.isEmpty())
        responder.writeHeader("Content-Type", r.contentType);
    for (const auto &[name, value] : r.headers)
        responder.writeHeader(name, value);
    responder.writeHeader("Content-Length", QByteArray::number(r.body.size()));
    responder.writeBody(r.body);
}

} // namespace

HttpServer::HttpServer(Emulator &emulator, QObject *parent) : QAbstractHttpServer(parent), m_emulator(emulator) {}

bool HttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // Without TCP_NODELAY a multi-segment answer waits for the client's delayed ACK (~40 ms).
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    Request req;
    req.method = methodName(request.method());
    req.path = request.url().path(QUrl::FullyDecoded);
    req.query = request.query();
    for (const auto &[name, value] : request.headers())
        req.headers.insert(name.toLower(), value);
    req.body = request.body();

    int delayMs = 0;
    Response response = m_emulator.handle(req, &delayMs);
    // As WorkOS's servers do (RFC 9110 IMF-fixdate), from the emulator's clock, so a clock
    // advanced through the control API shows up as skew to whoever compares it with theirs.
    response.headers.append({QByteArrayLiteral("Date"),
                             QLocale::c().toString(m_emulator.clock().now(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'")).toLatin1()});
    auto responder = std::make_shared<QHttpServerResponder>(makeResponder(request, socket));
    if (delayMs <= 0) {
        send(*responder, response);
        return true;
    }
    // Injected latency: answer later without blocking other connections.
    QPointer<QTcpSocket> guard(socket);
    QTimer::singleShot(delayMs, this, [responder, response, guard]() {
        if (guard)
            send(*responder, response);
    });
    return true;
}

void HttpServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // Not reached: handleRequest answers everything, unknown routes included.
    auto responder = makeResponder(request, socket);
    send(responder, Response::json(404, QJsonObject{{QStringLiteral("message"), QStringLiteral("Not found")}}));
}

} // namespace emu

#pragma once

#include <QAbstractHttpServer>

namespace emu {

class Emulator;

// QtHttpServer's transport (HTTP/1.1, keep-alive) with our own routing: every request goes to
// Emulator::handle, so unknown routes, body limits and errors answer in WorkOS's JSON shapes.
class HttpServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    explicit HttpServer(Emulator &emulator, QObject *parent = nullptr);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    Emulator &m_emulator;
};

} // namespace emu

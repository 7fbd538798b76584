#include "RawHttpServer.h"

#include <QTcpSocket>

RawHttpServer::RawHttpServer(QObject *parent) : QTcpServer(parent)
{
    connect(this, &QTcpServer::newConnection, this, &RawHttpServer::onConnection);
}

QByteArray RawHttpServer::start()
{
    listen(QHostAddress::LocalHost, 0);
    return "http://127.0.0.1:" + QByteArray::number(serverPort());
}

QByteArray RawHttpServer::raw(int status, const QByteArray &body, const QByteArray &contentType,
                              const QByteArray &extraHeaders)
{
    return "HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Type: " + contentType
        + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n" + extraHeaders
        + "Connection: close\r\n\r\n" + body;
}

void RawHttpServer::respond(const QByteArray &path, int status, const QByteArray &body,
                            const QByteArray &contentType, const QByteArray &extraHeaders)
{
    m_responses.insert(path, raw(status, body, contentType, extraHeaders));
}

void RawHttpServer::respondOnce(const QByteArray &path, int status, const QByteArray &body,
                                const QByteArray &extraHeaders)
{
    m_once[path].append(raw(status, body, "application/json", extraHeaders));
}

void RawHttpServer::hang(const QByteArray &path)
{
    m_hanging.append(path);
}

void RawHttpServer::onConnection()
{
    while (QTcpSocket *socket = nextPendingConnection()) {
        auto *buffer = new QByteArray;
        connect(socket, &QObject::destroyed, socket, [buffer]() { delete buffer; });
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer]() {
            buffer->append(socket->readAll());
            if (m_garbage) {
                socket->write("this is not TLS\r\n");
                socket->disconnectFromHost();
                return;
            }
            const qsizetype end = buffer->indexOf("\r\n\r\n");
            if (end < 0)
                return;
            Request req;
            const QList<QByteArray> lines = buffer->left(end).split('\n');
            const QList<QByteArray> first = lines.first().trimmed().split(' ');
            req.method = first.value(0);
            req.path = first.value(1);
            qsizetype length = 0;
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const qsizetype colon = lines.at(i).indexOf(':');
                if (colon < 0)
                    continue;
                const QByteArray name = lines.at(i).left(colon).trimmed().toLower();
                const QByteArray value = lines.at(i).mid(colon + 1).trimmed();
                req.headers.insert(name, value);
                if (name == "content-length")
                    length = value.toLongLong();
            }
            if (buffer->size() < end + 4 + length)
                return;
            req.body = buffer->mid(end + 4, length);
            buffer->clear();
            requests.append(req);
            const QByteArray pathOnly = req.path.split('?').first();
            if (m_hanging.contains(pathOnly))
                return;
            QList<QByteArray> &once = m_once[pathOnly];
            socket->write(!once.isEmpty() ? once.takeFirst()
                                          : m_responses.value(pathOnly, "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n"
                                                                        "Connection: close\r\n\r\n"));
            socket->disconnectFromHost();
        });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }
}

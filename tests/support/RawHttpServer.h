#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QTcpServer>

// A loopback HTTP/1.1 server for client tests: each path answers with a fixed raw response, or
// never answers (to exercise timeouts). It records every request it received.
class RawHttpServer : public QTcpServer
{
    Q_OBJECT
public:
    struct Request
    {
        QByteArray method;
        QByteArray path;
        QHash<QByteArray, QByteArray> headers; // lower-case names
        QByteArray body;
    };

    explicit RawHttpServer(QObject *parent = nullptr);

    // Listens on 127.0.0.1 and a free port; returns the base URL ("http://127.0.0.1:PORT").
    QByteArray start();

    void respond(const QByteArray &path, int status, const QByteArray &body,
                 const QByteArray &contentType = "application/json", const QByteArray &extraHeaders = {});
    // One answer for the next request to `path`, before the ones given to respond(); queued in order.
    void respondOnce(const QByteArray &path, int status, const QByteArray &body, const QByteArray &extraHeaders = {});
    void hang(const QByteArray &path);
    // Answers any bytes (such as a TLS ClientHello) with plain text and hangs up.
    void answerEverythingWithGarbage() { m_garbage = true; }

    QList<Request> requests;

private:
    void onConnection();

    static QByteArray raw(int status, const QByteArray &body, const QByteArray &contentType,
                          const QByteArray &extraHeaders);

    QHash<QByteArray, QByteArray> m_responses;
    QHash<QByteArray, QList<QByteArray>> m_once;
    QList<QByteArray> m_hanging;
    bool m_garbage = false;
};

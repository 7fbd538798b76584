#include "../support/RawHttpServer.h"
#include "net/HttpClient.h"

#include <QJsonObject>
#include <QTest>
#include <QTcpServer>

#include <optional>

using namespace workos;

class TestHttpClient : public QObject
{
    Q_OBJECT
private:
    HttpClient m_http;

    HttpResponse send(HttpRequest request, int waitMs = 10000)
    {
        std::optional<HttpResponse> response;
        m_http.send(request, this, [&](const HttpResponse &r) { response = r; });
        if (!QTest::qWaitFor([&]() { return response.has_value(); }, waitMs))
            qFatal("no callback");
        return *response;
    }

private Q_SLOTS:
    void sendsIdentityHeadersAndReadsTheAnswer()
    {
        RawHttpServer server;
        const QByteArray base = server.start();
        server.respond("/ok", 200, R"({"hello":"world"})", "application/json", "X-Extra: 1\r\n");
        HttpRequest req;
        req.method = "POST";
        req.url = QUrl(QString::fromLatin1(base + "/ok"));
        req.headers.append({QByteArrayLiteral("X-Custom"), QByteArrayLiteral("yes")});
        req.body = "payload";
        const HttpResponse r = send(req);
        QVERIFY(r.isSuccess());
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().object().value(u"hello").toString(), QStringLiteral("world"));
        QCOMPARE(r.header("x-extra"), QByteArray("1"));
        QCOMPARE(server.requests.size(), 1);
        const auto &got = server.requests.first();
        QCOMPARE(got.method, QByteArray("POST"));
        QCOMPARE(got.body, QByteArray("payload"));
        QVERIFY(got.headers.value("user-agent").startsWith("wpworkos/"));
        QCOMPARE(got.headers.value("x-custom"), QByteArray("yes"));
        QCOMPARE(got.headers.value("x-request-id"), r.requestId);
        QCOMPARE(r.requestId.size(), 36); // a UUID, fresh per request
    }

    void httpErrorsAreAnswersNotTransportFailures()
    {
        RawHttpServer server;
        const QByteArray base = server.start();
        server.respond("/e", 503, R"({"code":"down"})");
        HttpRequest req;
        req.url = QUrl(QString::fromLatin1(base + "/e"));
        const HttpResponse r = send(req);
        QVERIFY(r.transportOk());
        QVERIFY(!r.isSuccess());
        QCOMPARE(r.status, 503);
    }

    void refusedConnectionIsANetworkFailure()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close(); // nothing listens there now
        HttpRequest req;
        req.url = QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(port));
        const HttpResponse r = send(req);
        QCOMPARE(r.failure, HttpResponse::Failure::Network);
        QCOMPARE(r.status, 0);
        QVERIFY2(r.errorString.contains(QStringLiteral("refused"), Qt::CaseInsensitive), qPrintable(r.errorString));
    }

    void silentServerTimesOut()
    {
        RawHttpServer server;
        const QByteArray base = server.start();
        server.hang("/slow");
        HttpRequest req;
        req.url = QUrl(QString::fromLatin1(base + "/slow"));
        req.timeout = std::chrono::milliseconds(1000);
        const HttpResponse r = send(req);
        QCOMPARE(r.failure, HttpResponse::Failure::Timeout);
        QVERIFY(r.errorString.contains(QStringLiteral("1 second")));
    }

    void redirectsToAnotherOriginAreNotFollowed()
    {
        RawHttpServer other;
        const QByteArray otherBase = other.start();
        other.respond("/steal", 200, "{}");
        RawHttpServer server;
        const QByteArray base = server.start();
        server.respond("/go", 302, "", "text/plain", "Location: " + otherBase + "/steal\r\n");
        HttpRequest req;
        req.url = QUrl(QString::fromLatin1(base + "/go"));
        req.headers.append({QByteArrayLiteral("Authorization"), QByteArrayLiteral("Basic c2VjcmV0")});
        send(req);
        QVERIFY(other.requests.isEmpty()); // credentials never reached the other host
    }

    void tlsErrorsFailTheRequest()
    {
        // A server that answers the TLS handshake with plain text: the request must fail as TLS.
        RawHttpServer server;
        server.answerEverythingWithGarbage();
        QByteArray base = server.start();
        base.replace("http://", "https://");
        HttpRequest req;
        req.url = QUrl(QString::fromLatin1(base + "/"));
        req.timeout = std::chrono::milliseconds(5000);
        const HttpResponse r = send(req);
        QVERIFY(!r.transportOk());
        QCOMPARE(r.status, 0);
        QCOMPARE(r.failure, HttpResponse::Failure::Tls);
        QVERIFY(!r.errorString.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestHttpClient)
#include "tst_httpclient.moc"

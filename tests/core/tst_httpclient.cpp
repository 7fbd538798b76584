#include "../support/RawHttpServer.h"
#include "net/HttpClient.h"

#include <QElapsedTimer>
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
        req.retry.maxAttempts = 1;
        const HttpResponse r = send(req);
        QVERIFY(r.transportOk());
        QVERIFY(!r.isSuccess());
        QCOMPARE(r.status, 503);
        QCOMPARE(r.attempts, 1);
    }

    static HttpRequest fast(const QByteArray &url, const QByteArray &method = "GET")
    {
        HttpRequest req;
        req.method = method;
        req.url = QUrl(QString::fromLatin1(url));
        req.retry.baseDelay = std::chrono::milliseconds(20);
        return req;
    }

    void tooManyRequestsIsRetriedAfterTheAskedWait()
    {
        RawHttpServer server;
        const QByteArray base = server.start();
        server.respondOnce("/limited", 429, R"({"message":"slow down"})", "Retry-After: 1\r\n");
        server.respond("/limited", 200, R"({"ok":true})");
        QElapsedTimer clock;
        clock.start();
        // Even a POST: a 429 means the server did not process it.
        const HttpResponse r = send(fast(base + "/limited", "POST"));
        QVERIFY(r.isSuccess());
        QCOMPARE(r.attempts, 2);
        QVERIFY2(clock.elapsed() >= 950, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(server.requests.size(), 2);
        QCOMPARE(server.requests.at(0).headers.value("x-request-id"), server.requests.at(1).headers.value("x-request-id"));
    }

    void serverErrorsOfIdempotentRequestsAreRetriedWithBackoff()
    {
        RawHttpServer server;
        const QByteArray base = server.start();
        server.respondOnce("/flaky", 503, "{}");
        server.respondOnce("/flaky", 502, "{}");
        server.respond("/flaky", 200, "{}");
        const HttpResponse r = send(fast(base + "/flaky"));
        QVERIFY(r.isSuccess());
        QCOMPARE(r.attempts, 3);
    }

    void serverErrorsOfAPostAreNotRetried()
    {
        RawHttpServer server;
        const QByteArray base = server.start();
        server.respondOnce("/create", 500, "{}");
        server.respond("/create", 200, "{}");
        HttpRequest req = fast(base + "/create", "POST");
        const HttpResponse r = send(req);
        QCOMPARE(r.status, 500);
        QCOMPARE(r.attempts, 1);
        QCOMPARE(server.requests.size(), 1); // it may have been applied: never sent twice

        req.idempotent = true; // the caller knows better (operations keyed by id)
        server.respondOnce("/create", 500, "{}");
        QCOMPARE(send(req).attempts, 2);
    }

    void retriesStopAfterTheLastAttempt()
    {
        RawHttpServer server;
        const QByteArray base = server.start();
        server.respond("/down", 500, R"({"code":"still"})");
        const HttpResponse r = send(fast(base + "/down"));
        QCOMPARE(r.status, 500);
        QCOMPARE(r.attempts, 3);
        QCOMPARE(server.requests.size(), 3);
    }

    void aRetryAfterLongerThanTheCapIsReturnedNotWaitedFor()
    {
        RawHttpServer server;
        const QByteArray base = server.start();
        server.respond("/later", 429, "{}", "application/json", "Retry-After: 3600\r\n");
        QElapsedTimer clock;
        clock.start();
        const HttpResponse r = send(fast(base + "/later"));
        QCOMPARE(r.status, 429);
        QCOMPARE(r.attempts, 1);
        QVERIFY(clock.elapsed() < 2000);
        QCOMPARE(r.retryAfter(QDateTime::currentDateTimeUtc()), std::optional<std::chrono::milliseconds>(3600000));
    }

    void retryAfterAsAnHttpDate()
    {
        HttpResponse r;
        r.headers.append({QByteArrayLiteral("Retry-After"), QByteArrayLiteral("Sun, 06 Nov 1994 08:49:37 GMT")});
        const QDateTime now(QDate(1994, 11, 6), QTime(8, 49, 30), Qt::UTC);
        QCOMPARE(r.retryAfter(now), std::optional<std::chrono::milliseconds>(7000));
        r.headers = {{QByteArrayLiteral("Retry-After"), QByteArrayLiteral("soon")}};
        QCOMPARE(r.retryAfter(now), std::nullopt);
    }

    void tlsFailuresAreNeverRetried()
    {
        HttpRequest req;
        HttpResponse failed;
        failed.failure = HttpResponse::Failure::Tls;
        QCOMPARE(retryDelay(req, failed, 1, QDateTime::currentDateTimeUtc()), std::nullopt);
        failed.failure = HttpResponse::Failure::Timeout;
        QVERIFY(retryDelay(req, failed, 1, QDateTime::currentDateTimeUtc()).has_value());
        req.method = "POST";
        QCOMPARE(retryDelay(req, failed, 1, QDateTime::currentDateTimeUtc()), std::nullopt);
    }

    void refusedConnectionIsANetworkFailure()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close(); // nothing listens there now
        HttpRequest req;
        req.url = QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(port));
        req.retry.maxAttempts = 1;
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
        req.retry.maxAttempts = 1;
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

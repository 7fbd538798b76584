#include "../support/RawHttpServer.h"
#include "site/CompanionClient.h"

#include <QFile>
#include <QJsonObject>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTest>

#include <optional>

using namespace workos;

namespace {
const QByteArray kStatus = R"({"plugin":{"version":"9.9.9","schema_version":3,"schema_version_expected":3},
 "wordpress":{"version":"6.1.9","multisite":false},"php":{"version":"8.2.0"},
 "environment":{"active":"staging","source":"default"},"enabled":false,"login_mode":"redirect",
 "environments":{"staging":{"enabled":false,"settings":{}}}})";
}

class TestCompanionClient : public QObject
{
    Q_OBJECT
private:
    HttpClient m_http;

    Result<SiteStatus> status(const QByteArray &base, const QString &password = QStringLiteral("pw"))
    {
        CompanionClient client(m_http, QUrl(QString::fromLatin1(base)), QStringLiteral("admin"), password);
        std::optional<Result<SiteStatus>> result;
        client.getStatus(this, [&](const Result<SiteStatus> &r) { result = r; });
        if (!QTest::qWaitFor([&]() { return result.has_value(); }, 10000))
            return Error{QStringLiteral("timed out"), QStringLiteral("timeout")};
        return *result;
    }

private Q_SLOTS:
    void buildsRouteUrlsUnderTheSitePath()
    {
        QCOMPARE(CompanionClient::routeUrl(QUrl(QStringLiteral("https://example.com")), QStringLiteral("admin/status")),
                 QUrl(QStringLiteral("https://example.com/wp-json/workos/v1/admin/status")));
        QCOMPARE(CompanionClient::routeUrl(QUrl(QStringLiteral("https://example.com/blog/")), QStringLiteral("admin/status")),
                 QUrl(QStringLiteral("https://example.com/blog/wp-json/workos/v1/admin/status")));
    }

    void sendsBasicAuthAndParsesStatus()
    {
        RawHttpServer server;
        const QByteArray base = server.start();
        server.respond("/wp-json/workos/v1/admin/status", 200, kStatus);
        const auto r = status(base, QStringLiteral("abcd efgh"));
        QVERIFY2(r.ok(), qPrintable(r.error().message));
        QCOMPARE(r->pluginVersion, QStringLiteral("9.9.9"));
        QCOMPARE(r->activeEnvironment, QStringLiteral("staging"));
        QCOMPARE(server.requests.first().headers.value("authorization"),
                 "Basic " + QByteArray("admin:abcd efgh").toBase64());
    }

    void explainsEachKindOfRefusal_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("phrase");
        QTest::newRow("401") << 401 << QByteArray(R"({"code":"incorrect_password","message":"x","data":{"status":401}})")
                             << QByteArray("application/json") << QStringLiteral("incorrect_password")
                             << QStringLiteral("refused the Application Password of user “admin”");
        QTest::newRow("403") << 403 << QByteArray(R"({"code":"workos_forbidden","message":"x"})")
                             << QByteArray("application/json") << QStringLiteral("workos_forbidden")
                             << QStringLiteral("manage_options");
        QTest::newRow("no plugin") << 404 << QByteArray(R"({"code":"rest_no_route","message":"No route"})")
                                   << QByteArray("application/json") << QStringLiteral("rest_no_route")
                                   << QStringLiteral("Companion plugin is not active");
        QTest::newRow("not wordpress") << 404 << QByteArray("<html>nope</html>") << QByteArray("text/html")
                                       << QStringLiteral("not_wordpress") << QStringLiteral("not the WordPress REST API");
        QTest::newRow("server error") << 500 << QByteArray(R"({"code":"internal_server_error","message":"Critical error"})")
                                      << QByteArray("application/json") << QStringLiteral("internal_server_error")
                                      << QStringLiteral("HTTP 500: Critical error");
        QTest::newRow("html 200") << 200 << QByteArray("<html>cached page</html>") << QByteArray("text/html")
                                  << QStringLiteral("bad_json") << QStringLiteral("not JSON");
        QTest::newRow("old companion") << 200 << QByteArray(R"({"hello":1})") << QByteArray("application/json")
                                       << QStringLiteral("bad_status") << QStringLiteral("no plugin version");
    }

    void explainsEachKindOfRefusal()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, contentType);
        QFETCH(QString, code);
        QFETCH(QString, phrase);
        RawHttpServer server;
        const QByteArray base = server.start();
        server.respond("/wp-json/workos/v1/admin/status", status, body, contentType);
        const auto r = this->status(base);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, code);
        QVERIFY2(r.error().message.contains(phrase), qPrintable(r.error().message));
        QVERIFY(!r.error().message.contains(QStringLiteral("pw")) || phrase.contains(QStringLiteral("pw")));
    }

    // A refusal keeps what it names (data.setting, data.params…), so a form can point at the field.
    void refusalsKeepWhatTheyName()
    {
        RawHttpServer server;
        const QByteArray base = server.start();
        server.respond("/wp-json/workos/v1/admin/settings", 409,
                       "{\"code\":\"workos_setting_locked\",\"message\":\"client_id is set by the constant WORKOS_CLIENT_ID.\","
                       "\"data\":{\"status\":409,\"setting\":\"client_id\",\"constant\":\"WORKOS_CLIENT_ID\"}}");
        CompanionClient client(m_http, QUrl(QString::fromLatin1(base)), QStringLiteral("admin"), QStringLiteral("pw"));
        std::optional<Result<QJsonObject>> result;
        client.call("PATCH", QStringLiteral("admin/settings"), "{}", this, [&](const Result<QJsonObject> &r) { result = r; });
        QTRY_VERIFY(result.has_value());
        QVERIFY(!result->ok());
        QCOMPARE(result->error().code, QStringLiteral("workos_setting_locked"));
        QCOMPARE(result->error().httpStatus, 409);
        QCOMPARE(result->error().data.value(u"setting").toString(), QStringLiteral("client_id"));
        QCOMPARE(result->error().data.value(u"constant").toString(), QStringLiteral("WORKOS_CLIENT_ID"));
    }

    void unreachableSiteNamesTheUrl()
    {
        const auto r = status("http://127.0.0.1:1");
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("unreachable"));
        QVERIFY2(r.error().message.startsWith(QStringLiteral("Cannot reach http://127.0.0.1:1")),
                 qPrintable(r.error().message));
    }

    // An https site whose certificate nobody vouches for (self-signed, as a default install or a
    // man in the middle would present): refused with the reason and advice, never accepted.
    // data/selfsigned.*: a throw-away certificate for 127.0.0.1 made for this test, not a secret.
    void selfSignedCertificateIsRefused()
    {
        QFile certFile(QFINDTESTDATA("data/selfsigned.crt"));
        QFile keyFile(QFINDTESTDATA("data/selfsigned.key"));
        QVERIFY(certFile.open(QIODevice::ReadOnly) && keyFile.open(QIODevice::ReadOnly));
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificate(QSslCertificate(certFile.readAll(), QSsl::Pem));
        tls.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa, QSsl::Pem));
        QSslServer server;
        server.setSslConfiguration(tls);
        int answered = 0;
        connect(&server, &QTcpServer::pendingConnectionAvailable, this, [&]() {
            while (QTcpSocket *socket = server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [&answered, socket]() {
                    ++answered; // a request got through the handshake: it must never happen
                    socket->write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
                    socket->disconnectFromHost();
                });
            }
        });
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        const auto r = status("https://127.0.0.1:" + QByteArray::number(server.serverPort()));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("tls"));
        QVERIFY2(r.error().message.contains(QStringLiteral("self-signed"), Qt::CaseInsensitive), qPrintable(r.error().message));
        QVERIFY(r.error().message.contains(QStringLiteral("never ignores TLS errors")));
        QCOMPARE(answered, 0);
    }
};

QTEST_GUILESS_MAIN(TestCompanionClient)
#include "tst_companionclient.moc"

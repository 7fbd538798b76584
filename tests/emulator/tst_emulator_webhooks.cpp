// Signed webhook delivery: the signature scheme against workos-api.md's test vector, delivery
// to a real HTTP receiver, retries with backoff, the delivery log.
#include "../support/RawHttpServer.h"
#include "EmulatorFixture.h"
#include "events/Signature.h"
#include "events/WebhookDispatcher.h"

#include <QDateTime>
#include <QRegularExpression>

class TestEmulatorWebhooks : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void signatureMatchesTheSpecTestVector()
    {
        const QByteArray body = R"({"id":"event_01JGZ7Y3M8S6W9QF0T2V4X5B7C","event":"user.created","data":{"object":"user","id":"user_01JGZ7Y3M8S6W9QF0T2V4X5B7D","email":"ada@example.com"},"created_at":"2026-01-01T00:00:00.000Z"})";
        QCOMPARE(body.size(), 194);
        QCOMPARE(emu::webhookSignature("whsec_test_emulator_secret", body, 1767225600000),
                 QByteArray("t=1767225600000, v1=e5fb5b9200c21e7b4beb99d4388073a58e42beabb0ba48c49f5247dfebfece08"));
    }

    void deliversSignedEventsToEndpoints()
    {
        RawHttpServer receiver;
        const QByteArray url = receiver.start();
        receiver.respond("/hook", 200, "{}");
        EmulatorFixture f;
        const Answer registered = f.call("POST", QStringLiteral("/_emulator/webhooks"),
                                         {{QStringLiteral("url"), QString::fromLatin1(url + "/hook")}, {QStringLiteral("secret"), QStringLiteral("whsec_abc")}});
        QCOMPARE(registered.status, 201);
        QVERIFY(!registered.json.contains(QLatin1String("secret")));
        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        QCOMPARE(f.call("POST", QStringLiteral("/user_management/users"), {{QStringLiteral("email"), QStringLiteral("hook@x.test")}}).status, 201);
        QTRY_COMPARE_WITH_TIMEOUT(receiver.requests.size(), 1, 5000);

        const auto &got = receiver.requests.first();
        QCOMPARE(got.method, QByteArray("POST"));
        QVERIFY(got.headers.value("content-type").startsWith("application/json"));
        const QJsonObject event = QJsonDocument::fromJson(got.body).object();
        QCOMPARE(event.value(QLatin1String("event")).toString(), QStringLiteral("user.created"));
        QCOMPARE(event.value(QLatin1String("object")).toString(), QStringLiteral("event"));
        QCOMPARE(event.value(QLatin1String("data")).toObject().value(QLatin1String("email")).toString(), QStringLiteral("hook@x.test"));
        // The same event is listed by the Events API under the same id.
        QCOMPARE(f.emulator->store().events.select().first().value(QLatin1String("id")), event.value(QLatin1String("id")));

        const QByteArray header = got.headers.value("workos-signature");
        const auto m = QRegularExpression(QStringLiteral("^t=(\\d{13}), v1=([0-9a-f]{64})$")).match(QString::fromLatin1(header));
        QVERIFY2(m.hasMatch(), header.constData());
        const qint64 t = m.captured(1).toLongLong();
        QVERIFY(t >= before && t <= QDateTime::currentMSecsSinceEpoch());
        QCOMPARE(emu::webhookSignature("whsec_abc", got.body, t), header); // signed over the raw body

        QTRY_COMPARE(f.call("GET", QStringLiteral("/_emulator/webhooks/deliveries")).data.first().toObject().value(QLatin1String("state")).toString(),
                     QStringLiteral("delivered"));
    }

    void retriesFailuresWithBackoffThenGivesUp()
    {
        RawHttpServer receiver;
        const QByteArray url = receiver.start();
        receiver.respond("/down", 500, "{}");
        EmulatorFixture f;
        f.call("POST", QStringLiteral("/_emulator/webhooks"),
               {{QStringLiteral("url"), QString::fromLatin1(url + "/down")}, {QStringLiteral("secret"), QStringLiteral("s")}});
        f.call("POST", QStringLiteral("/organizations"), {{QStringLiteral("name"), QStringLiteral("Retry Inc")}});
        // Five attempts with 50, 100, 200, 400 ms between them.
        QTRY_COMPARE_WITH_TIMEOUT(receiver.requests.size(), 5, 10000);
        const QJsonObject delivery = f.call("GET", QStringLiteral("/_emulator/webhooks/deliveries")).data.first().toObject();
        QTRY_COMPARE(f.call("GET", QStringLiteral("/_emulator/webhooks/deliveries")).data.first().toObject().value(QLatin1String("state")).toString(),
                     QStringLiteral("failed"));
        QCOMPARE(f.call("GET", QStringLiteral("/_emulator/webhooks/deliveries")).data.first().toObject().value(QLatin1String("attempts")).toArray().size(), 5);
        // Every retry carries the same event id and body.
        for (const auto &r : receiver.requests)
            QCOMPARE(r.body, receiver.requests.first().body);
        QTest::qWait(600);
        QCOMPARE(receiver.requests.size(), 5); // gave up
        Q_UNUSED(delivery)
    }

    void recoversWhenTheReceiverComesBack()
    {
        RawHttpServer receiver;
        const QByteArray url = receiver.start();
        EmulatorFixture f;
        f.emulator->config().webhookBackoffMs = 200;
        f.call("POST", QStringLiteral("/_emulator/webhooks"),
               {{QStringLiteral("url"), QString::fromLatin1(url + "/flaky")}, {QStringLiteral("secret"), QStringLiteral("s")}});
        receiver.respond("/flaky", 503, "{}");
        f.call("POST", QStringLiteral("/organizations"), {{QStringLiteral("name"), QStringLiteral("Flaky Inc")}});
        QTRY_COMPARE_WITH_TIMEOUT(receiver.requests.size(), 1, 5000);
        receiver.respond("/flaky", 204, "");
        QTRY_COMPARE_WITH_TIMEOUT(f.call("GET", QStringLiteral("/_emulator/webhooks/deliveries")).data.first().toObject().value(QLatin1String("state")).toString(),
                                  QStringLiteral("delivered"), 5000);
        QCOMPARE(receiver.requests.size(), 2);
    }

    void filtersByEventTypeAndSurvivesUnreachableEndpoints()
    {
        EmulatorFixture f;
        f.emulator->config().webhookMaxAttempts = 2;
        RawHttpServer receiver;
        const QByteArray url = receiver.start();
        receiver.respond("/orgs", 200, "{}");
        f.call("POST", QStringLiteral("/_emulator/webhooks"),
               {{QStringLiteral("url"), QString::fromLatin1(url + "/orgs")}, {QStringLiteral("secret"), QStringLiteral("s")},
                {QStringLiteral("events"), QJsonArray{QStringLiteral("organization.created")}}});
        f.call("POST", QStringLiteral("/_emulator/webhooks"), {{QStringLiteral("url"), QStringLiteral("http://127.0.0.1:1/nothing")}, {QStringLiteral("secret"), QStringLiteral("s")}});
        f.call("POST", QStringLiteral("/user_management/users"), {{QStringLiteral("email"), QStringLiteral("quiet@x.test")}});
        f.call("POST", QStringLiteral("/organizations"), {{QStringLiteral("name"), QStringLiteral("Loud")}});
        QTRY_COMPARE_WITH_TIMEOUT(receiver.requests.size(), 1, 5000);
        QCOMPARE(QJsonDocument::fromJson(receiver.requests.first().body).object().value(QLatin1String("event")).toString(),
                 QStringLiteral("organization.created"));
        QTRY_COMPARE_WITH_TIMEOUT(f.emulator->webhooks().pending(), 0, 5000);
        QCOMPARE(f.call("GET", QStringLiteral("/organizations")).status, 200); // still serving
    }
};

QTEST_GUILESS_MAIN(TestEmulatorWebhooks)
#include "tst_emulator_webhooks.moc"

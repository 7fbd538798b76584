// Garbage on the wire: random bytes, truncated and huge headers, lying Content-Length, abrupt
// disconnects. For a bounded time; then the emulator must still answer a normal request.
#include "EmulatorFixture.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTcpSocket>

class TestEmulatorRobustness : public QObject
{
    Q_OBJECT
private:
    static void sendAndDrop(quint16 port, const QByteArray &bytes, int waitMs)
    {
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, port);
        if (!s.waitForConnected(2000))
            return;
        s.write(bytes);
        s.waitForBytesWritten(1000);
        s.waitForReadyRead(waitMs); // an answer or nothing; either is fine, a crash is not
        s.abort();
    }

private Q_SLOTS:
    void survivesGarbageAndKeepsAnswering()
    {
        EmulatorFixture f;
        const quint16 port = static_cast<quint16>(QUrl(f.emulator->baseUrl()).port());
        QRandomGenerator rng(20261126);
        QElapsedTimer t;
        t.start();
        int sent = 0;
        while (t.elapsed() < 4000) {
            QByteArray garbage(static_cast<int>(rng.bounded(1, 4096)), '\0');
            for (char &c : garbage)
                c = static_cast<char>(rng.bounded(256));
            const QList<QByteArray> cases{
                garbage,
                "GET /user_management/users HTTP/1.1\r\nHost: x\r\nAuthori",               // truncated headers
                "GET / HTTP/1.1\r\nX-Big: " + QByteArray(200 * 1024, 'a') + "\r\n\r\n",    // huge header
                "POST /organizations HTTP/1.1\r\nContent-Length: 999999\r\n\r\n{\"name\":", // body never comes
                "POST /organizations HTTP/1.1\r\nContent-Length: -5\r\n\r\n",
                "\r\n\r\n\r\n",
                "GET /" + QByteArray(70000, 'p') + " HTTP/1.1\r\n\r\n",                     // huge request line
            };
            for (const QByteArray &c : cases) {
                sendAndDrop(port, c, 20);
                ++sent;
                QCoreApplication::processEvents();
            }
        }
        QVERIFY(sent > 50);
        // Still alive and correct.
        const Answer a = f.call("GET", QStringLiteral("/organizations?limit=1"));
        QCOMPARE(a.status, 200);
        QCOMPARE(a.data.size(), 1);
        QCOMPARE(f.emulator->store().organizations.size(), 2); // nothing half-created
    }
};

QTEST_GUILESS_MAIN(TestEmulatorRobustness)
#include "tst_emulator_robustness.moc"

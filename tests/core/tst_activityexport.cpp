// Activity export, shared by `wpworkos activity export` and the console: streamed a page at a time,
// yet byte for byte what formatting the whole list at once gives (CSV through the list's table,
// JSON as QJsonDocument indents it); the filter and its limit apply; a cancel leaves no file.
#include "activity/ActivityExport.h"
#include "output/Formatter.h"

#include <QBuffer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace workos;

class TestActivityExport : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<ActivityCache> m_cache;
    static constexpr int kEvents = 12345; // more than two export pages

    static QJsonObject item(int id)
    {
        QJsonObject metadata;
        if (id % 3 == 1)
            metadata = {{QStringLiteral("outcome"), QStringLiteral("applied")},
                        {QStringLiteral("object_ids"), QJsonObject{{QStringLiteral("user"), QStringLiteral("user_%1").arg(id)}}},
                        {QStringLiteral("note"), QStringLiteral("comma, \"quote\"\nnew line, Zoë")}};
        return {{QStringLiteral("id"), id}, {QStringLiteral("event_type"), id % 2 ? QStringLiteral("login") : QStringLiteral("webhook_applied")},
                {QStringLiteral("user_id"), id % 5}, {QStringLiteral("user_email"), id % 5 ? QStringLiteral("u%1@acme.test").arg(id % 5) : QString()},
                {QStringLiteral("workos_user_id"), QString()}, {QStringLiteral("ip_address"), QStringLiteral("203.0.113.9")},
                {QStringLiteral("user_agent"), QStringLiteral("Firefox")}, {QStringLiteral("metadata"), metadata},
                {QStringLiteral("created_at"), QDateTime(QDate(2026, 11, 1), QTime(0, 0), Qt::UTC).addSecs(id * 60).toString(Qt::ISODate)}};
    }

    QList<ActivityEvent> all(ActivityFilter f) const
    {
        f.limit = 1000000;
        f.newestFirst = false;
        return m_cache->query(f).value();
    }

    static QByteArray exported(const ActivityCache &cache, const ActivityFilter &f, ActivityExportFormat format)
    {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        const Result<qint64> written = exportActivity(cache, f, format, buffer);
        if (!written)
            qFatal("%s", qPrintable(written.error().message));
        return buffer.data();
    }

    static ActivityFilter everything()
    {
        ActivityFilter f;
        f.limit = 0;
        return f;
    }

    static QByteArray wholeJson(const QList<ActivityEvent> &events)
    {
        QJsonArray array;
        for (const ActivityEvent &e : events)
            array.append(e.toJson());
        return QJsonDocument(array).toJson(QJsonDocument::Indented);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_cache = std::make_unique<ActivityCache>(m_dir.filePath(QStringLiteral("site.sqlite")));
        QVERIFY(m_cache->open().ok());
        QJsonArray items;
        for (int id = 1; id <= kEvents; ++id)
            items.append(item(id));
        QCOMPARE(m_cache->store(items).value(), kEvents);
    }

    void streamsWhatTheWholeListFormatsTo_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("user");
        QTest::addColumn<int>("limit");
        QTest::newRow("everything") << QString() << QString() << 0;
        QTest::newRow("one type") << QStringLiteral("login") << QString() << 0;
        QTest::newRow("one user") << QString() << QStringLiteral("3") << 0;
        QTest::newRow("limit") << QString() << QString() << 7000;
        QTest::newRow("nothing") << QStringLiteral("no_such_type") << QString() << 0;
    }

    void streamsWhatTheWholeListFormatsTo()
    {
        QFETCH(QString, type);
        QFETCH(QString, user);
        QFETCH(int, limit);
        ActivityFilter f;
        f.eventType = type;
        f.user = user;
        f.limit = limit;
        QList<ActivityEvent> events = all(f);
        if (limit > 0)
            events = events.mid(0, limit);
        QCOMPARE(exported(*m_cache, f, ActivityExportFormat::Csv), formatTable(activityTable(events), OutputFormat::Csv).toUtf8());
        const QByteArray json = exported(*m_cache, f, ActivityExportFormat::Json);
        QCOMPARE(json, wholeJson(events));
        QCOMPARE(QJsonDocument::fromJson(json).array().size(), events.size());
    }

    void reportsProgressAndCancels()
    {
        QList<qint64> progress;
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QCOMPARE(exportActivity(*m_cache, everything(), ActivityExportFormat::Csv, buffer, [&](qint64 n) { progress << n; return true; }).value(), kEvents);
        QCOMPARE(progress, (QList<qint64>{5000, 10000, 12345}));

        const QString path = m_dir.filePath(QStringLiteral("out.json"));
        {
            QFile before(path);
            QVERIFY(before.open(QIODevice::WriteOnly));
            before.write("previous export");
        }
        const Result<qint64> cancelled = exportActivityToFile(*m_cache, everything(), ActivityExportFormat::Json, path, [](qint64 n) { return n < 5000; });
        QVERIFY(!cancelled.ok());
        QCOMPARE(cancelled.error().code, QStringLiteral("cancelled"));
        QFile after(path);
        QVERIFY(after.open(QIODevice::ReadOnly));
        QCOMPARE(after.readAll(), QByteArray("previous export")); // a cancelled export replaces nothing
        after.close();

        QCOMPARE(exportActivityToFile(*m_cache, everything(), ActivityExportFormat::Json, path).value(), kEvents);
        QVERIFY(after.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(after.readAll()).array().size(), kEvents);

        const Result<qint64> unwritable = exportActivityToFile(*m_cache, everything(), ActivityExportFormat::Csv, m_dir.filePath(QStringLiteral("no/such/dir/x.csv")));
        QVERIFY(!unwritable.ok());
        QVERIFY2(unwritable.error().message.contains(QStringLiteral("Cannot write")), qPrintable(unwritable.error().message));
    }
};

QTEST_GUILESS_MAIN(TestActivityExport)
#include "tst_activityexport.moc"

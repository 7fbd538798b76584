// The console's view of the activity cache: the lazily fetching table model (Qt's model tester
// watching), its background count, the worker thread that keeps SQLite work off the caller's
// thread, and the pull that stores pages there (a fake companion feed).
#include "../support/RawHttpServer.h"
#include "activity/ActivityPull.h"
#include "activity/ActivityTableModel.h"
#include "activity/ActivityWorker.h"
#include "net/HttpClient.h"

#include <QAbstractItemModelTester>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace workos;

namespace {

QJsonArray events(int from, int to)
{
    QJsonArray items;
    for (int id = from; id <= to; ++id) {
        items.append(QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("event_type"), id % 4 ? QStringLiteral("login") : QStringLiteral("login_failed")},
                                 {QStringLiteral("user_id"), id % 9}, {QStringLiteral("user_email"), QStringLiteral("u%1@acme.test").arg(id % 9)},
                                 {QStringLiteral("ip_address"), QStringLiteral("203.0.113.%1").arg(id % 200)},
                                 {QStringLiteral("user_agent"), QStringLiteral("Mozilla/5.0 Firefox/133.0")},
                                 {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("method"), id % 2 ? QStringLiteral("authkit") : QStringLiteral("headless")}}},
                                 {QStringLiteral("created_at"), QDateTime(QDate(2026, 11, 20), QTime(0, 0), Qt::UTC).addSecs(id * 60).toString(Qt::ISODate)}});
    }
    return items;
}

QByteArray page(const QJsonArray &items, bool more)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("items"), items}, {QStringLiteral("has_more"), more},
                                     {QStringLiteral("next_after_id"), items.isEmpty() ? QJsonValue(0) : items.last()[QStringLiteral("id")]}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

class TestActivityModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fetchesPagesLazilyAndCountsInTheBackground()
    {
        QTemporaryDir dir;
        ActivityCache cache(dir.filePath(QStringLiteral("site.sqlite")));
        QVERIFY(cache.open().ok());
        QCOMPARE(cache.store(events(1, 1000)).value(), 1000);

        // Qt's model tester watches a second model through the same steps (it fetches on its own,
        // so the page counts are checked on the first).
        ActivityTableModel model;
        ActivityTableModel watched;
        QAbstractItemModelTester tester(&watched, QAbstractItemModelTester::FailureReportingMode::QtTest);
        watched.setCache(&cache);
        watched.setPageSize(100);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.canFetchMore({}));
        model.setCache(&cache);
        model.setPageSize(100);
        QSignalSpy totals(&model, &ActivityTableModel::totalChanged);
        QVERIFY(model.setFilter({}).ok());
        QVERIFY(watched.setFilter({}).ok());
        QCOMPARE(model.rowCount(), 100);
        QCOMPARE(model.columnCount(), int(ActivityTableModel::ColumnCount));
        QCOMPARE(model.event(0).id, 1000); // newest first
        QCOMPARE(model.total(), -1);       // being counted
        QTRY_COMPARE(model.total(), 1000);
        QVERIFY(model.canFetchMore({}));
        model.fetchMore({});
        QCOMPARE(model.rowCount(), 200);
        QCOMPARE(model.event(199).id, 801);
        while (model.canFetchMore({}))
            model.fetchMore({});
        while (watched.canFetchMore({}))
            watched.fetchMore({});
        QCOMPARE(model.rowCount(), 1000);
        QCOMPARE(watched.rowCount(), 1000);
        QCOMPARE(model.event(999).id, 1);

        // What a row shows.
        const QModelIndex first = model.index(0, ActivityTableModel::TimeColumn);
        QCOMPARE(first.data().toString(), QStringLiteral("2026-11-20 16:40:00"));
        QCOMPARE(model.index(0, ActivityTableModel::TypeColumn).data().toString(), QStringLiteral("login_failed"));
        QCOMPARE(model.index(0, ActivityTableModel::UserColumn).data().toString(), QStringLiteral("u1@acme.test"));
        QCOMPARE(model.index(0, ActivityTableModel::DetailsColumn).data().toString(), QStringLiteral("method: headless"));
        QVERIFY(first.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Firefox/133.0")));
        QCOMPARE(first.data(ActivityTableModel::EventIdRole).toLongLong(), 1000);
        QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("Time (UTC)"));

        // A filter: its first page at once, the count follows; a small result needs no count.
        ActivityFilter failed;
        failed.eventType = QStringLiteral("login_failed");
        QVERIFY(model.setFilter(failed).ok());
        QVERIFY(watched.setFilter(failed).ok());
        QCOMPARE(model.rowCount(), 100);
        QTRY_COMPARE(model.total(), 250);
        failed.user = QStringLiteral("u4@acme.test");
        QVERIFY(model.setFilter(failed).ok());
        QCOMPARE(model.total(), cache.count(failed).value()); // all on the first page
        QVERIFY(!model.canFetchMore({}));
        // Filters changing faster than counts: only the last one's count is reported.
        for (const char *user : {"1", "2", "3"}) {
            ActivityFilter f;
            f.user = QString::fromLatin1(user);
            model.setPageSize(10);
            QVERIFY(model.setFilter(f).ok());
        }
        ActivityFilter three;
        three.user = QStringLiteral("3");
        QTRY_COMPARE(model.total(), cache.count(three).value());
        QTest::qWait(50);
        QCOMPARE(model.total(), cache.count(three).value());
        QVERIFY(totals.count() > 0);

        // A filter that cannot select anything: empty, with the reason.
        ActivityFilter backwards;
        backwards.from = QDateTime(QDate(2026, 11, 22), QTime(0, 0), Qt::UTC);
        backwards.to = QDateTime(QDate(2026, 11, 21), QTime(0, 0), Qt::UTC);
        const Result<void> applied = model.setFilter(backwards);
        QVERIFY(!watched.setFilter(backwards).ok());
        QVERIFY(!applied.ok());
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.lastError(), applied.error().message);

        // New events (a pull) appear on reload.
        QVERIFY(model.setFilter({}).ok());
        QVERIFY(watched.setFilter({}).ok());
        cache.store(events(1001, 1005));
        QVERIFY(model.reload().ok());
        QVERIFY(watched.reload().ok());
        QCOMPARE(model.event(0).id, 1005);
        model.setCache(nullptr);
        watched.setCache(nullptr);
        QCOMPARE(model.rowCount(), 0);
    }

    void theWorkerRunsJobsOffTheCallersThread()
    {
        QTemporaryDir dir;
        ActivityCache cache(dir.filePath(QStringLiteral("site.sqlite")));
        QVERIFY(cache.open().ok());
        cache.store(events(1, 50));
        ActivityWorker worker(cache.path());
        QThread *jobThread = nullptr;
        QThread *doneThread = nullptr;
        std::optional<Result<qint64>> result;
        worker.run<qint64>(this, [&](ActivityCache &own) {
            jobThread = QThread::currentThread();
            return Result<qint64>(own.count());
        }, [&](const Result<qint64> &counted) {
            doneThread = QThread::currentThread();
            result = counted;
        });
        QTRY_VERIFY(result.has_value());
        QCOMPARE(result->value(), 50);
        QVERIFY(jobThread != QThread::currentThread());
        QCOMPARE(doneThread, QThread::currentThread());

        // A job whose asker is gone: it runs, nobody is called.
        auto *gone = new QObject;
        bool called = false;
        worker.run<int>(gone, [](ActivityCache &) { QThread::msleep(50); return Result<int>(1); }, [&](const Result<int> &) { called = true; });
        delete gone;
        std::optional<Result<int>> after;
        worker.run<int>(this, [](ActivityCache &) { return Result<int>(2); }, [&](const Result<int> &r) { after = r; });
        QTRY_VERIFY(after.has_value());
        QVERIFY(!called);
    }

    void pullsWithTheStoringOnTheWorker()
    {
        RawHttpServer server;
        const QByteArray base = server.start();
        const QByteArray route = "/wp-json/workos/v1/admin/activity";
        server.respondOnce(route, 200, page(events(1, 3), true));
        server.respondOnce(route, 200, page(events(4, 5), false));
        QTemporaryDir dir;
        ActivityCache cache(dir.filePath(QStringLiteral("site.sqlite")));
        QVERIFY(cache.open().ok());
        HttpClient http;
        auto client = std::make_shared<CompanionClient>(http, QUrl(QString::fromLatin1(base)), QStringLiteral("admin"), QStringLiteral("pw"));

        ActivityPull pull(cache.path(), client);
        QList<qint64> progress;
        std::optional<std::pair<Result<qint64>, bool>> done;
        pull.start(cache.lastId(), [&](qint64 n) { progress << n; }, [&](const Result<qint64> &r, bool complete) { done.emplace(r, complete); });
        QTRY_VERIFY_WITH_TIMEOUT(done.has_value(), 10000);
        QVERIFY2(done->first.ok(), qPrintable(done->first.ok() ? QString() : done->first.error().message));
        QCOMPARE(done->first.value(), 5);
        QVERIFY(done->second);
        QCOMPARE(progress, (QList<qint64>{3, 5}));
        QCOMPARE(cache.count(), 5); // the caller's connection sees what the worker stored
        QVERIFY(cache.lastPullAt().isValid());

        // Cancelled after the first page: that page stays, "as of" does not move.
        cache.setLastPullAt(QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC));
        server.respondOnce(route, 200, page(events(6, 8), true));
        ActivityPull second(cache.path(), client);
        done.reset();
        second.start(cache.lastId(), [&](qint64) { second.cancel(); }, [&](const Result<qint64> &r, bool complete) { done.emplace(r, complete); });
        QTRY_VERIFY_WITH_TIMEOUT(done.has_value(), 10000);
        QCOMPARE(done->first.value(), 3);
        QVERIFY(!done->second);
        QVERIFY(server.requests.last().path.contains("after_id=5"));
        QCOMPARE(cache.count(), 8);
        QCOMPARE(cache.lastPullAt(), QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC));

        // The site down: the error, nothing stored.
        for (int attempt = 0; attempt < 3; ++attempt) // the client tries a GET three times
            server.respondOnce(route, 500, R"({"code":"workos_database_error","message":"The database refused a read."})");
        ActivityPull third(cache.path(), client);
        done.reset();
        third.start(cache.lastId(), [](qint64) {}, [&](const Result<qint64> &r, bool complete) { done.emplace(r, complete); });
        QTRY_VERIFY_WITH_TIMEOUT(done.has_value(), 20000);
        QVERIFY(!done->first.ok());
        QVERIFY(!done->second);
        QCOMPARE(cache.count(), 8);
    }
};

QTEST_GUILESS_MAIN(TestActivityModel)
#include "tst_activitymodel.moc"

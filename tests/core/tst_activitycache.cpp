// The offline activity cache: storing feed pages, filters and full-text search, incremental pull
// by id over HTTP (a fake companion feed), ids seen twice, and a corrupt file rebuilt.
#include "../support/RawHttpServer.h"
#include "activity/ActivityCache.h"
#include "net/HttpClient.h"

#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace workos;

class TestActivityCache : public QObject
{
    Q_OBJECT
private:
    static QJsonObject event(qint64 id, const QString &type, qint64 user, const QString &email, const QString &at,
                             const QJsonObject &metadata = {})
    {
        return {{QStringLiteral("id"), id}, {QStringLiteral("event_type"), type}, {QStringLiteral("user_id"), user},
                {QStringLiteral("user_email"), email}, {QStringLiteral("workos_user_id"), QString()},
                {QStringLiteral("ip_address"), QStringLiteral("203.0.113.7")}, {QStringLiteral("user_agent"), QStringLiteral("Firefox")},
                {QStringLiteral("metadata"), metadata}, {QStringLiteral("created_at"), at}};
    }

    static QJsonArray sample()
    {
        return {event(1, QStringLiteral("login"), 5, QStringLiteral("Ada@Acme.test"), QStringLiteral("2026-11-01T10:00:00Z")),
                event(2, QStringLiteral("webhook_applied"), 6, QStringLiteral("grace@acme.test"), QStringLiteral("2026-11-02T10:00:00Z"),
                      {{QStringLiteral("event"), QStringLiteral("dsync.user.updated")}, {QStringLiteral("reason"), QStringLiteral("profile_updated")}}),
                event(3, QStringLiteral("webhook_rejected"), 0, QString(), QStringLiteral("2026-11-03T10:00:00Z"),
                      {{QStringLiteral("code"), QStringLiteral("workos_invalid_signature")}}),
                event(4, QStringLiteral("webhookXapplied"), 0, QString(), QStringLiteral("2026-11-04T10:00:00Z")),
                event(5, QStringLiteral("login_failed"), 5, QStringLiteral("ada@acme.test"), QStringLiteral("2026-11-05T10:00:00Z"),
                      {{QStringLiteral("note"), QStringLiteral("say \"hello\" to Zoë")}})};
    }

    static QList<qint64> ids(const Result<QList<ActivityEvent>> &rows)
    {
        if (!rows)
            qFatal("%s", qPrintable(rows.error().message));
        QList<qint64> out;
        for (const auto &r : rows.value())
            out << r.id;
        return out;
    }

private Q_SLOTS:
    void storesAndFilters()
    {
        QTemporaryDir dir;
        ActivityCache cache(dir.filePath(QStringLiteral("a/site.sqlite")));
        QVERIFY(cache.open().ok());
        QVERIFY(!cache.rebuilt());
        QCOMPARE(cache.store(sample()).value(), 5);
        QCOMPARE(cache.lastId(), 5);

        ActivityFilter all;
        QCOMPARE(ids(cache.query(all)), (QList<qint64>{5, 4, 3, 2, 1}));
        all.newestFirst = false;
        all.limit = 2;
        QCOMPARE(ids(cache.query(all)), (QList<qint64>{1, 2}));

        ActivityFilter type;
        type.typePrefix = QStringLiteral("webhook_"); // "_" is literal: webhookXapplied does not match
        QCOMPARE(ids(cache.query(type)), (QList<qint64>{3, 2}));

        ActivityFilter user;
        user.user = QStringLiteral("ADA@acme.TEST");
        QCOMPARE(ids(cache.query(user)), (QList<qint64>{5, 1}));
        user.user = QStringLiteral("6");
        QCOMPARE(ids(cache.query(user)), (QList<qint64>{2}));

        ActivityFilter when;
        when.from = QDateTime(QDate(2026, 11, 2), QTime(0, 0), Qt::UTC);
        when.to = QDateTime(QDate(2026, 11, 3), QTime(23, 0), Qt::UTC);
        QCOMPARE(ids(cache.query(when)), (QList<qint64>{3, 2}));

        ActivityFilter search;
        search.search = QStringLiteral("dsync");
        QCOMPARE(ids(cache.query(search)), (QList<qint64>{2}));
        search.search = QStringLiteral("invalid_sig"); // prefix of a word in the metadata
        QCOMPARE(ids(cache.query(search)), (QList<qint64>{3}));
        search.search = QStringLiteral("\"hello\" zoë");  // quotes are words, not syntax; unicode folds
        QCOMPARE(ids(cache.query(search)), (QList<qint64>{5}));
        search.search = QStringLiteral("'; DROP TABLE events; --");
        QCOMPARE(ids(cache.query(search)), QList<qint64>{});
        QCOMPARE(cache.count(), 5);
    }

    void anIdSeenAgainReplacesTheCopy()
    {
        QTemporaryDir dir;
        ActivityCache cache(dir.filePath(QStringLiteral("site.sqlite")));
        QVERIFY(cache.open().ok());
        cache.store(sample());
        cache.store({event(2, QStringLiteral("webhook_applied"), 6, QStringLiteral("grace@acme.test"), QStringLiteral("2026-11-02T10:00:00Z"),
                           {{QStringLiteral("reason"), QStringLiteral("renamed")}})});
        QCOMPARE(cache.count(), 5);
        // A sparse item (fields left out by an older companion) is stored with empty fields.
        QCOMPARE(cache.store({QJsonObject{{QStringLiteral("id"), 9}, {QStringLiteral("event_type"), QStringLiteral("login")},
                                          {QStringLiteral("created_at"), QStringLiteral("2026-11-09T00:00:00Z")}}}).value(), 1);
        ActivityFilter search;
        search.search = QStringLiteral("dsync");
        QCOMPARE(ids(cache.query(search)), QList<qint64>{}); // the index follows the new copy
        search.search = QStringLiteral("renamed");
        QCOMPARE(ids(cache.query(search)), (QList<qint64>{2}));
    }

    void pullsIncrementallyById()
    {
        RawHttpServer server;
        const QByteArray base = server.start();
        const QByteArray route = "/wp-json/workos/v1/admin/activity";
        const QJsonArray all = sample();
        const auto page = [](const QJsonArray &items, bool more) {
            return QJsonDocument(QJsonObject{{QStringLiteral("items"), items}, {QStringLiteral("has_more"), more},
                                             {QStringLiteral("next_after_id"), items.last()[QStringLiteral("id")]}})
                .toJson(QJsonDocument::Compact);
        };
        server.respondOnce(route, 200, page({all[0], all[1], all[2]}, true));
        server.respondOnce(route, 200, page({all[3], all[4]}, false));

        QTemporaryDir dir;
        ActivityCache cache(dir.filePath(QStringLiteral("site.sqlite")));
        QVERIFY(cache.open().ok());
        HttpClient http;
        CompanionClient client(http, QUrl(QString::fromLatin1(base)), QStringLiteral("admin"), QStringLiteral("pw"));
        QList<qint64> progress;
        std::optional<Result<qint64>> done;
        cache.pull(client, this, [&](qint64 n) { progress << n; return true; }, [&](const Result<qint64> &r) { done = r; });
        QVERIFY(QTest::qWaitFor([&]() { return done.has_value(); }, 10000));
        QVERIFY2(done->ok(), qPrintable(done->ok() ? QString() : done->error().message));
        QCOMPARE(done->value(), 5);
        QCOMPARE(progress, (QList<qint64>{3, 5}));
        QCOMPARE(server.requests.size(), 2);
        QVERIFY(server.requests.at(0).path.contains("after_id=0"));
        QVERIFY2(server.requests.at(1).path.contains("after_id=3"), server.requests.at(1).path.constData());
        QVERIFY(server.requests.at(1).path.contains("limit=5000"));
        QCOMPARE(cache.count(), 5);
    }

    void aCorruptFileIsSetAsideAndRebuilt()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("site.sqlite"));
        {
            ActivityCache cache(path);
            QVERIFY(cache.open().ok());
            cache.store(sample());
        }
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        file.seek(0);
        file.write(QByteArray(4096, 'x')); // the header and the first page are gone
        file.close();

        ActivityCache cache(path);
        const Result<void> opened = cache.open();
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message));
        QVERIFY(cache.rebuilt());
        QCOMPARE(cache.count(), 0);
        QVERIFY(QFile::exists(path + QStringLiteral(".corrupt")));
        QCOMPARE(cache.store(sample()).value(), 5);
    }
};

QTEST_GUILESS_MAIN(TestActivityCache)
#include "tst_activitycache.moc"

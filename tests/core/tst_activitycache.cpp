// The offline activity cache: storing feed pages, filters and full-text search, keyset paging and
// counts, event types, sign-ins per day, saved filters and the "as of" time, incremental pull by
// id over HTTP (a fake companion feed), ids seen twice, a version-2 file upgraded, and a corrupt
// file rebuilt.
#include "../support/RawHttpServer.h"
#include "activity/ActivityCache.h"
#include "net/HttpClient.h"

#include <QFile>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
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

    // `n` events, ids 1…n, six types in turn, users 1…7, one every `spacing` seconds from
    // 2026-11-01T00:00:00Z.
    static QJsonArray generated(int n, int spacing = 3600)
    {
        static const QStringList types{QStringLiteral("login"), QStringLiteral("logout"), QStringLiteral("login_failed"),
                                       QStringLiteral("webhook_applied"), QStringLiteral("login_denied"), QStringLiteral("settings_updated")};
        const QDateTime start(QDate(2026, 11, 1), QTime(0, 0), Qt::UTC);
        QJsonArray items;
        for (int i = 1; i <= n; ++i) {
            const int user = 1 + i % 7;
            items.append(event(i, types.at(i % types.size()), user, QStringLiteral("user%1@acme.test").arg(user),
                               start.addSecs(qint64(i - 1) * spacing).toString(Qt::ISODate),
                               {{QStringLiteral("seq"), i}, {QStringLiteral("note"), i % 10 == 0 ? QStringLiteral("this AND that (x)") : QStringLiteral("plain")}}));
        }
        return items;
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

    void pagesByKeysetAndCounts()
    {
        QTemporaryDir dir;
        ActivityCache cache(dir.filePath(QStringLiteral("site.sqlite")));
        QVERIFY(cache.open().ok());
        QCOMPARE(cache.store(generated(120)).value(), 120);

        const auto walk = [&](ActivityFilter f) {
            QList<qint64> seen;
            f.limit = 7;
            for (;;) {
                const QList<qint64> page = ids(cache.query(f));
                seen += page;
                if (page.size() < f.limit)
                    return seen;
                f.after = page.last();
            }
        };
        QList<ActivityFilter> filters;
        ActivityFilter f;
        filters << f;
        f.eventType = QStringLiteral("login");
        filters << f;
        f = {};
        f.typePrefix = QStringLiteral("login");
        filters << f;
        f = {};
        f.user = QStringLiteral("3");
        filters << f;
        f.user = QStringLiteral("USER3@acme.test");
        filters << f;
        f = {};
        f.from = QDateTime(QDate(2026, 11, 2), QTime(5, 0), Qt::UTC);
        f.to = QDateTime(QDate(2026, 11, 3), QTime(20, 0), Qt::UTC);
        filters << f;
        f.search = QStringLiteral("plain");
        filters << f;
        f = {};
        f.search = QStringLiteral("that");
        f.eventType = QStringLiteral("login");
        filters << f;
        for (const ActivityFilter &filter : filters) {
            ActivityFilter all = filter;
            all.limit = 1000;
            const QList<qint64> expected = ids(cache.query(all));
            QVERIFY(!expected.isEmpty());
            QCOMPARE(walk(filter), expected); // the pages add up to one query, newest first
            all.newestFirst = false;
            QList<qint64> oldest = ids(cache.query(all));
            std::reverse(oldest.begin(), oldest.end());
            QCOMPARE(oldest, expected);
            QCOMPARE(cache.count(filter).value(), expected.size());
        }
        // Exact type vs prefix: "login" alone, or every type starting with it.
        ActivityFilter exact;
        exact.eventType = QStringLiteral("login");
        ActivityFilter prefix;
        prefix.typePrefix = QStringLiteral("login");
        QCOMPARE(cache.count(exact).value(), 20);
        QCOMPARE(cache.count(prefix).value(), 60);
        // Hours 29…68 after the start: ids 30…69 (a range inside days, not whole days).
        QCOMPARE(ids(cache.query(filters.at(5))).last(), 30);
        QCOMPARE(ids(cache.query(filters.at(5))).first(), 69);
    }

    void searchesOneUsersEvents()
    {
        QTemporaryDir dir;
        ActivityCache cache(dir.filePath(QStringLiteral("site.sqlite")));
        QVERIFY(cache.open().ok());
        const QJsonObject word{{QStringLiteral("note"), QStringLiteral("rotated")}};
        cache.store({event(1, QStringLiteral("login"), 5, QStringLiteral("ada@acme.test"), QStringLiteral("2026-11-01T10:00:00Z"), word),
                     event(2, QStringLiteral("login"), 5, QStringLiteral("ada@new.test"), QStringLiteral("2026-11-02T10:00:00Z"), word), // a new e-mail
                     event(3, QStringLiteral("login"), 6, QStringLiteral("grace@acme.test"), QStringLiteral("2026-11-02T11:00:00Z"), word),
                     event(4, QStringLiteral("logout"), 6, QString(), QStringLiteral("2026-11-02T12:00:00Z"), word), // no e-mail at all
                     event(5, QStringLiteral("login"), 7, QStringLiteral("ada@acme.test"), QStringLiteral("2026-11-02T13:00:00Z"), word)});
        const auto found = [&](const QString &user, const QString &search) {
            ActivityFilter f;
            f.user = user;
            f.search = search;
            return ids(cache.query(f));
        };
        QCOMPARE(found(QStringLiteral("5"), QStringLiteral("rotated")), (QList<qint64>{2, 1})); // both of their e-mails
        QCOMPARE(found(QStringLiteral("6"), QStringLiteral("rotated")), (QList<qint64>{4, 3})); // one without: the index alone
        QCOMPARE(found(QStringLiteral("7"), QStringLiteral("rotated")), QList<qint64>{5});       // another user, same e-mail
        QCOMPARE(found(QStringLiteral("8"), QStringLiteral("rotated")), QList<qint64>{});        // no such user
        QCOMPARE(found(QStringLiteral("5"), QStringLiteral("new")), QList<qint64>{2});
        ActivityFilter counted;
        counted.user = QStringLiteral("6");
        counted.search = QStringLiteral("rotated");
        QCOMPARE(cache.count(counted).value(), 2);
    }

    void aBadRangeOrSearchIsAMessageNotAnSqlError()
    {
        QTemporaryDir dir;
        ActivityCache cache(dir.filePath(QStringLiteral("site.sqlite")));
        QVERIFY(cache.open().ok());
        cache.store(generated(40));

        ActivityFilter backwards;
        backwards.from = QDateTime(QDate(2026, 11, 5), QTime(0, 0), Qt::UTC);
        backwards.to = QDateTime(QDate(2026, 11, 1), QTime(0, 0), Qt::UTC);
        const auto rows = cache.query(backwards);
        QVERIFY(!rows.ok());
        QCOMPARE(rows.error().code, QStringLiteral("activity_range"));
        QVERIFY2(rows.error().message.contains(QStringLiteral("after the end")), qPrintable(rows.error().message));
        QVERIFY(!cache.count(backwards).ok());
        QVERIFY(!cache.signInsPerDay(backwards).ok());

        // Full-text syntax is taken literally: never an error, words still found.
        const QList<std::pair<QString, int>> searches{
            {QStringLiteral("\""), 0}, {QStringLiteral("*"), 0}, {QStringLiteral("("), 0}, {QStringLiteral(")"), 0},
            {QStringLiteral("AND"), 4}, {QStringLiteral("this AND"), 4}, {QStringLiteral("(that"), 4}, {QStringLiteral("that)"), 4},
            {QStringLiteral("\"this"), 4}, {QStringLiteral("x) OR (y"), 0}, {QStringLiteral("NOT plain"), 36} /* "not" is a word here: the prefix of "note" */, {QStringLiteral("pla*"), 36},
            {QStringLiteral("NEAR(this that)"), 0}, {QStringLiteral("event_type:login"), 0}, {QStringLiteral("^this"), 4}};
        for (const auto &[text, expected] : searches) {
            ActivityFilter f;
            f.search = text;
            f.limit = 1000;
            const auto found = cache.query(f);
            QVERIFY2(found.ok(), qPrintable(text + QStringLiteral(": ") + found.error().message));
            QVERIFY2(found->size() == expected, qPrintable(QStringLiteral("%1: %2 rows").arg(text).arg(found->size())));
            QCOMPARE(cache.count(f).value(), expected);
        }
        ActivityFilter punctuation;
        punctuation.search = QStringLiteral("( * \"");
        QVERIFY(punctuation.searchWords().isEmpty());
    }

    void listsTypesAndCountsSignInsPerDay()
    {
        QTemporaryDir dir;
        ActivityCache cache(dir.filePath(QStringLiteral("site.sqlite")));
        QVERIFY(cache.open().ok());
        QCOMPARE(cache.eventTypes().value(), QStringList{});
        QVERIFY(cache.signInsPerDay({}).value().size() == 30); // no events: the 30 days up to today, all zero
        cache.store(generated(96)); // 4 days of hourly events, 2026-11-01 … 2026-11-04
        QCOMPARE(cache.eventTypes().value(), (QStringList{QStringLiteral("login"), QStringLiteral("login_denied"), QStringLiteral("login_failed"),
                                                          QStringLiteral("logout"), QStringLiteral("settings_updated"), QStringLiteral("webhook_applied")}));

        // No range: the 30 days up to the newest event, zeros included.
        const QList<DaySignIns> days = cache.signInsPerDay({}).value();
        QCOMPARE(days.size(), 30);
        QCOMPARE(days.last().day, QDate(2026, 11, 4));
        QCOMPARE(days.first().day, QDate(2026, 10, 6));
        QCOMPARE(days.at(25).logins + days.at(25).failed, 0);
        int logins = 0, failed = 0;
        for (const DaySignIns &d : days) {
            logins += d.logins;
            failed += d.failed;
        }
        QCOMPARE(logins, 16); // every sixth event
        QCOMPARE(failed, 32); // login_failed and login_denied
        // Day 1 holds ids 1…24: logins at 6, 12, 18, 24; failed at 2, 8, 14, 20 and 4, 10, 16, 22.
        QCOMPARE(days.at(26).day, QDate(2026, 11, 1));
        QCOMPARE(days.at(26).logins, 4);
        QCOMPARE(days.at(26).failed, 8);

        ActivityFilter range;
        range.from = QDateTime(QDate(2026, 11, 2), QTime(0, 0), Qt::UTC);
        range.to = QDateTime(QDate(2026, 11, 3), QTime(23, 59, 59), Qt::UTC);
        QCOMPARE(cache.signInsPerDay(range).value().size(), 2);
        range.to = QDateTime();
        QCOMPARE(cache.signInsPerDay(range).value().size(), 3); // open end: up to the newest day
        QCOMPARE(cache.signInsPerDay({}, 7).value().size(), 7);
        QCOMPARE(cache.signInsPerDay({}, 7).value().last().day, QDate(2026, 11, 4));

        // One user's sign-ins (user id or e-mail): ids whose id % 7 == 6 are user 7.
        ActivityFilter user;
        user.user = QStringLiteral("7");
        int userLogins = 0, userFailed = 0;
        const QList<DaySignIns> userDays = cache.signInsPerDay(user).value();
        for (const DaySignIns &d : userDays) {
            userLogins += d.logins;
            userFailed += d.failed;
        }
        int expectLogins = 0, expectFailed = 0;
        for (int i = 1; i <= 96; ++i) {
            if (1 + i % 7 != 7)
                continue;
            expectLogins += i % 6 == 0;
            expectFailed += i % 6 == 2 || i % 6 == 4;
        }
        QCOMPARE(userLogins, expectLogins);
        QCOMPARE(userFailed, expectFailed);
        user.user = QStringLiteral("User7@Acme.test");
        int emailLogins = 0;
        const QList<DaySignIns> emailDays = cache.signInsPerDay(user).value();
        for (const DaySignIns &d : emailDays)
            emailLogins += d.logins;
        QCOMPARE(emailLogins, expectLogins);

        // A replaced event moves out of the counts (id 6 was a login on 2026-11-01).
        cache.store({event(6, QStringLiteral("logout"), 1, QString(), QStringLiteral("2026-11-01T05:00:00Z"))});
        QCOMPARE(cache.signInsPerDay({}).value().at(26).logins, 3);
    }

    void keepsSavedFiltersAndTheAsOfTime()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("site.sqlite"));
        ActivityFilter f;
        f.eventType = QStringLiteral("login_failed");
        f.user = QStringLiteral("ada@acme.test");
        f.from = QDateTime(QDate(2026, 11, 1), QTime(0, 0), Qt::UTC);
        f.to = QDateTime(QDate(2026, 11, 30), QTime(23, 59, 59), Qt::UTC);
        f.search = QStringLiteral("firefox \"quoted\"");
        {
            ActivityCache cache(path);
            QVERIFY(cache.open().ok());
            QVERIFY(!cache.lastPullAt().isValid());
            QVERIFY(cache.saveFilter(QStringLiteral("  Ada's failures "), f).ok());
            QVERIFY(cache.saveFilter(QStringLiteral("webhooks"), ActivityFilter{}).ok());
            QVERIFY(!cache.saveFilter(QStringLiteral("   "), f).ok());
            QVERIFY(cache.setLastPullAt(QDateTime(QDate(2026, 11, 27), QTime(10, 0), Qt::UTC)).ok());
        }
        ActivityCache cache(path);
        QVERIFY(cache.open().ok());
        const auto saved = cache.savedFilters().value();
        QCOMPARE(saved.keys(), (QStringList{QStringLiteral("Ada's failures"), QStringLiteral("webhooks")}));
        QVERIFY(saved.value(QStringLiteral("Ada's failures")).sameSelection(f));
        QCOMPARE(cache.lastPullAt(), QDateTime(QDate(2026, 11, 27), QTime(10, 0), Qt::UTC));
        QVERIFY(cache.removeFilter(QStringLiteral("webhooks")).ok());
        cache.store(sample());
        QVERIFY(cache.clear().ok()); // the copy goes, the saved filters stay, "as of" no longer holds
        QCOMPARE(cache.count(), 0);
        QCOMPARE(cache.savedFilters().value().keys(), QStringList{QStringLiteral("Ada's failures")});
        QVERIFY(!cache.lastPullAt().isValid());
        QCOMPARE(cache.signInsPerDay({}).value().at(29).logins, 0);
    }

    void upgradesAVersion2File()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("site.sqlite"));
        {
            // As the console of issue 7 wrote it.
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v2"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            for (const char *sql : {"CREATE TABLE events (id INTEGER PRIMARY KEY, event_type TEXT NOT NULL, user_id INTEGER NOT NULL DEFAULT 0,"
                                    " user_email TEXT NOT NULL DEFAULT '', workos_user_id TEXT NOT NULL DEFAULT '', ip_address TEXT NOT NULL DEFAULT '',"
                                    " user_agent TEXT NOT NULL DEFAULT '', metadata TEXT NOT NULL DEFAULT '{}', created_at TEXT NOT NULL)",
                                    "CREATE INDEX events_type ON events (event_type)", "CREATE INDEX events_created ON events (created_at)",
                                    "CREATE VIRTUAL TABLE events_fts USING fts5(event_type, user_email, workos_user_id, ip_address, user_agent,"
                                    " metadata, content='events', content_rowid='id', tokenize='unicode61')",
                                    "INSERT INTO events (id, event_type, created_at) VALUES (1, 'login', '2026-11-01T10:00:00Z'),"
                                    " (2, 'login_failed', '2026-11-01T11:00:00Z'), (3, 'login', '2026-11-02T10:00:00Z')",
                                    "INSERT INTO events_fts (events_fts) VALUES ('rebuild')", "PRAGMA user_version = 2"})
                QVERIFY2(q.exec(QString::fromLatin1(sql)), sql);
        }
        QSqlDatabase::removeDatabase(QStringLiteral("v2"));
        ActivityCache cache(path);
        QVERIFY(cache.open().ok());
        const QList<DaySignIns> days = cache.signInsPerDay({}).value();
        QCOMPARE(days.last().day, QDate(2026, 11, 2));
        QCOMPARE(days.at(28).logins, 1);
        QCOMPARE(days.at(28).failed, 1);
        ActivityFilter day2;
        day2.from = QDateTime(QDate(2026, 11, 2), QTime(0, 0), Qt::UTC);
        QCOMPARE(ids(cache.query(day2)), QList<qint64>{3});
        QVERIFY(cache.saveFilter(QStringLiteral("x"), day2).ok());
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
        QVERIFY(cache.lastPullAt().isValid()); // the end of the log was reached
        QVERIFY(cache.lastPullAt().secsTo(QDateTime::currentDateTimeUtc()) < 60);
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

#include "profiles/ProfileStore.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace workos;

class TestProfileStore : public QObject
{
    Q_OBJECT
private:
    static SiteProfile profile(const QString &name)
    {
        SiteProfile p;
        p.name = name;
        p.url = QUrl(QStringLiteral("https://%1.example.com").arg(name));
        p.username = QStringLiteral("admin");
        return p;
    }

private Q_SLOTS:
    void createsSchemaAndPersists()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("nested/profiles.sqlite"));
        {
            ProfileStore store(path);
            QVERIFY(store.open().ok());
            QCOMPARE(store.schemaVersion(), ProfileStore::SchemaVersion);
            QVERIFY(store.sites().isEmpty());
            QVERIFY(store.currentSite().isEmpty());
            QVERIFY(store.addSite(profile(QStringLiteral("intranet"))).ok());
        }
        ProfileStore again(path);
        QVERIFY(again.open().ok());
        const auto site = again.site(QStringLiteral("intranet"));
        QVERIFY(site);
        QCOMPARE(site->url, QUrl(QStringLiteral("https://intranet.example.com")));
        QCOMPARE(site->environment, QStringLiteral("production"));
        QCOMPARE(again.currentSite(), QStringLiteral("intranet")); // the first site becomes current
    }

    void refusesBadNamesAndDuplicates()
    {
        QTemporaryDir dir;
        ProfileStore store(dir.filePath(QStringLiteral("p.sqlite")));
        QVERIFY(store.open().ok());
        QVERIFY(store.addSite(profile(QStringLiteral("a"))).ok());
        const auto dup = store.addSite(profile(QStringLiteral("a")));
        QVERIFY(!dup.ok());
        QCOMPARE(dup.error().code, QStringLiteral("exists"));
        for (const QString &bad : {QString(), QStringLiteral("-x"), QStringLiteral("a b"), QStringLiteral("a/b"),
                                   QString(65, QLatin1Char('a'))}) {
            const auto r = store.addSite(profile(bad));
            QVERIFY2(!r.ok(), qPrintable(bad));
            QCOMPARE(r.error().code, QStringLiteral("invalid_name"));
        }
        QCOMPARE(store.sites().size(), 1);
    }

    void rejectsInvalidEnvironment()
    {
        QTemporaryDir dir;
        ProfileStore store(dir.filePath(QStringLiteral("p.sqlite")));
        QVERIFY(store.open().ok());
        SiteProfile p = profile(QStringLiteral("a"));
        p.environment = QStringLiteral("qa");
        QVERIFY(!store.addSite(p).ok());
        QVERIFY(store.sites().isEmpty());
    }

    void ordersRemovesAndSwitchesCurrent()
    {
        QTemporaryDir dir;
        ProfileStore store(dir.filePath(QStringLiteral("p.sqlite")));
        QVERIFY(store.open().ok());
        for (const char *n : {"one", "two", "three"})
            QVERIFY(store.addSite(profile(QString::fromLatin1(n))).ok());
        QVERIFY(store.moveSite(QStringLiteral("three"), 0).ok());
        QStringList names;
        for (const auto &s : store.sites())
            names << s.name;
        QCOMPARE(names, (QStringList{QStringLiteral("three"), QStringLiteral("one"), QStringLiteral("two")}));

        QVERIFY(store.setCurrentSite(QStringLiteral("two")).ok());
        QVERIFY(!store.setCurrentSite(QStringLiteral("nope")).ok());
        QCOMPARE(store.currentSite(), QStringLiteral("two"));
        QVERIFY(store.removeSite(QStringLiteral("two")).ok());
        QCOMPARE(store.currentSite(), QStringLiteral("three")); // falls back to the first remaining
        QCOMPARE(store.removeSite(QStringLiteral("two")).error().code, QStringLiteral("not_found"));
        SiteProfile changed = profile(QStringLiteral("one"));
        changed.environment = QStringLiteral("staging");
        QVERIFY(store.updateSite(changed).ok());
        QCOMPARE(store.site(QStringLiteral("one"))->environment, QStringLiteral("staging"));
    }

    void keepsPreferences()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("profiles.sqlite"));
        {
            ProfileStore store(path);
            QVERIFY(store.open().ok());
            QVERIFY(store.preference(QStringLiteral("language")).isEmpty());
            QVERIFY(store.setPreference(QStringLiteral("language"), QStringLiteral("de")).ok());
        }
        ProfileStore again(path);
        QVERIFY(again.open().ok());
        QCOMPARE(again.preference(QStringLiteral("language")), QStringLiteral("de"));
        QVERIFY(again.setPreference(QStringLiteral("language"), QString()).ok()); // empty: back to the default
        QVERIFY(again.preference(QStringLiteral("language")).isEmpty());
    }

    void refusesANewerSchema()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("p.sqlite"));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery(db).exec(QStringLiteral("PRAGMA user_version = 99"));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("raw"));
        ProfileStore store(path);
        const auto r = store.open();
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("profiles_newer"));
        QVERIFY(r.error().message.contains(QStringLiteral("newer version")));
    }

    void reportsAnUnwritableLocation()
    {
        ProfileStore store(QStringLiteral("/proc/no-such-dir/p.sqlite"));
        const auto r = store.open();
        QVERIFY(!r.ok());
        QVERIFY(r.error().message.contains(QStringLiteral("/proc/no-such-dir")));
    }
};

QTEST_GUILESS_MAIN(TestProfileStore)
#include "tst_profilestore.moc"

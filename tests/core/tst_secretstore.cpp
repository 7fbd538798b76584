// Needs a Secret Service: ./test runs every suite inside scripts/with-keyring.
#include "profiles/SecretStore.h"

#include <qt6keychain/keychain.h>

#include <QTest>
#include <QUuid>

#include <optional>

using namespace workos;

class TestSecretStore : public QObject
{
    Q_OBJECT
private:
    // A private service name so a test never touches the console's real entries.
    SecretStore m_store{QStringLiteral("com.wpworkos.Console.test-")
                        + QUuid::createUuid().toString(QUuid::WithoutBraces)};

    Result<QString> read(const QString &key)
    {
        std::optional<Result<QString>> result;
        m_store.read(key, this, [&](const Result<QString> &r) { result = r; });
        if (!QTest::qWaitFor([&]() { return result.has_value(); }, 10000))
            return Error{QStringLiteral("timed out"), QStringLiteral("timeout")};
        return *result;
    }
    Result<void> write(const QString &key, const QString &value)
    {
        std::optional<Result<void>> result;
        m_store.write(key, value, this, [&](const Result<void> &r) { result = r; });
        if (!QTest::qWaitFor([&]() { return result.has_value(); }, 10000))
            return Error{QStringLiteral("timed out"), QStringLiteral("timeout")};
        return *result;
    }
    Result<void> remove(const QString &key)
    {
        std::optional<Result<void>> result;
        m_store.remove(key, this, [&](const Result<void> &r) { result = r; });
        if (!QTest::qWaitFor([&]() { return result.has_value(); }, 10000))
            return Error{QStringLiteral("timed out"), QStringLiteral("timeout")};
        return *result;
    }

private Q_SLOTS:
    void keysAreScopedBySiteAndEnvironment()
    {
        QCOMPARE(SecretStore::appPasswordKey(QStringLiteral("intranet")),
                 QStringLiteral("site/intranet/wordpress/app-password"));
        QCOMPARE(SecretStore::workosKey(QStringLiteral("intranet"), QStringLiteral("staging"), QStringLiteral("api-key")),
                 QStringLiteral("site/intranet/staging/api-key"));
        const QStringList keys = SecretStore::keysOfSite(QStringLiteral("s"));
        QCOMPARE(keys.size(), 5);
        QVERIFY(keys.contains(QStringLiteral("site/s/production/webhook-secret")));
        for (const QString &k : keys)
            QVERIFY(k.startsWith(QStringLiteral("site/s/")));
    }

    void roundTripsThroughTheKeychain()
    {
        const QString key = SecretStore::appPasswordKey(QStringLiteral("roundtrip"));
        const auto written = write(key, QStringLiteral("abcd EFGH ijkl MNOP qrst UVWX"));
        QVERIFY2(written.ok(), qPrintable(written.error().message));
        const auto value = read(key);
        QVERIFY2(value.ok(), qPrintable(value.error().message));
        QCOMPARE(value.value(), QStringLiteral("abcd EFGH ijkl MNOP qrst UVWX"));

        QVERIFY(write(key, QStringLiteral("replaced")).ok());
        QCOMPARE(read(key).value(), QStringLiteral("replaced"));

        QVERIFY(remove(key).ok());
        const auto gone = read(key);
        QVERIFY(gone.ok());               // a missing entry is not an error...
        QVERIFY(gone.value().isEmpty());  // ...just nothing
        QVERIFY(remove(key).ok());        // and removing it twice is fine
    }

    // The console closing while a read is on its way: the store and the caller go first, the
    // secret service answers later, and nothing is called (before the fix: a crash in QtKeychain).
    void survivesGoingAwayWithAJobInFlight()
    {
        bool called = false;
        {
            auto *owner = new QObject;
            auto *store = new SecretStore(QStringLiteral("com.wpworkos.Console.test-") + QUuid::createUuid().toString(QUuid::WithoutBraces));
            for (int i = 0; i < 5; ++i)
                store->read(QStringLiteral("site/x/wordpress/app-password"), owner, [&](const Result<QString> &) { called = true; });
            delete owner;
            delete store;
        }
        QTest::qWait(1500); // the answers arrive into orphaned jobs, which delete themselves
        QVERIFY(!called);
        QVERIFY(read(QStringLiteral("site/x/still-works")).ok());
    }

    void explainsKeychainFailuresWithAdvice_data()
    {
        QTest::addColumn<int>("error");
        QTest::addColumn<QString>("detail");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("advice");
        // The texts QtKeychain 0.13 produces on Linux (toolchain guide, section 3).
        QTest::newRow("no libsecret") << int(QKeychain::OtherError) << QStringLiteral("Unknown error")
                                      << QStringLiteral("keychain_unavailable") << QStringLiteral("libsecret-1-0");
        QTest::newRow("no bus") << int(QKeychain::OtherError)
                                << QStringLiteral("Cannot autolaunch D-Bus without X11 $DISPLAY")
                                << QStringLiteral("keychain_no_session") << QStringLiteral("dbus-run-session");
        QTest::newRow("no provider") << int(QKeychain::OtherError)
                                     << QStringLiteral("The name org.freedesktop.secrets was not provided by any .service files")
                                     << QStringLiteral("keychain_unavailable") << QStringLiteral("gnome-keyring");
        QTest::newRow("no login keyring")
            << int(QKeychain::OtherError)
            << QStringLiteral("Object does not exist at path “/org/freedesktop/secrets/collection/login”")
            << QStringLiteral("keychain_locked") << QStringLiteral("unlock");
        QTest::newRow("locked") << int(QKeychain::AccessDenied)
                                << QStringLiteral("Cannot create an item in a locked collection")
                                << QStringLiteral("keychain_locked") << QStringLiteral("Unlock your keyring");
        QTest::newRow("denied by user") << int(QKeychain::AccessDeniedByUser) << QString()
                                        << QStringLiteral("keychain_denied") << QStringLiteral("Allow");
    }

    void explainsKeychainFailuresWithAdvice()
    {
        QFETCH(int, error);
        QFETCH(QString, detail);
        QFETCH(QString, code);
        QFETCH(QString, advice);
        const Error e = SecretStore::explain(error, detail, QStringLiteral("site/x/wordpress/app-password"));
        QCOMPARE(e.code, code);
        QVERIFY2(e.message.contains(advice, Qt::CaseInsensitive), qPrintable(e.message));
        QVERIFY(e.message.contains(QStringLiteral("site/x/wordpress/app-password")));
    }
};

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"

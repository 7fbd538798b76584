#include "BuildInfo.h"
#include "CliRunner.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpServer>

class TestCli : public QObject
{
    Q_OBJECT
private:
    static quint16 closedPort()
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        return probe.serverPort(); // closed again when probe goes away
    }

private Q_SLOTS:
    void printsItsVersion()
    {
        CliRunner cli;
        for (const char *flag : {"--version", "-v"}) {
            const CliResult r = cli.run({QString::fromLatin1(flag)});
            QCOMPARE(r.exitCode, 0);
            QCOMPARE(r.out, QStringLiteral("wpworkos %1\n").arg(QLatin1String(workos::build::version)));
        }
    }

    void helpListsCommandsOnStdout()
    {
        CliRunner cli;
        const CliResult r = cli.run({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith(QStringLiteral("usage: wpworkos")));
        QVERIFY(r.out.contains(QStringLiteral("  status ")));
        QVERIFY(r.out.contains(QStringLiteral("  site ")));
        const CliResult sub = cli.run({QStringLiteral("status"), QStringLiteral("--help")});
        QCOMPARE(sub.exitCode, 0);
        QVERIFY(sub.out.contains(QStringLiteral("--format")));
    }

    void usageErrorsExitTwoWithUsageOnStderr_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("nothing") << QStringList{} << QStringLiteral("usage: wpworkos");
        QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")}
                                         << QStringLiteral("unknown command “frobnicate”");
        QTest::newRow("unknown flag") << QStringList{QStringLiteral("status"), QStringLiteral("--bogus")}
                                      << QStringLiteral("Unknown option 'bogus'");
        QTest::newRow("bad format") << QStringList{QStringLiteral("status"), QStringLiteral("--format=xml")}
                                    << QStringLiteral("--format must be");
        QTest::newRow("bad env") << QStringList{QStringLiteral("--env"), QStringLiteral("qa"), QStringLiteral("status")}
                                 << QStringLiteral("--env must be production or staging");
        QTest::newRow("extra arg") << QStringList{QStringLiteral("status"), QStringLiteral("now")}
                                   << QStringLiteral("unexpected argument");
        QTest::newRow("site no action") << QStringList{QStringLiteral("site")} << QStringLiteral("missing action");
        QTest::newRow("site add no url") << QStringList{QStringLiteral("site"), QStringLiteral("add"), QStringLiteral("x")}
                                         << QStringLiteral("usage: wpworkos site add");
    }

    void usageErrorsExitTwoWithUsageOnStderr()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        CliRunner cli;
        const CliResult r = cli.run(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }

    void statusWithoutSitesSaysHowToAddOne()
    {
        CliRunner cli;
        const CliResult r = cli.run({QStringLiteral("status")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.startsWith(QStringLiteral("Error: No site is configured yet.")), qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral("wpworkos site add")));
    }

    void unreachableSiteIsOneLineNamingTheUrl()
    {
        CliRunner cli;
        const QString url = QStringLiteral("http://127.0.0.1:%1").arg(closedPort());
        const CliResult r = cli.run({QStringLiteral("site"), QStringLiteral("add"), QStringLiteral("gone"),
                                     QStringLiteral("--url"), url, QStringLiteral("--user"), QStringLiteral("admin"),
                                     QStringLiteral("--password-stdin")},
                                    "abcd efgh ijkl\n");
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.err, QStringLiteral("Error: Cannot reach %1: Connection refused\n").arg(url));
        // Nothing was kept of the failed add.
        const CliResult list = cli.run({QStringLiteral("site"), QStringLiteral("list"), QStringLiteral("--format=json")});
        QCOMPARE(list.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(list.out.toUtf8()).array().size(), 0);
    }

    void unreachableStatusExitsOne()
    {
        CliRunner cli;
        const QString url = QStringLiteral("http://127.0.0.1:%1").arg(closedPort());
        // --no-verify stores the site (and its password, in the keychain) without contacting it.
        const CliResult add = cli.run({QStringLiteral("site"), QStringLiteral("add"), QStringLiteral("gone"),
                                       QStringLiteral("--url"), url, QStringLiteral("--user"), QStringLiteral("admin"),
                                       QStringLiteral("--password-stdin"), QStringLiteral("--no-verify")},
                                      "abcd efgh ijkl\n");
        QCOMPARE(add.exitCode, 0);
        const CliResult r = cli.run({QStringLiteral("status")});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.err, QStringLiteral("Error: Cannot reach %1: Connection refused\n").arg(url));
        QVERIFY(r.out.isEmpty());
        QCOMPARE(cli.run({QStringLiteral("site"), QStringLiteral("remove"), QStringLiteral("gone"),
                          QStringLiteral("--yes")}).exitCode,
                 0);
    }

    void refusesToPromptWithoutATerminal()
    {
        CliRunner cli;
        const CliResult add = cli.run({QStringLiteral("site"), QStringLiteral("add"), QStringLiteral("s"),
                                       QStringLiteral("--url"), QStringLiteral("https://example.com"),
                                       QStringLiteral("--user"), QStringLiteral("admin")});
        QCOMPARE(add.exitCode, 1);
        QVERIFY(add.err.contains(QStringLiteral("--password-stdin")));
        QVERIFY(cli.run({QStringLiteral("site"), QStringLiteral("add"), QStringLiteral("s"), QStringLiteral("--url"),
                         QStringLiteral("https://example.com"), QStringLiteral("--user"), QStringLiteral("admin"),
                         QStringLiteral("--password-stdin"), QStringLiteral("--no-verify")},
                        "pw\n")
                    .exitCode
                == 0);
        const CliResult remove = cli.run({QStringLiteral("site"), QStringLiteral("remove"), QStringLiteral("s")});
        QCOMPARE(remove.exitCode, 1);
        QVERIFY(remove.err.contains(QStringLiteral("pass --yes")));
        QVERIFY(cli.run({QStringLiteral("site"), QStringLiteral("list"), QStringLiteral("--format=ids")}).out
                == QStringLiteral("s\n")); // still there
    }

    void rejectsBadSiteInput_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("message");
        QTest::newRow("bad name") << QStringLiteral("a/b") << QStringLiteral("https://example.com")
                                  << QStringLiteral("not a valid site name");
        QTest::newRow("ftp url") << QStringLiteral("ok") << QStringLiteral("ftp://example.com")
                                 << QStringLiteral("is not a site address");
    }

    void rejectsBadSiteInput()
    {
        QFETCH(QString, name);
        QFETCH(QString, url);
        QFETCH(QString, message);
        CliRunner cli;
        const CliResult r = cli.run({QStringLiteral("site"), QStringLiteral("add"), name, QStringLiteral("--url"), url,
                                     QStringLiteral("--user"), QStringLiteral("admin"),
                                     QStringLiteral("--password-stdin"), QStringLiteral("--no-verify")},
                                    "pw\n");
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }

    void rejectsBadActivityAndConfigArguments_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const QString a = QStringLiteral("activity");
        QTest::newRow("no action") << QStringList{a} << QStringLiteral("usage: wpworkos activity pull");
        QTest::newRow("unknown action") << QStringList{a, QStringLiteral("tail")} << QStringLiteral("usage:");
        QTest::newRow("search without text") << QStringList{a, QStringLiteral("search")} << QStringLiteral("usage:");
        QTest::newRow("bad date") << QStringList{a, QStringLiteral("list"), QStringLiteral("--since"), QStringLiteral("yesterday")}
                                  << QStringLiteral("--since must be a date");
        QTest::newRow("bad limit") << QStringList{a, QStringLiteral("list"), QStringLiteral("--limit"), QStringLiteral("0")}
                                   << QStringLiteral("--limit must be a number");
        QTest::newRow("export as a table") << QStringList{a, QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("table")}
                                           << QStringLiteral("csv or json");
        QTest::newRow("config without file") << QStringList{QStringLiteral("config"), QStringLiteral("apply")}
                                             << QStringLiteral("usage: wpworkos config export");
        QTest::newRow("config bad format") << QStringList{QStringLiteral("config"), QStringLiteral("diff"), QStringLiteral("x.json"),
                                                          QStringLiteral("--format"), QStringLiteral("yaml")}
                                           << QStringLiteral("--format must be text or json");
    }

    void rejectsBadActivityAndConfigArguments()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        CliRunner cli;
        const CliResult r = cli.run(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
    }

    // No secret service at all: a clear message with advice, exit 1, the site not half-added, and
    // the password written nowhere (never a plaintext fallback).
    void keychainUnavailableIsAClearErrorAndNothingIsWritten()
    {
        CliRunner cli;
        cli.setEnv(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/bus"));
        const QByteArray password = "no keyring pass word";
        const CliResult add = cli.run({QStringLiteral("site"), QStringLiteral("add"), QStringLiteral("s1"), QStringLiteral("--url"),
                                       QStringLiteral("https://s1.example"), QStringLiteral("--user"), QStringLiteral("admin"),
                                       QStringLiteral("--password-stdin"), QStringLiteral("--no-verify")}, password + '\n');
        QCOMPARE(add.exitCode, 1);
        QVERIFY2(add.err.startsWith(QStringLiteral("Error: ")), qPrintable(add.err));
        QVERIFY2(add.err.contains(QStringLiteral("keychain"), Qt::CaseInsensitive), qPrintable(add.err));
        QVERIFY(!add.err.contains(QString::fromLatin1(password)));
        const CliResult list = cli.run({QStringLiteral("site"), QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("ids")});
        QCOMPARE(list.exitCode, 0);
        QVERIFY2(list.out.trimmed().isEmpty(), qPrintable(list.out)); // not kept without its password
        QDirIterator files(cli.dataDir(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            QFile f(files.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY2(!f.readAll().contains(password), qPrintable(f.fileName()));
        }
    }

    // WorkOS secrets go to the keychain and nowhere else: not the profile store, not any file of
    // the data folder.
    void workosSecretsLiveOnlyInTheKeychain()
    {
        CliRunner cli;
        QCOMPARE(cli.run({QStringLiteral("site"), QStringLiteral("add"), QStringLiteral("s1"), QStringLiteral("--url"),
                          QStringLiteral("https://s1.example"), QStringLiteral("--user"), QStringLiteral("admin"),
                          QStringLiteral("--password-stdin"), QStringLiteral("--no-verify")}, "app pass word xyz1\n").exitCode, 0);
        const QByteArray key = "sk_test_NeverOnDisk0123456789";
        const CliResult stored = cli.run({QStringLiteral("--env"), QStringLiteral("staging"), QStringLiteral("site"), QStringLiteral("secret"),
                                          QStringLiteral("s1"), QStringLiteral("api-key"), QStringLiteral("--secret-stdin")}, key + '\n');
        QVERIFY2(stored.exitCode == 0, qPrintable(stored.err));
        QVERIFY(stored.out.contains(QStringLiteral("Success: Stored the WorkOS API key of 's1' (staging) in the keychain.")));
        QVERIFY(!stored.out.contains(QString::fromLatin1(key)));
        QDirIterator files(cli.dataDir(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        int seen = 0;
        while (files.hasNext()) {
            QFile f(files.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray bytes = f.readAll();
            QVERIFY2(!bytes.contains(key) && !bytes.contains("app pass word xyz1"), qPrintable(f.fileName()));
            ++seen;
        }
        QVERIFY(seen > 0); // the profile store exists, and holds neither secret

        const CliResult wrong = cli.run({QStringLiteral("site"), QStringLiteral("secret"), QStringLiteral("s1"), QStringLiteral("api-key"),
                                         QStringLiteral("--secret-stdin")}, "not-a-key\n");
        QCOMPARE(wrong.exitCode, 1);
        QVERIFY(wrong.err.contains(QStringLiteral("not a WorkOS API key")));
        QCOMPARE(cli.run({QStringLiteral("site"), QStringLiteral("secret"), QStringLiteral("s1"), QStringLiteral("password")}).exitCode, 2);
        const CliResult noTerminal = cli.run({QStringLiteral("site"), QStringLiteral("secret"), QStringLiteral("s1"), QStringLiteral("webhook-secret")});
        QCOMPARE(noTerminal.exitCode, 1);
        QVERIFY(noTerminal.err.contains(QStringLiteral("--secret-stdin")));
        const CliResult deleted = cli.run({QStringLiteral("--env"), QStringLiteral("staging"), QStringLiteral("site"), QStringLiteral("secret"),
                                           QStringLiteral("s1"), QStringLiteral("api-key"), QStringLiteral("--delete")});
        QCOMPARE(deleted.exitCode, 0);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"

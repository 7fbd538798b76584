// wpworkos against the real sandbox WordPress site that ./test starts (SANDBOX_STATE, SANDBOX_WP_URL).
#include "CliRunner.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

class TestCliSandbox : public QObject
{
    Q_OBJECT
private:
    QString m_url;
    QByteArray m_appPassword;

    QStringList addArgs(const QString &name) const
    {
        return {QStringLiteral("site"), QStringLiteral("add"), name, QStringLiteral("--url"), m_url,
                QStringLiteral("--user"), QStringLiteral("admin"), QStringLiteral("--password-stdin")};
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString state = qEnvironmentVariable("SANDBOX_STATE");
        m_url = qEnvironmentVariable("SANDBOX_WP_URL");
        QVERIFY2(!state.isEmpty() && !m_url.isEmpty(),
                 "SANDBOX_STATE and SANDBOX_WP_URL are not set: run this through ./test, which starts the sandbox");
        QFile credentials(state + QStringLiteral("/credentials.env"));
        QVERIFY2(credentials.open(QIODevice::ReadOnly), qPrintable(credentials.fileName()));
        const auto match = QRegularExpression(QStringLiteral("SANDBOX_APP_PASSWORD='([^']+)'"))
                               .match(QString::fromUtf8(credentials.readAll()));
        QVERIFY(match.hasMatch());
        m_appPassword = match.captured(1).toUtf8();
    }

    void addsTheSiteAndShowsItsStatus()
    {
        CliRunner cli;
        const CliResult add = cli.run(addArgs(QStringLiteral("sandbox")), m_appPassword + '\n');
        QVERIFY2(add.exitCode == 0, qPrintable(add.err));
        QVERIFY2(add.out.contains(QStringLiteral("Success: Added site 'sandbox'")), qPrintable(add.out));
        QVERIFY(add.out.contains(QStringLiteral("WorkOS Companion 0.1.0 on WordPress")));

        const CliResult table = cli.run({QStringLiteral("status")});
        QVERIFY2(table.exitCode == 0, qPrintable(table.err));
        QVERIFY(table.out.contains(QRegularExpression(QStringLiteral("\\| plugin_version +\\| 0\\.1\\.0 +\\| constant"))));
        QVERIFY(table.out.contains(QRegularExpression(QStringLiteral("\\| db_version +\\| 4 +\\| database"))));

        const CliResult json = cli.run({QStringLiteral("status"), QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(json.exitCode, 0);
        QHash<QString, QString> values;
        for (const auto &row : QJsonDocument::fromJson(json.out.toUtf8()).array())
            values.insert(row[QStringLiteral("setting")].toString(), row[QStringLiteral("value")].toString());
        QCOMPARE(values.value(QStringLiteral("plugin_version")), QStringLiteral("0.1.0"));
        QCOMPARE(values.value(QStringLiteral("enabled")), QStringLiteral("no"));
        QVERIFY(values.value(QStringLiteral("wordpress_version")).startsWith(QStringLiteral("6.")));
        // The sandbox points the site at its WorkOS emulator (option workos_api_base_url).
        QCOMPARE(values.value(QStringLiteral("api_base_url")),
                 QStringLiteral("http://127.0.0.1:") + qEnvironmentVariable("SANDBOX_EMULATOR_PORT", QStringLiteral("4100")));
        QVERIFY(!json.out.contains(QString::fromUtf8(m_appPassword))); // never printed
    }

    void wrongPasswordIsRefusedAndNothingIsKept()
    {
        CliRunner cli;
        const CliResult add = cli.run(addArgs(QStringLiteral("wrong")), "aaaa bbbb cccc dddd eeee ffff\n");
        QCOMPARE(add.exitCode, 1);
        QVERIFY2(add.err.contains(QStringLiteral("refused the Application Password of user “admin”")), qPrintable(add.err));
        QVERIFY2(add.err.contains(QStringLiteral("401")), qPrintable(add.err));
        QCOMPARE(cli.run({QStringLiteral("site"), QStringLiteral("list"), QStringLiteral("--format=ids")}).out,
                 QStringLiteral("\n"));
    }

    void aSiteWithoutTheCompanionIsNamed()
    {
        // The site's REST API answers, but no WorkOS route exists under this path.
        CliRunner cli;
        const CliResult add = cli.run({QStringLiteral("site"), QStringLiteral("add"), QStringLiteral("sub"),
                                       QStringLiteral("--url"), m_url + QStringLiteral("/no-such-blog"),
                                       QStringLiteral("--user"), QStringLiteral("admin"),
                                       QStringLiteral("--password-stdin")},
                                      m_appPassword + '\n');
        QCOMPARE(add.exitCode, 1);
        QVERIFY2(add.err.startsWith(QStringLiteral("Error: ")), qPrintable(add.err));
        QVERIFY2(add.err.contains(m_url + QStringLiteral("/no-such-blog")), qPrintable(add.err));
    }
};

QTEST_GUILESS_MAIN(TestCliSandbox)
#include "tst_cli_sandbox.moc"

// Golden tests: every command's output in every format, byte for byte, against the companion's
// answers recorded from the sandbox site (tests/cli/data/companion). A change in columns, order,
// quoting or wording shows up as a diff here. WORKOS_UPDATE_GOLDEN=1 rewrites the golden files
// (tests/cli/golden) after an intended change; review them in the commit.
#include "../support/RawHttpServer.h"
#include "CliRunner.h"

#include <QDir>
#include <QFile>
#include <QThread>

namespace {

QByteArray fixture(const QString &name)
{
    QFile f(QStringLiteral(WORKOS_SOURCE_DIR "/tests/cli/data/companion/") + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(f.fileName()));
    return f.readAll();
}

QString goldenPath(const QString &name)
{
    return QStringLiteral(WORKOS_SOURCE_DIR "/tests/cli/golden/") + name;
}

// The first line where two outputs part, for a readable failure.
QString firstDifference(const QString &expected, const QString &actual)
{
    const QStringList e = expected.split(QLatin1Char('\n'));
    const QStringList a = actual.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < std::max(e.size(), a.size()); ++i) {
        const QString left = e.value(i, QStringLiteral("<end>"));
        const QString right = a.value(i, QStringLiteral("<end>"));
        if (left != right)
            return QStringLiteral("line %1\n  expected: %2\n  actual:   %3").arg(i + 1).arg(left, right);
    }
    return QString();
}

} // namespace

class TestCliGolden : public QObject
{
    Q_OBJECT
private:
    // The CLI runs as a child process the test waits for, so the fake site answers from its own thread.
    QThread m_thread;
    RawHttpServer *m_site = new RawHttpServer;
    QString m_base;

private Q_SLOTS:
    void initTestCase()
    {
        const QByteArray api = "/wp-json/workos/v1/admin/";
        const std::pair<const char *, const char *> routes[] = {
            {"status", "status.json"},
            {"users", "users.json"},
            {"users/1089", "user-1089.json"},
            {"orgs", "orgs.json"},
            {"orgs/org_01JAACME000000000000000000", "org.json"},
            {"orgs/org_01JAACME000000000000000000/members", "org-members.json"},
            {"changelog", "changelog.json"},
            {"settings", "settings.json"},
            {"role-map", "role-map.json"},
            {"redirects", "redirects.json"},
            {"activity", "activity.json"},
        };
        for (const auto &[route, file] : routes)
            m_site->respond(api + route, 200, fixture(QString::fromLatin1(file)));
        m_site->moveToThread(&m_thread);
        connect(&m_thread, &QThread::finished, m_site, &QObject::deleteLater);
        m_thread.start();
        QMetaObject::invokeMethod(m_site, [this]() { m_base = QString::fromLatin1(m_site->start()); }, Qt::BlockingQueuedConnection);
        QVERIFY(!m_base.isEmpty());
    }

    void cleanupTestCase()
    {
        m_thread.quit();
        m_thread.wait();
    }

    void matchesTheGoldenFile_data()
    {
        QTest::addColumn<QStringList>("args");
        const QString org = QStringLiteral("org_01JAACME000000000000000000");
        auto row = [](const QString &name, const QStringList &args) { QTest::newRow(qPrintable(name)) << args; };
        for (const char *format : {"table", "json", "csv", "yaml", "ids"}) {
            const QString f = QString::fromLatin1(format);
            row(QStringLiteral("site-list.") + f, {QStringLiteral("site"), QStringLiteral("list"), QStringLiteral("--format"), f});
            row(QStringLiteral("user-list.") + f, {QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--format"), f});
            row(QStringLiteral("activity-list.") + f, {QStringLiteral("activity"), QStringLiteral("list"), QStringLiteral("--format"), f});
            if (f != u"ids") { // ids: only for lists of users and events, as in the reference
                row(QStringLiteral("org-list.") + f, {QStringLiteral("org"), QStringLiteral("list"), QStringLiteral("--format"), f});
                row(QStringLiteral("status.") + f, {QStringLiteral("status"), QStringLiteral("--format"), f});
                row(QStringLiteral("user-get.") + f, {QStringLiteral("user"), QStringLiteral("get"), QStringLiteral("1089"), QStringLiteral("--format"), f});
                row(QStringLiteral("org-get.") + f, {QStringLiteral("org"), QStringLiteral("get"), org, QStringLiteral("--by=workos_id"), QStringLiteral("--format"), f});
                row(QStringLiteral("org-members.") + f, {QStringLiteral("org"), QStringLiteral("members"), org, QStringLiteral("--by=workos_id"), QStringLiteral("--format"), f});
            }
        }
        row(QStringLiteral("org-get.local-id"), {QStringLiteral("org"), QStringLiteral("get"), QStringLiteral("67")});
        row(QStringLiteral("user-list.fields"), {QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--fields=ID,user_login,linked")});
        row(QStringLiteral("activity-search.table"), {QStringLiteral("activity"), QStringLiteral("search"), QStringLiteral("expired")});
        row(QStringLiteral("activity-export.csv"), {QStringLiteral("activity"), QStringLiteral("export")});
        row(QStringLiteral("activity-export.json"), {QStringLiteral("activity"), QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("json")});
        row(QStringLiteral("changelog.markdown"), {QStringLiteral("changelog")});
        row(QStringLiteral("changelog.json"), {QStringLiteral("changelog"), QStringLiteral("--format"), QStringLiteral("json")});
        row(QStringLiteral("config-export.json"), {QStringLiteral("config"), QStringLiteral("export")});
    }

    void matchesTheGoldenFile()
    {
        QFETCH(QStringList, args);
        CliRunner cli;
        cli.setEnv(QStringLiteral("TZ"), QStringLiteral("UTC"));
        cli.setEnv(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
        const CliResult added = cli.run({QStringLiteral("site"), QStringLiteral("add"), QStringLiteral("golden"), QStringLiteral("--url"), m_base,
                                         QStringLiteral("--user"), QStringLiteral("admin"), QStringLiteral("--password-stdin"),
                                         QStringLiteral("--no-verify")}, "golden app pass word\n");
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        if (args.first() == u"activity") {
            const CliResult pulled = cli.run({QStringLiteral("activity"), QStringLiteral("pull")});
            QVERIFY2(pulled.exitCode == 0, qPrintable(pulled.err));
        }
        const CliResult r = cli.run(args);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        // The fake site listens on a new port each run: the same number of Ns keeps tables aligned.
        const QString port = m_base.section(QLatin1Char(':'), -1);
        const QString out = QString(r.out).replace(m_base, QStringLiteral("http://127.0.0.1:") + QString(port.size(), QLatin1Char('N')));

        const QString path = goldenPath(QString::fromLatin1(QTest::currentDataTag()));
        if (qEnvironmentVariableIsSet("WORKOS_UPDATE_GOLDEN")) {
            QDir().mkpath(QFileInfo(path).path());
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(out.toUtf8());
            return;
        }
        QFile f(path);
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(QStringLiteral("no golden file %1 (WORKOS_UPDATE_GOLDEN=1 writes it)").arg(path)));
        const QString expected = QString::fromUtf8(f.readAll());
        QVERIFY2(out == expected, qPrintable(firstDifference(expected, out)));
    }
};

QTEST_GUILESS_MAIN(TestCliGolden)
#include "tst_cli_golden.moc"

#include "site/SiteStatus.h"

#include <QFile>
#include <QJsonDocument>
#include <QTest>

using namespace workos;

namespace {
QJsonObject sample()
{
    QFile file(QFINDTESTDATA("data/status-production.json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing test data");
    return QJsonDocument::fromJson(file.readAll()).object();
}

QString row(const Table &t, const QString &setting, int column)
{
    for (const QStringList &r : t.rows) {
        if (r.first() == setting)
            return r.value(column);
    }
    return QStringLiteral("<missing>");
}
} // namespace

class TestSiteStatus : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parsesTheStatusAnswer()
    {
        const auto s = SiteStatus::fromJson(sample());
        QVERIFY(s.ok());
        QCOMPARE(s->pluginVersion, QStringLiteral("0.1.0"));
        QCOMPARE(s->schemaVersion, 3);
        QVERIFY(s->multisite);
        QCOMPARE(s->activeEnvironmentSource, QStringLiteral("constant"));
        QVERIFY(s->enabled);
    }

    void refusesAnAnswerWithoutPluginVersion()
    {
        const auto s = SiteStatus::fromJson(QJsonObject{{QStringLiteral("plugin"), QJsonObject{}}});
        QVERIFY(!s.ok());
        QCOMPARE(s.error().code, QStringLiteral("bad_status"));
    }

    void rowsMirrorWpWorkosStatus()
    {
        const Table t = SiteStatus::fromJson(sample()).value().toTable();
        QCOMPARE(t.columns, (QStringList{QStringLiteral("setting"), QStringLiteral("value"), QStringLiteral("source")}));
        QStringList order;
        for (const auto &r : t.rows)
            order << r.first();
        QCOMPARE(order.mid(0, 9),
                 (QStringList{QStringLiteral("plugin_version"), QStringLiteral("environment"), QStringLiteral("api_key"),
                              QStringLiteral("client_id"), QStringLiteral("organization_id"),
                              QStringLiteral("environment_id"), QStringLiteral("enabled"), QStringLiteral("login_mode"),
                              QStringLiteral("db_version")}));
        QCOMPARE(row(t, QStringLiteral("api_key"), 1), QStringLiteral("********5678")); // masked, never the key
        QCOMPARE(row(t, QStringLiteral("api_key"), 2), QStringLiteral("constant"));
        QCOMPARE(row(t, QStringLiteral("organization_id"), 2), QStringLiteral("database")); // unset reads as database
        QCOMPARE(row(t, QStringLiteral("environment"), 2), QStringLiteral("constant"));
        QCOMPARE(row(t, QStringLiteral("enabled"), 1), QStringLiteral("yes"));
        QCOMPARE(row(t, QStringLiteral("db_version"), 1), QStringLiteral("3"));
        QCOMPARE(row(t, QStringLiteral("multisite"), 1), QStringLiteral("yes"));
    }

    void showsAnotherEnvironmentOnRequest()
    {
        const Table t = SiteStatus::fromJson(sample()).value().toTable(QStringLiteral("staging"));
        QCOMPARE(row(t, QStringLiteral("environment"), 1), QStringLiteral("staging"));
        QVERIFY(row(t, QStringLiteral("environment"), 2).contains(QStringLiteral("active: production")));
        QCOMPARE(row(t, QStringLiteral("client_id"), 1), QStringLiteral("client_stg"));
        QCOMPARE(row(t, QStringLiteral("enabled"), 1), QStringLiteral("no"));
    }
};

QTEST_GUILESS_MAIN(TestSiteStatus)
#include "tst_sitestatus.moc"

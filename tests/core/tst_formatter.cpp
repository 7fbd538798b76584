#include "output/Formatter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace workos;

class TestFormatter : public QObject
{
    Q_OBJECT
private:
    static Table sample()
    {
        Table t;
        t.columns = {QStringLiteral("setting"), QStringLiteral("value")};
        t.rows = {{QStringLiteral("plugin_version"), QStringLiteral("0.1.0")},
                  {QStringLiteral("note"), QStringLiteral("a, \"quoted\" value")},
                  {QStringLiteral("enabled"), QStringLiteral("no")}};
        return t;
    }

private Q_SLOTS:
    void parsesFormatNames()
    {
        QCOMPARE(parseOutputFormat(QStringLiteral("JSON")), OutputFormat::Json);
        QCOMPARE(parseOutputFormat(QStringLiteral("ids")), OutputFormat::Ids);
        QVERIFY(!parseOutputFormat(QStringLiteral("xml")));
        QVERIFY(!parseOutputFormat(QString()));
    }

    void tableAlignsColumns()
    {
        const QString out = formatTable(sample(), OutputFormat::Table);
        const QStringList lines = out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 7); // rule, header, rule, 3 rows, rule
        QCOMPARE(lines.at(0), QStringLiteral("+----------------+-------------------+"));
        QCOMPARE(lines.at(1), QStringLiteral("| setting        | value             |"));
        QCOMPARE(lines.at(3), QStringLiteral("| plugin_version | 0.1.0             |"));
        for (const QString &line : lines)
            QCOMPARE(line.size(), lines.at(0).size());
    }

    void csvQuotesWhatNeedsIt()
    {
        QCOMPARE(formatTable(sample(), OutputFormat::Csv),
                 QStringLiteral("setting,value\nplugin_version,0.1.0\nnote,\"a, \"\"quoted\"\" value\"\nenabled,no\n"));
    }

    void jsonIsAnArrayOfObjects()
    {
        const QJsonArray a = QJsonDocument::fromJson(formatTable(sample(), OutputFormat::Json).toUtf8()).array();
        QCOMPARE(a.size(), 3);
        QCOMPARE(a.at(1).toObject().value(u"value").toString(), QStringLiteral("a, \"quoted\" value"));
    }

    void yamlQuotesTypedAndSpecialScalars()
    {
        const QString y = formatTable(sample(), OutputFormat::Yaml);
        QVERIFY(y.startsWith(QStringLiteral("---\n- setting: plugin_version\n  value: \"0.1.0\"\n")));
        QVERIFY(y.contains(QStringLiteral("  value: \"no\"\n")));               // would be a boolean
        QVERIFY(y.contains(QStringLiteral("  value: \"a, \\\"quoted\\\" value\"\n")));
        Table empty{{QStringLiteral("a")}, {{QString()}}};
        QCOMPARE(formatTable(empty, OutputFormat::Yaml), QStringLiteral("---\n- a: \"\"\n"));
    }

    void idsPrintsFirstColumn()
    {
        Table t{{QStringLiteral("ID"), QStringLiteral("login")},
                {{QStringLiteral("1"), QStringLiteral("a")}, {QStringLiteral("7"), QStringLiteral("b")}}};
        QCOMPARE(formatTable(t, OutputFormat::Ids), QStringLiteral("1 7\n"));
    }
};

QTEST_GUILESS_MAIN(TestFormatter)
#include "tst_formatter.moc"

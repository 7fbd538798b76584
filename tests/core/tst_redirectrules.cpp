// The console's copy of the site's redirect checks (PUT admin/redirects: LoginRedirects::safe_target
// over SafeRedirect), with the cases of wp-companion/tests/SafeRedirectTest.php as the site applies
// them to a stored redirect; and the site-wide settings' rules (SiteSettings::siteProblem).
#include "site/RedirectRules.h"
#include "site/SiteSettings.h"

#include <QJsonArray>
#include <QTest>

using namespace workos;

namespace {
const QUrl kHome(QStringLiteral("http://127.0.0.1:8080/"));
}

class TestRedirectRules : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void refusesWhatTheSiteRefuses_data()
    {
        QTest::addColumn<QString>("target");
        const QStringList refused{
            QStringLiteral("//evil.example"), QStringLiteral("//evil.example/wp-admin/"), QStringLiteral("///evil.example"),
            QStringLiteral("https://evil.example"), QStringLiteral("http://evil.example/wp-admin/"), QStringLiteral("/\\evil.example"),
            QStringLiteral("\\\\evil.example"), QStringLiteral("\\/evil.example"), QStringLiteral("https:\\\\evil.example"),
            QStringLiteral("http:evil.example"), QStringLiteral("https:/evil.example"), QStringLiteral("javascript:alert(1)"),
            QStringLiteral("JaVaScRiPt:alert(document.cookie)"), QStringLiteral("java\tscript:alert(1)"),
            QStringLiteral(" javascript:alert(1)"), QStringLiteral("data:text/html;base64,PHNjcmlwdD5="),
            QStringLiteral("DATA:text/html,<script>alert(1)</script>"), QStringLiteral("vbscript:msgbox(1)"),
            QStringLiteral("ftp://evil.example/"), QStringLiteral("%2F%2Fevil.example"), QStringLiteral("%2f%2fevil.example"),
            QStringLiteral("/%2Fevil.example"), QStringLiteral("/%2F%2Fevil.example"), QStringLiteral("/%5Cevil.example"),
            QStringLiteral("/%5cevil.example"), QStringLiteral("/%252Fevil.example"), QStringLiteral("/%25255Cevil.example"),
            QStringLiteral("/%0d%0aLocation:%20https://evil.example"), QStringLiteral("/wp-admin/%0D%0ASet-Cookie:x=1"),
            QStringLiteral("/wp-admin/%250d%250aSet-Cookie:x=1"), QStringLiteral("/wp-admin/\r\nLocation: https://evil.example"),
            QStringLiteral("/wp-admin/%00"), QStringLiteral("http://127.0.0.1:8080/?q=%0d%0aLocation:evil"),
            QStringLiteral("HtTpS://evil.example/"), QStringLiteral("HTTP://EVIL.EXAMPLE/"), QStringLiteral(" //evil.example"),
            QStringLiteral("\t//evil.example"), QStringLiteral("https://127.0.0.1@evil.example/"),
            QStringLiteral("http://evil.example@127.0.0.1:8080/"), QStringLiteral("http://user:pass@127.0.0.1:8080/"),
            QStringLiteral("http://127.0.0.1.evil.example:8080/"), QStringLiteral("http://127.0.0.1evil.example:8080/"),
            QStringLiteral("http://127%2E0.0.1:8080/"), QStringLiteral("http://127.0.0.1:1/"), QStringLiteral("http://127.0.0.1/"),
            QStringLiteral("http://127.0.0.1:8080/\\evil.example"), QStringLiteral("http://127.0.0.1:8080/%5Cevil.example"),
            QStringLiteral("/%25252525252Fevil.example"), QString(), QStringLiteral("   "),
            QStringLiteral("/") + QString(RedirectRules::MaxLength, u'a')};
        for (const QString &target : refused)
            QTest::newRow(qPrintable(target.left(60))) << target;
    }

    void refusesWhatTheSiteRefuses()
    {
        QFETCH(QString, target);
        QVERIFY(!RedirectRules::isSafe(target, kHome));
    }

    void acceptsPagesOfTheSite_data()
    {
        QTest::addColumn<QString>("target");
        const QStringList accepted{
            QStringLiteral("/wp-admin/"), QStringLiteral("/"), QStringLiteral("/?p=1&x=y"), QStringLiteral("/sample-page/#comments"),
            QStringLiteral("/my%20page/"), QStringLiteral("/a%2Fb"), QStringLiteral("/go?to=https://evil.example"),
            QStringLiteral("http://127.0.0.1:8080/wp-admin/edit.php"), QStringLiteral("HtTp://127.0.0.1:8080/wp-admin/"),
            // The site makes "welcome" a page of its own, and trims what it stores.
            QStringLiteral("welcome"), QStringLiteral("wp-admin/"), QStringLiteral("./wp-admin/"), QStringLiteral("?redirect=1"),
            QStringLiteral("#top"), QStringLiteral("/wp-admin/ "), QStringLiteral("\n/wp-admin/"), QStringLiteral("javascript%3Aalert(1)")};
        for (const QString &target : accepted)
            QTest::newRow(qPrintable(target)) << target;
    }

    void acceptsPagesOfTheSite()
    {
        QFETCH(QString, target);
        QVERIFY(RedirectRules::isSafe(target, kHome));
    }

    void aSiteWithoutAPortTakesTheSchemesDefault()
    {
        const QUrl home(QStringLiteral("http://www.example.test"));
        QVERIFY(RedirectRules::isSafe(QStringLiteral("https://www.example.test/account"), home));
        QVERIFY(RedirectRules::isSafe(QStringLiteral("http://www.example.test:80/"), home));
        QVERIFY(RedirectRules::isSafe(QStringLiteral("https://www.example.test:443/"), home));
        QVERIFY(!RedirectRules::isSafe(QStringLiteral("http://www.example.test:8080/"), home));
        QVERIFY(!RedirectRules::isSafe(QStringLiteral("https://www.example.test:80/"), home));
    }

    void validatesBothMapsAsThePutDoes()
    {
        const QStringList roles{QStringLiteral("administrator"), QStringLiteral("editor"), QStringLiteral("subscriber")};
        const QJsonObject good{
            {QStringLiteral("login"), QJsonObject{{QStringLiteral("__default__"), QJsonObject{{QStringLiteral("url"), QStringLiteral("/welcome/")},
                                                                                              {QStringLiteral("first_login_only"), true}}},
                                                  {QStringLiteral("editor"), QJsonObject{{QStringLiteral("url"), QStringLiteral("wp-admin/edit.php")}}}}},
            {QStringLiteral("logout"), QJsonObject{{QStringLiteral("subscriber"), QStringLiteral("http://127.0.0.1:8080/bye/")}}}};
        QVERIFY(RedirectRules::validate(good, roles, kHome).isEmpty());

        const QJsonObject bad{
            {QStringLiteral("login"), QJsonObject{{QStringLiteral("ghost"), QJsonObject{{QStringLiteral("url"), QStringLiteral("/x/")}}},
                                                  {QStringLiteral("editor"), QJsonObject{{QStringLiteral("url"), QStringLiteral("https://evil.example/")}}},
                                                  {QStringLiteral("subscriber"), QJsonObject{{QStringLiteral("url"), QStringLiteral("  ")}}}}},
            {QStringLiteral("logout"), QJsonObject{{QStringLiteral("administrator"), QJsonObject()}}}};
        const QList<RedirectRules::Problem> problems = RedirectRules::validate(bad, roles, kHome);
        QCOMPARE(problems.size(), 4);
        QCOMPARE(problems.at(0).role, QStringLiteral("editor"));
        QVERIFY(problems.at(0).message.contains(QStringLiteral("127.0.0.1:8080")));
        QCOMPARE(problems.at(1).role, QStringLiteral("ghost"));
        QVERIFY(problems.at(1).message.contains(QStringLiteral("not a WordPress role")));
        QCOMPARE(problems.at(2).role, QStringLiteral("subscriber"));
        QCOMPARE(problems.at(3).map, QStringLiteral("logout"));

        QJsonObject many;
        for (int i = 0; i <= RedirectRules::MaxEntries; ++i)
            many.insert(QStringLiteral("role%1").arg(i), QStringLiteral("/"));
        const auto tooMany = RedirectRules::validate({{QStringLiteral("login"), QJsonObject()}, {QStringLiteral("logout"), many}}, roles, kHome);
        QVERIFY(tooMany.first().message.startsWith(QStringLiteral("At most 100")));
        QCOMPARE(RedirectRules::validate({{QStringLiteral("login"), QJsonObject()}}, roles, kHome).size(), 1); // logout missing
    }

    void siteWideSettingsFollowTheSitesRules()
    {
        QVERIFY(SiteSettings::siteProblem(QStringLiteral("api_base_url"), QStringLiteral("https://api.workos.com")).isEmpty());
        QVERIFY(SiteSettings::siteProblem(QStringLiteral("api_base_url"), QStringLiteral("http://127.0.0.1:4100")).isEmpty());
        QVERIFY(SiteSettings::siteProblem(QStringLiteral("api_base_url"), QStringLiteral("http://localhost:4100/")).isEmpty());
        QVERIFY(!SiteSettings::siteProblem(QStringLiteral("api_base_url"), QStringLiteral("http://api.workos.com")).isEmpty());
        QVERIFY(!SiteSettings::siteProblem(QStringLiteral("api_base_url"), QStringLiteral("https://user:pw@api.workos.com")).isEmpty());
        QVERIFY(!SiteSettings::siteProblem(QStringLiteral("api_base_url"), QStringLiteral("https://api.workos.com/?x=1")).isEmpty());
        QVERIFY(!SiteSettings::siteProblem(QStringLiteral("api_base_url"), QStringLiteral("https://api.workos.com/#x")).isEmpty());
        QVERIFY(!SiteSettings::siteProblem(QStringLiteral("api_base_url"), QStringLiteral("ftp://api.workos.com")).isEmpty());
        QVERIFY(!SiteSettings::siteProblem(QStringLiteral("api_base_url"), QStringLiteral("api.workos.com")).isEmpty());
        QVERIFY(SiteSettings::siteProblem(QStringLiteral("api_base_url"), QJsonValue::Null).isEmpty()); // back to the default
        QVERIFY(SiteSettings::siteProblem(QStringLiteral("webhook_tolerance"), 180).isEmpty());
        QVERIFY(!SiteSettings::siteProblem(QStringLiteral("webhook_tolerance"), 0).isEmpty());
        QVERIFY(!SiteSettings::siteProblem(QStringLiteral("webhook_tolerance"), 3601).isEmpty());
        QVERIFY(!SiteSettings::siteProblem(QStringLiteral("webhook_tolerance"), 1.5).isEmpty());
        QVERIFY(SiteSettings::siteProblem(QStringLiteral("active_environment"), QStringLiteral("production")).isEmpty());
        QVERIFY(!SiteSettings::siteProblem(QStringLiteral("active_environment"), QStringLiteral("dev")).isEmpty());
        QVERIFY(!SiteSettings::siteProblem(QStringLiteral("something"), 1).isEmpty());
        QVERIFY(SiteSettings::isSecret(QStringLiteral("api_key")) && SiteSettings::isSecret(QStringLiteral("webhook_secret")));
        QVERIFY(!SiteSettings::isSecret(QStringLiteral("client_id")));
    }
};

QTEST_GUILESS_MAIN(TestRedirectRules)
#include "tst_redirectrules.moc"

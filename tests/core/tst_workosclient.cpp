// The console's WorkOS client against the in-process emulator over real HTTP: typed reads, error
// messages an admin can act on, cursor iteration (every item once, stop, cancel), and 429 from
// WorkOS waited out through the HTTP client's retries.
#include "../emulator/EmulatorFixture.h"
#include "workos/WorkOSClient.h"

#include <QSet>
#include <QTest>

#include <optional>

using namespace workos;

class TestWorkOSClient : public QObject
{
    Q_OBJECT
private:
    template <typename T>
    static T wait(std::optional<T> &slot)
    {
        if (!QTest::qWaitFor([&]() { return slot.has_value(); }, 30000))
            qFatal("no answer");
        return *slot;
    }

    static WorkOSEndpoint endpoint(EmulatorFixture &emu, const QString &key = QString::fromLatin1(EmulatorFixture::ApiKey))
    {
        WorkOSEndpoint e;
        e.baseUrl = QUrl(emu.emulator->baseUrl());
        e.apiKey = key;
        return e;
    }

    static QString userId(WorkOSClient &client, const QString &email)
    {
        std::optional<QString> id;
        QUrlQuery filter;
        filter.addQueryItem(QStringLiteral("email"), email);
        client.listUsers(filter, [&](const QJsonArray &items) {
            id = items.isEmpty() ? QString() : items.first().toObject().value(u"id").toString();
            return false;
        }, [](const Result<int> &) {});
        return wait(id);
    }

private Q_SLOTS:
    void defaultsToTheRealWorkOS()
    {
        QCOMPARE(WorkOSEndpoint().baseUrl, QUrl(QStringLiteral("https://api.workos.com")));
    }

    void readsAUserAndAnOrganization()
    {
        EmulatorFixture emu;
        HttpClient http;
        WorkOSClient client(&http, endpoint(emu));
        const QString ada = userId(client, QStringLiteral("ada@acme.test"));
        QVERIFY(ada.startsWith(QLatin1String("user_")));
        std::optional<Result<QJsonObject>> user;
        client.getUser(ada, [&](const Result<QJsonObject> &r) { user = r; });
        const Result<QJsonObject> got = wait(user);
        QVERIFY(got.ok());
        QCOMPARE(got->value(u"first_name").toString(), QStringLiteral("Ada"));

        std::optional<QStringList> names;
        QStringList seen;
        std::optional<Result<int>> done;
        client.listOrganizations({}, [&](const QJsonArray &items) {
            for (const auto &org : items)
                seen << org.toObject().value(u"name").toString();
            return true;
        }, [&](const Result<int> &r) { done = r; });
        QCOMPARE(wait(done).value(), 2);
        seen.sort();
        QCOMPARE(seen, (QStringList{QStringLiteral("Acme"), QStringLiteral("Globex")}));
    }

    void errorsSayWhatToDo()
    {
        EmulatorFixture emu;
        HttpClient http;
        WorkOSClient wrongKey(&http, endpoint(emu, QStringLiteral("sk_test_wrong")));
        std::optional<Result<QJsonObject>> answer;
        wrongKey.getOrganization(QStringLiteral("org_x"), [&](const Result<QJsonObject> &r) { answer = r; });
        Result<QJsonObject> r = wait(answer);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().httpStatus, 401);
        QVERIFY2(r.error().message.contains(QLatin1String("API key")), qPrintable(r.error().message));
        QVERIFY(!r.error().message.contains(QLatin1String("sk_test_wrong"))); // never the key itself

        WorkOSClient client(&http, endpoint(emu));
        answer.reset();
        client.getUser(QStringLiteral("user_missing"), [&](const Result<QJsonObject> &x) { answer = x; });
        r = wait(answer);
        QCOMPARE(r.error().httpStatus, 404);
        QVERIFY2(r.error().message.startsWith(QLatin1String("WorkOS does not know it (404)")), qPrintable(r.error().message));
        QVERIFY(!r.error().code.isEmpty());

        WorkOSEndpoint nowhere;
        nowhere.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:9"));
        nowhere.apiKey = QStringLiteral("k");
        WorkOSClient down(&http, nowhere);
        answer.reset();
        down.getUser(QStringLiteral("user_x"), [&](const Result<QJsonObject> &x) { answer = x; });
        r = wait(answer);
        QCOMPARE(r.error().code, QStringLiteral("unreachable"));
        QVERIFY(r.error().message.contains(QLatin1String("127.0.0.1")));
    }

    void iteratesEveryItemOnceAcrossPages()
    {
        EmulatorFixture emu;
        for (int i = 0; i < 230; ++i)
            QCOMPARE(emu.call("POST", QStringLiteral("/user_management/users"),
                              {{QStringLiteral("email"), QStringLiteral("bulk%1@example.test").arg(i)}}).status, 201);
        HttpClient http;
        WorkOSClient client(&http, endpoint(emu));
        QSet<QString> ids;
        int pages = 0;
        std::optional<Result<int>> done;
        client.listUsers({}, [&](const QJsonArray &items) {
            ++pages;
            for (const auto &u : items)
                ids.insert(u.toObject().value(u"id").toString());
            return true;
        }, [&](const Result<int> &r) { done = r; });
        QCOMPARE(wait(done).value(), 233);
        QCOMPARE(ids.size(), 233);
        QCOMPARE(pages, 3);

        // The page callback stops it; cancel() too.
        pages = 0;
        done.reset();
        client.listUsers({}, [&](const QJsonArray &) { return ++pages < 2; }, [&](const Result<int> &r) { done = r; });
        QCOMPARE(wait(done).value(), 200);
        QCOMPARE(pages, 2);
        done.reset();
        client.listUsers({}, [&](const QJsonArray &) { client.cancel(); return true; }, [&](const Result<int> &r) { done = r; });
        const Result<int> canceled = wait(done);
        QVERIFY(!canceled.ok());
        QCOMPARE(canceled.error().code, QStringLiteral("canceled"));
    }

    // The Settings page's "Create organization…" and its role-map editor's WorkOS roles.
    void createsAnOrganizationAndListsItsRoles()
    {
        EmulatorFixture emu;
        HttpClient http;
        WorkOSClient client(&http, endpoint(emu));
        std::optional<Result<QJsonObject>> created;
        client.createOrganization(QStringLiteral("Initech"), {QStringLiteral("initech.test")}, [&](const Result<QJsonObject> &r) { created = r; });
        const Result<QJsonObject> org = wait(created);
        QVERIFY2(org.ok(), qPrintable(org.ok() ? QString() : org.error().message));
        const QString id = org->value(u"id").toString();
        QVERIFY(id.startsWith(QLatin1String("org_")));
        QCOMPARE(org->value(u"name").toString(), QStringLiteral("Initech"));
        const QJsonObject domain = org->value(u"domains").toArray().first().toObject();
        QCOMPARE(domain.value(u"domain").toString(), QStringLiteral("initech.test"));
        QCOMPARE(domain.value(u"state").toString(), QStringLiteral("pending")); // the console cannot prove ownership
        QCOMPARE(emu.call("GET", QStringLiteral("/organizations/") + id).status, 200);

        // The environment's roles, then the organization's own.
        QCOMPARE(emu.call("POST", QStringLiteral("/_emulator/organizations/%1/roles").arg(id),
                          {{QStringLiteral("slug"), QStringLiteral("auditor")}, {QStringLiteral("name"), QStringLiteral("Auditor")}}).status, 201);
        std::optional<Result<QJsonObject>> roles;
        client.listOrganizationRoles(id, [&](const Result<QJsonObject> &r) { roles = r; });
        const Result<QJsonObject> listed = wait(roles);
        QVERIFY2(listed.ok(), qPrintable(listed.ok() ? QString() : listed.error().message));
        QStringList slugs;
        for (const auto &role : listed->value(u"data").toArray())
            slugs << role.toObject().value(u"slug").toString();
        QCOMPARE(slugs, (QStringList{QStringLiteral("admin"), QStringLiteral("editor"), QStringLiteral("member"), QStringLiteral("auditor")}));

        roles.reset();
        client.listOrganizationRoles(QStringLiteral("org_missing"), [&](const Result<QJsonObject> &r) { roles = r; });
        QCOMPARE(wait(roles).error().httpStatus, 404);

        created.reset();
        client.createOrganization(QString(), {}, [&](const Result<QJsonObject> &r) { created = r; });
        const Result<QJsonObject> refused = wait(created);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message.startsWith(QLatin1String("WorkOS refused the request")), qPrintable(refused.error().message));
    }

    void rateLimitsAreWaitedOut()
    {
        EmulatorFixture emu;
        QCOMPARE(emu.call("POST", QStringLiteral("/_emulator/faults"),
                          {{QStringLiteral("path"), QStringLiteral("/organizations")}, {QStringLiteral("status"), 429},
                           {QStringLiteral("retry_after"), 1}, {QStringLiteral("count"), 1}}).status, 201);
        HttpClient http;
        WorkOSClient client(&http, endpoint(emu));
        std::optional<Result<int>> done;
        client.listOrganizations({}, [](const QJsonArray &) { return true; }, [&](const Result<int> &r) { done = r; });
        const Result<int> r = wait(done);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(r.value(), 2);
    }
};

QTEST_GUILESS_MAIN(TestWorkOSClient)
#include "tst_workosclient.moc"

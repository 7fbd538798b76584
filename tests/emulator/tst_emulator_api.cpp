// The emulator's REST API over HTTP: shapes, filters, pagination, errors and the events each
// change emits (workos-api.md §1-§7, §10.5).
#include "EmulatorFixture.h"

#include <QLocale>
#include <QRegularExpression>
#include <QSet>

class TestEmulatorApi : public QObject
{
    Q_OBJECT
private:
    static bool isId(const QString &id, const QString &prefix)
    {
        static const QRegularExpression ulid(QStringLiteral("^[0-9A-HJKMNP-TV-Z]{26}$"));
        return id.startsWith(prefix + QLatin1Char('_')) && ulid.match(id.mid(prefix.size() + 1)).hasMatch();
    }

private Q_SLOTS:
    void usersLifecycleAndEvents()
    {
        EmulatorFixture f;
        Answer created = f.call("POST", QStringLiteral("/user_management/users"),
                                {{QStringLiteral("email"), QStringLiteral("new@acme.test")},
                                 {QStringLiteral("first_name"), QStringLiteral("New")},
                                 {QStringLiteral("password"), QStringLiteral("long-enough-1")},
                                 {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("team"), QStringLiteral("blue")}}}});
        QCOMPARE(created.status, 201);
        const QJsonObject u = created.json;
        QVERIFY(isId(u.value(QLatin1String("id")).toString(), QStringLiteral("user")));
        for (const char *key : {"object", "id", "first_name", "last_name", "profile_picture_url", "email", "email_verified",
                                "external_id", "last_sign_in_at", "created_at", "updated_at", "metadata"})
            QVERIFY2(u.contains(QLatin1String(key)), key);
        QVERIFY(u.value(QLatin1String("last_name")).isNull());
        QVERIFY(u.value(QLatin1String("created_at")).toString().endsWith(QLatin1Char('Z')));
        QVERIFY(!created.header("X-Request-ID").isEmpty());
        const QString id = u.value(QLatin1String("id")).toString();

        Answer got = f.call("GET", QStringLiteral("/user_management/users/") + id);
        QCOMPARE(got.status, 200);
        QCOMPARE(got.json, u);

        Answer updated = f.call("PUT", QStringLiteral("/user_management/users/") + id,
                                {{QStringLiteral("last_name"), QStringLiteral("Person")}, {QStringLiteral("metadata"), QJsonValue()}});
        QCOMPARE(updated.status, 200);
        QCOMPARE(updated.json.value(QLatin1String("name")).toString(), QStringLiteral("New Person"));
        QCOMPARE(updated.json.value(QLatin1String("metadata")).toObject(), QJsonObject()); // null clears

        QCOMPARE(f.call("DELETE", QStringLiteral("/user_management/users/") + id).status, 200);
        Answer gone = f.call("GET", QStringLiteral("/user_management/users/") + id);
        QCOMPARE(gone.status, 404);
        QCOMPARE(gone.json.value(QLatin1String("code")).toString(), QStringLiteral("entity_not_found"));
        QCOMPARE(gone.json.value(QLatin1String("entity_id")).toString(), id);
        QCOMPARE(gone.json.value(QLatin1String("message")).toString(), QStringLiteral("User not found '%1'").arg(id));
        QCOMPARE(f.eventTypes(), (QStringList{QStringLiteral("user.created"), QStringLiteral("user.updated"), QStringLiteral("user.deleted")}));
        QCOMPARE(f.emulator->store().events.select().last().value(QLatin1String("data")).toObject().value(QLatin1String("id")).toString(), id);
    }

    void userCreationRefusesBadInput_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("no email") << QJsonObject{{QStringLiteral("first_name"), QStringLiteral("X")}} << 422 << QStringLiteral("invalid_request_parameters");
        QTest::newRow("duplicate email") << QJsonObject{{QStringLiteral("email"), QStringLiteral("ADA@acme.test")}} << 400 << QStringLiteral("user_creation_error");
        QTest::newRow("bad email") << QJsonObject{{QStringLiteral("email"), QStringLiteral("not-an-email")}} << 400 << QStringLiteral("user_creation_error");
        QTest::newRow("weak password") << QJsonObject{{QStringLiteral("email"), QStringLiteral("w@x.test")}, {QStringLiteral("password"), QStringLiteral("short")}}
                                       << 400 << QStringLiteral("password_strength_error");
        QTest::newRow("both passwords") << QJsonObject{{QStringLiteral("email"), QStringLiteral("w@x.test")}, {QStringLiteral("password"), QStringLiteral("long-enough-1")},
                                                       {QStringLiteral("password_hash"), QStringLiteral("$2b$...")}, {QStringLiteral("password_hash_type"), QStringLiteral("bcrypt")}}
                                        << 400 << QStringLiteral("password_and_password_hash_provided");
        QTest::newRow("nested metadata") << QJsonObject{{QStringLiteral("email"), QStringLiteral("w@x.test")},
                                                        {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("a"), QJsonObject()}}}}
                                         << 400 << QStringLiteral("invalid_metadata");
        QTest::newRow("number as name") << QJsonObject{{QStringLiteral("email"), QStringLiteral("w@x.test")}, {QStringLiteral("first_name"), 5}}
                                        << 422 << QStringLiteral("invalid_request_parameters");
    }

    void userCreationRefusesBadInput()
    {
        QFETCH(QJsonObject, body);
        QFETCH(int, status);
        QFETCH(QString, code);
        EmulatorFixture f;
        const qsizetype before = f.emulator->store().users.size();
        const Answer a = f.call("POST", QStringLiteral("/user_management/users"), body);
        QCOMPARE(a.status, status);
        QCOMPARE(a.json.value(QLatin1String("code")).toString(), code);
        QVERIFY(!a.json.value(QLatin1String("message")).toString().isEmpty());
        QCOMPARE(f.emulator->store().users.size(), before); // nothing stored
        QVERIFY(f.eventTypes().isEmpty());                  // nothing announced
        if (code == u"user_creation_error" && body.value(QLatin1String("email")).toString().startsWith(QLatin1String("ADA")))
            QCOMPARE(a.json.value(QLatin1String("errors")).toArray().first().toObject().value(QLatin1String("code")).toString(),
                     QStringLiteral("email_not_available"));
    }

    void userListFilters()
    {
        EmulatorFixture f;
        Answer byEmail = f.call("GET", QStringLiteral("/user_management/users?email=ALAN%40acme.test"));
        QCOMPARE(byEmail.data.size(), 1);
        QCOMPARE(byEmail.data.first().toObject().value(QLatin1String("first_name")).toString(), QStringLiteral("Alan"));
        Answer byOrg = f.call("GET", QStringLiteral("/user_management/users?organization_id=") + f.orgId(QStringLiteral("Globex")));
        QCOMPARE(byOrg.data.size(), 1);
        QCOMPARE(byOrg.data.first().toObject().value(QLatin1String("email")).toString(), QStringLiteral("ada@acme.test"));
        QCOMPARE(f.call("GET", QStringLiteral("/user_management/users?limit=100")).data.size(), 3);
    }

    void paginationWalksEveryItemOnce()
    {
        EmulatorFixture f;
        for (int i = 0; i < 22; ++i)
            QCOMPARE(f.call("POST", QStringLiteral("/user_management/users"), {{QStringLiteral("email"), QStringLiteral("p%1@x.test").arg(i)}}).status, 201);
        // 25 users in all. Default page of 10, newest first.
        Answer first = f.call("GET", QStringLiteral("/user_management/users"));
        QCOMPARE(first.data.size(), 10);
        QCOMPARE(first.data.first().toObject().value(QLatin1String("email")).toString(), QStringLiteral("p21@x.test"));
        QVERIFY(first.json.value(QLatin1String("list_metadata")).toObject().value(QLatin1String("before")).isNull());
        for (const QString &order : {QStringLiteral("asc"), QStringLiteral("desc")}) {
            QStringList seen;
            QString after;
            int pages = 0;
            do {
                Answer page = f.call("GET", QStringLiteral("/user_management/users?limit=7&order=%1%2").arg(order, after.isEmpty() ? QString() : QStringLiteral("&after=") + after));
                QCOMPARE(page.status, 200);
                for (const QJsonValue &u : page.data)
                    seen.append(u.toObject().value(QLatin1String("id")).toString());
                after = page.json.value(QLatin1String("list_metadata")).toObject().value(QLatin1String("after")).toString();
                ++pages;
            } while (!after.isEmpty() && pages < 10);
            QCOMPARE(pages, 4);
            QCOMPARE(seen.size(), 25);
            QCOMPARE(QSet<QString>(seen.begin(), seen.end()).size(), 25);
        }
        // Backwards from the second page's first item gives the items just before it.
        Answer asc = f.call("GET", QStringLiteral("/user_management/users?order=asc&limit=5"));
        Answer second = f.call("GET", QStringLiteral("/user_management/users?order=asc&limit=5&after=") + asc.data.last().toObject().value(QLatin1String("id")).toString());
        const QString secondBefore = second.json.value(QLatin1String("list_metadata")).toObject().value(QLatin1String("before")).toString();
        QCOMPARE(secondBefore, second.data.first().toObject().value(QLatin1String("id")).toString());
        Answer back = f.call("GET", QStringLiteral("/user_management/users?order=asc&limit=5&before=") + secondBefore);
        QCOMPARE(back.data, asc.data);
    }

    void paginationRefusesBadParameters_data()
    {
        QTest::addColumn<QString>("query");
        QTest::newRow("limit 0") << QStringLiteral("limit=0");
        QTest::newRow("limit 101") << QStringLiteral("limit=101");
        QTest::newRow("limit text") << QStringLiteral("limit=ten");
        QTest::newRow("order") << QStringLiteral("order=sideways");
    }

    void paginationRefusesBadParameters()
    {
        QFETCH(QString, query);
        EmulatorFixture f;
        const Answer a = f.call("GET", QStringLiteral("/user_management/users?") + query);
        QCOMPARE(a.status, 422);
        QCOMPARE(a.json.value(QLatin1String("code")).toString(), QStringLiteral("invalid_request_parameters"));
    }

    void organizationsAndDomains()
    {
        EmulatorFixture f;
        Answer created = f.call("POST", QStringLiteral("/organizations"),
                                {{QStringLiteral("name"), QStringLiteral("Initech")},
                                 {QStringLiteral("domain_data"), QJsonArray{QJsonObject{{QStringLiteral("domain"), QStringLiteral("initech.test")},
                                                                                        {QStringLiteral("state"), QStringLiteral("pending")}}}},
                                 {QStringLiteral("external_id"), QStringLiteral("ext-1")}});
        QCOMPARE(created.status, 201);
        const QJsonObject org = created.json;
        QVERIFY(isId(org.value(QLatin1String("id")).toString(), QStringLiteral("org")));
        const QJsonObject d = org.value(QLatin1String("domains")).toArray().first().toObject();
        QCOMPARE(d.value(QLatin1String("object")).toString(), QStringLiteral("organization_domain"));
        QCOMPARE(d.value(QLatin1String("state")).toString(), QStringLiteral("pending"));
        QVERIFY(isId(d.value(QLatin1String("id")).toString(), QStringLiteral("org_domain")));

        Answer taken = f.call("POST", QStringLiteral("/organizations"),
                              {{QStringLiteral("name"), QStringLiteral("Copy")}, {QStringLiteral("domains"), QJsonArray{QStringLiteral("acme.test")}}});
        QCOMPARE(taken.status, 409);
        QCOMPARE(taken.json.value(QLatin1String("message")).toString(), QStringLiteral("An Organization with the domain acme.test already exists."));
        QCOMPARE(f.call("POST", QStringLiteral("/organizations"), {{QStringLiteral("name"), QStringLiteral("Again")}, {QStringLiteral("external_id"), QStringLiteral("ext-1")}}).json.value(QLatin1String("code")).toString(),
                 QStringLiteral("external_id_already_used"));
        QCOMPARE(f.call("POST", QStringLiteral("/organizations"), {{QStringLiteral("domains"), QJsonArray()}}).status, 422);

        // Every array encoding the SDKs use reaches the same filter.
        for (const QString &q : {QStringLiteral("domains=acme.test&domains=initech.test"), QStringLiteral("domains=acme.test,initech.test"),
                                 QStringLiteral("domains[]=acme.test&domains[]=initech.test"), QStringLiteral("domains[0]=acme.test&domains[1]=initech.test")})
            QCOMPARE(f.call("GET", QStringLiteral("/organizations?") + q).data.size(), 2);
        QCOMPARE(f.call("GET", QStringLiteral("/organizations?search=glob")).data.size(), 1);
        QCOMPARE(f.call("GET", QStringLiteral("/organizations/external_id/ext-1")).json.value(QLatin1String("id")), org.value(QLatin1String("id")));

        const QString id = org.value(QLatin1String("id")).toString();
        Answer updated = f.call("PUT", QStringLiteral("/organizations/") + id,
                                {{QStringLiteral("domain_data"), QJsonArray{QJsonObject{{QStringLiteral("domain"), QStringLiteral("initech.example")},
                                                                                        {QStringLiteral("state"), QStringLiteral("verified")}}}}});
        QCOMPARE(updated.json.value(QLatin1String("domains")).toArray().size(), 1); // replaced, not added
        QCOMPARE(f.call("DELETE", QStringLiteral("/organizations/") + id).status, 200);
        QCOMPARE(f.call("GET", QStringLiteral("/organizations/") + id).status, 404);
        QCOMPARE(f.eventTypes(), (QStringList{QStringLiteral("organization.created"), QStringLiteral("organization.updated"), QStringLiteral("organization.deleted")}));
    }

    void rolesOnBothPaths()
    {
        EmulatorFixture f;
        const QString acme = f.orgId(QStringLiteral("Acme"));
        QCOMPARE(f.call("POST", QStringLiteral("/_emulator/organizations/%1/roles").arg(acme), {{QStringLiteral("slug"), QStringLiteral("auditor")}}).status, 201);
        const Answer current = f.call("GET", QStringLiteral("/authorization/organizations/%1/roles").arg(acme));
        const Answer legacy = f.call("GET", QStringLiteral("/organizations/%1/roles").arg(acme));
        QCOMPARE(current.status, 200);
        QCOMPARE(current.json, legacy.json);
        QVERIFY(!current.json.contains(QLatin1String("list_metadata")));
        QStringList slugs;
        for (const QJsonValue &r : current.data)
            slugs.append(r.toObject().value(QLatin1String("slug")).toString());
        QCOMPARE(slugs, (QStringList{QStringLiteral("admin"), QStringLiteral("editor"), QStringLiteral("member"), QStringLiteral("auditor")}));
        QCOMPARE(current.data.last().toObject().value(QLatin1String("type")).toString(), QStringLiteral("OrganizationRole"));
        QVERIFY(!current.data.last().toObject().contains(QLatin1String("organization_id")));
        // Another organization does not see Acme's custom role.
        QCOMPARE(f.call("GET", QStringLiteral("/authorization/organizations/%1/roles").arg(f.orgId(QStringLiteral("Globex")))).data.size(), 3);
        QCOMPARE(f.call("GET", QStringLiteral("/authorization/organizations/org_nope/roles")).status, 404);
    }

    void membershipsLifecycle()
    {
        EmulatorFixture f;
        const QString solo = f.userId(QStringLiteral("solo@example.test"));
        const QString acme = f.orgId(QStringLiteral("Acme"));
        QCOMPARE(f.call("GET", QStringLiteral("/user_management/organization_memberships")).json.value(QLatin1String("code")).toString(),
                 QStringLiteral("missing_user_id_or_organization_id"));
        Answer bad = f.call("POST", QStringLiteral("/user_management/organization_memberships"),
                            {{QStringLiteral("user_id"), solo}, {QStringLiteral("organization_id"), acme}, {QStringLiteral("role_slug"), QStringLiteral("owner")}});
        QCOMPARE(bad.status, 422);
        QCOMPARE(bad.json.value(QLatin1String("code")).toString(), QStringLiteral("invalid_role"));
        QCOMPARE(f.call("POST", QStringLiteral("/user_management/organization_memberships"),
                        {{QStringLiteral("user_id"), solo}, {QStringLiteral("organization_id"), acme},
                         {QStringLiteral("role_slugs"), QJsonArray{QStringLiteral("admin"), QStringLiteral("member")}}}).json.value(QLatin1String("code")).toString(),
                 QStringLiteral("multiple_roles_not_enabled"));
        QCOMPARE(f.call("POST", QStringLiteral("/user_management/organization_memberships"),
                        {{QStringLiteral("user_id"), QStringLiteral("user_nope")}, {QStringLiteral("organization_id"), acme}}).status, 404);

        Answer created = f.call("POST", QStringLiteral("/user_management/organization_memberships"),
                                {{QStringLiteral("user_id"), solo}, {QStringLiteral("organization_id"), acme}});
        QCOMPARE(created.status, 201);
        const QJsonObject m = created.json;
        QCOMPARE(m.value(QLatin1String("role")).toObject().value(QLatin1String("slug")).toString(), QStringLiteral("member"));
        QCOMPARE(m.value(QLatin1String("organization_name")).toString(), QStringLiteral("Acme"));
        QCOMPARE(m.value(QLatin1String("user")).toObject().value(QLatin1String("id")).toString(), solo);
        QVERIFY(isId(m.value(QLatin1String("id")).toString(), QStringLiteral("om")));
        const QString id = m.value(QLatin1String("id")).toString();
        QCOMPARE(f.call("POST", QStringLiteral("/user_management/organization_memberships"),
                        {{QStringLiteral("user_id"), solo}, {QStringLiteral("organization_id"), acme}}).status, 400);

        QCOMPARE(f.call("PUT", QStringLiteral("/user_management/organization_memberships/") + id, {{QStringLiteral("role_slug"), QStringLiteral("editor")}})
                     .json.value(QLatin1String("role")).toObject().value(QLatin1String("slug")).toString(),
                 QStringLiteral("editor"));
        QCOMPARE(f.call("PUT", QStringLiteral("/user_management/organization_memberships/%1/deactivate").arg(id)).json.value(QLatin1String("status")).toString(),
                 QStringLiteral("inactive"));
        QCOMPARE(f.call("PUT", QStringLiteral("/user_management/organization_memberships/%1/deactivate").arg(id)).status, 200); // no-op
        QCOMPARE(f.call("GET", QStringLiteral("/user_management/organization_memberships?user_id=") + solo).data.size(), 0);
        QCOMPARE(f.call("GET", QStringLiteral("/user_management/organization_memberships?user_id=%1&statuses=inactive").arg(solo)).data.size(), 1);
        QCOMPARE(f.call("GET", QStringLiteral("/user_management/organization_memberships?user_id=%1&statuses[]=inactive&statuses[]=active").arg(solo)).data.size(), 1);
        QCOMPARE(f.call("PUT", QStringLiteral("/user_management/organization_memberships/%1/reactivate").arg(id)).json.value(QLatin1String("status")).toString(),
                 QStringLiteral("active"));
        QCOMPARE(f.call("DELETE", QStringLiteral("/user_management/organization_memberships/") + id).status, 200);
        QCOMPARE(f.eventTypes(), (QStringList{QStringLiteral("organization_membership.created"), QStringLiteral("organization_membership.updated"),
                                              QStringLiteral("organization_membership.updated"), QStringLiteral("organization_membership.updated"),
                                              QStringLiteral("organization_membership.deleted")}));
        // Events carry the membership without user and organization_name (workos-api.md §10.4).
        const QJsonObject data = f.emulator->store().events.select().first().value(QLatin1String("data")).toObject();
        QVERIFY(!data.contains(QLatin1String("user")));
        QVERIFY(!data.contains(QLatin1String("organization_name")));
        QCOMPARE(data.value(QLatin1String("role")).toObject().value(QLatin1String("slug")).toString(), QStringLiteral("member"));
    }

    void directorySyncThroughTheIdp()
    {
        EmulatorFixture f;
        const QString acme = f.orgId(QStringLiteral("Acme"));
        const Answer dir = f.call("POST", QStringLiteral("/_emulator/directories"), {{QStringLiteral("organization_id"), acme}, {QStringLiteral("name"), QStringLiteral("Okta")}});
        QCOMPARE(dir.status, 201);
        const QString dirId = dir.json.value(QLatin1String("id")).toString();
        const QString group = f.call("POST", QStringLiteral("/_emulator/directories/%1/groups").arg(dirId), {{QStringLiteral("name"), QStringLiteral("Engineering")}}).json.value(QLatin1String("id")).toString();
        const Answer user = f.call("POST", QStringLiteral("/_emulator/directories/%1/users").arg(dirId),
                                   {{QStringLiteral("email"), QStringLiteral("dee@acme.test")}, {QStringLiteral("first_name"), QStringLiteral("Dee")}});
        QCOMPARE(user.status, 201);
        const QString userId = user.json.value(QLatin1String("id")).toString();
        QVERIFY(isId(userId, QStringLiteral("directory_user")));
        QCOMPARE(f.call("PUT", QStringLiteral("/_emulator/directory_groups/%1/users/%2").arg(group, userId)).status, 200);
        QCOMPARE(f.call("PUT", QStringLiteral("/_emulator/directory_groups/%1/users/%2").arg(group, userId)).status, 200); // no second event

        QCOMPARE(f.call("GET", QStringLiteral("/directory_users")).status, 422);
        const Answer inGroup = f.call("GET", QStringLiteral("/directory_users?group=") + group);
        QCOMPARE(inGroup.data.size(), 1);
        QCOMPARE(inGroup.data.first().toObject().value(QLatin1String("groups")).toArray().first().toObject().value(QLatin1String("name")).toString(),
                 QStringLiteral("Engineering"));
        QCOMPARE(f.call("GET", QStringLiteral("/directory_groups?user=") + userId).data.size(), 1);
        QCOMPARE(f.call("GET", QStringLiteral("/directories?organization_id=") + acme).data.size(), 1);

        QCOMPARE(f.call("PUT", QStringLiteral("/_emulator/directory_groups/") + group, {{QStringLiteral("name"), QStringLiteral("Engineers")}}).status, 200);
        QCOMPARE(f.call("PUT", QStringLiteral("/_emulator/directory_groups/") + group, {{QStringLiteral("name"), QString()}}).status, 422);
        QCOMPARE(f.call("POST", QStringLiteral("/_emulator/directory_users/%1/deactivate").arg(userId)).status, 200);
        QCOMPARE(f.call("DELETE", QStringLiteral("/_emulator/directory_groups/%1/users/%2").arg(group, userId)).status, 200);
        QCOMPARE(f.call("DELETE", QStringLiteral("/_emulator/directory_users/") + userId).status, 200);
        QCOMPARE(f.call("DELETE", QStringLiteral("/_emulator/directory_groups/") + group).status, 200);
        QCOMPARE(f.call("GET", QStringLiteral("/directory_groups/") + group).status, 404);
        QCOMPARE(f.eventTypes(), (QStringList{QStringLiteral("dsync.activated"), QStringLiteral("dsync.group.created"), QStringLiteral("dsync.user.created"),
                                              QStringLiteral("dsync.group.user_added"), QStringLiteral("dsync.group.updated"), QStringLiteral("dsync.user.updated"),
                                              QStringLiteral("dsync.group.user_removed"), QStringLiteral("dsync.user.deleted"), QStringLiteral("dsync.group.deleted")}));
        const QList<QJsonObject> events = f.emulator->store().events.select();
        const QJsonObject added = events.at(3).value(QLatin1String("data")).toObject();
        QCOMPARE(added.value(QLatin1String("directory_id")).toString(), dirId);
        QCOMPARE(added.value(QLatin1String("user")).toObject().value(QLatin1String("id")).toString(), userId);
        QVERIFY(!added.value(QLatin1String("user")).toObject().contains(QLatin1String("groups")));
        QCOMPARE(events.at(4).value(QLatin1String("data")).toObject().value(QLatin1String("previous_attributes")).toObject().value(QLatin1String("name")).toString(),
                 QStringLiteral("Engineering"));
        const QJsonObject updated = events.at(5).value(QLatin1String("data")).toObject();
        QCOMPARE(updated.value(QLatin1String("state")).toString(), QStringLiteral("inactive"));
        QCOMPARE(updated.value(QLatin1String("previous_attributes")).toObject().value(QLatin1String("state")).toString(), QStringLiteral("active"));
    }

    void eventsApi()
    {
        EmulatorFixture f;
        for (int i = 0; i < 3; ++i)
            f.call("POST", QStringLiteral("/user_management/users"), {{QStringLiteral("email"), QStringLiteral("e%1@x.test").arg(i)}});
        f.call("POST", QStringLiteral("/organizations"), {{QStringLiteral("name"), QStringLiteral("Evented")}});
        const Answer missing = f.call("GET", QStringLiteral("/events"));
        QCOMPARE(missing.status, 422);
        QCOMPARE(missing.json.value(QLatin1String("errors")).toArray().first().toObject().value(QLatin1String("field")).toString(), QStringLiteral("events"));
        const Answer users = f.call("GET", QStringLiteral("/events?events=user.created&order=asc&limit=2"));
        QCOMPARE(users.data.size(), 2);
        QCOMPARE(users.data.first().toObject().value(QLatin1String("object")).toString(), QStringLiteral("event"));
        QVERIFY(isId(users.data.first().toObject().value(QLatin1String("id")).toString(), QStringLiteral("event")));
        const QJsonObject meta = users.json.value(QLatin1String("list_metadata")).toObject();
        QVERIFY(!meta.contains(QLatin1String("before"))); // /events has only "after"
        const Answer rest = f.call("GET", QStringLiteral("/events?events=user.created&order=asc&after=") + meta.value(QLatin1String("after")).toString());
        QCOMPARE(rest.data.size(), 1);
        QCOMPARE(f.call("GET", QStringLiteral("/events?events=user.created,organization.created")).data.size(), 4);
        QCOMPARE(f.call("GET", QStringLiteral("/events?events[]=organization.created&organization_id=") + f.orgId(QStringLiteral("Evented"))).data.size(), 1);

        const QString start = QDateTime::currentDateTimeUtc().addSecs(-60).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
        QCOMPARE(f.call("GET", QStringLiteral("/events?events=user.created&range_start=") + start).data.size(), 3);
        const Answer noMs = f.call("GET", QStringLiteral("/events?events=user.created&range_start=2026-01-01T00:00:00Z"));
        QCOMPARE(noMs.status, 422);
        QCOMPARE(noMs.json.value(QLatin1String("message")).toString(), QStringLiteral("Invalid range. Start date is not a valid ISO 8601 date."));
        QCOMPARE(f.call("GET", QStringLiteral("/events?events=user.created&range_start=2020-01-01T00:00:00.000Z")).json.value(QLatin1String("message")).toString(),
                 QStringLiteral("Date ranges cannot be longer than 30 days."));
        QCOMPARE(f.call("GET", QStringLiteral("/events?events=user.created&after=x&range_start=") + start).json.value(QLatin1String("message")).toString(),
                 QStringLiteral("Only one of range_start and after may be provided."));
    }

    void auditLogEvents()
    {
        EmulatorFixture f;
        const QString acme = f.orgId(QStringLiteral("Acme"));
        const QJsonObject event{{QStringLiteral("action"), QStringLiteral("user.signed_in")},
                                {QStringLiteral("occurred_at"), QStringLiteral("2026-02-02T16:35:39.317Z")},
                                {QStringLiteral("version"), 1},
                                {QStringLiteral("actor"), QJsonObject{{QStringLiteral("id"), QStringLiteral("user_1")}, {QStringLiteral("type"), QStringLiteral("user")}}},
                                {QStringLiteral("targets"), QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("post_1")}, {QStringLiteral("type"), QStringLiteral("post")}}}},
                                {QStringLiteral("context"), QJsonObject{{QStringLiteral("location"), QStringLiteral("203.0.113.7")}}},
                                {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("count"), 3}, {QStringLiteral("ok"), true}}}};
        const QJsonObject body{{QStringLiteral("organization_id"), acme}, {QStringLiteral("event"), event}};
        const QList<std::pair<QByteArray, QByteArray>> key{{QByteArrayLiteral("Idempotency-Key"), QByteArrayLiteral("k-1")}};
        const Answer ok = f.call("POST", QStringLiteral("/audit_logs/events"), body, true, key);
        QCOMPARE(ok.status, 200);
        QCOMPARE(ok.json, (QJsonObject{{QStringLiteral("success"), true}}));
        QCOMPARE(f.call("POST", QStringLiteral("/audit_logs/events"), body, true, key).status, 200);
        QCOMPARE(f.emulator->store().auditEvents.size(), 1); // the replay stored nothing
        QJsonObject other = body;
        other.insert(QStringLiteral("organization_id"), f.orgId(QStringLiteral("Globex")));
        QCOMPARE(f.call("POST", QStringLiteral("/audit_logs/events"), other, true, key).json.value(QLatin1String("code")).toString(),
                 QStringLiteral("idempotency_key_reused"));
        const Answer stored = f.call("GET", QStringLiteral("/_emulator/audit_events?organization_id=") + acme);
        QCOMPARE(stored.data.first().toObject().value(QLatin1String("action")).toString(), QStringLiteral("user.signed_in"));

        // The reference plugin's shape (action as an object, no "event" wrapper) is refused.
        const Answer legacy = f.call("POST", QStringLiteral("/audit_logs/events"),
                                     {{QStringLiteral("organization_id"), acme},
                                      {QStringLiteral("action"), QJsonObject{{QStringLiteral("type"), QStringLiteral("user.signed_in")}}}});
        QCOMPARE(legacy.status, 422);
        QCOMPARE(legacy.json.value(QLatin1String("errors")).toArray().first().toObject().value(QLatin1String("field")).toString(), QStringLiteral("event"));
        QJsonObject noLocation = event;
        noLocation.insert(QStringLiteral("context"), QJsonObject());
        noLocation.remove(QStringLiteral("targets"));
        const Answer invalid = f.call("POST", QStringLiteral("/audit_logs/events"), {{QStringLiteral("organization_id"), acme}, {QStringLiteral("event"), noLocation}});
        QCOMPARE(invalid.status, 422);
        QStringList fields;
        for (const QJsonValue &e : invalid.json.value(QLatin1String("errors")).toArray())
            fields.append(e.toObject().value(QLatin1String("field")).toString());
        QVERIFY(fields.contains(QStringLiteral("event.targets")));
        QVERIFY(fields.contains(QStringLiteral("event.context.location")));
        QCOMPARE(f.call("POST", QStringLiteral("/audit_logs/events"), {{QStringLiteral("organization_id"), QStringLiteral("org_nope")}, {QStringLiteral("event"), event}}).status, 404);
        QCOMPARE(f.emulator->store().auditEvents.size(), 1);
    }

    void requestErrors()
    {
        EmulatorFixture f;
        const Answer noKey = f.call("GET", QStringLiteral("/user_management/users"), {}, false);
        QCOMPARE(noKey.status, 401);
        QCOMPARE(noKey.json.value(QLatin1String("code")).toString(), QStringLiteral("unauthorized"));
        QCOMPARE(f.call("GET", QStringLiteral("/organizations"), {}, false, {{QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer sk_wrong")}}).status, 401);
        const Answer unknown = f.call("GET", QStringLiteral("/no/such/route"));
        QCOMPARE(unknown.status, 404);
        QCOMPARE(unknown.json.value(QLatin1String("code")).toString(), QStringLiteral("route_not_found"));
        const Answer malformed = f.raw("POST", QStringLiteral("/organizations"), "{\"name\": ");
        QCOMPARE(malformed.status, 400);
        QVERIFY(malformed.json.value(QLatin1String("message")).toString().contains(QStringLiteral("not valid JSON")));
        QCOMPARE(f.raw("POST", QStringLiteral("/organizations"), "[1,2]").status, 400);
        const Answer big = f.raw("POST", QStringLiteral("/organizations"), QByteArray(1024 * 1024 + 1, ' '));
        QCOMPARE(big.status, 413);
        QCOMPARE(f.emulator->store().organizations.size(), 2);
    }

    void everyAnswerIsDatedByTheEmulatorsClock()
    {
        EmulatorFixture f;
        const auto dateOf = [](const Answer &a) {
            QDateTime t = QLocale::c().toDateTime(QString::fromLatin1(a.header("Date")), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
            t.setTimeSpec(Qt::UTC);
            return t;
        };
        const QDateTime before = dateOf(f.call("GET", QStringLiteral("/organizations")));
        QVERIFY(before.isValid());
        QVERIFY(qAbs(before.secsTo(QDateTime::currentDateTimeUtc())) <= 2);
        QVERIFY(dateOf(f.call("GET", QStringLiteral("/no/such/route"))).isValid()); // errors too
        QCOMPARE(f.call("POST", QStringLiteral("/_emulator/clock"), {{QStringLiteral("advance_seconds"), 600}}).status, 200);
        const QDateTime later = dateOf(f.call("GET", QStringLiteral("/organizations")));
        QVERIFY2(qAbs(before.secsTo(later) - 600) <= 2, qPrintable(later.toString(Qt::ISODate)));
    }

    void injectedFaults()
    {
        EmulatorFixture f;
        QCOMPARE(f.call("POST", QStringLiteral("/_emulator/faults"),
                        {{QStringLiteral("path"), QStringLiteral("/organizations")}, {QStringLiteral("status"), 429}, {QStringLiteral("retry_after"), 2}}).status, 201);
        const Answer limited = f.call("GET", QStringLiteral("/organizations"));
        QCOMPARE(limited.status, 429);
        QCOMPARE(limited.header("Retry-After"), QByteArray("2"));
        QCOMPARE(limited.json.value(QLatin1String("code")).toString(), QStringLiteral("rate_limit_exceeded"));
        QCOMPARE(f.call("GET", QStringLiteral("/organizations")).status, 200); // count 1: used up

        f.call("POST", QStringLiteral("/_emulator/faults"), {{QStringLiteral("method"), QStringLiteral("get")}, {QStringLiteral("path"), QStringLiteral("/user_management/users")},
                                                             {QStringLiteral("status"), 503}, {QStringLiteral("count"), 2}});
        QCOMPARE(f.call("GET", QStringLiteral("/user_management/users")).status, 503);
        QCOMPARE(f.call("GET", QStringLiteral("/user_management/users")).status, 503);
        QCOMPARE(f.call("GET", QStringLiteral("/user_management/users")).status, 200);

        f.call("POST", QStringLiteral("/_emulator/faults"), {{QStringLiteral("path"), QStringLiteral("/organizations")}, {QStringLiteral("latency_ms"), 400}});
        QElapsedTimer t;
        t.start();
        QCOMPARE(f.call("GET", QStringLiteral("/organizations")).status, 200);
        QVERIFY(t.elapsed() >= 380);
        QCOMPARE(f.call("POST", QStringLiteral("/_emulator/faults"), {{QStringLiteral("path"), QStringLiteral("/x")}}).status, 400);
    }

    void controlApiIsOffByDefault()
    {
        emu::Emulator plain;
        QVERIFY(plain.listen() != 0);
        QVERIFY(plain.loadSeed(EmulatorFixture::minimalSeed()).isEmpty());
        QNetworkAccessManager nam;
        QNetworkReply *reply = nam.get(QNetworkRequest(QUrl(plain.baseUrl() + QStringLiteral("/_emulator/health"))));
        QTRY_VERIFY(reply->isFinished());
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 404);
        reply->deleteLater();
    }

    void seedCanRequireEmailVerification()
    {
        QJsonObject seed = EmulatorFixture::minimalSeed();
        seed.insert(QStringLiteral("environment"), QJsonObject{{QStringLiteral("require_email_verification"), true}});
        QJsonArray users = seed.value(QLatin1String("users")).toArray();
        users.append(QJsonObject{{QStringLiteral("email"), QStringLiteral("new@acme.test")}, {QStringLiteral("password"), QStringLiteral("Password123!")},
                                 {QStringLiteral("email_verified"), false}});
        seed.insert(QStringLiteral("users"), users);
        EmulatorFixture f(seed);
        const QJsonObject grant{{QStringLiteral("grant_type"), QStringLiteral("password")},
                                {QStringLiteral("client_id"), f.emulator->config().clientId},
                                {QStringLiteral("client_secret"), QString::fromLatin1(EmulatorFixture::ApiKey)},
                                {QStringLiteral("email"), QStringLiteral("new@acme.test")},
                                {QStringLiteral("password"), QStringLiteral("Password123!")}};
        const Answer a = f.call("POST", QStringLiteral("/user_management/authenticate"), grant, false);
        QCOMPARE(a.status, 403);
        QCOMPARE(a.json.value(QLatin1String("code")).toString(), QStringLiteral("email_verification_required"));
        QVERIFY(!a.json.value(QLatin1String("pending_authentication_token")).toString().isEmpty());
        QVERIFY(a.json.value(QLatin1String("email_verification_id")).toString().startsWith(QStringLiteral("email_verification_")));
        // A verified user is not asked.
        QJsonObject verified = grant;
        verified.insert(QStringLiteral("email"), QStringLiteral("ada@acme.test"));
        const Answer picker = f.call("POST", QStringLiteral("/user_management/authenticate"), verified, false);
        QCOMPARE(picker.json.value(QLatin1String("code")).toString(), QStringLiteral("organization_selection_required")); // two orgs
    }

    void seedErrorsNameThePlace()
    {
        emu::Emulator e;
        QJsonObject seed = EmulatorFixture::minimalSeed();
        QJsonArray users = seed.value(QLatin1String("users")).toArray();
        users.append(QJsonObject{{QStringLiteral("email"), QStringLiteral("ada@acme.test")}});
        seed.insert(QStringLiteral("users"), users);
        QCOMPARE(e.loadSeed(seed), QStringLiteral("users[3]: This email is not available."));
    }
};

QTEST_GUILESS_MAIN(TestEmulatorApi)
#include "tst_emulator_api.moc"

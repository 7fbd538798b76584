#include "rolemap/RoleMap.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace workos;

namespace {
QJsonObject member(int id, const QString &login, const QStringList &roles, const QString &workosRole)
{
    return {{QStringLiteral("user_id"), id}, {QStringLiteral("user_login"), login}, {QStringLiteral("user_exists"), true},
            {QStringLiteral("roles"), QJsonArray::fromStringList(roles)}, {QStringLiteral("workos_role"), workosRole}};
}
QJsonObject admin(int id, const QString &workosUserId)
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("workos_user_id"), workosUserId.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(workosUserId)}};
}
const QStringList kWordPressRoles{QStringLiteral("administrator"), QStringLiteral("editor"), QStringLiteral("author"),
                                  QStringLiteral("contributor"), QStringLiteral("subscriber")};
} // namespace

class TestRoleMap : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void emptyMeansTheBuiltInMap()
    {
        RoleMap none;
        QVERIFY(none.isBuiltIn());
        QCOMPARE(none.map(QStringLiteral("admin")), QStringLiteral("administrator"));
        QCOMPARE(none.map(QStringLiteral("editor")), QStringLiteral("editor"));
        QCOMPARE(none.map(QStringLiteral("unknown-role")), QStringLiteral("subscriber")); // the member mapping
        // Blank entries are ignored, as on the site.
        QVERIFY(RoleMap({{QStringLiteral(" "), QStringLiteral("editor")}, {QStringLiteral("x"), QString()}}).isBuiltIn());
    }

    void unmappedRolesGetTheMemberMappingElseSubscriber()
    {
        const RoleMap custom({{QStringLiteral("member"), QStringLiteral("contributor")}, {QStringLiteral("Engineering"), QStringLiteral("author")}});
        QCOMPARE(custom.map(QStringLiteral("Engineering")), QStringLiteral("author"));
        QCOMPARE(custom.map(QStringLiteral("admin")), QStringLiteral("contributor"));
        const RoleMap noMember({{QStringLiteral("admin"), QStringLiteral("administrator")}});
        QCOMPARE(noMember.map(QStringLiteral("viewer")), QStringLiteral("subscriber"));
    }

    void reverseMapsWordPressRolesBack()
    {
        const RoleMap m({{QStringLiteral("admin"), QStringLiteral("administrator")}, {QStringLiteral("owner"), QStringLiteral("administrator")},
                         {QStringLiteral("member"), QStringLiteral("subscriber")}});
        const auto r = m.reverse();
        QCOMPARE(r.value(QStringLiteral("administrator")), QStringLiteral("owner")); // the last one wins
        QCOMPARE(r.value(QStringLiteral("subscriber")), QStringLiteral("member"));
        QVERIFY(!r.contains(QStringLiteral("editor")));
    }

    void validationNamesTheEntry()
    {
        const RoleMap bad({{QStringLiteral("admin"), QStringLiteral("superhero")},
                           {QStringLiteral("<script>"), QStringLiteral("editor")},
                           {QString(200, QLatin1Char('x')), QStringLiteral("editor")},
                           {QStringLiteral("ok"), QStringLiteral("author")}});
        const auto problems = bad.validate(kWordPressRoles);
        QCOMPARE(problems.size(), 3);
        QStringList keys, messages;
        for (const auto &p : problems) {
            keys << p.key;
            messages << p.message;
        }
        QVERIFY(keys.contains(QStringLiteral("admin")));
        QVERIFY(keys.contains(QStringLiteral("<script>")));
        QVERIFY(!keys.contains(QStringLiteral("ok")));
        for (const auto &p : problems) // each problem says which side of its entry is wrong
            QCOMPARE(p.field, p.key == u"admin" ? RoleMap::Problem::Field::Value : RoleMap::Problem::Field::Key);
        QVERIFY(messages.join(u'\n').contains(QStringLiteral("“superhero” is not a WordPress role")));

        QMap<QString, QString> many;
        for (int i = 0; i < 201; ++i)
            many.insert(QStringLiteral("group-%1").arg(i), QStringLiteral("subscriber"));
        const auto tooMany = RoleMap(many).validate(kWordPressRoles);
        QCOMPARE(tooMany.size(), 1);
        QVERIFY(tooMany.first().key.isEmpty());
        QCOMPARE(tooMany.first().field, RoleMap::Problem::Field::Map);
        QVERIFY(RoleMap().validate(kWordPressRoles).isEmpty());
    }

    void previewListsWhoseRoleChanges()
    {
        const QJsonArray members{member(2, QStringLiteral("ada"), {QStringLiteral("editor")}, QStringLiteral("admin")),
                                 member(3, QStringLiteral("bob"), {QStringLiteral("subscriber")}, QStringLiteral("member")),
                                 member(4, QStringLiteral("cy"), {QStringLiteral("author")}, QString()),
                                 QJsonObject{{QStringLiteral("user_id"), 9}, {QStringLiteral("user_exists"), false},
                                             {QStringLiteral("workos_role"), QStringLiteral("admin")}}};
        const auto changes = RoleMap().preview(members, 1);
        QCOMPARE(changes.size(), 2); // bob already has his role; the deleted user is left out
        QCOMPARE(changes.at(0).login, QStringLiteral("ada"));
        QCOMPARE(changes.at(0).newRole, QStringLiteral("administrator"));
        QCOMPARE(changes.at(1).login, QStringLiteral("cy"));
        QCOMPARE(changes.at(1).newRole, QStringLiteral("subscriber")); // no WorkOS role: member
    }

    void previewKeepsTheLastAdministrator()
    {
        const QJsonArray members{member(1, QStringLiteral("root"), {QStringLiteral("administrator")}, QStringLiteral("member")),
                                 member(2, QStringLiteral("ops"), {QStringLiteral("administrator")}, QStringLiteral("member"))};
        const auto changes = RoleMap().preview(members, 2);
        QCOMPARE(changes.size(), 2);
        QVERIFY(!changes.at(0).keptLastAdministrator); // one of two may go
        QVERIFY(changes.at(1).keptLastAdministrator);  // the last one stays
    }

    void refusesAMapThatDemotesEveryAdministrator()
    {
        const QJsonArray members{member(1, QStringLiteral("root"), {QStringLiteral("administrator")}, QStringLiteral("admin"))};
        const QJsonArray linkedAdmins{admin(1, QStringLiteral("user_01"))};
        QVERIFY(!RoleMap().demotesEveryAdministrator(linkedAdmins, members));
        const RoleMap demoting({{QStringLiteral("admin"), QStringLiteral("editor")}});
        QVERIFY(demoting.demotesEveryAdministrator(linkedAdmins, members));
        // An administrator outside WorkOS keeps the site administered.
        QVERIFY(!demoting.demotesEveryAdministrator(QJsonArray{admin(1, QStringLiteral("user_01")), admin(5, QString())}, members));
        // A linked administrator without a membership counts as `member`.
        QVERIFY(RoleMap().demotesEveryAdministrator(QJsonArray{admin(7, QStringLiteral("user_07"))}, QJsonArray{}));
        QVERIFY(!RoleMap().demotesEveryAdministrator(QJsonArray{}, members));
    }
};

QTEST_GUILESS_MAIN(TestRoleMap)
#include "tst_rolemap.moc"

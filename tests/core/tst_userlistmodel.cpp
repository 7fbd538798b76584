// The site's users as the CLI prints them (UserFields) and the Users page shows them
// (UserListModel), and the lines bulk runs end with (SyncService::summary, planTable).
#include "sync/SyncService.h"
#include "users/UserFields.h"
#include "users/UserListModel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace workos;

namespace {

QJsonObject user(qint64 id, const QString &login, const QString &workosId = {}, const QString &synced = {})
{
    QJsonObject u;
    u.insert(QStringLiteral("id"), id);
    u.insert(QStringLiteral("login"), login);
    u.insert(QStringLiteral("email"), QString(login + QStringLiteral("@acme.test")));
    u.insert(QStringLiteral("display_name"), login.toUpper());
    u.insert(QStringLiteral("roles"), QJsonArray{QStringLiteral("editor"), QStringLiteral("author")});
    u.insert(QStringLiteral("workos_user_id"), workosId.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(workosId));
    u.insert(QStringLiteral("org_id"), QJsonValue(QJsonValue::Null));
    u.insert(QStringLiteral("deactivated"), false);
    u.insert(QStringLiteral("last_synced_at"), synced.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(synced));
    return u;
}

} // namespace

class TestUserListModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fieldsAreTheCliColumns()
    {
        const QJsonObject ada = user(42, QStringLiteral("ada"), QStringLiteral("user_01A"));
        QCOMPARE(UserFields::value(ada, QStringLiteral("ID")), QStringLiteral("42"));
        QCOMPARE(UserFields::value(ada, QStringLiteral("user_login")), QStringLiteral("ada"));
        QCOMPARE(UserFields::value(ada, QStringLiteral("role")), QStringLiteral("editor,author"));
        QCOMPARE(UserFields::value(ada, QStringLiteral("linked")), QStringLiteral("yes"));
        QCOMPARE(UserFields::value(user(7, QStringLiteral("bob")), QStringLiteral("linked")), QStringLiteral("no"));
        QCOMPARE(UserFields::value(user(7, QStringLiteral("bob")), QStringLiteral("workos_user_id")), QString());
        const Table details = UserFields::details(user(7, QStringLiteral("bob")));
        QCOMPARE(details.columns.size(), details.rows.first().size());
        QCOMPARE(details.rows.first().at(5), QStringLiteral("(none)"));
        QCOMPARE(details.rows.first().at(7), QStringLiteral("(never)"));
        QCOMPARE(details.rows.first().at(8), QStringLiteral("no"));
        for (const QString &field : UserFields::defaultListFields())
            QVERIFY(UserFields::listFields().contains(field));
    }

    void pagesAppendAndRowsSortByKind()
    {
        UserListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.append({user(9, QStringLiteral("zed")), user(10, QStringLiteral("amy"), QStringLiteral("user_01B"), QStringLiteral("2026-03-04T05:06:07Z"))});
        model.append({user(100, QStringLiteral("kim"))});
        model.append({});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.rowOfId(100), 2);
        QCOMPARE(model.rowOfId(5), -1);
        QCOMPARE(model.index(0, UserListModel::WorkOSColumn).data().toString(), QStringLiteral("not linked"));
        QCOMPARE(model.index(0, UserListModel::SyncedColumn).data().toString(), QStringLiteral("never"));
        QCOMPARE(model.index(0, UserListModel::RolesColumn).data().toString(), QStringLiteral("editor, author"));
        QCOMPARE(model.index(1, UserListModel::WorkOSColumn).data().toString(), QStringLiteral("user_01B"));
        QVERIFY(model.index(1, 0).data(UserListModel::LinkedRole).toBool());
        QCOMPARE(model.userAt(2).value(u"login").toString(), QStringLiteral("kim"));

        QSortFilterProxyModel sorted;
        sorted.setSourceModel(&model);
        sorted.setSortRole(UserListModel::SortRole);
        sorted.sort(UserListModel::IdColumn, Qt::AscendingOrder); // 9, 10, 100: as numbers
        QCOMPARE(sorted.index(0, 0).data().toString(), QStringLiteral("9"));
        QCOMPARE(sorted.index(2, 0).data().toString(), QStringLiteral("100"));
        sorted.sort(UserListModel::LoginColumn, Qt::AscendingOrder);
        QCOMPARE(sorted.index(0, UserListModel::LoginColumn).data().toString(), QStringLiteral("amy"));

        // A user read again after an action takes its row's place.
        model.replace(user(9, QStringLiteral("zed"), QStringLiteral("user_01C")));
        QCOMPARE(model.index(0, UserListModel::WorkOSColumn).data().toString(), QStringLiteral("user_01C"));
        model.replace(user(555, QStringLiteral("ghost"))); // not listed: nothing
        QCOMPARE(model.rowCount(), 3);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.rowOfId(9), -1);
    }

    void runsEndWithTheCliSummary()
    {
        SyncReport report;
        report.kind = SyncService::Import;
        report.counts.done = 3;
        report.counts.failed = 1;
        report.counts.skipped = 2;
        QCOMPARE(SyncService::summary(report), QStringLiteral("Imported: 3 imported, 1 failed, 2 skipped."));
        report.dryRun = true;
        QCOMPARE(SyncService::summary(report), QStringLiteral("Would import: 3 imported, 1 failed, 2 skipped."));
        report.kind = SyncService::Push;
        report.dryRun = false;
        QCOMPARE(SyncService::summary(report), QStringLiteral("3 synced, 1 failed, 2 skipped."));

        SyncPlanRow row;
        row.key = QStringLiteral("user_01A");
        row.email = QStringLiteral("ada@acme.test");
        row.action = SyncPlanRow::Action::Link;
        row.reason = QStringLiteral("WordPress user #4 has this e-mail address: it is linked.");
        const Table table = SyncService::planTable({row});
        QCOMPARE(table.columns, (QStringList{QStringLiteral("user"), QStringLiteral("email"), QStringLiteral("action"), QStringLiteral("reason")}));
        QCOMPARE(table.rows.first(), (QStringList{row.key, row.email, QStringLiteral("link"), row.reason}));
    }
};

QTEST_GUILESS_MAIN(TestUserListModel)
#include "tst_userlistmodel.moc"

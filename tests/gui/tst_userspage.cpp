// The Users page against the sandbox site over real HTTP, with the emulator as WorkOS. Each test
// makes its own WordPress and WorkOS users (tagged with the time) and deletes its WordPress users
// at the end, so other suites on the same sandbox are not disturbed.
#include "GuiTestSupport.h"
#include "MainWindow.h"
#include "pages/UsersPage.h"
#include "pages/users/LinkUserDialog.h"
#include "pages/users/SyncRunDialog.h"
#include "sync/SyncJournal.h"
#include "users/UserListModel.h"

#include <QComboBox>
#include <QDateTime>
#include <QEventLoop>
#include <QFileDialog>
#include <QFile>
#include <QFrame>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace workos;
using workos::gui::LinkUserDialog;
using workos::gui::MainWindow;
using workos::gui::SyncRunDialog;
using workos::gui::UsersPage;
using workos::test::saveScreenshot;
using Fixture = workos::test::ConsoleFixture;
using Sandbox = workos::test::Sandbox;

class TestUsersPage : public QObject
{
    Q_OBJECT
private:
    Sandbox m_sandbox;
    QTemporaryDir m_data; // the sync journal of these tests
    QNetworkAccessManager m_nam;

    // A blocking call for the test's own setup (the page itself never blocks): status and JSON.
    std::pair<int, QJsonObject> call(const QByteArray &method, const QUrl &url, const QByteArray &authorization,
                                     const QJsonObject &body = {})
    {
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", authorization);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QNetworkReply *reply = m_nam.sendCustomRequest(request, method, body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact));
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        reply->deleteLater();
        return {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), QJsonDocument::fromJson(reply->readAll()).object()};
    }

    std::pair<int, QJsonObject> emulator(const QByteArray &method, const QString &path, const QJsonObject &body = {})
    {
        return call(method, QUrl(m_sandbox.emulatorUrl + path), "Bearer " + m_sandbox.apiKey.toUtf8(), body);
    }

    // The companion's management API as the sandbox admin.
    std::pair<int, QJsonObject> site(const QByteArray &method, const QString &route, const QUrlQuery &query = {}, const QJsonObject &body = {})
    {
        QUrl url(m_sandbox.url + QStringLiteral("/wp-json/workos/v1/") + route);
        url.setQuery(query);
        return call(method, url, "Basic " + QByteArray("admin:" + m_sandbox.appPassword.toUtf8()).toBase64(), body);
    }

    // An unverified WorkOS user: the site's user.created webhook neither links nor creates for it.
    QString workosUser(const QString &email, const QString &first = {}, const QString &last = {})
    {
        QJsonObject body{{QStringLiteral("email"), email}, {QStringLiteral("email_verified"), false}};
        if (!first.isEmpty())
            body.insert(QStringLiteral("first_name"), first);
        if (!last.isEmpty())
            body.insert(QStringLiteral("last_name"), last);
        return emulator("POST", QStringLiteral("/user_management/users"), body).second.value(u"id").toString();
    }

    // A WordPress user of the test's own (no WorkOS link): its id.
    qint64 wordpressUser(const QString &email)
    {
        const QJsonObject op{{QStringLiteral("op"), QStringLiteral("create")}, {QStringLiteral("email"), email},
                             {QStringLiteral("first_name"), QStringLiteral("Test")}, {QStringLiteral("last_name"), QStringLiteral("User")}};
        const auto [status, answer] = site("POST", QStringLiteral("admin/users/batch"), {},
                                           QJsonObject{{QStringLiteral("operations"), QJsonArray{op}}});
        const QJsonObject result = answer.value(u"results").toArray().first().toObject();
        if (status != 200 || !result.value(u"ok").toBool())
            qWarning("creating %s: %d %s", qPrintable(email), status, QJsonDocument(answer).toJson().constData());
        return result.value(u"user_id").toInteger();
    }

    QJsonObject lookup(qint64 id)
    {
        return site("GET", QStringLiteral("admin/users/%1").arg(id)).second;
    }

    // Deletes the WordPress users whose address matches `pattern` (WordPress's search: `*` wildcards).
    // Run from a scope guard, so a failed test cleans up too.
    void deleteWordPressUsers(const QString &pattern)
    {
        QProcess php;
        php.start(QStringLiteral("php"), {QStringLiteral("-r"),
                                          QStringLiteral("$_SERVER['HTTP_HOST']='%1'; $_SERVER['REQUEST_URI']='/'; require '%2/site/wp-load.php';"
                                                         " require_once ABSPATH . 'wp-admin/includes/user.php';"
                                                         " foreach (get_users(array('search' => '%3', 'search_columns' => array('user_email'), 'fields' => 'ID')) as $id) { wp_delete_user((int) $id); }")
                                              .arg(QUrl(m_sandbox.url).authority(), qEnvironmentVariable("SANDBOX_STATE"), pattern)});
        if (!php.waitForFinished(120000) || php.exitCode() != 0)
            qWarning("deleting the test's WordPress users %s failed: %s", qPrintable(pattern), php.readAllStandardError().constData());
    }

    // The site handles the emulator's webhooks (user.created links or creates WordPress users for
    // verified addresses): the tests make unverified WorkOS users, and wait for the deliveries
    // before they link anything themselves.
    void settleWebhooks()
    {
        QTRY_VERIFY_WITH_TIMEOUT(emulator("GET", QStringLiteral("/_emulator/webhooks/deliveries")).second.value(u"in_flight").toInt() == 0, 20000);
    }

    void verifyEmail(const QString &workosId)
    {
        QCOMPARE(emulator("PUT", QStringLiteral("/user_management/users/") + workosId, {{QStringLiteral("email_verified"), true}}).first, 200);
    }

    static void waitLoaded(UsersPage &page)
    {
        QTRY_VERIFY_WITH_TIMEOUT(!page.isLoading(), 30000);
    }

    // Types a search as the admin does and waits for the list.
    static void search(UsersPage &page, const QString &text)
    {
        auto *field = page.findChild<QLineEdit *>(QStringLiteral("userSearch"));
        field->clear();
        QTest::keyClicks(field, text);
        QTest::keyClick(field, Qt::Key_Return);
        waitLoaded(page);
    }

    static void selectUser(UsersPage &page, qint64 id)
    {
        auto *table = page.findChild<QTableView *>(QStringLiteral("usersTable"));
        const int row = page.viewRowOf(id);
        QVERIFY2(row >= 0, qPrintable(QStringLiteral("user #%1 is not in the list").arg(id)));
        table->clearSelection();
        table->selectRow(row);
    }

    static QString cell(UsersPage &page, qint64 id, int column)
    {
        return page.model()->index(page.model()->rowOfId(id), column).data().toString();
    }

    static QString errorText(QWidget &w, const char *name)
    {
        auto *label = w.findChild<QLabel *>(QLatin1String(name));
        return label && label->isVisible() ? label->text() : QString();
    }

    static void click(QWidget &w, const char *name)
    {
        auto *button = w.findChild<QPushButton *>(QLatin1String(name));
        QVERIFY2(button, name);
        QVERIFY2(button->isEnabled(), name);
        QTest::mouseClick(button, Qt::LeftButton);
    }

private Q_SLOTS:
    void initTestCase()
    {
        bool ok = false;
        m_sandbox = Sandbox::load(&ok);
        QVERIFY2(ok, "the sandbox is not running: run through ./test, or start sandbox/up with its environment");
        QVERIFY(m_data.isValid());
        qputenv("WPWORKOS_DATA_DIR", m_data.path().toUtf8());
    }

    void isATabOfTheWindow()
    {
        Fixture f;
        f.addSandbox(m_sandbox);
        MainWindow window(f.context);
        auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("sitePages"));
        auto *page = window.findChild<UsersPage *>(QStringLiteral("usersPage"));
        QVERIFY(page);
        QCOMPARE(tabs->tabText(tabs->indexOf(page)), QStringLiteral("Users")); // where: the lead orders the tabs
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.showPage(QStringLiteral("usersPage")));
        QTRY_VERIFY_WITH_TIMEOUT(page->model()->rowCount() > 0 && !page->isLoading(), 30000);
        saveScreenshot(window, QStringLiteral("users-mainwindow.png"));
    }

    // The site does not answer: the error in the page, an empty list, nothing else.
    void anUnreachableSiteIsAClearMessage()
    {
        Fixture f;
        const SiteProfile offline = f.addSite(QStringLiteral("offline"), QStringLiteral("http://127.0.0.1:1"), QStringLiteral("staging"));
        UsersPage page(f.context);
        page.resize(1000, 560);
        page.show();
        page.showSite(offline);
        waitLoaded(page);
        QVERIFY2(errorText(page, "usersError").contains(QStringLiteral("Cannot reach http://127.0.0.1:1")), qPrintable(errorText(page, "usersError")));
        QCOMPARE(page.model()->rowCount(), 0);
        saveScreenshot(page, QStringLiteral("users-unreachable.png"));
        click(page, "linkButton");
        QCOMPARE(errorText(page, "actionError"), QStringLiteral("Select the user to link in the list first."));
        QVERIFY(!errorText(page, "usersError").isEmpty()); // the site's error stays in view
    }

    // Every user with the link state; the filters are the site's (linked, role, search).
    void listsTheSitesUsersAndFilters()
    {
        Fixture f;
        const SiteProfile sandbox = f.addSandbox(m_sandbox);
        UsersPage page(f.context);
        page.resize(1100, 600);
        page.show();
        page.showSite(sandbox);
        waitLoaded(page);
        QVERIFY2(errorText(page, "usersError").isEmpty(), qPrintable(errorText(page, "usersError")));
        UserListModel *model = page.model();
        QVERIFY(model->rowCount() >= 7); // admin and the six seeded users
        int rroe = -1;
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row, UserListModel::LoginColumn).data().toString() == u"rroe")
                rroe = row;
        }
        QVERIFY(rroe >= 0);
        QCOMPARE(model->index(rroe, UserListModel::EmailColumn).data().toString(), QStringLiteral("rroe@sandbox.test"));
        QCOMPARE(model->index(rroe, UserListModel::RolesColumn).data().toString(), QStringLiteral("subscriber"));
        QCOMPARE(model->index(rroe, UserListModel::WorkOSColumn).data().toString(), QStringLiteral("not linked"));
        QCOMPARE(model->index(rroe, UserListModel::SyncedColumn).data().toString(), QStringLiteral("never"));
        QVERIFY(page.findChild<QLabel *>(QStringLiteral("usersSummary"))->text().contains(QStringLiteral("linked to WorkOS")));
        saveScreenshot(page, QStringLiteral("users-list.png"));

        // Sorted by ID, either way.
        auto *table = page.findChild<QTableView *>(QStringLiteral("usersTable"));
        table->sortByColumn(UserListModel::IdColumn, Qt::DescendingOrder);
        QVERIFY(table->model()->index(0, 0).data().toLongLong() > table->model()->index(1, 0).data().toLongLong());
        table->sortByColumn(UserListModel::IdColumn, Qt::AscendingOrder);

        auto *linked = page.findChild<QComboBox *>(QStringLiteral("linkFilter"));
        linked->setCurrentIndex(linked->findText(QStringLiteral("Not linked")));
        waitLoaded(page);
        QVERIFY(model->rowCount() > 0);
        for (int row = 0; row < model->rowCount(); ++row)
            QVERIFY(!model->index(row, 0).data(UserListModel::LinkedRole).toBool());

        auto *role = page.findChild<QComboBox *>(QStringLiteral("roleFilter"));
        QTRY_VERIFY_WITH_TIMEOUT(role->findData(QStringLiteral("subscriber")) > 0, 10000); // the site's roles
        role->setCurrentIndex(role->findData(QStringLiteral("subscriber")));
        waitLoaded(page);
        QVERIFY(model->rowCount() > 0);
        for (int row = 0; row < model->rowCount(); ++row)
            QVERIFY(model->index(row, UserListModel::RolesColumn).data().toString().contains(QStringLiteral("subscriber")));

        search(page, QStringLiteral("rroe"));
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(model->index(0, UserListModel::LoginColumn).data().toString(), QStringLiteral("rroe"));
        saveScreenshot(page, QStringLiteral("users-filtered.png"));

        search(page, QStringLiteral("nobody-has-this-%1").arg(QDateTime::currentMSecsSinceEpoch()));
        QCOMPARE(model->rowCount(), 0);
        QVERIFY(errorText(page, "usersError").isEmpty());
    }

    // Link (bad inputs first: nothing written), sync now, unlink — on users of the test's own.
    void linksSyncsAndUnlinksAUser()
    {
        const QString tag = QString::number(QDateTime::currentMSecsSinceEpoch());
        const qint64 wpId = wordpressUser(QStringLiteral("guilink-%1@example.test").arg(tag));
        QVERIFY(wpId > 0);
        const QString workosEmail = QStringLiteral("guilink-workos-%1@example.test").arg(tag);
        const QString workosId = workosUser(workosEmail, QStringLiteral("Grace"), QStringLiteral("Hopper"));
        QVERIFY(workosId.startsWith(QLatin1String("user_")));
        auto cleanup = qScopeGuard([&]() {
            deleteWordPressUsers(QStringLiteral("*%1@example.test").arg(tag));
            emulator("DELETE", QStringLiteral("/user_management/users/") + workosId);
        });

        Fixture f;
        const SiteProfile sandbox = f.addSandbox(m_sandbox);
        UsersPage page(f.context);
        page.resize(1100, 600);
        page.show();
        page.showSite(sandbox);
        waitLoaded(page);

        // Nothing selected: a clear message for each action, no dialog.
        for (const char *button : {"linkButton", "unlinkButton", "syncButton"}) {
            click(page, button);
            QVERIFY2(errorText(page, "actionError").startsWith(QStringLiteral("Select the user")), qPrintable(errorText(page, "actionError")));
        }
        QVERIFY(!page.findChild<LinkUserDialog *>());

        search(page, QStringLiteral("guilink-%1").arg(tag));
        QCOMPARE(page.model()->rowCount(), 1);
        QCOMPARE(cell(page, wpId, UserListModel::WorkOSColumn), QStringLiteral("not linked"));
        selectUser(page, wpId);

        // Not linked: unlink and sync say so and write nothing.
        click(page, "unlinkButton");
        QCOMPARE(errorText(page, "actionError"), QStringLiteral("User #%1 is not linked to WorkOS.").arg(wpId));
        QVERIFY(!page.findChild<QMessageBox *>(QStringLiteral("unlinkConfirm")));
        click(page, "syncButton");
        QTRY_VERIFY_WITH_TIMEOUT(!page.isBusy(), 20000);
        QCOMPARE(errorText(page, "actionError"), QStringLiteral("User #%1 is not linked to WorkOS.").arg(wpId));

        click(page, "linkButton");
        LinkUserDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = page.findChild<LinkUserDialog *>()) && dialog->isVisible());
        auto *input = dialog->findChild<QLineEdit *>(QStringLiteral("workosUserInput"));
        QPointer<LinkUserDialog> open = dialog; // it closes itself (and goes) once linked
        auto tryLink = [&](const QString &text) -> QString {
            input->clear();
            QTest::keyClicks(input, text);
            QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("linkConfirm")), Qt::LeftButton);
            if (!QTest::qWaitFor([&]() { return !open || !open->isWorking(); }, 20000))
                return QStringLiteral("(still working)");
            return open ? errorText(*open, "linkError") : QString();
        };
        const QString unknown = tryLink(QStringLiteral("user_does_not_exist_%1").arg(tag));
        QVERIFY2(unknown.startsWith(QStringLiteral("Failed to fetch WorkOS user:")), qPrintable(unknown));
        saveScreenshot(*dialog, QStringLiteral("users-link-unknown.png"));
        const QString malformed = tryLink(QStringLiteral("grace@@example"));
        QCOMPARE(malformed, QStringLiteral("“grace@@example” is not a valid e-mail address."));
        const QString nobody = tryLink(QStringLiteral("nobody-%1@example.test").arg(tag));
        QCOMPARE(nobody, QStringLiteral("No WorkOS user has the e-mail address nobody-%1@example.test.").arg(tag));
        // An address WorkOS has not verified never links an account.
        const QString unverified = tryLink(workosEmail);
        QCOMPARE(unverified, QStringLiteral("WorkOS has not verified %1 for user %2: link by the WorkOS user ID if the address is theirs.")
                                 .arg(workosEmail, workosId));
        QCOMPARE(lookup(wpId).value(u"workos_user_id"), QJsonValue(QJsonValue::Null)); // nothing written

        // By the WorkOS user's address, once verified.
        settleWebhooks();
        verifyEmail(workosId);
        settleWebhooks();
        const QString linkedByEmail = tryLink(workosEmail);
        QVERIFY2(linkedByEmail.isEmpty(), qPrintable(linkedByEmail));
        QTRY_VERIFY(!page.findChild<LinkUserDialog *>());
        QCOMPARE(lookup(wpId).value(u"workos_user_id").toString(), workosId);
        QTRY_COMPARE_WITH_TIMEOUT(cell(page, wpId, UserListModel::WorkOSColumn), workosId, 10000);
        QVERIFY(cell(page, wpId, UserListModel::SyncedColumn) != QStringLiteral("never"));
        saveScreenshot(page, QStringLiteral("users-linked.png"));

        // Already linked: link refuses before any dialog.
        selectUser(page, wpId);
        click(page, "linkButton");
        QVERIFY2(errorText(page, "actionError").contains(QStringLiteral("already linked")), qPrintable(errorText(page, "actionError")));
        QVERIFY(!page.findChild<LinkUserDialog *>());

        // Sync now: WorkOS's names come in.
        click(page, "syncButton");
        QTRY_VERIFY_WITH_TIMEOUT(!page.isBusy(), 20000);
        QVERIFY2(errorText(page, "actionError").isEmpty(), qPrintable(errorText(page, "actionError")));
        QTRY_COMPARE_WITH_TIMEOUT(cell(page, wpId, UserListModel::NameColumn), QStringLiteral("Grace Hopper"), 10000);
        QCOMPARE(lookup(wpId).value(u"display_name").toString(), QStringLiteral("Grace Hopper"));
        QCOMPARE(cell(page, wpId, UserListModel::EmailColumn), workosEmail); // WorkOS wins for its non-empty fields

        // Unlink, after the confirmation.
        selectUser(page, wpId);
        click(page, "unlinkButton");
        QMessageBox *confirm = nullptr;
        QTRY_VERIFY((confirm = page.findChild<QMessageBox *>(QStringLiteral("unlinkConfirm"))) && confirm->isVisible());
        // (the sync brought WorkOS's address too)
        QCOMPARE(confirm->text(), QStringLiteral("Unlink user #%1 (%2) from WorkOS ID %3?").arg(wpId).arg(workosEmail, workosId));
        saveScreenshot(*confirm, QStringLiteral("users-unlink-confirm.png"));
        click(*confirm, "unlinkConfirmButton");
        QTRY_VERIFY_WITH_TIMEOUT(!page.isBusy(), 20000);
        QVERIFY2(errorText(page, "actionError").isEmpty(), qPrintable(errorText(page, "actionError")));
        QTRY_COMPARE_WITH_TIMEOUT(cell(page, wpId, UserListModel::WorkOSColumn), QStringLiteral("not linked"), 10000);
        QCOMPARE(lookup(wpId).value(u"workos_user_id"), QJsonValue(QJsonValue::Null));
    }

    // Import from WorkOS: a bad organization refused, the dry run with a reason per user, a run
    // cancelled after its first batch, resumed from the page's banner: every user linked once.
    void importsWithDryRunCancelAndResume()
    {
        const QString tag = QString::number(QDateTime::currentMSecsSinceEpoch());
        const QString org = emulator("POST", QStringLiteral("/organizations"),
                                     {{QStringLiteral("name"), QString(QStringLiteral("GUI import ") + tag)}}).second.value(u"id").toString();
        QVERIFY(org.startsWith(QLatin1String("org_")));
        const int users = 30;
        // One address already has a WordPress account: that account is linked, not another made.
        const qint64 existing = wordpressUser(QStringLiteral("gi-%1-00@example.test").arg(tag));
        QVERIFY(existing > 0);
        auto cleanup = qScopeGuard([&]() { deleteWordPressUsers(QStringLiteral("gi-%1-*").arg(tag)); });
        QHash<QString, QString> emailOf; // WorkOS id -> address
        for (int i = 0; i < users; ++i) {
            const QString email = QStringLiteral("gi-%1-%2@example.test").arg(tag).arg(i, 2, 10, QLatin1Char('0'));
            const QString id = workosUser(email, QStringLiteral("Imported"), QString::number(i));
            QVERIFY(id.startsWith(QLatin1String("user_")));
            QCOMPARE(emulator("POST", QStringLiteral("/user_management/organization_memberships"),
                              {{QStringLiteral("user_id"), id}, {QStringLiteral("organization_id"), org}}).first, 201);
            emailOf.insert(id, email);
            if (i == 0) {
                settleWebhooks();
                verifyEmail(id); // the account is linked by a verified address
            }
        }
        // And one address WorkOS takes but WordPress refuses (a domain label starting with "-").
        const QString refusedEmail = QStringLiteral("gi-%1-bad@-bad.example.test").arg(tag);
        const QString refused = workosUser(refusedEmail);
        QVERIFY(refused.startsWith(QLatin1String("user_")));
        QCOMPARE(emulator("POST", QStringLiteral("/user_management/organization_memberships"),
                          {{QStringLiteral("user_id"), refused}, {QStringLiteral("organization_id"), org}}).first, 201);
        settleWebhooks();

        Fixture f;
        const SiteProfile sandbox = f.addSandbox(m_sandbox);
        UsersPage page(f.context);
        page.resize(1100, 640);
        page.show();
        page.showSite(sandbox);
        waitLoaded(page);
        click(page, "importButton");
        SyncRunDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = page.findChild<SyncRunDialog *>()) && dialog->isVisible());
        QVERIFY(!dialog->findChild<QPushButton *>(QStringLiteral("runButton"))->isEnabled()); // a dry run comes first

        auto *organization = dialog->findChild<QLineEdit *>(QStringLiteral("importOrganization"));
        QTest::keyClicks(organization, QStringLiteral("not an id!"));
        click(*dialog, "dryRunButton");
        QCOMPARE(errorText(*dialog, "runError"), QStringLiteral("“not an id!” is not a WorkOS organization ID (org_…)."));
        QVERIFY(!dialog->isBusy());

        organization->clear();
        QTest::keyClicks(organization, org);
        dialog->findChild<QSpinBox *>(QStringLiteral("batchSize"))->setValue(5);
        click(*dialog, "dryRunButton");
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), 60000);
        QVERIFY2(errorText(*dialog, "runError").isEmpty(), qPrintable(errorText(*dialog, "runError")));
        const SyncReport plan = dialog->lastReport();
        QVERIFY(plan.dryRun);
        QCOMPARE(plan.rows.size(), users + 1);
        for (const SyncPlanRow &row : plan.rows) {
            QVERIFY2(!row.reason.isEmpty(), qPrintable(row.key));
            if (row.key == refused) {
                QCOMPARE(row.action, SyncPlanRow::Action::Fail); // the site says why, before anything is written
            } else if (row.email == QStringLiteral("gi-%1-00@example.test").arg(tag)) {
                QCOMPARE(row.action, SyncPlanRow::Action::Link);
                QCOMPARE(row.reason, QStringLiteral("WordPress user #%1 has this e-mail address: it is linked.").arg(existing));
            } else {
                QVERIFY2(row.action == SyncPlanRow::Action::Create || row.action == SyncPlanRow::Action::Skip, qPrintable(row.reason));
                if (row.action == SyncPlanRow::Action::Create)
                    QCOMPARE(row.reason, QStringLiteral("No WordPress user has this e-mail address: one is created."));
            }
        }
        auto *table = dialog->findChild<QTableView *>(QStringLiteral("planTable"));
        QCOMPARE(table->model()->rowCount(), users + 1);
        QCOMPARE(table->model()->headerData(3, Qt::Horizontal).toString(), QStringLiteral("Reason"));
        QVERIFY2(dialog->findChild<QLabel *>(QStringLiteral("runSummary"))->text().startsWith(QStringLiteral("Would import: ")),
                 qPrintable(dialog->findChild<QLabel *>(QStringLiteral("runSummary"))->text()));
        QCOMPARE(lookup(existing).value(u"workos_user_id"), QJsonValue(QJsonValue::Null)); // the dry run wrote nothing
        saveScreenshot(*dialog, QStringLiteral("users-import-dryrun.png"));

        // Run, cancelled as soon as the first batch is journaled.
        bool cancelled = false;
        connect(dialog, &SyncRunDialog::progressed, dialog, [&](int processed, int) {
            if (!cancelled && processed > 0) {
                cancelled = true;
                dialog->findChild<QPushButton *>(QStringLiteral("jobCancel"))->click();
            }
        });
        click(*dialog, "runButton");
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), 60000);
        QVERIFY(cancelled);
        const QString stopped = dialog->findChild<QLabel *>(QStringLiteral("runSummary"))->text();
        QVERIFY2(QRegularExpression(QStringLiteral("^Cancelled: \\d+ user\\(s\\) left\\. Resume to finish them\\.$")).match(stopped).hasMatch(),
                 qPrintable(stopped + errorText(*dialog, "runError")));
        QVERIFY(dialog->findChild<QFrame *>(QStringLiteral("runResume"))->isVisible());
        QVERIFY(!dialog->findChild<QPushButton *>(QStringLiteral("dryRunButton"))->isEnabled());
        saveScreenshot(*dialog, QStringLiteral("users-import-cancelled.png"));

        // Closed: the page offers the unfinished run.
        click(*dialog, "closeButton");
        QTRY_VERIFY(!page.findChild<SyncRunDialog *>());
        auto *banner = page.findChild<QFrame *>(QStringLiteral("resumeBanner"));
        QTRY_VERIFY(banner->isVisible());
        QVERIFY2(page.findChild<QLabel *>(QStringLiteral("resumeText"))->text().startsWith(QStringLiteral("An import started ")),
                 qPrintable(page.findChild<QLabel *>(QStringLiteral("resumeText"))->text()));
        waitLoaded(page);
        saveScreenshot(page, QStringLiteral("users-resume-banner.png"));

        click(page, "resumeButton");
        QTRY_VERIFY((dialog = page.findChild<SyncRunDialog *>()) && dialog->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), 60000);
        const QString summary = dialog->findChild<QLabel *>(QStringLiteral("runSummary"))->text();
        const auto counts = QRegularExpression(QStringLiteral("^Imported: (\\d+) imported, (\\d+) failed, (\\d+) skipped\\.$")).match(summary);
        QVERIFY2(counts.hasMatch(), qPrintable(summary + errorText(*dialog, "runError")));
        QCOMPARE(counts.captured(2).toInt(), 1);
        // Users the site linked on its own meanwhile (a webhook) would count as skipped.
        QCOMPARE(counts.captured(1).toInt() + counts.captured(3).toInt(), users);
        QVERIFY(dialog->lastReport().resumed);
        QVERIFY(!dialog->findChild<QFrame *>(QStringLiteral("runResume"))->isVisible());
        // The failure: in the table with its reason, and in the error report the CLI writes.
        auto *after = dialog->findChild<QTableView *>(QStringLiteral("planTable"))->model();
        QCOMPARE(after->rowCount(), 1);
        QCOMPARE(after->index(0, 0).data().toString(), refused);
        QCOMPARE(after->index(0, 2).data().toString(), QStringLiteral("fail"));
        const QString why = after->index(0, 3).data().toString();
        QVERIFY(!why.isEmpty());
        saveScreenshot(*dialog, QStringLiteral("users-import-done.png"));
        click(*dialog, "saveReportButton");
        QFileDialog *files = nullptr;
        QTRY_VERIFY((files = dialog->findChild<QFileDialog *>(QStringLiteral("reportFileDialog"))) && files->isVisible());
        const QString reportPath = m_data.filePath(QStringLiteral("import-errors.csv"));
        files->selectFile(reportPath);
        static_cast<QDialog *>(files)->accept(); // as its Save button does
        QFile report(reportPath);
        QTRY_VERIFY(report.exists());
        QVERIFY(report.open(QIODevice::ReadOnly));
        const QString csv = QString::fromUtf8(report.readAll());
        QVERIFY2(csv.startsWith(QStringLiteral("key,state,error\n") + refused + QStringLiteral(",failed,")), qPrintable(csv));
        QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("runSummary"))->text().contains(QStringLiteral("Error report saved to ")));
        click(*dialog, "closeButton");
        QTRY_VERIFY(!page.findChild<SyncRunDialog *>());
        QTRY_VERIFY(!banner->isVisible());

        // The site: each WorkOS user linked to exactly one WordPress user, the existing account among them.
        QHash<QString, int> linked;
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("search"), QStringLiteral("gi-%1-").arg(tag));
        query.addQueryItem(QStringLiteral("limit"), QStringLiteral("500"));
        const auto [status, list] = site("GET", QStringLiteral("admin/users"), query);
        QCOMPARE(status, 200);
        for (const QJsonValue &u : list.value(u"users").toArray())
            ++linked[u[QStringLiteral("workos_user_id")].toString()];
        for (auto it = emailOf.cbegin(); it != emailOf.cend(); ++it)
            QVERIFY2(linked.value(it.key()) == 1, qPrintable(it.value() + QStringLiteral(" linked %1 time(s)").arg(linked.value(it.key()))));
        QVERIFY(!lookup(existing).value(u"workos_user_id").toString().isEmpty());

        // The page shows them linked.
        waitLoaded(page);
        search(page, QStringLiteral("gi-%1-").arg(tag));
        QCOMPARE(page.model()->rowCount(), users);
        for (int row = 0; row < users; ++row)
            QVERIFY(page.model()->index(row, 0).data(UserListModel::LinkedRole).toBool());
        saveScreenshot(page, QStringLiteral("users-imported.png"));
    }

    // Sync all: the pull's dry run decides each linked user (update or skip, with the reason) and
    // writes nothing; so does the push's, for the unlinked users of one role.
    void syncAllDryRunsPullAndPush()
    {
        const QString tag = QString::number(QDateTime::currentMSecsSinceEpoch());
        const qint64 wpId = wordpressUser(QStringLiteral("guipull-%1@example.test").arg(tag));
        const QString workosId = workosUser(QStringLiteral("guipull-%1@example.test").arg(tag), QStringLiteral("Ada"), QStringLiteral("Byron"));
        auto cleanup = qScopeGuard([&]() {
            deleteWordPressUsers(QStringLiteral("*%1@example.test").arg(tag));
            emulator("DELETE", QStringLiteral("/user_management/users/") + workosId);
        });
        settleWebhooks(); // its user.created must not reach the site once it is linked
        const QJsonObject link{{QStringLiteral("op"), QStringLiteral("link")}, {QStringLiteral("user_id"), wpId}, {QStringLiteral("workos_user_id"), workosId}};
        QCOMPARE(site("POST", QStringLiteral("admin/users/batch"), {}, {{QStringLiteral("operations"), QJsonArray{link}}}).first, 200);

        Fixture f;
        const SiteProfile sandbox = f.addSandbox(m_sandbox);
        UsersPage page(f.context);
        page.show();
        page.showSite(sandbox);
        waitLoaded(page);
        SyncRunDialog *dialog = page.syncAll();
        QVERIFY(dialog);
        QVERIFY(dialog->findChild<QRadioButton *>(QStringLiteral("pushRadio"))->isChecked());
        dialog->findChild<QRadioButton *>(QStringLiteral("pullRadio"))->click();
        QCOMPARE(dialog->kind(), SyncService::Pull);
        click(*dialog, "dryRunButton");
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), 60000);
        QVERIFY2(errorText(*dialog, "runError").isEmpty(), qPrintable(errorText(*dialog, "runError")));
        const SyncReport plan = dialog->lastReport();
        bool found = false;
        for (const SyncPlanRow &row : plan.rows) {
            if (row.wpUserId != wpId)
                continue;
            found = true;
            QCOMPARE(row.action, SyncPlanRow::Action::Update);
            QCOMPARE(row.reason, QStringLiteral("From WorkOS user %1: name “Test User” → “Ada Byron”.").arg(workosId));
        }
        QVERIFY(found);
        QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("runSummary"))->text().startsWith(QStringLiteral("Would sync: ")));
        QCOMPARE(lookup(wpId).value(u"display_name").toString(), QStringLiteral("Test User")); // nothing written
        saveScreenshot(*dialog, QStringLiteral("users-pull-dryrun.png"));

        dialog->findChild<QRadioButton *>(QStringLiteral("pushRadio"))->click();
        QCOMPARE(dialog->findChild<QTableView *>(QStringLiteral("planTable"))->model()->rowCount(), 0); // another plan
        auto *role = dialog->findChild<QComboBox *>(QStringLiteral("syncRole"));
        QTRY_VERIFY(role->findData(QStringLiteral("contributor")) > 0);
        role->setCurrentIndex(role->findData(QStringLiteral("contributor")));
        click(*dialog, "dryRunButton");
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), 60000);
        QVERIFY2(errorText(*dialog, "runError").isEmpty(), qPrintable(errorText(*dialog, "runError")));
        for (const SyncPlanRow &row : dialog->lastReport().rows) { // (another suite may link the contributor meanwhile)
            QVERIFY2(row.action != SyncPlanRow::Action::Update, qPrintable(row.reason));
            QVERIFY(!row.reason.isEmpty());
        }
        QCOMPARE(dialog->findChild<QPushButton *>(QStringLiteral("runButton"))->isEnabled(), dialog->lastReport().counts.done > 0);
        saveScreenshot(*dialog, QStringLiteral("users-push-dryrun.png"));
        click(*dialog, "closeButton");
        QTRY_VERIFY(!page.findChild<SyncRunDialog *>());
    }
};

QTEST_MAIN(TestUsersPage)
#include "tst_userspage.moc"

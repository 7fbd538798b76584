#include "../support/RawHttpServer.h"
#include "GuiTestSupport.h"
#include "MainWindow.h"
#include "net/HttpClient.h"
#include "profiles/ProfileStore.h"
#include "profiles/SecretStore.h"
#include "profiles/SiteListModel.h"
#include "site/SiteService.h"
#include "widgets/EnvironmentBadge.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDir>
#include <QMessageBox>
#include <QTimer>
#include <QWizard>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListView>
#include <QStackedWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace workos;
using workos::gui::EnvironmentBadge;
using workos::gui::MainWindow;

using workos::test::saveScreenshot;
using Fixture = workos::test::ConsoleFixture;

class TestMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void opensWithAnEmptySiteList()
    {
        Fixture f;
        MainWindow window(f.context);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        auto *list = window.findChild<QListView *>(QStringLiteral("siteList"));
        QVERIFY(list);
        QCOMPARE(list->model()->rowCount(), 0);
        auto *empty = window.findChild<QLabel *>(QStringLiteral("emptyState"));
        QVERIFY(empty && empty->isVisible());
        QVERIFY(empty->text().contains(QStringLiteral("wpworkos site add")));
        auto *badge = window.findChild<EnvironmentBadge *>(QStringLiteral("environmentBadge"));
        QVERIFY(badge && badge->isVisible());
        QCOMPARE(badge->text(), QStringLiteral("NO SITE"));
        saveScreenshot(window, QStringLiteral("mainwindow-empty.png"));
    }

    void showsAReachableSiteAndAnUnreachableOne()
    {
        RawHttpServer server;
        const QByteArray base = server.start();
        QFile status(QFINDTESTDATA("../core/data/status-production.json"));
        QVERIFY(status.open(QIODevice::ReadOnly));
        // WorkOS on, WordPress passwords off: the site list says "no break-glass".
        QJsonObject answer = QJsonDocument::fromJson(status.readAll()).object();
        QJsonObject environments = answer.value(u"environments").toObject();
        QJsonObject production = environments.value(u"production").toObject();
        QJsonObject settings = production.value(u"settings").toObject();
        settings.insert(QStringLiteral("allow_password_fallback"),
                        QJsonObject{{QStringLiteral("source"), QStringLiteral("database")}, {QStringLiteral("value"), false}});
        production.insert(QStringLiteral("settings"), settings);
        environments.insert(QStringLiteral("production"), production);
        answer.insert(QStringLiteral("environments"), environments);
        server.respond("/wp-json/workos/v1/admin/status", 200, QJsonDocument(answer).toJson());

        Fixture f;
        f.addSite(QStringLiteral("intranet"), QString::fromLatin1(base), QStringLiteral("production"));
        f.addSite(QStringLiteral("offline"), QStringLiteral("http://127.0.0.1:1"), QStringLiteral("staging"));

        MainWindow window(f.context);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.refresh();
        QTRY_COMPARE_WITH_TIMEOUT(window.pendingChecks(), 0, 15000);

        SiteListModel *model = window.siteModel();
        QCOMPARE(model->rowCount(), 2);
        QCOMPARE(model->index(0).data(SiteListModel::HealthRole).toInt(), int(SiteListModel::Health::Reachable));
        QCOMPARE(model->index(1).data(SiteListModel::HealthRole).toInt(), int(SiteListModel::Health::Unreachable));
        QVERIFY(model->index(1).data(SiteListModel::DetailRole).toString().contains(QStringLiteral("Cannot reach")));
        QCOMPARE(model->index(0).data(SiteListModel::BreakGlassRole), QVariant(false));
        QVERIFY(model->index(0).data(Qt::ToolTipRole).toString().contains(QStringLiteral("Break-glass off")));
        QVERIFY(!model->index(1).data(SiteListModel::BreakGlassRole).isValid()); // unknown for an unreachable site

        // The first site is current: production badge and its settings table.
        auto *badge = window.findChild<EnvironmentBadge *>(QStringLiteral("environmentBadge"));
        QCOMPARE(badge->text(), QStringLiteral("PRODUCTION"));
        auto *table = window.findChild<QTableView *>(QStringLiteral("statusTable"));
        QVERIFY(table && table->isVisible());
        QVERIFY(table->model()->rowCount() >= 9);
        QCOMPARE(table->model()->index(0, 1).data().toString(), QStringLiteral("0.1.0"));
        QVERIFY(!window.findChild<QLabel *>(QStringLiteral("lastRefresh"))->text().contains(QStringLiteral("Not")));
        saveScreenshot(window, QStringLiteral("mainwindow-site.png"));

        // Selecting the other site switches the badge and shows its error.
        auto *list = window.findChild<QListView *>(QStringLiteral("siteList"));
        list->setCurrentIndex(model->index(1));
        QCOMPARE(badge->text(), QStringLiteral("STAGING"));
        auto *error = window.findChild<QLabel *>(QStringLiteral("siteError"));
        QVERIFY(error->isVisible());
        QVERIFY(error->text().startsWith(QStringLiteral("Cannot reach http://127.0.0.1:1")));
        QCOMPARE(f.profiles.currentSite(), QStringLiteral("offline"));
        saveScreenshot(window, QStringLiteral("mainwindow-unreachable.png"));
    }

    void addsRemovesAndReordersSites()
    {
        Fixture f;
        f.addSite(QStringLiteral("alpha"), QStringLiteral("http://127.0.0.1:1"), QStringLiteral("production"));
        f.addSite(QStringLiteral("beta"), QStringLiteral("http://127.0.0.1:1"), QStringLiteral("staging"));
        f.addSite(QStringLiteral("gamma"), QStringLiteral("http://127.0.0.1:1"), QStringLiteral("production"));
        MainWindow window(f.context);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *list = window.findChild<QListView *>(QStringLiteral("siteList"));
        SiteListModel *model = window.siteModel();

        // Reorder with the keyboard: gamma moves to the top, and the order is kept in the store.
        list->setCurrentIndex(model->index(2));
        QTest::keyClick(&window, Qt::Key_Up, Qt::ControlModifier | Qt::ShiftModifier);
        QTest::keyClick(&window, Qt::Key_Up, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(model->profileAt(0).name, QStringLiteral("gamma"));
        QCOMPARE(f.profiles.sites().first().name, QStringLiteral("gamma"));
        QCOMPARE(list->currentIndex().row(), 0);
        QVERIFY(!window.findChild<QWidget *>(QStringLiteral("moveSiteUpButton"))->isEnabled());

        // Remove asks first; Cancel keeps the site, Remove deletes it and its keychain entries.
        auto answer = [](const QString &button) {
            QTimer::singleShot(0, [button]() {
                auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
                QVERIFY(box);
                for (QAbstractButton *b : box->buttons()) {
                    if (b->text().remove(u'&') == button)
                        b->click();
                }
            });
        };
        answer(QStringLiteral("Cancel"));
        window.removeSite();
        QCOMPARE(model->rowCount(), 3);
        answer(QStringLiteral("Remove"));
        window.removeSite();
        QTRY_COMPARE(model->rowCount(), 2);
        QVERIFY(!f.profiles.site(QStringLiteral("gamma")));

        // Add site opens the onboarding wizard, window-modal.
        QTest::mouseClick(window.findChild<QAbstractButton *>(QStringLiteral("addSiteButton")), Qt::LeftButton);
        auto *wizard = window.findChild<QWizard *>(QStringLiteral("onboardingWizard"));
        QVERIFY(wizard);
        QTRY_VERIFY(wizard->isVisible());
        wizard->reject();
    }

    void productionAndStagingLookDifferent()
    {
        EnvironmentBadge production;
        production.setEnvironment(QStringLiteral("production"));
        EnvironmentBadge staging;
        staging.setEnvironment(QStringLiteral("staging"));
        QVERIFY(production.text() != staging.text());
        QVERIFY(production.styleSheet() != staging.styleSheet());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"

#include "../support/RawHttpServer.h"
#include "GuiTestSupport.h"
#include "MainWindow.h"
#include "diagnostics/DiagnosticsReport.h"
#include "pages/DiagnosticsPage.h"

#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <algorithm>

using namespace workos;
using workos::gui::DiagnosticsPage;
using workos::gui::MainWindow;
using workos::test::closedAddress;
using workos::test::saveScreenshot;
using Fixture = workos::test::ConsoleFixture;

namespace {

QString statusWord(DiagnosticCheck::Status status)
{
    switch (status) {
    case DiagnosticCheck::Status::Pass: return QStringLiteral("Pass");
    case DiagnosticCheck::Status::Warn: return QStringLiteral("Warning");
    case DiagnosticCheck::Status::Fail: return QStringLiteral("Fail");
    }
    return {};
}

QTreeWidgetItem *groupItem(QTreeWidget *tree, const QString &name)
{
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        if (tree->topLevelItem(i)->text(0) == name)
            return tree->topLevelItem(i);
    }
    return nullptr;
}

QTreeWidgetItem *checkItem(QTreeWidget *tree, const QString &id)
{
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *group = tree->topLevelItem(i);
        for (int j = 0; j < group->childCount(); ++j) {
            if (group->child(j)->data(0, Qt::UserRole).toString() == id)
                return group->child(j);
        }
    }
    return nullptr;
}

// Every check of the run is in the tree under its source's group, with its icon and its word.
void verifyTreeShows(QTreeWidget *tree, const QList<DiagnosticCheck> &checks)
{
    int shown = 0;
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *group = tree->topLevelItem(i);
        for (int j = 0; j < group->childCount(); ++j)
            shown += !group->child(j)->data(0, Qt::UserRole).toString().isEmpty();
    }
    QCOMPARE(shown, checks.size());
    const QHash<QString, QString> groups{{QStringLiteral("console"), QStringLiteral("Console")},
                                         {QStringLiteral("site"), QStringLiteral("Site")},
                                         {QStringLiteral("webhook"), QStringLiteral("Webhook")}};
    for (const DiagnosticCheck &check : checks) {
        QTreeWidgetItem *item = checkItem(tree, check.id);
        QVERIFY2(item, qPrintable(check.id));
        QCOMPARE(item->parent()->text(0), groups.value(check.source));
        QCOMPARE(item->text(0), statusWord(check.status));
        QVERIFY(!item->icon(0).isNull());
        QVERIFY(!item->text(1).isEmpty());
        QCOMPARE(item->text(2), check.summary);
        QCOMPARE(item->text(3), check.advice);
    }
}

QString expectedSummary(const QList<DiagnosticCheck> &checks)
{
    const auto counts = DiagnosticsReport::count(checks);
    return QStringLiteral("Passed: %1, warnings: %2, failed: %3").arg(counts.passed).arg(counts.warned).arg(counts.failed);
}

// Answers the save dialog the page opened (non-native in tests) with `path`, and `filter` chosen.
void answerSaveDialog(DiagnosticsPage *page, const QString &path, const QString &filter = {})
{
    const auto openDialog = [page]() -> QFileDialog * {
        for (QFileDialog *d : page->findChildren<QFileDialog *>(QStringLiteral("saveReportDialog"))) {
            if (d->isVisible())
                return d;
        }
        return nullptr;
    };
    QTRY_VERIFY(openDialog());
    QFileDialog *dialog = openDialog();
    QCOMPARE(dialog->acceptMode(), QFileDialog::AcceptSave);
    if (!filter.isEmpty()) {
        // As the admin does: the "Files of type" box, by keyboard.
        auto *types = dialog->findChild<QComboBox *>(QStringLiteral("fileTypeCombo"));
        QVERIFY(types);
        types->setFocus();
        while (types->currentText() != filter && types->currentIndex() < types->count() - 1)
            QTest::keyClick(types, Qt::Key_Down);
        QCOMPARE(dialog->selectedNameFilter(), filter);
    }
    dialog->selectFile(path);
    static_cast<QDialog *>(dialog)->accept(); // QFileDialog::accept, as the Save button does
}

QString readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

} // namespace

class TestDiagnosticsPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // The real sandbox site: the page runs when first shown, groups the checks by source, and the
    // report it copies and saves is what core renders (what wpworkos diagnostics prints).
    void runsAgainstTheSandboxAndReports()
    {
        bool ok = false;
        const auto sandbox = workos::test::Sandbox::load(&ok);
        QVERIFY2(ok, "the sandbox is not running");
        Fixture f;
        f.addSandbox(sandbox);
        // The console holds the site's webhook secret, so the echo is really signed and posted.
        f.storeSecret(SecretStore::workosKey(QStringLiteral("sandbox"), QStringLiteral("staging"), QStringLiteral("webhook-secret")),
                      sandbox.webhookSecret);

        MainWindow window(f.context);
        window.resize(1280, 760);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("sitePages"));
        auto *page = window.findChild<DiagnosticsPage *>(QStringLiteral("diagnosticsPage"));
        QVERIFY(tabs && page);
        QCOMPARE(tabs->tabText(tabs->indexOf(page)), QStringLiteral("Diagnostics"));
        QVERIFY(page->checks().isEmpty()); // nothing runs until the tab is shown

        QVERIFY(window.showPage(QStringLiteral("diagnosticsPage")));
        QVERIFY(page->isRunning());
        QVERIFY(page->findChild<QWidget *>(QStringLiteral("jobBar"))->isVisible());
        QVERIFY(!page->findChild<QPushButton *>(QStringLiteral("runDiagnosticsButton"))->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(!page->isRunning(), 90000);
        QVERIFY(!page->findChild<QWidget *>(QStringLiteral("jobBar"))->isVisible());

        const QList<DiagnosticCheck> checks = page->checks();
        auto *tree = page->findChild<QTreeWidget *>(QStringLiteral("diagnosticsTree"));
        QVERIFY(tree);
        QCOMPARE(tree->topLevelItemCount(), 3);
        QVERIFY(groupItem(tree, QStringLiteral("Console")) && groupItem(tree, QStringLiteral("Site"))
                && groupItem(tree, QStringLiteral("Webhook")));
        verifyTreeShows(tree, checks);
        QCOMPARE(checkItem(tree, QStringLiteral("keychain"))->text(0), QStringLiteral("Pass"));
        QCOMPARE(checkItem(tree, QStringLiteral("console_api_key"))->text(0), QStringLiteral("Pass"));
        QCOMPARE(checkItem(tree, QStringLiteral("site_reachable"))->text(0), QStringLiteral("Pass"));
        QVERIFY(checkItem(tree, QStringLiteral("schema_version")));
        QVERIFY(checkItem(tree, QStringLiteral("php_version")));
        QTreeWidgetItem *echo = checkItem(tree, QStringLiteral("webhook_echo"));
        QVERIFY(echo);
        QCOMPARE(echo->parent(), groupItem(tree, QStringLiteral("Webhook")));
        QCOMPARE(page->findChild<QLabel *>(QStringLiteral("diagnosticsSummary"))->text(), expectedSummary(checks));
        QVERIFY(!page->findChild<QLabel *>(QStringLiteral("diagnosticsError"))->isVisible());
        QVERIFY(page->findChild<QLabel *>(QStringLiteral("diagnosticsStatus"))->text().startsWith(QStringLiteral("Last run: ")));
        saveScreenshot(window, QStringLiteral("diagnostics-sandbox.png"));

        // Copy report: the text wpworkos diagnostics prints.
        QGuiApplication::clipboard()->clear();
        QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("copyReportButton")), Qt::LeftButton);
        const QString copied = QGuiApplication::clipboard()->text();
        QCOMPARE(copied, DiagnosticsReport::render(checks, OutputFormat::Table));
        QVERIFY(copied.contains(QStringLiteral("schema_version")));
        QVERIFY(copied.contains(QStringLiteral("webhook_echo")));

        // Save report…: as text, then as JSON (chosen by the filter; the suffix follows it).
        QTemporaryDir dir;
        const QString text = dir.filePath(QStringLiteral("report.txt"));
        QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("saveReportButton")), Qt::LeftButton);
        answerSaveDialog(page, text);
        QTRY_COMPARE(readFile(text), DiagnosticsReport::render(checks, OutputFormat::Table));

        QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("saveReportButton")), Qt::LeftButton);
        answerSaveDialog(page, dir.filePath(QStringLiteral("report")), QStringLiteral("JSON report (*.json)"));
        const QString json = dir.filePath(QStringLiteral("report.json"));
        QTRY_VERIFY(QFile::exists(json));
        QCOMPARE(readFile(json), DiagnosticsReport::render(checks, OutputFormat::Json));
        const QJsonArray rows = QJsonDocument::fromJson(readFile(json).toUtf8()).array();
        QCOMPARE(rows.size(), checks.size());
        for (int i = 0; i < rows.size(); ++i) {
            QCOMPARE(rows.at(i)[QStringLiteral("check")].toString(), checks.at(i).id);
            QCOMPARE(rows.at(i)[QStringLiteral("source")].toString(), checks.at(i).source);
            QCOMPARE(rows.at(i)[QStringLiteral("status")].toString(), DiagnosticCheck::statusName(checks.at(i).status));
        }

        // Run again with the button: the table is rebuilt, not appended to.
        QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("runDiagnosticsButton")), Qt::LeftButton);
        QVERIFY(page->isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(!page->isRunning(), 90000);
        QCOMPARE(page->checks().size(), checks.size());
        verifyTreeShows(tree, page->checks());
    }

    // Nothing answers at the site's address: the console's own checks still show, the site
    // check fails with the reason, and what could not run says so.
    void unreachableSiteStillShowsTheConsolesChecks()
    {
        Fixture f;
        const QString address = closedAddress();
        const SiteProfile site = f.addSite(QStringLiteral("offline"), address, QStringLiteral("staging"));
        DiagnosticsPage page(f.context);
        page.resize(1100, 520);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.showSite(site);
        QTRY_VERIFY_WITH_TIMEOUT(!page.isRunning(), 60000);

        auto *tree = page.findChild<QTreeWidget *>(QStringLiteral("diagnosticsTree"));
        verifyTreeShows(tree, page.checks());
        QCOMPARE(page.checks().size(), 3);
        QCOMPARE(checkItem(tree, QStringLiteral("keychain"))->text(0), QStringLiteral("Pass"));
        QCOMPARE(checkItem(tree, QStringLiteral("console_api_key"))->text(0), QStringLiteral("Warning"));
        QVERIFY(!checkItem(tree, QStringLiteral("console_api_key"))->text(3).isEmpty()); // advice
        QTreeWidgetItem *reach = checkItem(tree, QStringLiteral("site_reachable"));
        QCOMPARE(reach->text(0), QStringLiteral("Fail"));
        QVERIFY2(reach->text(2).startsWith(QStringLiteral("Cannot reach ") + address), qPrintable(reach->text(2)));
        for (const QString &name : {QStringLiteral("Site"), QStringLiteral("Webhook")}) {
            QTreeWidgetItem *group = groupItem(tree, name);
            QCOMPARE(group->childCount(), 1);
            QCOMPARE(group->child(0)->text(0), QStringLiteral("Not run"));
        }
        auto *error = page.findChild<QLabel *>(QStringLiteral("diagnosticsError"));
        QVERIFY(error->isVisible());
        QVERIFY2(error->text().contains(QStringLiteral("Cannot reach ") + address), qPrintable(error->text()));
        QCOMPARE(page.findChild<QLabel *>(QStringLiteral("diagnosticsSummary"))->text(),
                 QStringLiteral("Passed: 1, warnings: 1, failed: 1"));
        QVERIFY(page.findChild<QPushButton *>(QStringLiteral("copyReportButton"))->isEnabled());
        QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("copyReportButton")), Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), DiagnosticsReport::render(page.checks(), OutputFormat::Table));
        saveScreenshot(page, QStringLiteral("diagnostics-unreachable.png"));
    }

    // A site that never answers its diagnostics route: Cancel stops the run at once, keeps the
    // checks made so far and says what happened; the page can run again.
    void cancelStopsTheRun()
    {
        RawHttpServer server;
        const QByteArray base = server.start();
        QFile status(QFINDTESTDATA("../core/data/status-production.json"));
        QVERIFY(status.open(QIODevice::ReadOnly));
        server.respond("/wp-json/workos/v1/admin/status", 200, status.readAll());
        server.hang("/wp-json/workos/v1/admin/diagnostics");

        Fixture f;
        const SiteProfile site = f.addSite(QStringLiteral("slow"), QString::fromLatin1(base), QStringLiteral("production"));
        DiagnosticsPage page(f.context);
        page.resize(1100, 520);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QSignalSpy finished(&page, &DiagnosticsPage::finished);
        page.showSite(site);
        QTRY_COMPARE_WITH_TIMEOUT(page.checks().size(), 3, 20000); // keychain, API key, site answers
        QTRY_VERIFY(std::any_of(server.requests.cbegin(), server.requests.cend(), [](const RawHttpServer::Request &r) {
            return r.path.endsWith("/admin/diagnostics");
        }));
        QVERIFY(page.isRunning());
        auto *jobBar = page.findChild<QWidget *>(QStringLiteral("jobBar"));
        QVERIFY(jobBar->isVisible());
        saveScreenshot(page, QStringLiteral("diagnostics-running.png"));

        QTest::mouseClick(jobBar->findChild<QPushButton *>(QStringLiteral("jobCancel")), Qt::LeftButton);
        QVERIFY(!page.isRunning());
        QCOMPARE(finished.size(), 1);
        QVERIFY(!jobBar->isVisible());
        QCOMPARE(page.checks().size(), 3);
        auto *tree = page.findChild<QTreeWidget *>(QStringLiteral("diagnosticsTree"));
        QCOMPARE(groupItem(tree, QStringLiteral("Site"))->child(0)->text(0), QStringLiteral("Not run"));
        QVERIFY(groupItem(tree, QStringLiteral("Site"))->child(0)->text(2).contains(QStringLiteral("Cancelled")));
        QVERIFY(page.findChild<QLabel *>(QStringLiteral("diagnosticsStatus"))->text().startsWith(QStringLiteral("Cancelled")));
        QVERIFY(page.findChild<QPushButton *>(QStringLiteral("runDiagnosticsButton"))->isEnabled());
        QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("copyReportButton")), Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), DiagnosticsReport::render(page.checks(), OutputFormat::Table));
        saveScreenshot(page, QStringLiteral("diagnostics-cancelled.png"));

        // Run again, and switch to another site while it waits: that run is dropped silently and
        // the other site's runs.
        QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("runDiagnosticsButton")), Qt::LeftButton);
        QVERIFY(page.isRunning());
        QVERIFY(page.checks().isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(page.checks().size(), 3, 20000);
        const SiteProfile other = f.addSite(QStringLiteral("offline"), closedAddress(), QStringLiteral("staging"));
        page.showSite(other);
        QVERIFY(page.isRunning());
        QCOMPARE(finished.size(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(!page.isRunning(), 60000);
        QCOMPARE(finished.size(), 2);
        QCOMPARE(page.findChild<QLabel *>(QStringLiteral("diagnosticsHeading"))->text(), QStringLiteral("offline (staging)"));
        QCOMPARE(page.checks().size(), 3);
        QCOMPARE(page.checks().constLast().id, QStringLiteral("site_reachable"));
        QCOMPARE(page.checks().constLast().status, DiagnosticCheck::Status::Fail);

        // This run still waits when the page goes away, which drops it too.
        QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("runDiagnosticsButton")), Qt::LeftButton);
        QVERIFY(page.isRunning());
    }
};

QTEST_MAIN(TestDiagnosticsPage)
#include "tst_diagnosticspage.moc"

// The Activity page over a seeded offline cache (a site that cannot be reached): rows at once and
// more as the table scrolls, every filter, words with full-text syntax taken literally, a
// backwards date range explained, saved filters, CSV and JSON export (and a cancelled one), the
// sign-in chart's counts, the cached copy kept with the site's error. Then a pull from the sandbox
// site over HTTP, after making the site log a failed sign-in.
#include "GuiTestSupport.h"
#include "activity/ActivityCache.h"
#include "activity/ActivityExport.h"
#include "activity/ActivityTableModel.h"
#include "net/HttpTypes.h"
#include "pages/ActivityPage.h"
#include "widgets/ActivityChart.h"
#include "widgets/JobBar.h"

#include <QApplication>
#include <QBuffer>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFile>
#include <QFileDialog>
#include <QInputDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

#include <algorithm>
#include <functional>
#include <optional>

using namespace workos;
using workos::gui::ActivityChart;
using workos::gui::ActivityPage;
using workos::test::closedAddress;
using workos::test::saveScreenshot;
using Fixture = workos::test::ConsoleFixture;

namespace {

constexpr int kEvents = 12000;
const QDateTime kStart(QDate(2026, 10, 1), QTime(0, 0), Qt::UTC);

// Event i (1…kEvents), one every 10 minutes from 2026-10-01 (83 days): six types in turn, nine
// users, a few with words that look like full-text syntax.
QJsonObject seeded(int i)
{
    static const QStringList types{QStringLiteral("login"), QStringLiteral("logout"), QStringLiteral("login_failed"),
                                   QStringLiteral("webhook_applied"), QStringLiteral("settings_updated"), QStringLiteral("login_denied")};
    const int user = 1 + i % 9;
    QJsonObject metadata{{QStringLiteral("method"), i % 2 ? QStringLiteral("authkit") : QStringLiteral("headless")}};
    if (i % 500 == 0)
        metadata.insert(QStringLiteral("note"), QStringLiteral("say \"hello\" (quoted) AND more"));
    return {{QStringLiteral("id"), i}, {QStringLiteral("event_type"), types.at(i % types.size())},
            {QStringLiteral("user_id"), user}, {QStringLiteral("user_email"), QStringLiteral("user%1@acme.test").arg(user)},
            {QStringLiteral("workos_user_id"), QString()}, {QStringLiteral("ip_address"), QStringLiteral("203.0.113.%1").arg(i % 250)},
            {QStringLiteral("user_agent"), QStringLiteral("Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0")},
            {QStringLiteral("metadata"), metadata}, {QStringLiteral("created_at"), kStart.addSecs(qint64(i) * 600).toString(Qt::ISODate)}};
}

template <typename T>
T *child(QWidget &parent, const char *name)
{
    T *w = parent.findChild<T *>(QLatin1String(name));
    if (!w)
        qFatal("no %s", name);
    return w;
}

// Every row the model can give, fetched as the view would.
QList<ActivityEvent> allRows(ActivityTableModel *model)
{
    while (model->canFetchMore({}))
        model->fetchMore({});
    QList<ActivityEvent> rows;
    for (int r = 0; r < model->rowCount(); ++r)
        rows << model->event(r);
    return rows;
}

// A dialog the page opened (window-modal, not blocking), once it shows.
template <typename T>
T *openDialog(const char *name)
{
    T *found = nullptr;
    [[maybe_unused]] const bool shown = QTest::qWaitFor([&]() {
        for (QWidget *w : QApplication::topLevelWidgets()) {
            if (w->objectName() == QLatin1String(name) && w->isVisible())
                found = qobject_cast<T *>(w);
        }
        return found != nullptr;
    }, 5000);
    return found;
}

} // namespace

class TestActivityPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void filtersSearchesAndExportsTheCachedCopyOfAnUnreachableSite()
    {
        Fixture f;
        const SiteProfile site = f.addSite(QStringLiteral("offline"), closedAddress(), QStringLiteral("production"));
        QJsonArray items;
        for (int i = 1; i <= kEvents; ++i)
            items.append(seeded(i));
        ActivityCache seed(ActivityCache::defaultPath(site.name));
        QVERIFY(seed.open().ok());
        QCOMPARE(seed.store(items).value(), kEvents);
        QVERIFY(seed.setLastPullAt(QDateTime(QDate(2026, 12, 23), QTime(9, 30), Qt::UTC)).ok());

        ActivityPage page(f.context);
        QCOMPARE(page.objectName(), QStringLiteral("activityPage"));
        QCOMPARE(page.title(), QStringLiteral("Activity"));
        page.resize(1100, 760);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QSignalSpy pulls(&page, &ActivityPage::pullFinished);
        page.showSite(site);

        // The cached rows at once, newest first, while the pull tries the site.
        auto *table = child<QTableView>(page, "activityTable");
        ActivityTableModel *model = page.model();
        QCOMPARE(table->model(), model);
        QCOMPARE(model->rowCount(), 200);
        QCOMPARE(model->event(0).id, kEvents);
        auto *count = child<QLabel>(page, "activityCount");
        QTRY_COMPARE(count->text(), QStringLiteral("Showing 200 of %1 events (more as you scroll).").arg(QLocale().toString(kEvents)));
        QVERIFY(child<QLabel>(page, "activityAsOf")->text().contains(QStringLiteral("as of")));

        // The site cannot be reached: a clear error, the cached copy stays.
        QTRY_COMPARE_WITH_TIMEOUT(pulls.count(), 1, 30000);
        QCOMPARE(pulls.at(0).at(0).toBool(), false);
        auto *error = child<QLabel>(page, "activityError");
        QVERIFY(error->isVisible());
        QVERIFY2(error->text().contains(QStringLiteral("Cannot pull new events from offline")), qPrintable(error->text()));
        QVERIFY2(error->text().contains(QStringLiteral("cached copy as of")), qPrintable(error->text()));
        QCOMPARE(model->rowCount(), 200);
        QVERIFY(child<QPushButton>(page, "activityPull")->isEnabled());
        saveScreenshot(page, QStringLiteral("activity-unreachable.png"));

        // Lazy: scrolling to the end fetches the next page.
        table->scrollToBottom();
        QTRY_VERIFY(model->rowCount() > 200);
        QTRY_VERIFY(count->text().startsWith(QStringLiteral("Showing 400 of %1").arg(QLocale().toString(kEvents))));

        // The chart: sign-ins per day for the 30 days up to the newest event (2026-12-23).
        auto *chart = child<ActivityChart>(page, "activityChart");
        QCOMPARE(chart->days().size(), 30);
        QCOMPARE(chart->days().last().day, QDate(2026, 12, 23));
        int logins = 0, failed = 0;
        for (int i = 1; i <= kEvents; ++i) {
            if (kStart.addSecs(qint64(i) * 600).date() < QDate(2026, 11, 24))
                continue;
            logins += i % 6 == 0;
            failed += i % 6 == 2 || i % 6 == 5;
        }
        QCOMPARE(chart->totalLogins(), logins);
        QCOMPARE(chart->totalFailed(), failed);
        QVERIFY2(chart->accessibleDescription().contains(QStringLiteral("from 2026-11-24 to 2026-12-23")), qPrintable(chart->accessibleDescription()));

        // Type: only that type (exactly: "login" is not login_failed).
        auto *type = child<QComboBox>(page, "activityType");
        QCOMPARE(type->count(), 7);
        const int loginIndex = type->findData(QStringLiteral("login"));
        QVERIFY(loginIndex > 0);
        type->setCurrentIndex(loginIndex);
        Q_EMIT type->activated(loginIndex);
        QList<ActivityEvent> rows = allRows(model);
        QCOMPARE(rows.size(), kEvents / 6);
        QVERIFY(std::all_of(rows.cbegin(), rows.cend(), [](const ActivityEvent &e) { return e.eventType == u"login"; }));
        QCOMPARE(chart->totalLogins(), logins); // the chart follows the user and the dates only

        // User (id or e-mail), after the short pause of typing.
        auto *user = child<QLineEdit>(page, "activityUser");
        QTest::keyClicks(user, QStringLiteral("USER4@acme.test"));
        QTRY_VERIFY(model->filter().user == u"USER4@acme.test");
        rows = allRows(model);
        QVERIFY(!rows.isEmpty());
        QVERIFY(std::all_of(rows.cbegin(), rows.cend(), [](const ActivityEvent &e) { return e.userEmail == u"user4@acme.test" && e.eventType == u"login"; }));
        QCOMPARE(qint64(rows.size()), seed.count(model->filter()).value());
        QVERIFY(chart->totalLogins() < logins);
        user->clear();
        QTest::keyClicks(user, QStringLiteral("4"));
        QTRY_VERIFY(model->filter().user == u"4");
        QCOMPARE(allRows(model).size(), rows.size());

        // Dates: whole days in UTC, both ends included.
        auto *fromOn = child<QCheckBox>(page, "activityFromOn");
        auto *from = child<QDateEdit>(page, "activityFrom");
        auto *toOn = child<QCheckBox>(page, "activityToOn");
        auto *to = child<QDateEdit>(page, "activityTo");
        user->clear();
        QTRY_VERIFY(model->filter().user.isEmpty());
        from->setDate(QDate(2026, 11, 2));
        fromOn->click();
        to->setDate(QDate(2026, 11, 3));
        toOn->click();
        QVERIFY(from->isEnabled() && to->isEnabled());
        rows = allRows(model);
        QCOMPARE(rows.size(), 48); // 2 days × 144 events, a sixth of them logins
        QVERIFY(std::all_of(rows.cbegin(), rows.cend(), [](const ActivityEvent &e) {
            return e.createdAt >= u"2026-11-02T00:00:00Z" && e.createdAt <= u"2026-11-03T23:59:59Z";
        }));
        QCOMPARE(chart->days().size(), 2);
        QCOMPARE(chart->days().first().day, QDate(2026, 11, 2));
        saveScreenshot(page, QStringLiteral("activity-filtered.png"));

        // From after to: said plainly, nothing shown, no SQL error.
        from->setDate(QDate(2026, 11, 10));
        auto *filterError = child<QLabel>(page, "activityFilterError");
        QVERIFY(filterError->isVisible());
        QVERIFY2(filterError->text().contains(QStringLiteral("is after the end")), qPrintable(filterError->text()));
        QCOMPARE(model->rowCount(), 0);
        saveScreenshot(page, QStringLiteral("activity-bad-range.png"));
        fromOn->click();
        toOn->click();
        QVERIFY(!filterError->isVisible());

        // Words, with full-text syntax taken literally. Ctrl+F goes to the search field.
        QApplication::setActiveWindow(&page);
        table->setFocus();
        QTest::keyClick(table, Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(child<QLineEdit>(page, "activitySearch")->hasFocus());
        type->setCurrentIndex(0);
        Q_EMIT type->activated(0);
        auto *search = child<QLineEdit>(page, "activitySearch");
        auto *note = child<QLabel>(page, "activityFilterNote");
        const QList<std::pair<QString, int>> searches{{QStringLiteral("hello"), 24},        {QStringLiteral("\"hello\""), 24},
                                                      {QStringLiteral("(quoted"), 24},      {QStringLiteral("AND more"), 24},
                                                      {QStringLiteral("hello)"), 24},       {QStringLiteral("x) OR (y"), 0},
                                                      {QStringLiteral("firefox user7"), 1333}, {QStringLiteral("*"), 0},
                                                      {QStringLiteral("\""), 0},            {QStringLiteral("("), 0}};
        for (const auto &[text, expected] : searches) {
            search->clear();
            QTest::keyClicks(search, text);
            QTRY_COMPARE(model->filter().search, text);
            QVERIFY2(!filterError->isVisible(), qPrintable(text + QStringLiteral(": ") + filterError->text()));
            QVERIFY2(allRows(model).size() == expected, qPrintable(QStringLiteral("%1: %2 rows").arg(text).arg(model->rowCount())));
            QCOMPARE(note->isVisible(), text.trimmed() == u"*" || text == u"\"" || text == u"(");
        }
        QVERIFY(note->text().contains(QStringLiteral("looks for words")));
        saveScreenshot(page, QStringLiteral("activity-search-punctuation.png"));
        search->clear();
        QTest::keyClicks(search, QStringLiteral("hello"));
        QTRY_COMPARE(model->rowCount(), 24);
        saveScreenshot(page, QStringLiteral("activity-search.png"));

        // Saved filters: save under a name, clear, apply it again, delete it.
        type->setCurrentIndex(type->findData(QStringLiteral("login_failed")));
        Q_EMIT type->activated(type->currentIndex());
        QTRY_COMPARE(model->filter().eventType, QStringLiteral("login_failed"));
        QCOMPARE(allRows(model).size(), 8);
        QTest::mouseClick(child<QPushButton>(page, "activitySaveFilter"), Qt::LeftButton);
        auto *nameDialog = openDialog<QInputDialog>("saveFilterDialog");
        QVERIFY(nameDialog);
        nameDialog->setTextValue(QStringLiteral("Failed hellos"));
        nameDialog->accept();
        auto *saved = child<QComboBox>(page, "activitySavedFilters");
        QTRY_COMPARE(saved->currentText(), QStringLiteral("Failed hellos"));
        QVERIFY(seed.savedFilters().value().contains(QStringLiteral("Failed hellos")));
        QTest::mouseClick(child<QPushButton>(page, "activityClear"), Qt::LeftButton);
        QVERIFY(search->text().isEmpty());
        QCOMPARE(type->currentIndex(), 0);
        QCOMPARE(model->rowCount(), 200);
        const int savedIndex = saved->findText(QStringLiteral("Failed hellos"));
        saved->setCurrentIndex(savedIndex);
        Q_EMIT saved->activated(savedIndex);
        QCOMPARE(search->text(), QStringLiteral("hello"));
        QCOMPARE(type->currentData().toString(), QStringLiteral("login_failed"));
        QCOMPARE(allRows(model).size(), 8);
        saveScreenshot(page, QStringLiteral("activity-saved-filter.png"));
        auto *remove = child<QPushButton>(page, "activityDeleteFilter");
        QVERIFY(remove->isEnabled());
        QTest::mouseClick(remove, Qt::LeftButton);
        QCOMPARE(saved->findText(QStringLiteral("Failed hellos")), -1);
        QVERIFY(!seed.savedFilters().value().contains(QStringLiteral("Failed hellos")));

        // Export of what the filters select: CSV and JSON, byte for byte what the CLI writes.
        QTest::mouseClick(child<QPushButton>(page, "activityClear"), Qt::LeftButton);
        user->setText(QStringLiteral("2"));
        page.applyFilter();
        const ActivityFilter exported = model->filter();
        QSignalSpy exports(&page, &ActivityPage::exportFinished);
        const QString csvPath = f.dir.filePath(QStringLiteral("user2.csv"));
        page.exportTo(csvPath, ActivityExportFormat::Csv);
        QTRY_COMPARE_WITH_TIMEOUT(exports.count(), 1, 20000);
        QVERIFY(exports.at(0).at(0).toBool());
        ActivityFilter everything = exported;
        everything.limit = 0;
        QBuffer expected;
        expected.open(QIODevice::WriteOnly);
        QVERIFY(exportActivity(seed, everything, ActivityExportFormat::Csv, expected).ok());
        QFile csv(csvPath);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QByteArray csvBytes = csv.readAll();
        QCOMPARE(csvBytes, expected.data());
        QCOMPARE(qint64(csvBytes.count('\n')), 1 + seed.count(exported).value()); // the header, then each event

        // …and through the dialog, as JSON.
        const QString jsonPath = f.dir.filePath(QStringLiteral("user2.json"));
        QTest::mouseClick(child<QPushButton>(page, "activityExport"), Qt::LeftButton);
        auto *fileDialog = openDialog<QFileDialog>("exportDialog");
        QVERIFY(fileDialog);
        fileDialog->selectNameFilter(QStringLiteral("JSON (*.json)"));
        fileDialog->selectFile(jsonPath);
        static_cast<QDialog *>(fileDialog)->accept();
        QTRY_COMPARE_WITH_TIMEOUT(exports.count(), 2, 20000);
        QVERIFY(exports.at(1).at(0).toBool());
        QFile json(jsonPath);
        QVERIFY(json.open(QIODevice::ReadOnly));
        const QJsonArray array = QJsonDocument::fromJson(json.readAll()).array();
        QCOMPARE(qint64(array.size()), seed.count(exported).value());
        QCOMPARE(array.first()[QStringLiteral("user_id")].toInteger(), 2);
        QVERIFY(array.first()[QStringLiteral("id")].toInteger() < array.last()[QStringLiteral("id")].toInteger()); // oldest first

        // A cancelled export writes nothing.
        QTest::mouseClick(child<QPushButton>(page, "activityClear"), Qt::LeftButton);
        const QString cancelledPath = f.dir.filePath(QStringLiteral("cancelled.csv"));
        page.exportTo(cancelledPath, ActivityExportFormat::Csv);
        auto *jobBar = child<gui::JobBar>(page, "jobBar");
        QVERIFY(jobBar->isVisible());
        QVERIFY(!child<QPushButton>(page, "activityPull")->isEnabled());
        saveScreenshot(page, QStringLiteral("activity-exporting.png"));
        QTest::mouseClick(child<QPushButton>(page, "jobCancel"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(exports.count(), 3, 20000);
        QVERIFY(!exports.at(2).at(0).toBool());
        QVERIFY(!QFile::exists(cancelledPath));
        QVERIFY(!jobBar->isVisible());
        QVERIFY(child<QPushButton>(page, "activityExport")->isEnabled());
    }

    void pullsNewEventsFromTheSandboxSite()
    {
        bool ok = false;
        const test::Sandbox sandbox = test::Sandbox::load(&ok);
        QVERIFY2(ok, "the sandbox is not running (SANDBOX_STATE, SANDBOX_WP_URL)");
        Fixture f;
        const SiteProfile site = f.addSandbox(sandbox);

        // Make the site log something: the activity log on for a moment, a failed sign-in with
        // a name of our own, the setting back to its default.
        const QString probe = QStringLiteral("guiprobe%1").arg(QDateTime::currentMSecsSinceEpoch());
        CompanionClient client(f.http, QUrl(sandbox.url), QStringLiteral("admin"), sandbox.appPassword);
        const auto patch = [&](const QByteArray &value) {
            std::optional<Result<QJsonObject>> answer;
            client.call("PATCH", QStringLiteral("admin/settings"),
                        R"({"env":"staging","settings":{"enable_activity_log":)" + value + "}}", this,
                        [&](const Result<QJsonObject> &r) { answer = r; });
            QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 20000);
            QVERIFY2(answer->ok(), qPrintable(answer->ok() ? QString() : answer->error().message));
        };
        patch("true");
        struct Restore // the setting back to its default, however the test ends
        {
            std::function<void()> restore;
            ~Restore() { restore(); }
        } restore{[&]() { patch("null"); }};
        bool posted = false;
        HttpRequest login;
        login.method = "POST";
        login.url = QUrl(sandbox.url + QStringLiteral("/wp-login.php"));
        login.headers.append(std::pair<QByteArray, QByteArray>("Content-Type", "application/x-www-form-urlencoded"));
        login.body = "log=" + probe.toUtf8() + "&pwd=not-the-password&wp-submit=Log+In";
        f.http.send(login, this, [&](const HttpResponse &) { posted = true; });
        QTRY_VERIFY_WITH_TIMEOUT(posted, 20000);

        ActivityPage page(f.context);
        page.resize(1100, 760);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QSignalSpy pulls(&page, &ActivityPage::pullFinished);
        page.showSite(site); // showing the page pulls
        QTRY_COMPARE_WITH_TIMEOUT(pulls.count(), 1, 60000);
        QVERIFY2(pulls.at(0).at(0).toBool(), qPrintable(child<QLabel>(page, "activityError")->text()));
        QVERIFY(!child<QLabel>(page, "activityError")->isVisible());
        QVERIFY2(child<QLabel>(page, "activityAsOf")->text().contains(QStringLiteral("as of")), qPrintable(child<QLabel>(page, "activityAsOf")->text()));
        QVERIFY(page.model()->rowCount() > 0);

        auto *search = child<QLineEdit>(page, "activitySearch");
        QTest::keyClicks(search, probe);
        QTRY_COMPARE(page.model()->rowCount(), 1);
        QCOMPARE(page.model()->event(0).eventType, QStringLiteral("login_failed"));
        QCOMPARE(page.model()->event(0).metadata.value(u"username").toString(), probe);
        QVERIFY(child<QComboBox>(page, "activityType")->findData(QStringLiteral("login_failed")) > 0);
        QVERIFY(child<ActivityChart>(page, "activityChart")->totalFailed() >= 1);
        saveScreenshot(page, QStringLiteral("activity-sandbox.png"));

        // Pull again: nothing new, nothing lost.
        QTest::mouseClick(child<QPushButton>(page, "activityPull"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(pulls.count(), 2, 60000);
        QVERIFY(pulls.at(1).at(0).toBool());
        QCOMPARE(page.model()->rowCount(), 1);
    }
};

QTEST_MAIN(TestActivityPage)
#include "tst_activitypage.moc"

#include "BuildInfo.h"
#include "GuiTestSupport.h"
#include "MainWindow.h"
#include "pages/ChangelogPage.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QRegularExpression>
#include <QScrollBar>
#include <QTabWidget>
#include <QTcpServer>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTextDocumentFragment>

#include <algorithm>
#include <iterator>

using namespace workos;
using workos::gui::ChangelogPage;
using workos::gui::MainWindow;
using workos::test::closedAddress;
using workos::test::saveScreenshot;
using Fixture = workos::test::ConsoleFixture;

namespace {

struct Heading
{
    int level;
    QString text;
    bool tinted;
};

// The headings the markdown became, as the view's document holds them.
QList<Heading> headings(const QTextDocument *document)
{
    QList<Heading> found;
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        const QTextBlockFormat format = block.blockFormat();
        if (format.headingLevel() > 0)
            found.append({format.headingLevel(), block.text(), format.background().style() != Qt::NoBrush});
    }
    return found;
}

// What a rich-text label reads as.
QString plain(const QLabel *label)
{
    return QTextDocumentFragment::fromHtml(label->text()).toPlainText();
}

bool hasHeading(const QList<Heading> &list, int level, const QString &text)
{
    return std::any_of(list.cbegin(), list.cend(), [&](const Heading &h) { return h.level == level && h.text == text; });
}

} // namespace

class TestChangelogPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // The console's CHANGELOG.md is built into the app, byte for byte.
    void consoleChangelogIsBuiltIn()
    {
        QFile source(QStringLiteral(WORKOS_SOURCE_DIR "/CHANGELOG.md"));
        QVERIFY(source.open(QIODevice::ReadOnly));
        QCOMPARE(ChangelogPage::consoleChangelog(), QString::fromUtf8(source.readAll()));
    }

    // Both changelogs from the sandbox site's console window: the console's at once, the
    // companion's fetched from the site, its installed release marked.
    void showsTheConsolesAndTheCompanionsChangelog()
    {
        bool ok = false;
        const auto sandbox = workos::test::Sandbox::load(&ok);
        QVERIFY2(ok, "the sandbox is not running");
        Fixture f;
        f.addSandbox(sandbox);

        MainWindow window(f.context);
        window.resize(1100, 720);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("sitePages"));
        auto *page = window.findChild<ChangelogPage *>(QStringLiteral("changelogPage"));
        QVERIFY(tabs && page);
        // Registered last, right after Diagnostics; Overview first.
        QCOMPARE(tabs->indexOf(page), tabs->count() - 1);
        QCOMPARE(tabs->widget(tabs->count() - 2)->objectName(), QStringLiteral("diagnosticsPage"));
        QCOMPARE(tabs->tabText(0), QStringLiteral("Overview"));
        QCOMPARE(tabs->tabText(tabs->count() - 1), QStringLiteral("Changelog"));

        QVERIFY(window.showPage(QStringLiteral("changelogPage")));
        auto *source = page->findChild<QComboBox *>(QStringLiteral("changelogSource"));
        auto *view = page->findChild<QTextBrowser *>(QStringLiteral("changelogView"));
        auto *installed = page->findChild<QLabel *>(QStringLiteral("changelogInstalled"));
        auto *error = page->findChild<QLabel *>(QStringLiteral("changelogError"));
        QVERIFY(source && view && installed && error);
        QVERIFY(view->openExternalLinks());
        QCOMPARE(source->count(), 2);
        QCOMPARE(source->itemText(0), QStringLiteral("WorkOS Console"));
        QCOMPARE(source->itemText(1), QStringLiteral("Companion on sandbox"));

        // The console's own changelog, rendered from markdown.
        QCOMPARE(page->source(), ChangelogPage::Source::Console);
        const QList<Heading> console = headings(view->document());
        QVERIFY(hasHeading(console, 1, QStringLiteral("Changelog")));
        QVERIFY(hasHeading(console, 2, QStringLiteral("[Unreleased]")));
        QVERIFY(hasHeading(console, 3, QStringLiteral("Added")));
        QVERIFY(view->document()->toPlainText().contains(QStringLiteral("workos-console")));
        QVERIFY(!view->document()->toPlainText().contains(QStringLiteral("**"))); // markdown, not its source
        QVERIFY(view->document()->toHtml().contains(QStringLiteral("href=\"https://keepachangelog.com/en/1.1.0/\"")));
        QCOMPARE(plain(installed), QStringLiteral("Installed: ") + QLatin1String(build::version));
        saveScreenshot(window, QStringLiteral("changelog-console.png"));

        // The companion's, from the site.
        QTRY_VERIFY_WITH_TIMEOUT(!page->isLoading(), 30000);
        QVERIFY(!error->isVisible());
        source->setFocus();
        QTest::keyClick(source, Qt::Key_Down);
        QCOMPARE(page->source(), ChangelogPage::Source::Companion);
        const QList<Heading> companion = headings(view->document());
        QVERIFY(hasHeading(companion, 1, QStringLiteral("Changelog")));
        QVERIFY(hasHeading(companion, 2, QStringLiteral("[Unreleased]")));
        QVERIFY(view->document()->toPlainText().contains(QStringLiteral("WorkOS Companion plugin")));
        const QRegularExpressionMatch version = QRegularExpression(QStringLiteral("^Installed: (\\d+\\.\\d+\\.\\d+)$")).match(plain(installed));
        QVERIFY2(version.hasMatch(), qPrintable(installed->text()));
        QVERIFY(installed->text().contains(QStringLiteral("href=\"#installed\"")));
        // Its installed release: the one heading tinted and labelled.
        QList<Heading> marked;
        std::copy_if(companion.cbegin(), companion.cend(), std::back_inserter(marked), [](const Heading &h) { return h.tinted; });
        QCOMPARE(marked.size(), 1);
        QCOMPARE(marked.first().level, 2);
        QVERIFY2(marked.first().text.startsWith(QLatin1Char('[') + version.captured(1) + QStringLiteral("] - ")), qPrintable(marked.first().text));
        QVERIFY(marked.first().text.endsWith(QStringLiteral(" — installed")));
        saveScreenshot(window, QStringLiteral("changelog-companion.png"));
        // The version in "Installed:" leads to its release.
        QCOMPARE(view->verticalScrollBar()->value(), 0);
        Q_EMIT installed->linkActivated(QStringLiteral("#installed"));
        QVERIFY(view->verticalScrollBar()->value() > 0);
        saveScreenshot(window, QStringLiteral("changelog-companion-installed.png"));

        // And back.
        QTest::keyClick(source, Qt::Key_Up);
        QVERIFY(hasHeading(headings(view->document()), 2, QStringLiteral("[Unreleased]")));
        QVERIFY(view->document()->toPlainText().contains(QStringLiteral("workos-console")));
    }

    // The site does not answer: the error says so, the console's changelog still shows.
    void unreachableCompanionKeepsTheConsolesChangelog()
    {
        Fixture f;
        const QString address = closedAddress();
        const SiteProfile site = f.addSite(QStringLiteral("offline"), address, QStringLiteral("staging"));
        ChangelogPage page(f.context);
        page.resize(900, 560);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.showSite(site);
        QTRY_VERIFY_WITH_TIMEOUT(!page.isLoading(), 30000);

        auto *error = page.findChild<QLabel *>(QStringLiteral("changelogError"));
        auto *view = page.findChild<QTextBrowser *>(QStringLiteral("changelogView"));
        QVERIFY(error->isVisible());
        QVERIFY2(error->text().startsWith(QStringLiteral("The changelog of the companion on offline could not be loaded: Cannot reach ") + address),
                 qPrintable(error->text()));
        QCOMPARE(page.source(), ChangelogPage::Source::Console);
        QVERIFY(hasHeading(headings(view->document()), 2, QStringLiteral("[Unreleased]")));
        QVERIFY(view->document()->toPlainText().contains(QStringLiteral("workos-console")));
        saveScreenshot(page, QStringLiteral("changelog-unreachable.png"));

        page.showSource(ChangelogPage::Source::Companion);
        QVERIFY(headings(view->document()).isEmpty());
        QVERIFY(view->document()->toPlainText().contains(QStringLiteral("not available")));
        QVERIFY(page.findChild<QLabel *>(QStringLiteral("changelogInstalled"))->text().isEmpty());
        QVERIFY(error->isVisible());
        saveScreenshot(page, QStringLiteral("changelog-unreachable-companion.png"));
    }
};

QTEST_MAIN(TestChangelogPage)
#include "tst_changelogpage.moc"

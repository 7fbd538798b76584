// Keyboard and screen-reader reach of the whole console: every control that takes the keyboard
// focus has an accessible name (its own, its label's, or its text), and Tab reaches each of them.
// Walks the main window with every site page and every page of the onboarding wizard, so a new
// control without a name fails here.
#include "GuiTestSupport.h"
#include "MainWindow.h"
#include "wizard/OnboardingWizard.h"

#include <QAbstractButton>
#include <QAccessible>
#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QListView>
#include <QTabWidget>
#include <QTest>

using namespace workos;

namespace {

// Controls the keyboard can reach in `root` as it is shown now.
QList<QWidget *> focusable(QWidget *root)
{
    QList<QWidget *> out;
    for (QWidget *w : root->findChildren<QWidget *>()) {
        if (w->isVisibleTo(root) && w->isEnabled() && (w->focusPolicy() & Qt::TabFocus) && !w->focusProxy()
            && !qobject_cast<QTabBar *>(w->parentWidget()))
            out << w;
    }
    return out;
}

QString describe(QWidget *w)
{
    return QStringLiteral("%1 \"%2\" in %3")
        .arg(QString::fromLatin1(w->metaObject()->className()), w->objectName(),
             w->parentWidget() ? w->parentWidget()->objectName() : QString());
}

// Every reachable control is named for a screen reader.
QStringList unnamed(QWidget *root)
{
    QStringList out;
    for (QWidget *w : focusable(root)) {
        QAccessibleInterface *a = QAccessible::queryAccessibleInterface(w);
        if (!a || a->text(QAccessible::Name).trimmed().isEmpty())
            out << describe(w);
    }
    return out;
}

// Tab from the first control visits every reachable one.
QStringList unreachable(QWidget *window)
{
    const QList<QWidget *> all = focusable(window);
    if (all.isEmpty())
        return {};
    QSet<QWidget *> seen;
    QWidget *start = all.first();
    start->setFocus(Qt::TabFocusReason);
    QWidget *current = QApplication::focusWidget();
    for (int i = 0; i < all.size() * 3 && current; ++i) {
        seen.insert(current);
        QTest::keyClick(current, Qt::Key_Tab);
        current = QApplication::focusWidget();
        if (current == start)
            break;
    }
    QStringList out;
    for (QWidget *w : all) {
        // Item views and text areas keep Tab for themselves only when asked; none here does.
        if (!seen.contains(w))
            out << describe(w);
    }
    return out;
}

} // namespace

class TestAccessibility : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everySitePageIsNamedAndReachable()
    {
        test::ConsoleFixture f;
        f.addSite(QStringLiteral("offline"), QStringLiteral("http://127.0.0.1:1"), QStringLiteral("production"));
        gui::MainWindow window(f.context);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("sitePages"));
        QVERIFY(tabs && tabs->count() >= 1);
        for (int i = 0; i < tabs->count(); ++i) {
            tabs->setCurrentIndex(i);
            QTest::qWait(0);
            const QString page = tabs->widget(i)->objectName();
            const QStringList missing = unnamed(&window);
            QVERIFY2(missing.isEmpty(), qPrintable(page + QStringLiteral(": no accessible name: ") + missing.join(QStringLiteral("; "))));
            const QStringList lost = unreachable(&window);
            QVERIFY2(lost.isEmpty(), qPrintable(page + QStringLiteral(": Tab never reaches: ") + lost.join(QStringLiteral("; "))));
        }
    }

    void everyWizardPageIsNamed()
    {
        test::ConsoleFixture f;
        gui::OnboardingWizard wizard(f.context);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        for (int id : wizard.pageIds()) {
            QWizardPage *page = wizard.page(id);
            const QStringList missing = unnamed(page);
            QVERIFY2(missing.isEmpty(), qPrintable(page->objectName() + QStringLiteral(": no accessible name: ") + missing.join(QStringLiteral("; "))));
        }
        const QStringList lost = unreachable(&wizard);
        QVERIFY2(lost.isEmpty(), qPrintable(QStringLiteral("Tab never reaches: ") + lost.join(QStringLiteral("; "))));
    }
};

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"

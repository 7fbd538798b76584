#include "Translations.h"
#include "widgets/EnvironmentBadge.h"

#include <QApplication>
#include <QTest>
#include <QTranslator>

// The .qm files are built from translations/*.ts and embedded; a German desktop sees German, and
// so does an admin who chose German whatever the desktop speaks.
class TestTranslations : public QObject
{
    Q_OBJECT
private:
    static void removeAll()
    {
        for (QTranslator *t : QCoreApplication::instance()->findChildren<QTranslator *>()) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
    }

private Q_SLOTS:
    void offersEnglishAndGerman()
    {
        const QStringList languages = workos::availableLanguages();
        QVERIFY(languages.contains(QStringLiteral("en")));
        QVERIFY(languages.contains(QStringLiteral("de")));
    }

    void germanLocaleLoadsTheEmbeddedTranslation()
    {
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        workos::installTranslations(*QCoreApplication::instance());
        workos::gui::EnvironmentBadge badge;
        badge.setEnvironment(QStringLiteral("production"));
        QCOMPARE(badge.text(), QStringLiteral("PRODUKTION"));
        badge.setEnvironment(QString());
        QCOMPARE(badge.text(), QStringLiteral("KEINE WEBSITE"));
        removeAll();
    }

    void theAdminsChoiceWinsOverTheDesktop()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        const QLocale chosen = workos::installTranslations(*QCoreApplication::instance(), QStringLiteral("de"));
        QCOMPARE(chosen.language(), QLocale::German);
        QCOMPARE(QLocale().language(), QLocale::German); // dates and numbers follow
        workos::gui::EnvironmentBadge badge;
        badge.setEnvironment(QStringLiteral("production"));
        QCOMPARE(badge.text(), QStringLiteral("PRODUKTION"));
        // Qt's and QtKeychain's own texts come in the same language.
        QCOMPARE(QCoreApplication::translate("QKeychain::ReadPasswordJobPrivate", "Entry not found"),
                 QStringLiteral("Eintrag nicht gefunden"));
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Abbrechen"));
        removeAll();

        workos::installTranslations(*QCoreApplication::instance(), QStringLiteral("en"));
        badge.setEnvironment(QStringLiteral("production"));
        QCOMPARE(badge.text(), QStringLiteral("PRODUCTION"));
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"

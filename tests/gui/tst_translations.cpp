#include "Translations.h"
#include "widgets/EnvironmentBadge.h"

#include <QApplication>
#include <QTest>

// The .qm files are built from translations/*.ts and embedded; a German desktop sees German.
class TestTranslations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void germanLocaleLoadsTheEmbeddedTranslation()
    {
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        workos::installTranslations(*QCoreApplication::instance());
        workos::gui::EnvironmentBadge badge;
        badge.setEnvironment(QStringLiteral("production"));
        QCOMPARE(badge.text(), QStringLiteral("PRODUKTION"));
        badge.setEnvironment(QString());
        QCOMPARE(badge.text(), QStringLiteral("KEINE WEBSITE"));
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"

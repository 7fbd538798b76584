#include "Translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QTranslator>

namespace workos {

namespace {
// QtKeychain installs its catalogues here on Debian (libqt6keychain1); it offers no API for it.
const char *const kKeychainTranslations[] = {"/usr/share/qt6keychain/translations", "/usr/share/qtkeychain/translations"};

void load(QCoreApplication &app, const QLocale &locale, const QString &name, const QString &dir)
{
    auto *translator = new QTranslator(&app);
    if (translator->load(locale, name, QStringLiteral("_"), dir))
        QCoreApplication::installTranslator(translator);
    else
        delete translator;
}
} // namespace

QStringList availableLanguages()
{
    QStringList languages{QStringLiteral("en")};
    for (const QString &file : QDir(QStringLiteral(":/i18n")).entryList({QStringLiteral("workos_*.qm")}, QDir::Files, QDir::Name))
        languages << file.mid(7).chopped(3);
    return languages;
}

QLocale installTranslations(QCoreApplication &app, const QString &language)
{
    const QLocale locale = language.isEmpty() ? QLocale() : QLocale(language);
    QLocale::setDefault(locale);
    if (locale.language() == QLocale::English || locale.language() == QLocale::C)
        return locale; // the source texts are English: nothing to load
    load(app, locale, QStringLiteral("qtbase"), QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    for (const char *dir : kKeychainTranslations) {
        if (QDir(QLatin1String(dir)).exists()) {
            load(app, locale, QStringLiteral("qtkeychain"), QLatin1String(dir));
            break;
        }
    }
    load(app, locale, QStringLiteral("workos"), QStringLiteral(":/i18n"));
    return locale;
}

} // namespace workos

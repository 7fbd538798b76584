#pragma once

#include <QLocale>
#include <QStringList>

class QCoreApplication;

namespace workos {

// The languages the console speaks: "en" (the source texts) and one per embedded .qm.
QStringList availableLanguages();

// Loads the console's translations (embedded .qm) and Qt's and QtKeychain's own, for `language`
// ("de", "en") or, when empty, the default locale (the system's unless set). Returns the locale chosen (also made the
// default, so dates and numbers follow it).
QLocale installTranslations(QCoreApplication &app, const QString &language = QString());

} // namespace workos

#pragma once

class QCoreApplication;

namespace workos {

// Loads the console's translations (embedded .qm) and Qt's own for the system locale.
void installTranslations(QCoreApplication &app);

} // namespace workos

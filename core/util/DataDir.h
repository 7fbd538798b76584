#pragma once

#include <QStandardPaths>
#include <QString>

namespace workos {

// The console's data folder: $WPWORKOS_DATA_DIR, else ~/.local/share/wpworkos (profiles, the
// activity caches, the sync journal — never a secret).
inline QString dataDir()
{
    const QString dir = qEnvironmentVariable("WPWORKOS_DATA_DIR");
    return dir.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/wpworkos") : dir;
}

} // namespace workos

#pragma once

#include <QJsonObject>
#include <QString>

namespace emu {
class Emulator;
}

namespace emu::seed {

// Fills an empty emulator from a seed (format in docs/sandbox.md). No events are emitted: a
// seed is the state WorkOS had before anyone listened. Returns "" or what is wrong and where.
QString load(Emulator &emulator, const QJsonObject &seed);

} // namespace emu::seed

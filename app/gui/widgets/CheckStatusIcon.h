#pragma once

#include "diagnostics/Diagnostics.h"

#include <QIcon>
#include <QString>

namespace workos::gui {

// How a pass / warn / fail result is shown: a shape that differs per state (tick in a circle,
// exclamation mark in a triangle, cross in a circle), coloured, and always next to its word,
// so the state never rests on colour alone.
QIcon checkStatusIcon(DiagnosticCheck::Status status);
QString checkStatusText(DiagnosticCheck::Status status);

} // namespace workos::gui

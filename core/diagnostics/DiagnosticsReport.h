#pragma once

#include "diagnostics/Diagnostics.h"
#include "output/Formatter.h"
#include "output/Table.h"

#include <QList>

namespace workos {

// A diagnostics run as a report: the rows `wpworkos diagnostics` prints (source, check, status,
// summary, advice) in any output format, and its counts. The console's Diagnostics page copies
// and saves the same text, so a report pasted into a ticket reads the same from either.
class DiagnosticsReport
{
public:
    struct Counts
    {
        int passed = 0;
        int warned = 0;
        int failed = 0;
    };

    static Table table(const QList<DiagnosticCheck> &checks);
    static QString render(const QList<DiagnosticCheck> &checks, OutputFormat format);
    static Counts count(const QList<DiagnosticCheck> &checks);
};

} // namespace workos

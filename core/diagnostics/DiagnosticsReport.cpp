#include "diagnostics/DiagnosticsReport.h"

namespace workos {

Table DiagnosticsReport::table(const QList<DiagnosticCheck> &checks)
{
    Table table;
    table.columns = {QStringLiteral("source"), QStringLiteral("check"), QStringLiteral("status"), QStringLiteral("summary"),
                     QStringLiteral("advice")};
    for (const DiagnosticCheck &c : checks)
        table.rows.append({c.source, c.id, DiagnosticCheck::statusName(c.status), c.summary, c.advice});
    return table;
}

QString DiagnosticsReport::render(const QList<DiagnosticCheck> &checks, OutputFormat format)
{
    return formatTable(table(checks), format);
}

DiagnosticsReport::Counts DiagnosticsReport::count(const QList<DiagnosticCheck> &checks)
{
    Counts counts;
    for (const DiagnosticCheck &c : checks) {
        switch (c.status) {
        case DiagnosticCheck::Status::Pass: ++counts.passed; break;
        case DiagnosticCheck::Status::Warn: ++counts.warned; break;
        case DiagnosticCheck::Status::Fail: ++counts.failed; break;
        }
    }
    return counts;
}

} // namespace workos

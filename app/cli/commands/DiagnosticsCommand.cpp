#include "commands/DiagnosticsCommand.h"

#include "Console.h"
#include "diagnostics/Diagnostics.h"
#include "diagnostics/DiagnosticsReport.h"

namespace workos::cli {

QString DiagnosticsCommand::summary() const
{
    return tr("Check everything a site needs to work with WorkOS, with advice.");
}

void DiagnosticsCommand::configure(QCommandLineParser &parser) const
{
    parser.addOption({QStringLiteral("format"), tr("table, json, csv or yaml."), QStringLiteral("format"), QStringLiteral("table")});
}

void DiagnosticsCommand::run(const QStringList &args, const QCommandLineParser &parser, Context &ctx,
                             std::function<void(int)> finish)
{
    const auto format = parseOutputFormat(parser.value(QStringLiteral("format")));
    if (!args.isEmpty() || !format || *format == OutputFormat::Ids) {
        ctx.console.err(tr("usage: wpworkos diagnostics [--format table|json|csv|yaml]\n"));
        return finish(ExitUsage);
    }
    const Result<SiteProfile> site = ctx.sites.resolve(ctx.site);
    if (!site) {
        ctx.console.error(site.error().message);
        return finish(ExitError);
    }
    Diagnostics::run(ctx.sites, ctx.secrets, ctx.http, site.value(), ctx.environment, ctx.owner,
                     [&ctx, fmt = *format, finish](const QList<DiagnosticCheck> &checks) {
        ctx.console.out(DiagnosticsReport::render(checks, fmt));
        const DiagnosticsReport::Counts counts = DiagnosticsReport::count(checks);
        if (counts.failed)
            ctx.console.error(tr("%n check(s) failed; %1 warning(s).", nullptr, counts.failed).arg(counts.warned));
        else if (fmt == OutputFormat::Table)
            ctx.console.success(tr("No check failed; %n warning(s).", nullptr, counts.warned));
        finish(counts.failed ? ExitError : ExitOk);
    });
}

} // namespace workos::cli

#include "commands/StatusCommand.h"

#include "Console.h"
#include "output/Formatter.h"
#include "site/SiteService.h"

namespace workos::cli {

QString StatusCommand::summary() const
{
    return tr("Show the site's WorkOS configuration, each setting with its source.");
}

void StatusCommand::configure(QCommandLineParser &parser) const
{
    parser.addOption({QStringLiteral("format"), tr("Output format: table, json, csv or yaml."),
                      QStringLiteral("format"), QStringLiteral("table")});
}

void StatusCommand::run(const QStringList &args, const QCommandLineParser &parser, Context &ctx,
                        std::function<void(int)> finish)
{
    if (!args.isEmpty()) {
        ctx.console.err(tr("wpworkos status: unexpected argument “%1”\n").arg(args.first()));
        finish(ExitUsage);
        return;
    }
    const auto format = parseOutputFormat(parser.value(QStringLiteral("format")));
    if (!format || *format == OutputFormat::Ids) {
        ctx.console.err(tr("wpworkos status: --format must be table, json, csv or yaml\n"));
        finish(ExitUsage);
        return;
    }
    const Result<SiteProfile> site = ctx.sites.resolve(ctx.site);
    if (!site) {
        ctx.console.error(site.error().message);
        finish(ExitError);
        return;
    }
    ctx.sites.fetchStatus(site.value(), ctx.owner, [&ctx, fmt = *format, finish](const Result<SiteStatus> &s) {
        if (!s) {
            ctx.console.error(s.error().message);
            finish(ExitError);
            return;
        }
        ctx.console.out(formatTable(s->toTable(ctx.environment), fmt));
        finish(ExitOk);
    });
}

} // namespace workos::cli

#include "commands/ActivityCommand.h"

#include "Console.h"
#include "activity/ActivityCache.h"
#include "activity/ActivityExport.h"
#include "output/Formatter.h"
#include "site/SiteService.h"

#include <QBuffer>

#include <memory>

namespace workos::cli {

QString ActivityCommand::summary() const
{
    return tr("Pull the site's activity log into the offline cache; list, search and export it.");
}

void ActivityCommand::configure(QCommandLineParser &parser) const
{
    parser.addPositionalArgument(QStringLiteral("action"), tr("pull | list | search TEXT | export"));
    parser.addOption({QStringLiteral("type"), tr("Only event types starting with this (login, webhook_…)."), QStringLiteral("prefix")});
    parser.addOption({QStringLiteral("user"), tr("Only this WordPress user (id or e-mail)."), QStringLiteral("user")});
    parser.addOption({QStringLiteral("since"), tr("From this date or time (ISO 8601, UTC)."), QStringLiteral("when")});
    parser.addOption({QStringLiteral("until"), tr("Up to this date or time (ISO 8601, UTC)."), QStringLiteral("when")});
    parser.addOption({QStringLiteral("limit"), tr("At most this many events (list, search: 50; export: all)."), QStringLiteral("n")});
    parser.addOption({QStringLiteral("format"), tr("table, json, csv, yaml or ids (export: csv or json)."), QStringLiteral("format")});
    parser.addOption({QStringLiteral("output"), tr("export: write to this file instead of standard output."), QStringLiteral("file")});
}

void ActivityCommand::run(const QStringList &args, const QCommandLineParser &parser, Context &ctx,
                          std::function<void(int)> finish)
{
    const QString action = args.value(0);
    const bool known = (action == QLatin1String("pull") || action == QLatin1String("list") || action == QLatin1String("export"))
        ? args.size() == 1 : (action == QLatin1String("search") && args.size() >= 2);
    if (!known) {
        ctx.console.err(tr("usage: wpworkos activity pull\n"
                           "       wpworkos activity list [--type PREFIX] [--user ID|EMAIL] [--since WHEN] [--until WHEN] [--limit N] [--format F]\n"
                           "       wpworkos activity search TEXT [same filters]\n"
                           "       wpworkos activity export [--format csv|json] [--output FILE] [same filters]\n"));
        return finish(ExitUsage);
    }
    ActivityFilter filter;
    filter.typePrefix = parser.value(QStringLiteral("type"));
    filter.user = parser.value(QStringLiteral("user"));
    if (action == QLatin1String("search"))
        filter.search = args.mid(1).join(QLatin1Char(' '));
    for (const auto &[option, endOfDay] : {std::pair{QStringLiteral("since"), false}, std::pair{QStringLiteral("until"), true}}) {
        if (!parser.isSet(option))
            continue;
        const auto when = ActivityFilter::parseTime(parser.value(option), endOfDay);
        if (!when) {
            ctx.console.err(tr("wpworkos activity: --%1 must be a date or time in ISO 8601 (2026-11-27 or 2026-11-27T10:00:00Z)\n").arg(option));
            return finish(ExitUsage);
        }
        (endOfDay ? filter.to : filter.from) = *when;
    }
    if (const Result<void> valid = filter.validate(); !valid) {
        ctx.console.err(QStringLiteral("wpworkos activity: ") + valid.error().message + QLatin1Char('\n'));
        return finish(ExitUsage);
    }
    const bool exporting = action == QLatin1String("export");
    filter.limit = exporting ? 0 : 50; // export: all
    if (parser.isSet(QStringLiteral("limit"))) {
        bool ok = false;
        filter.limit = parser.value(QStringLiteral("limit")).toInt(&ok);
        if (!ok || filter.limit < 1 || filter.limit > 1000000) {
            ctx.console.err(tr("wpworkos activity: --limit must be a number from 1 to 1000000\n"));
            return finish(ExitUsage);
        }
    }
    const QString formatName = parser.value(QStringLiteral("format")).isEmpty() ? (exporting ? QStringLiteral("csv") : QStringLiteral("table"))
                                                                               : parser.value(QStringLiteral("format"));
    const auto format = parseOutputFormat(formatName);
    if (!format || (exporting && *format != OutputFormat::Csv && *format != OutputFormat::Json)) {
        ctx.console.err(exporting ? tr("wpworkos activity export: --format must be csv or json\n")
                                  : tr("wpworkos activity: --format must be table, json, csv, yaml or ids\n"));
        return finish(ExitUsage);
    }

    const Result<SiteProfile> site = ctx.sites.resolve(ctx.site);
    if (!site) {
        ctx.console.error(site.error().message);
        return finish(ExitError);
    }
    auto cache = std::make_shared<ActivityCache>(ActivityCache::defaultPath(site->name));
    const Result<void> opened = cache->open();
    if (!opened) {
        ctx.console.error(opened.error().message);
        return finish(ExitError);
    }
    if (cache->rebuilt())
        ctx.console.warning(tr("The activity cache of '%1' was unreadable; it was set aside and starts empty. Run: wpworkos activity pull").arg(site->name));

    if (action == QLatin1String("pull")) {
        const bool terminal = ctx.console.stdoutIsTerminal();
        const QString name = site->name;
        ctx.sites.withClient(site.value(), ctx.owner, [&ctx, cache, terminal, name, finish](const Result<std::shared_ptr<CompanionClient>> &client) {
            if (!client) {
                ctx.console.error(client.error().message);
                return finish(ExitError);
            }
            auto keep = client.value();
            cache->pull(*keep, ctx.owner, [&ctx, terminal](qint64 n) {
                if (terminal)
                    ctx.console.err(tr("\rPulling activity… %1").arg(n));
                return true;
            }, [&ctx, cache, keep, terminal, name, finish](const Result<qint64> &pulled) {
                if (terminal)
                    ctx.console.err(QStringLiteral("\n"));
                if (!pulled) {
                    ctx.console.error(pulled.error().message);
                    return finish(ExitError);
                }
                ctx.console.success(tr("Pulled %n new event(s) from '%1'; the cache holds %2.", nullptr, static_cast<int>(pulled.value()))
                                        .arg(name).arg(cache->count()));
                finish(ExitOk);
            });
        });
        return;
    }

    if (exporting) {
        const ActivityExportFormat exportFormat = *format == OutputFormat::Json ? ActivityExportFormat::Json : ActivityExportFormat::Csv;
        const QString output = parser.value(QStringLiteral("output"));
        if (output.isEmpty()) {
            QBuffer buffer;
            buffer.open(QIODevice::WriteOnly);
            const Result<qint64> exported = exportActivity(*cache, filter, exportFormat, buffer);
            if (!exported) {
                ctx.console.error(exported.error().message);
                return finish(ExitError);
            }
            ctx.console.out(QString::fromUtf8(buffer.data()));
            return finish(ExitOk);
        }
        const Result<qint64> exported = exportActivityToFile(*cache, filter, exportFormat, output);
        if (!exported) {
            ctx.console.error(exported.error().message);
            return finish(ExitError);
        }
        ctx.console.success(tr("Exported %n event(s) to %1.", nullptr, static_cast<int>(exported.value())).arg(output));
        return finish(ExitOk);
    }

    const Result<QList<ActivityEvent>> events = cache->query(filter);
    if (!events) {
        ctx.console.error(events.error().message);
        return finish(ExitError);
    }
    if (events->isEmpty() && *format == OutputFormat::Table && cache->count() == 0)
        ctx.console.warning(tr("The cache of '%1' is empty. Run: wpworkos activity pull").arg(site->name));
    ctx.console.out(formatTable(activityTable(events.value()), *format));
    finish(ExitOk);
}

} // namespace workos::cli

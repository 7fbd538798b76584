#include "commands/ChangelogCommand.h"

#include "Console.h"
#include "changelog/Changelog.h"
#include "changelog/CompanionChangelog.h"
#include "site/SiteService.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace workos::cli {

QString ChangelogCommand::summary() const
{
    return tr("Show the changelog of the site's WorkOS Companion plugin.");
}

void ChangelogCommand::configure(QCommandLineParser &parser) const
{
    parser.addOption({QStringLiteral("since"), tr("Only what is newer than this version."), QStringLiteral("version")});
    parser.addOption({QStringLiteral("format"), tr("markdown or json."), QStringLiteral("format"), QStringLiteral("markdown")});
}

void ChangelogCommand::run(const QStringList &args, const QCommandLineParser &parser, Context &ctx,
                           std::function<void(int)> finish)
{
    const QString format = parser.value(QStringLiteral("format"));
    const QString since = parser.value(QStringLiteral("since"));
    static const QRegularExpression version(QStringLiteral("^\\d+(\\.\\d+)*$"));
    if (!args.isEmpty() || (format != QLatin1String("markdown") && format != QLatin1String("json"))
        || (!since.isEmpty() && !version.match(since).hasMatch())) {
        ctx.console.err(tr("usage: wpworkos changelog [--since VERSION] [--format markdown|json]\n"));
        return finish(ExitUsage);
    }
    const Result<SiteProfile> site = ctx.sites.resolve(ctx.site);
    if (!site) {
        ctx.console.error(site.error().message);
        return finish(ExitError);
    }
    CompanionChangelog::fetch(ctx.sites, site.value(), ctx.owner, [&ctx, format, since, finish](const Result<CompanionChangelog> &changelog) {
        if (!changelog) {
            ctx.console.error(changelog.error().message);
            return finish(ExitError);
        }
        const QList<ChangelogRelease> releases = Changelog::since(changelog->releases, since);
        if (format == QLatin1String("json")) {
            QJsonArray array;
            for (const ChangelogRelease &r : releases)
                array.append(QJsonObject{{QStringLiteral("version"), r.version}, {QStringLiteral("date"), r.date}, {QStringLiteral("markdown"), r.body}});
            ctx.console.out(QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented)));
        } else if (releases.isEmpty()) {
            ctx.console.out(tr("Nothing newer than %1 (the site runs %2).\n").arg(since, changelog->version));
        } else {
            ctx.console.out(Changelog::toMarkdown(releases));
        }
        finish(ExitOk);
    });
}

} // namespace workos::cli

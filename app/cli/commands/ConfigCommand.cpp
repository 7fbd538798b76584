#include "commands/ConfigCommand.h"

#include "Console.h"
#include "site/SiteConfig.h"
#include "site/SiteService.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <memory>

namespace workos::cli {

namespace {

// The state of one `diff`/`apply` run over several sites, one after the other.
struct Run
{
    QStringList sites;
    qsizetype next = 0;
    QJsonObject wanted;
    QString environment;
    bool apply = false;
    bool dryRun = false;
    bool assumeYes = false;
    bool force = false;
    bool json = false;
    QJsonArray report;
    int failures = 0;
    int changed = 0;
};

} // namespace

QString ConfigCommand::summary() const
{
    return tr("Export a site's settings, role map and redirects; diff and apply them to sites.");
}

void ConfigCommand::configure(QCommandLineParser &parser) const
{
    parser.addPositionalArgument(QStringLiteral("action"), tr("export | diff FILE | apply FILE"));
    parser.addOption({QStringLiteral("output"), tr("export: write the document to this file instead of standard output."),
                      QStringLiteral("file")});
    parser.addOption({QStringLiteral("sites"), tr("diff, apply: these sites (comma-separated) instead of --site or the current one."),
                      QStringLiteral("names")});
    parser.addOption({QStringLiteral("dry-run"), tr("apply: show what would change, change nothing.")});
    parser.addOption({QStringLiteral("yes"), tr("apply: do not ask for confirmation.")});
    parser.addOption({QStringLiteral("force"), tr("apply: allow a role map that takes the administrator role from every administrator.")});
    parser.addOption({QStringLiteral("format"), tr("diff, apply: text or json."), QStringLiteral("format"), QStringLiteral("text")});
}

void ConfigCommand::run(const QStringList &args, const QCommandLineParser &parser, Context &ctx,
                        std::function<void(int)> finish)
{
    const QString action = args.value(0);
    if (action == QLatin1String("export") && args.size() == 1)
        return exportConfig(parser, ctx, std::move(finish));
    if ((action == QLatin1String("diff") || action == QLatin1String("apply")) && args.size() == 2)
        return diffOrApply(action == QLatin1String("apply"), args.at(1), parser, ctx, std::move(finish));
    ctx.console.err(tr("usage: wpworkos config export [--output FILE]\n"
                       "       wpworkos config diff FILE [--sites A,B]\n"
                       "       wpworkos config apply FILE [--sites A,B] [--dry-run] [--yes] [--force]\n"));
    finish(ExitUsage);
}

void ConfigCommand::exportConfig(const QCommandLineParser &parser, Context &ctx, std::function<void(int)> finish)
{
    const Result<SiteProfile> site = ctx.sites.resolve(ctx.site);
    if (!site) {
        ctx.console.error(site.error().message);
        return finish(ExitError);
    }
    const QString output = parser.value(QStringLiteral("output"));
    const QString env = ctx.environment;
    ctx.sites.withClient(site.value(), ctx.owner, [&ctx, env, output, finish](const Result<std::shared_ptr<CompanionClient>> &client) {
        if (!client) {
            ctx.console.error(client.error().message);
            return finish(ExitError);
        }
        auto keep = client.value();
        SiteConfig::fetch(*keep, env, ctx.owner, [&ctx, keep, output, finish](const Result<QJsonObject> &doc) {
            if (!doc) {
                ctx.console.error(doc.error().message);
                return finish(ExitError);
            }
            const QByteArray text = QJsonDocument(doc.value()).toJson(QJsonDocument::Indented);
            if (output.isEmpty()) {
                ctx.console.out(QString::fromUtf8(text));
                return finish(ExitOk);
            }
            QSaveFile file(output);
            if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size() || !file.commit()) {
                ctx.console.error(tr("Cannot write %1: %2").arg(output, file.errorString()));
                return finish(ExitError);
            }
            ctx.console.success(tr("Wrote the %1 configuration to %2.").arg(doc->value(QLatin1String("environment")).toString(), output));
            finish(ExitOk);
        });
    });
}

void ConfigCommand::diffOrApply(bool apply, const QString &path, const QCommandLineParser &parser, Context &ctx,
                                std::function<void(int)> finish)
{
    const QString format = parser.value(QStringLiteral("format"));
    if (format != QLatin1String("text") && format != QLatin1String("json")) {
        ctx.console.err(tr("wpworkos config: --format must be text or json\n"));
        return finish(ExitUsage);
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ctx.console.error(tr("Cannot read %1: %2").arg(path, file.errorString()));
        return finish(ExitError);
    }
    QJsonParseError parseError{};
    const QJsonDocument parsed = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!parsed.isObject()) {
        ctx.console.error(tr("%1 is not a JSON object: %2").arg(path, parseError.errorString()));
        return finish(ExitError);
    }
    const Result<QJsonObject> wanted = SiteConfig::validate(parsed.object());
    if (!wanted) {
        ctx.console.error(wanted.error().message);
        return finish(ExitError);
    }

    auto run = std::make_shared<Run>();
    run->wanted = wanted.value();
    run->environment = ctx.environment.isEmpty() ? wanted->value(QLatin1String("environment")).toString() : ctx.environment;
    run->apply = apply;
    run->dryRun = parser.isSet(QStringLiteral("dry-run"));
    run->assumeYes = parser.isSet(QStringLiteral("yes"));
    run->force = parser.isSet(QStringLiteral("force"));
    run->json = format == QLatin1String("json");
    run->sites = parser.isSet(QStringLiteral("sites")) ? parser.value(QStringLiteral("sites")).split(QLatin1Char(','), Qt::SkipEmptyParts)
                                                       : QStringList{ctx.site};
    if (apply && !run->dryRun && !run->assumeYes && !ctx.console.stdinIsTerminal()) {
        ctx.console.error(tr("Confirmation needed: run in a terminal, or pass --yes (or --dry-run to only look)."));
        return finish(ExitError);
    }

    // One site after the other: resolve, fetch its document, diff, maybe confirm and apply.
    auto step = std::make_shared<std::function<void()>>();
    std::weak_ptr<std::function<void()>> weak = step;
    *step = [run, weak, &ctx, finish]() {
        auto self = weak.lock();
        if (run->next == run->sites.size()) {
            if (run->json)
                ctx.console.out(QString::fromUtf8(QJsonDocument(run->report).toJson(QJsonDocument::Indented)));
            else if (run->apply && !run->dryRun && run->failures == 0)
                ctx.console.success(tr("Applied %n change(s) to %1 site(s).", nullptr, run->changed).arg(run->sites.size()));
            return finish(run->failures ? ExitError : ExitOk);
        }
        const QString name = run->sites.at(run->next++).trimmed();
        const Result<SiteProfile> site = ctx.sites.resolve(name);
        auto failed = [run, &ctx, self](const QString &siteName, const QString &message) {
            ++run->failures;
            ctx.console.error(siteName.isEmpty() ? message : tr("%1: %2").arg(siteName, message));
            (*self)();
        };
        if (!site)
            return failed(name, site.error().message);
        const SiteProfile profile = site.value();
        const QString env = run->environment.isEmpty() ? profile.environment : run->environment;
        ctx.sites.withClient(profile, ctx.owner, [run, self, &ctx, profile, env, failed](const Result<std::shared_ptr<CompanionClient>> &client) {
            if (!client)
                return failed(profile.name, client.error().message);
            auto keep = client.value();
            SiteConfig::fetch(*keep, env, ctx.owner, [run, self, &ctx, keep, profile, env, failed](const Result<QJsonObject> &current) {
                if (!current)
                    return failed(profile.name, current.error().message);
                const QList<ConfigChange> changes = SiteConfig::diff(current.value(), run->wanted);
                for (const ConfigChange &c : changes) {
                    run->report.append(QJsonObject{{QStringLiteral("site"), profile.name}, {QStringLiteral("environment"), env},
                                                   {QStringLiteral("path"), c.path}, {QStringLiteral("from"), c.from.isUndefined() ? QJsonValue() : c.from},
                                                   {QStringLiteral("to"), c.to}});
                }
                if (!run->json) {
                    ctx.console.out(changes.isEmpty() ? tr("Site '%1' (%2): no changes.\n").arg(profile.name, env)
                                                      : tr("Site '%1' (%2): %n change(s)\n", nullptr, static_cast<int>(changes.size())).arg(profile.name, env));
                    for (const ConfigChange &c : changes)
                        ctx.console.out(QStringLiteral("  ") + SiteConfig::line(c) + QLatin1Char('\n'));
                }
                if (!run->apply || run->dryRun || changes.isEmpty())
                    return (*self)();
                if (!run->assumeYes && !ctx.console.confirm(tr("Apply these changes to '%1'?").arg(profile.name))) {
                    ctx.console.warning(tr("Skipped '%1'.").arg(profile.name));
                    return (*self)();
                }
                SiteConfig::apply(*keep, env, current.value(), run->wanted, run->force, ctx.owner,
                                  [run, self, &ctx, keep, profile, failed](const Result<QList<ConfigChange>> &applied) {
                    if (!applied)
                        return failed(profile.name, applied.error().message);
                    run->changed += static_cast<int>(applied->size());
                    (*self)();
                });
            });
        });
    };
    (*step)();
}

} // namespace workos::cli

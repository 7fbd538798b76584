#include "commands/SiteCommand.h"

#include "Console.h"
#include "output/Formatter.h"
#include "profiles/ProfileStore.h"
#include "site/SiteService.h"

#include <QRegularExpression>

namespace workos::cli {

QString SiteCommand::summary() const
{
    return tr("Manage the sites of this console: add, list, remove, use.");
}

void SiteCommand::configure(QCommandLineParser &parser) const
{
    parser.addPositionalArgument(QStringLiteral("action"), tr("add | list | remove | use"));
    parser.addPositionalArgument(QStringLiteral("name"), tr("Site name (add, remove, use)."), QStringLiteral("[name]"));
    parser.addOption({QStringLiteral("url"), tr("add: the site's address, e.g. https://intranet.example.com"),
                      QStringLiteral("url")});
    parser.addOption({QStringLiteral("user"), tr("add: the WordPress administrator who owns the Application Password."),
                      QStringLiteral("login")});
    parser.addOption({QStringLiteral("password-stdin"),
                      tr("add: read the Application Password from standard input (never from the command line).")});
    parser.addOption({QStringLiteral("no-verify"), tr("add: store the site without contacting it.")});
    parser.addOption({QStringLiteral("yes"), tr("remove: do not ask for confirmation.")});
    parser.addOption({QStringLiteral("secret-stdin"), tr("secret: read the secret from standard input (never from the command line).")});
    parser.addOption({QStringLiteral("delete"), tr("secret: delete the stored secret.")});
    parser.addOption({QStringLiteral("format"), tr("list: table, json, csv, yaml or ids."), QStringLiteral("format"),
                      QStringLiteral("table")});
}

void SiteCommand::run(const QStringList &args, const QCommandLineParser &parser, Context &ctx,
                      std::function<void(int)> finish)
{
    const QString action = args.value(0);
    const QStringList rest = args.mid(1);
    if (action == u"add")
        add(rest, parser, ctx, std::move(finish));
    else if (action == u"list" && rest.isEmpty())
        list(parser, ctx, std::move(finish));
    else if (action == u"remove")
        remove(rest, parser, ctx, std::move(finish));
    else if (action == u"use")
        use(rest, ctx, std::move(finish));
    else if (action == u"secret")
        secret(rest, parser, ctx, std::move(finish));
    else {
        ctx.console.err(action.isEmpty() ? tr("wpworkos site: missing action (add, list, remove, use or secret)\n")
                                         : tr("wpworkos site: unknown action or extra argument “%1”\n")
                                               .arg(args.join(u' ')));
        finish(ExitUsage);
    }
}

void SiteCommand::add(const QStringList &args, const QCommandLineParser &parser, Context &ctx,
                      std::function<void(int)> finish)
{
    if (args.size() != 1 || !parser.isSet(QStringLiteral("url")) || !parser.isSet(QStringLiteral("user"))) {
        ctx.console.err(tr("usage: wpworkos site add NAME --url URL --user LOGIN [--password-stdin] [--no-verify]\n"));
        finish(ExitUsage);
        return;
    }
    SiteProfile profile;
    profile.name = args.first();
    profile.url = QUrl::fromUserInput(parser.value(QStringLiteral("url")));
    profile.username = parser.value(QStringLiteral("user"));
    profile.environment = ctx.environment; // empty: adopt the site's active environment

    std::optional<QString> password;
    if (parser.isSet(QStringLiteral("password-stdin")))
        password = ctx.console.readLine();
    else if (ctx.console.stdinIsTerminal())
        password = ctx.console.readSecret(
            tr("Application Password for %1 at %2: ").arg(profile.username, profile.url.toString()));
    else {
        ctx.console.error(tr("No Application Password: pipe it with --password-stdin, or run in a terminal."));
        finish(ExitError);
        return;
    }
    const QString secret = password.value_or(QString()).trimmed();
    if (secret.isEmpty()) {
        ctx.console.error(tr("The Application Password is empty."));
        finish(ExitError);
        return;
    }
    const bool verify = !parser.isSet(QStringLiteral("no-verify"));
    ctx.sites.addSite(profile, secret, verify, ctx.owner,
                      [&ctx, profile, verify, finish](const Result<SiteStatus> &status) {
                          if (verify && !status) {
                              ctx.console.error(status.error().message);
                              finish(ExitError);
                              return;
                          }
                          if (!verify && !status && status.error().code != u"not_verified") {
                              ctx.console.error(status.error().message);
                              finish(ExitError);
                              return;
                          }
                          if (verify)
                              ctx.console.success(tr("Added site '%1' (%2): WorkOS Companion %3 on WordPress %4.")
                                                      .arg(profile.name, profile.url.toString(),
                                                           status->pluginVersion, status->wordpressVersion));
                          else
                              ctx.console.success(tr("Added site '%1' (%2) without verifying it.")
                                                      .arg(profile.name, profile.url.toString()));
                          finish(ExitOk);
                      });
}

void SiteCommand::list(const QCommandLineParser &parser, Context &ctx, std::function<void(int)> finish)
{
    const auto format = parseOutputFormat(parser.value(QStringLiteral("format")));
    if (!format) {
        ctx.console.err(tr("wpworkos site list: --format must be table, json, csv, yaml or ids\n"));
        finish(ExitUsage);
        return;
    }
    Table table;
    table.columns = {QStringLiteral("name"), QStringLiteral("url"), QStringLiteral("user"),
                     QStringLiteral("environment"), QStringLiteral("current")};
    const QString current = ctx.profiles.currentSite();
    for (const SiteProfile &site : ctx.profiles.sites())
        table.rows.append({site.name, site.url.toString(), site.username, site.environment,
                           site.name == current ? QStringLiteral("yes") : QStringLiteral("no")});
    ctx.console.out(formatTable(table, *format));
    finish(ExitOk);
}

void SiteCommand::remove(const QStringList &args, const QCommandLineParser &parser, Context &ctx,
                         std::function<void(int)> finish)
{
    if (args.size() != 1) {
        ctx.console.err(tr("usage: wpworkos site remove NAME [--yes]\n"));
        finish(ExitUsage);
        return;
    }
    const QString name = args.first();
    const auto site = ctx.profiles.site(name);
    if (!site) {
        ctx.console.error(tr("No site named “%1”. See: wpworkos site list").arg(name));
        finish(ExitError);
        return;
    }
    if (!parser.isSet(QStringLiteral("yes"))) {
        if (!ctx.console.stdinIsTerminal()) {
            ctx.console.error(tr("Confirmation needed: run in a terminal or pass --yes."));
            finish(ExitError);
            return;
        }
        if (!ctx.console.confirm(tr("Remove site '%1' (%2) and its keychain entries?").arg(name, site->url.toString()))) {
            ctx.console.err(tr("Cancelled.\n"));
            finish(ExitError);
            return;
        }
    }
    ctx.sites.removeSite(name, ctx.owner, [&ctx, name, finish](const Result<void> &r) {
        if (!r) {
            ctx.console.error(r.error().message);
            finish(ExitError);
            return;
        }
        ctx.console.success(tr("Removed site '%1'.").arg(name));
        finish(ExitOk);
    });
}

void SiteCommand::use(const QStringList &args, Context &ctx, std::function<void(int)> finish)
{
    if (args.size() != 1) {
        ctx.console.err(tr("usage: wpworkos site use NAME\n"));
        finish(ExitUsage);
        return;
    }
    const Result<void> r = ctx.profiles.setCurrentSite(args.first());
    if (!r) {
        ctx.console.error(r.error().message);
        finish(ExitError);
        return;
    }
    ctx.console.success(tr("Now using site '%1'.").arg(args.first()));
    finish(ExitOk);
}

void SiteCommand::secret(const QStringList &args, const QCommandLineParser &parser, Context &ctx,
                         std::function<void(int)> finish)
{
    const QString kind = args.value(1);
    if (args.size() != 2 || (kind != u"api-key" && kind != u"webhook-secret")) {
        ctx.console.err(tr("usage: wpworkos site secret NAME api-key|webhook-secret [--env ENV] [--secret-stdin | --delete]\n"));
        return finish(ExitUsage);
    }
    const Result<SiteProfile> site = ctx.sites.resolve(args.first());
    if (!site) {
        ctx.console.error(site.error().message);
        return finish(ExitError);
    }
    const QString env = ctx.environment.isEmpty() ? site->environment : ctx.environment;
    const QString key = SecretStore::workosKey(site->name, env, kind);
    const QString what = kind == u"api-key" ? tr("WorkOS API key") : tr("webhook secret");
    if (parser.isSet(QStringLiteral("delete"))) {
        ctx.secrets.remove(key, ctx.owner, [&ctx, what, env, name = site->name, finish](const Result<void> &r) {
            if (!r) {
                ctx.console.error(r.error().message);
                return finish(ExitError);
            }
            ctx.console.success(tr("Deleted the %1 of '%2' (%3).").arg(what, name, env));
            finish(ExitOk);
        });
        return;
    }
    std::optional<QString> given;
    if (parser.isSet(QStringLiteral("secret-stdin")))
        given = ctx.console.readLine();
    else if (ctx.console.stdinIsTerminal())
        given = ctx.console.readSecret(tr("%1 of %2 (%3): ").arg(what, site->name, env));
    else {
        ctx.console.error(tr("No secret given: pipe it with --secret-stdin, or run in a terminal."));
        return finish(ExitError);
    }
    const QString value = given.value_or(QString()).trimmed();
    static const QRegularExpression apiKey(QStringLiteral("^sk_[A-Za-z0-9_.=-]{8,250}$"));
    static const QRegularExpression printable(QStringLiteral("^[\\x21-\\x7e]{8,256}$"));
    if (!(kind == u"api-key" ? apiKey : printable).match(value).hasMatch()) {
        ctx.console.error(kind == u"api-key" ? tr("That is not a WorkOS API key (sk_…); nothing was stored.")
                                             : tr("A webhook secret is 8 to 256 printable characters without spaces; nothing was stored."));
        return finish(ExitError);
    }
    ctx.secrets.write(key, value, ctx.owner, [&ctx, what, env, name = site->name, finish](const Result<void> &r) {
        if (!r) {
            ctx.console.error(r.error().message);
            return finish(ExitError);
        }
        ctx.console.success(tr("Stored the %1 of '%2' (%3) in the keychain.").arg(what, name, env));
        finish(ExitOk);
    });
}

} // namespace workos::cli


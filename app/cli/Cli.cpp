#include "Cli.h"

#include "BuildInfo.h"
#include "Console.h"
#include "commands/ActivityCommand.h"
#include "commands/ChangelogCommand.h"
#include "commands/ConfigCommand.h"
#include "commands/DiagnosticsCommand.h"
#include "commands/OrgCommand.h"
#include "commands/SiteCommand.h"
#include "commands/StatusCommand.h"
#include "commands/SyncCommand.h"
#include "commands/UserCommand.h"
#include "net/HttpClient.h"
#include "profiles/ProfileStore.h"
#include "profiles/SecretStore.h"
#include "site/SiteService.h"

#include <QTimer>

namespace workos::cli {

namespace {

// Global options that take a value; needed to find the command word before full parsing.
const QStringList kValueOptions{QStringLiteral("--site"), QStringLiteral("--env")};

} // namespace

struct Cli::Services
{
    Console console;
    ProfileStore profiles;
    SecretStore secrets;
    HttpClient http;
    SiteService sites{profiles, secrets, http};
};

Cli::Cli()
{
    m_commands.push_back(std::make_unique<StatusCommand>());
    m_commands.push_back(std::make_unique<SiteCommand>());
    m_commands.push_back(std::make_unique<UserCommand>());
    m_commands.push_back(std::make_unique<ConfigCommand>());
    m_commands.push_back(std::make_unique<ActivityCommand>());
    m_commands.push_back(std::make_unique<ChangelogCommand>());
    m_commands.push_back(std::make_unique<DiagnosticsCommand>());
    m_commands.push_back(std::make_unique<OrgCommand>());
    m_commands.push_back(std::make_unique<SyncCommand>());
}

Cli::~Cli() = default;

Command *Cli::find(const QString &name) const
{
    for (const auto &c : m_commands) {
        if (c->name() == name)
            return c.get();
    }
    return nullptr;
}

QString Cli::usage() const
{
    QString text = tr("usage: wpworkos [--site NAME] [--env production|staging] <command> [<args>]\n\n"
                      "Manage WorkOS identity on your WordPress sites from the desktop.\n\n"
                      "Commands:\n");
    for (const auto &c : m_commands)
        text += QStringLiteral("  %1  %2\n").arg(c->name().leftJustified(10), c->summary());
    text += tr("\nGlobal options:\n"
               "  --site NAME      act on this site instead of the current one\n"
               "  --env ENV        production or staging (default: the site's own)\n"
               "  -h, --help       show help (also: wpworkos <command> --help)\n"
               "  -v, --version    show the version\n");
    return text;
}

void Cli::start(const QStringList &arguments)
{
    auto finish = [this](int code) { QTimer::singleShot(0, this, [this, code]() { Q_EMIT finished(code); }); };
    m_services = std::make_unique<Services>();
    Services *services = m_services.get();
    Console &console = services->console;

    // The command is the first word that is neither an option nor an option's value.
    QString commandName;
    bool wantsHelp = false;
    bool wantsVersion = false;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        if (kValueOptions.contains(a)) {
            ++i;
            continue;
        }
        if (a == u"-h" || a == u"--help")
            wantsHelp = true;
        else if (a == u"-v" || a == u"--version")
            wantsVersion = true;
        else if (!a.startsWith(u'-') && commandName.isEmpty())
            commandName = a;
    }
    if (commandName.isEmpty()) {
        if (wantsVersion)
            console.out(QStringLiteral("wpworkos %1\n").arg(QLatin1String(build::version)));
        else if (wantsHelp)
            console.out(usage());
        else
            console.err(usage());
        finish(wantsVersion || wantsHelp ? ExitOk : ExitUsage);
        return;
    }
    Command *command = find(commandName);
    if (!command) {
        console.err(tr("wpworkos: unknown command “%1”\n\n").arg(commandName) + usage());
        finish(ExitUsage);
        return;
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(command->summary());
    parser.addHelpOption();
    parser.addOption({QStringLiteral("site"), tr("Act on this site instead of the current one."), QStringLiteral("name")});
    parser.addOption({QStringLiteral("env"), tr("WorkOS environment: production or staging."), QStringLiteral("env")});
    parser.addPositionalArgument(command->name(), command->summary());
    command->configure(parser);
    if (!parser.parse(arguments)) {
        console.err(QStringLiteral("wpworkos %1: %2\n\n").arg(command->name(), parser.errorText())
                    + parser.helpText());
        finish(ExitUsage);
        return;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        console.out(parser.helpText());
        finish(ExitOk);
        return;
    }
    const QString env = parser.value(QStringLiteral("env"));
    if (!env.isEmpty() && env != u"production" && env != u"staging") {
        console.err(tr("wpworkos: --env must be production or staging, not “%1”\n").arg(env));
        finish(ExitUsage);
        return;
    }

    const Result<void> opened = services->profiles.open();
    if (!opened) {
        console.error(opened.error().message);
        finish(ExitError);
        return;
    }
    m_context = std::make_unique<Context>(Context{services->profiles, services->secrets, services->http,
                                                  services->sites, console, this,
                                                  parser.value(QStringLiteral("site")), env});
    QStringList positional = parser.positionalArguments();
    positional.removeFirst(); // the command word itself
    command->run(positional, parser, *m_context, finish);
}

} // namespace workos::cli

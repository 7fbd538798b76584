#pragma once

#include <QCommandLineParser>
#include <QString>

#include <functional>

namespace workos {
class ProfileStore;
class SecretStore;
class HttpClient;
class SiteService;
} // namespace workos

namespace workos::cli {

class Console;

enum ExitCode { ExitOk = 0, ExitError = 1, ExitUsage = 2 };

// What every command can use: the core services, the terminal, and the global options.
struct Context
{
    ProfileStore &profiles;
    SecretStore &secrets;
    HttpClient &http;
    SiteService &sites;
    Console &console;
    QObject *owner;          // receiver of asynchronous results
    QString site;            // --site, empty for the current site
    QString environment;     // --env, empty for the site's own
};

// One top-level command (`status`, `site`, ...). run() finishes by calling `finish` exactly once.
class Command
{
public:
    virtual ~Command() = default;
    virtual QString name() const = 0;
    virtual QString summary() const = 0;
    // Adds the command's options and positional arguments.
    virtual void configure(QCommandLineParser &parser) const = 0;
    // Positional arguments after the command name.
    virtual void run(const QStringList &args, const QCommandLineParser &parser, Context &ctx,
                     std::function<void(int)> finish) = 0;
};

} // namespace workos::cli

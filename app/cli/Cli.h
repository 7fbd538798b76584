#pragma once

#include "commands/Command.h"

#include <QCoreApplication>
#include <QObject>

#include <memory>
#include <vector>

namespace workos::cli {

// Parses the command line, picks the command and runs it on the event loop.
// Exit status: 0 success, 1 error, 2 usage error.
class Cli : public QObject
{
    Q_OBJECT
public:
    Cli();
    ~Cli() override;

    // Starts the command; emits finished(exitCode) when it is done (possibly before returning).
    void start(const QStringList &arguments);

Q_SIGNALS:
    void finished(int exitCode);

private:
    QString usage() const;
    Command *find(const QString &name) const;

    struct Services;
    std::vector<std::unique_ptr<Command>> m_commands;
    // Owned here, not by callbacks: they must outlive every reply and keychain job of the command.
    std::unique_ptr<Services> m_services;
    std::unique_ptr<Context> m_context;
};

} // namespace workos::cli

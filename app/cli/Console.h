#pragma once

#include <QString>

#include <optional>

namespace workos::cli {

// The terminal: output streams, whether each end is a terminal, prompts and secret input.
class Console
{
public:
    void out(const QString &text);   // stdout, as is
    void err(const QString &text);   // stderr, as is
    void success(const QString &message) { out(QStringLiteral("Success: ") + message + QLatin1Char('\n')); }
    void error(const QString &message) { err(QStringLiteral("Error: ") + message + QLatin1Char('\n')); }
    void warning(const QString &message) { err(QStringLiteral("Warning: ") + message + QLatin1Char('\n')); }

    bool stdinIsTerminal() const;
    bool stdoutIsTerminal() const;

    // One line from stdin without its line break; nullopt at end of input.
    std::optional<QString> readLine();
    // Prompts on stderr and reads without echo (terminal only).
    std::optional<QString> readSecret(const QString &prompt);
    // "question [y/n]"; true only for y/yes. Callers check stdinIsTerminal() first.
    bool confirm(const QString &question);
};

} // namespace workos::cli

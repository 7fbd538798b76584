#include "Console.h"

#include <cstdio>
#include <iostream>
#include <string>

#include <termios.h>
#include <unistd.h>

namespace workos::cli {

void Console::out(const QString &text)
{
    std::fputs(text.toLocal8Bit().constData(), stdout);
    std::fflush(stdout);
}

void Console::err(const QString &text)
{
    std::fputs(text.toLocal8Bit().constData(), stderr);
    std::fflush(stderr);
}

bool Console::stdinIsTerminal() const { return isatty(STDIN_FILENO) == 1; }
bool Console::stdoutIsTerminal() const { return isatty(STDOUT_FILENO) == 1; }

std::optional<QString> Console::readLine()
{
    std::string line;
    if (!std::getline(std::cin, line))
        return std::nullopt;
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    return QString::fromLocal8Bit(line.data(), static_cast<qsizetype>(line.size()));
}

std::optional<QString> Console::readSecret(const QString &prompt)
{
    err(prompt);
    termios old{};
    const bool tty = tcgetattr(STDIN_FILENO, &old) == 0;
    if (tty) {
        termios silent = old;
        silent.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &silent);
    }
    auto line = readLine();
    if (tty) {
        tcsetattr(STDIN_FILENO, TCSANOW, &old);
        err(QStringLiteral("\n"));
    }
    return line;
}

bool Console::confirm(const QString &question)
{
    err(question + QStringLiteral(" [y/n] "));
    const auto answer = readLine();
    if (!answer)
        return false;
    const QString a = answer->trimmed().toLower();
    return a == u"y" || a == u"yes";
}

} // namespace workos::cli

#pragma once

#include "commands/Command.h"

#include <QCoreApplication>

namespace workos::cli {

// `wpworkos changelog [--since VERSION]`: what changed in the site's companion plugin.
class ChangelogCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(ChangelogCommand)
public:
    QString name() const override { return QStringLiteral("changelog"); }
    QString summary() const override;
    void configure(QCommandLineParser &parser) const override;
    void run(const QStringList &args, const QCommandLineParser &parser, Context &ctx,
             std::function<void(int)> finish) override;
};

} // namespace workos::cli

#pragma once

#include "commands/Command.h"

#include <QCoreApplication>

namespace workos::cli {

// `wpworkos user get|list|link|unlink|sync|import`, as `wp workos user` (§14), through the
// companion's users routes; WorkOS is asked with the console's own key where the reference asks it.
class UserCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(UserCommand)
public:
    QString name() const override { return QStringLiteral("user"); }
    QString summary() const override;
    void configure(QCommandLineParser &parser) const override;
    void run(const QStringList &args, const QCommandLineParser &parser, Context &ctx,
             std::function<void(int)> finish) override;
};

} // namespace workos::cli

#pragma once

#include "commands/Command.h"

#include <QCoreApplication>

namespace workos::cli {

// `wpworkos status`: the companion's view of the site, as `wp workos status` prints it.
class StatusCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(StatusCommand)
public:
    QString name() const override { return QStringLiteral("status"); }
    QString summary() const override;
    void configure(QCommandLineParser &parser) const override;
    void run(const QStringList &args, const QCommandLineParser &parser, Context &ctx,
             std::function<void(int)> finish) override;
};

} // namespace workos::cli

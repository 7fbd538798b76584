#pragma once

#include "commands/Command.h"

#include <QCoreApplication>

namespace workos::cli {

// `wpworkos diagnostics`: the console's checks, the site's, and the webhook echo (core/diagnostics).
class DiagnosticsCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(DiagnosticsCommand)
public:
    QString name() const override { return QStringLiteral("diagnostics"); }
    QString summary() const override;
    void configure(QCommandLineParser &parser) const override;
    void run(const QStringList &args, const QCommandLineParser &parser, Context &ctx,
             std::function<void(int)> finish) override;
};

} // namespace workos::cli

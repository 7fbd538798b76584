#pragma once

#include "commands/Command.h"

#include <QCoreApplication>

namespace workos::cli {

// `wpworkos sync import|orgs|push|pull`, as `wp workos sync` (§14): bulk runs planned, shown (--dry-run)
// and run in batches, journaled so that an interrupted run resumes (core/sync).
class SyncCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(SyncCommand)
public:
    QString name() const override { return QStringLiteral("sync"); }
    QString summary() const override;
    void configure(QCommandLineParser &parser) const override;
    void run(const QStringList &args, const QCommandLineParser &parser, Context &ctx,
             std::function<void(int)> finish) override;

private:
    void pushOrPull(bool push, const QCommandLineParser &parser, Context &ctx, std::function<void(int)> finish);
};

} // namespace workos::cli

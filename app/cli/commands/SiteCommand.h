#pragma once

#include "commands/Command.h"

#include <QCoreApplication>

namespace workos::cli {

// `wpworkos site add|list|remove|use`: the sites this console manages.
class SiteCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(SiteCommand)
public:
    QString name() const override { return QStringLiteral("site"); }
    QString summary() const override;
    void configure(QCommandLineParser &parser) const override;
    void run(const QStringList &args, const QCommandLineParser &parser, Context &ctx,
             std::function<void(int)> finish) override;

private:
    void add(const QStringList &args, const QCommandLineParser &parser, Context &ctx, std::function<void(int)> finish);
    void list(const QCommandLineParser &parser, Context &ctx, std::function<void(int)> finish);
    void remove(const QStringList &args, const QCommandLineParser &parser, Context &ctx,
                std::function<void(int)> finish);
    void use(const QStringList &args, Context &ctx, std::function<void(int)> finish);
    void secret(const QStringList &args, const QCommandLineParser &parser, Context &ctx, std::function<void(int)> finish);
};

} // namespace workos::cli

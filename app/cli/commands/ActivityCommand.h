#pragma once

#include "commands/Command.h"

#include <QCoreApplication>

namespace workos::cli {

// `wpworkos activity pull|list|search|export`: the site's activity log through the offline cache
// (core/activity). Only `pull` contacts the site; the others read the cache, so they work offline.
class ActivityCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(ActivityCommand)
public:
    QString name() const override { return QStringLiteral("activity"); }
    QString summary() const override;
    void configure(QCommandLineParser &parser) const override;
    void run(const QStringList &args, const QCommandLineParser &parser, Context &ctx,
             std::function<void(int)> finish) override;
};

} // namespace workos::cli

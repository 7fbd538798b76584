#pragma once

#include "commands/Command.h"

#include <QCoreApplication>

namespace workos::cli {

// `wpworkos org list|get|sync|members|add-member|remove-member`, as `wp workos org` (§14): the
// site's organization cache through the companion, WorkOS's organizations through the console's
// own WorkOS key (--source=remote, --by=remote, sync).
class OrgCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(OrgCommand)
public:
    QString name() const override { return QStringLiteral("org"); }
    QString summary() const override;
    void configure(QCommandLineParser &parser) const override;
    void run(const QStringList &args, const QCommandLineParser &parser, Context &ctx,
             std::function<void(int)> finish) override;
};

} // namespace workos::cli

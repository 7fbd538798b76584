#pragma once

#include "commands/Command.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace workos::cli {

// `wpworkos config export|diff|apply`: a site's settings, role map and redirects as a JSON
// document without secrets (core/site/SiteConfig), applied to one or many sites after a diff.
class ConfigCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(ConfigCommand)
public:
    QString name() const override { return QStringLiteral("config"); }
    QString summary() const override;
    void configure(QCommandLineParser &parser) const override;
    void run(const QStringList &args, const QCommandLineParser &parser, Context &ctx,
             std::function<void(int)> finish) override;

private:
    void exportConfig(const QCommandLineParser &parser, Context &ctx, std::function<void(int)> finish);
    void diffOrApply(bool apply, const QString &file, const QCommandLineParser &parser, Context &ctx,
                     std::function<void(int)> finish);
};

} // namespace workos::cli

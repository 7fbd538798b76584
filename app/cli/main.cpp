// wpworkos: the console's command-line front end. All behaviour lives in core/.
#include "BuildInfo.h"
#include "Cli.h"
#include "Translations.h"

#include <QCoreApplication>
#include <QTimer>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("wpworkos"));
    QCoreApplication::setApplicationVersion(QLatin1String(workos::build::version));
    QCoreApplication::setOrganizationDomain(QStringLiteral("wpworkos.com"));
    workos::installTranslations(app);

    workos::cli::Cli cli;
    QObject::connect(&cli, &workos::cli::Cli::finished, &app, &QCoreApplication::exit);
    QTimer::singleShot(0, &cli, [&cli, &app]() { cli.start(app.arguments()); });
    return app.exec();
}

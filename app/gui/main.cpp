// workos-console: the desktop front end. All behaviour lives in core/; this wires it to widgets.
#include "BuildInfo.h"
#include "MainWindow.h"
#include "StartupProbe.h"
#include "Translations.h"
#include "net/HttpClient.h"
#include "profiles/ProfileStore.h"
#include "profiles/SecretStore.h"
#include "site/SiteService.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QTimer>

#include <cstdio>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("workos-console"));
    QApplication::setApplicationVersion(QLatin1String(workos::build::version));
    QApplication::setOrganizationDomain(QStringLiteral("wpworkos.com"));
    QApplication::setDesktopFileName(QLatin1String(workos::build::appId));

    // The profile store first: it holds the admin's language (View → Language), which every
    // text after this point is shown in; without a choice, the desktop's language.
    workos::ProfileStore profiles;
    const auto opened = profiles.open();
    workos::installTranslations(app, opened ? profiles.preference(QStringLiteral("language")) : QString());
    QApplication::setApplicationDisplayName(QObject::tr("WorkOS Console"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QObject::tr("Run WorkOS identity for your WordPress sites."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QObject::tr("Check every site, save a picture of the main window to <file>, and quit."),
        QStringLiteral("file"));
    parser.addOption(screenshot);
    const QCommandLineOption page(QStringLiteral("page"),
                                  QObject::tr("Open the selected site on this page: overview, settings, users, activity, "
                                              "diagnostics or changelog."),
                                  QStringLiteral("name"));
    parser.addOption(page);
    parser.process(app);

    if (!opened) {
        std::fprintf(stderr, "workos-console: %s\n", qPrintable(opened.error().message));
        if (!parser.isSet(screenshot))
            QMessageBox::critical(nullptr, QObject::tr("WorkOS Console"), opened.error().message);
        return 1;
    }
    workos::SecretStore secrets;
    workos::HttpClient http;
    workos::SiteService sites(profiles, secrets, http);

    workos::gui::ConsoleContext context{profiles, secrets, http, sites};
    workos::gui::MainWindow window(context);
    if (workos::gui::StartupProbe::requested())
        workos::gui::StartupProbe::watch(&window);
    window.show();

    QString pageName = parser.value(page).toLower();
    if (pageName == u"overview")
        pageName = QStringLiteral("status"); // the Overview tab is the status page
    if (parser.isSet(page) && !window.showPage(pageName + QStringLiteral("Page"))) {
        std::fprintf(stderr, "workos-console: no page named %s\n", qPrintable(parser.value(page)));
        return 2;
    }

    if (parser.isSet(screenshot)) {
        const QString path = parser.value(screenshot);
        // Waits for every site check (bounded), then lets the window paint before grabbing it; a
        // page of its own gets a moment more to load what it shows.
        const int settle = parser.isSet(page) ? 2500 : 300;
        auto grab = [&window, path, settle]() {
            QTimer::singleShot(settle, &window, [&window, path]() {
                const bool saved = window.grab().save(path);
                if (!saved)
                    std::fprintf(stderr, "workos-console: cannot save the screenshot to %s\n", qPrintable(path));
                QCoreApplication::exit(saved ? 0 : 1);
            });
        };
        QObject::connect(&window, &workos::gui::MainWindow::checksFinished, &window, grab);
        QTimer::singleShot(20000, &window, grab);
    }
    QTimer::singleShot(0, &window, &workos::gui::MainWindow::refresh);
    // First run: straight into the onboarding wizard.
    if (!parser.isSet(screenshot) && !workos::gui::StartupProbe::requested() && profiles.sites().isEmpty())
        QTimer::singleShot(0, &window, &workos::gui::MainWindow::addSite);
    return app.exec();
}

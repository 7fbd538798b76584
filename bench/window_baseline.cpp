// The baseline of the startup benchmark: the least a Qt Widgets program does to show a main window
// (menu bar, a list, tabs, a status bar), with the same probe as workos-console.
#include "StartupProbe.h"

#include <QApplication>
#include <QListView>
#include <QMainWindow>
#include <QMenuBar>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QMainWindow window;
    window.resize(1100, 680);
    window.menuBar()->addMenu(QStringLiteral("&File"));
    auto *splitter = new QSplitter(&window);
    splitter->addWidget(new QListView(splitter));
    splitter->addWidget(new QTabWidget(splitter));
    window.setCentralWidget(splitter);
    window.statusBar()->showMessage(QStringLiteral("Ready"));
    workos::gui::StartupProbe::watch(&window);
    window.show();
    return app.exec();
}

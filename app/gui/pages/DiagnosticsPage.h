#pragma once

#include "diagnostics/Diagnostics.h"
#include "pages/SitePage.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QPointer>

class QFileDialog;
class QLabel;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace workos::gui {

class JobBar;

// Everything that can stop the site working with WorkOS, checked on demand: the console's own
// checks, the site's (its admin/diagnostics route) and a signed webhook echo, each with its
// state, what was found and what to do. The report copied or saved is what `wpworkos
// diagnostics` prints.
class DiagnosticsPage : public SitePage
{
    Q_OBJECT
public:
    explicit DiagnosticsPage(ConsoleContext &context, QWidget *parent = nullptr);

    QString title() const override;
    // Runs the checks the first time a site is shown, and again on refresh.
    void showSite(const SiteProfile &site) override;

    // The checks of the last run (so far, while one runs).
    const QList<DiagnosticCheck> &checks() const { return m_checks; }
    bool isRunning() const { return m_run != nullptr; }

public Q_SLOTS:
    void run();
    // Stops waiting for the run: its remaining checks are dropped, the ones made so far stay.
    void cancel();
    void copyReport();
    void saveReport();

Q_SIGNALS:
    // A run ended: complete, or cancelled.
    void finished();

private:
    void addCheck(const DiagnosticCheck &check);
    void endRun(bool complete);
    void writeReport(const QString &path, bool json);
    void updateSummary();
    void updateActions();
    void clearResults();
    QTreeWidgetItem *group(const QString &source);

    SiteProfile m_site;
    QList<DiagnosticCheck> m_checks;
    // The context of the running Diagnostics::run; deleting it cancels the run.
    QObject *m_run = nullptr;
    QElapsedTimer m_clock;
    QHash<QString, QTreeWidgetItem *> m_groups;
    QPointer<QFileDialog> m_saveDialog;

    QLabel *m_heading;
    QPushButton *m_runButton;
    QPushButton *m_copyButton;
    QPushButton *m_saveButton;
    JobBar *m_job;
    QLabel *m_summary;
    QLabel *m_status;
    QLabel *m_error;
    QTreeWidget *m_tree;
};

} // namespace workos::gui

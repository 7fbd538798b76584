#pragma once

#include "ConsoleContext.h"
#include "profiles/SiteProfile.h"
#include "sync/SyncService.h"
#include "users/UserService.h"

#include <QDialog>

#include <memory>

class QComboBox;
class QFrame;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSortFilterProxyModel;
class QSpinBox;
class QTableView;

namespace workos {
class SyncJournal;
class TableModel;
} // namespace workos

namespace workos::gui {

class JobBar;

// A bulk run of the site's users, as `wpworkos sync import|push|pull` does it: plan and dry run
// (what would happen to each user, and why; nothing written), then Run with progress and Cancel,
// then the summary and, on failures, the error report. A run that was cancelled or killed is
// found in the journal and offered for Resume.
class SyncRunDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Mode { Import, Sync };

    SyncRunDialog(ConsoleContext &context, const SiteProfile &site, std::shared_ptr<SyncJournal> journal, Mode mode,
                  const QList<UserService::Role> &roles, QWidget *parent = nullptr);

    // SyncService::Import, Push or Pull.
    QString kind() const;
    void setDirection(const QString &kind);
    // Import: only the members of this WorkOS organization (the onboarding wizard's choice).
    void setOrganization(const QString &workosOrganizationId);
    bool isBusy() const { return m_busy; }
    const SyncReport &lastReport() const { return m_report; }
    Result<void> saveErrorReport(const QString &path) const;

    // "An import started … did not finish: N user(s) left."
    static QString unfinishedText(const QString &kind, const QString &createdAt, int left);

public Q_SLOTS:
    void dryRun();
    void run();
    void resume();
    void discard();
    // While a run is going: asks it to stop, and closes when it has.
    void reject() override;

Q_SIGNALS:
    void progressed(int processed, int total);
    // A run ended (finished, cancelled or failed): the site's users may have changed.
    void runFinished();

private:
    void start(bool dry);
    void finish(const Result<SyncReport> &report, bool dry);
    void showRunTable(qint64 job);
    void fitColumns();
    void checkUnfinished();
    void invalidatePlan();
    void updateButtons();
    void showError(const QString &message);
    void chooseReportFile();

    ConsoleContext &m_context;
    SiteProfile m_site;
    std::shared_ptr<SyncJournal> m_journal;
    Mode m_mode;

    QLineEdit *m_organization = nullptr;
    QRadioButton *m_push = nullptr;
    QRadioButton *m_pull = nullptr;
    QComboBox *m_role = nullptr;
    QSpinBox *m_batchSize;
    QFrame *m_resumeFrame;
    QLabel *m_resumeText;
    QPushButton *m_resumeButton;
    QPushButton *m_discardButton;
    QPushButton *m_dryRunButton;
    QTableView *m_table;
    TableModel *m_tableModel;
    QSortFilterProxyModel *m_sorted;
    QLabel *m_planSummary;
    JobBar *m_jobBar;
    QLabel *m_summary;
    QLabel *m_error;
    QPushButton *m_runButton;
    QPushButton *m_saveReportButton;
    QPushButton *m_closeButton;

    SyncReport m_report;
    qint64 m_unfinishedJob = 0;
    bool m_planned = false;
    bool m_busy = false;
    bool m_cancelRequested = false;
    bool m_jobStarted = false;
    bool m_closeWhenDone = false;
};

} // namespace workos::gui

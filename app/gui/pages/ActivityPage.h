#pragma once

#include "activity/ActivityExport.h"
#include "pages/SitePage.h"

#include <atomic>
#include <memory>

class QLabel;
class QPushButton;
class QTableView;

namespace workos {
class ActivityCache;
class ActivityPull;
class ActivityTableModel;
class ActivityWorker;
} // namespace workos

namespace workos::gui {

class ActivityChart;
class ActivityFilterBar;
class JobBar;

// The site's activity log from the console's offline cache: filters (type, user, dates, words),
// saved filters, a chart of sign-ins per day, CSV/JSON export. Showing the page pulls what is new
// from the site; when the site cannot be reached the cached copy stays usable, with its "as of"
// time and the error. Pull and export run off the GUI thread, in the job bar, cancellable.
class ActivityPage : public SitePage
{
    Q_OBJECT
public:
    explicit ActivityPage(ConsoleContext &context, QWidget *parent = nullptr);
    ~ActivityPage() override;

    QString title() const override { return tr("Activity"); }
    void showSite(const SiteProfile &site) override;

    ActivityTableModel *model() const { return m_model; }
    bool isBusy() const;

public Q_SLOTS:
    void pull();
    void chooseExportFile();
    void exportTo(const QString &path, workos::ActivityExportFormat format);
    void applyFilter();
    void saveFilterAs(const QString &name);

Q_SIGNALS:
    // A pull or an export ended (ok false: failed or cancelled); tests wait for these.
    void pullFinished(bool ok);
    void exportFinished(bool ok);

private:
    void openCache();
    void closeCache();
    void loadTypes();
    void loadSavedFilters(const QString &select = QString());
    void askFilterName();
    void applySavedFilter(const QString &name);
    void deleteSavedFilter(const QString &name);
    void updateChart(const ActivityFilter &filter);
    void updateCount();
    void updateAsOf();
    void setBusy(bool busy);
    void showError(const QString &message);

    SiteProfile m_site;
    std::unique_ptr<ActivityCache> m_cache;
    ActivityTableModel *m_model;
    ActivityPull *m_pull = nullptr;
    bool m_pulling = false; // from asking for the site's client to the pull's end
    int m_session = 0;      // which opening of a cache an answer belongs to
    ActivityWorker *m_exporter = nullptr;
    std::shared_ptr<std::atomic_bool> m_exportCancelled;
    QString m_chartKey; // the user and range the chart shows

    QLabel *m_asOf;
    QLabel *m_error;
    QLabel *m_filterError;
    QLabel *m_filterNote;
    QLabel *m_count;
    QPushButton *m_pullButton;
    QPushButton *m_exportButton;
    ActivityFilterBar *m_filters;
    ActivityChart *m_chart;
    QTableView *m_table;
    JobBar *m_jobBar;
};

} // namespace workos::gui

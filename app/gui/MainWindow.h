#pragma once

#include "site/SiteStatus.h"

#include <QDateTime>
#include <QHash>
#include <QMainWindow>

class QLabel;
class QListView;
class QStackedWidget;

namespace workos {
class ProfileStore;
class SiteListModel;
class SiteService;
} // namespace workos

namespace workos::gui {

class EnvironmentBadge;
class StatusPage;

// The console's main window: the site list on the left with a health dot per site, the selected
// site's pages on the right, the environment badge always in view, the last refresh time below.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(ProfileStore &profiles, SiteService &sites, QWidget *parent = nullptr);

    SiteListModel *siteModel() const { return m_model; }
    // Number of status requests still running (tests and the screenshot mode wait for zero).
    int pendingChecks() const { return m_pending; }

public Q_SLOTS:
    void refresh();

Q_SIGNALS:
    void checksFinished();

private:
    void selectSite(int row);
    void showCurrent();
    void finishRefresh();

    ProfileStore &m_profiles;
    SiteService &m_sites;
    SiteListModel *m_model;
    QListView *m_list;
    QStackedWidget *m_pages;
    StatusPage *m_statusPage;
    EnvironmentBadge *m_badge;
    QLabel *m_refreshed;
    QHash<QString, SiteStatus> m_statuses;
    int m_pending = 0;
    QDateTime m_lastRefresh;
};

} // namespace workos::gui

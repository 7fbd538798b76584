#pragma once

#include "ConsoleContext.h"
#include "site/SiteStatus.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMainWindow>

class QLabel;
class QListView;
class QMenu;
class QStackedWidget;
class QTabWidget;
class QToolButton;

namespace workos {
class SiteListModel;
} // namespace workos

namespace workos::gui {

class EnvironmentBadge;
class SitePage;
class StatusPage;

// The console's main window: the site list on the left with a health dot per site, the selected
// site's pages as tabs on the right, the environment badge always in view, the last refresh time
// below.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(ConsoleContext &context, QWidget *parent = nullptr);

    SiteListModel *siteModel() const { return m_model; }
    // Number of status requests still running (tests and the screenshot mode wait for zero).
    int pendingChecks() const { return m_pending; }
    // The tab showing `page` (tests, and the screenshot mode's --page).
    bool showPage(const QString &objectName);

public Q_SLOTS:
    void refresh();
    // Opens the onboarding wizard (window-modal, the window stays responsive).
    void addSite();
    void removeSite();
    void moveSite(int delta);

Q_SIGNALS:
    void checksFinished();

private:
    void createPages();
    void createLanguageMenu(QMenu *menu);
    void addSitePage(SitePage *page);
    void selectSite(int row);
    void showCurrent();
    void showCurrentPage();
    void finishRefresh();
    void updateSiteActions();

    ConsoleContext &m_context;
    SiteListModel *m_model;
    QListView *m_list;
    QStackedWidget *m_pages;
    QTabWidget *m_tabs;
    StatusPage *m_statusPage;
    QList<SitePage *> m_sitePages;
    QHash<SitePage *, QString> m_shownFor; // page -> "site|environment" it last loaded
    EnvironmentBadge *m_badge;
    QLabel *m_refreshed;
    QToolButton *m_removeButton;
    QToolButton *m_upButton;
    QToolButton *m_downButton;
    QHash<QString, SiteStatus> m_statuses;
    int m_pending = 0;
    QDateTime m_lastRefresh;
};

} // namespace workos::gui

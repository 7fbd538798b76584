#include "MainWindow.h"

#include "BuildInfo.h"
#include "pages/StatusPage.h"
#include "profiles/ProfileStore.h"
#include "profiles/SiteListModel.h"
#include "site/SiteService.h"
#include "widgets/EnvironmentBadge.h"
#include "widgets/SiteHealthDelegate.h"

#include <QAction>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

namespace workos::gui {

namespace {
enum Page { EmptyPage = 0, SitePage = 1 };
}

MainWindow::MainWindow(ProfileStore &profiles, SiteService &sites, QWidget *parent)
    : QMainWindow(parent), m_profiles(profiles), m_sites(sites), m_model(new SiteListModel(profiles, this)),
      m_list(new QListView(this)), m_pages(new QStackedWidget(this)), m_statusPage(new StatusPage(this)),
      m_badge(new EnvironmentBadge(this)), m_refreshed(new QLabel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("WorkOS Console"));
    resize(1100, 680);

    m_list->setObjectName(QStringLiteral("siteList"));
    m_list->setModel(m_model);
    m_list->setItemDelegate(new SiteHealthDelegate(m_list));
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setMinimumWidth(220);

    auto *sidebar = new QWidget(this);
    auto *sideLayout = new QVBoxLayout(sidebar);
    auto *sitesLabel = new QLabel(tr("Sites"), sidebar);
    QFont bold = sitesLabel->font();
    bold.setBold(true);
    sitesLabel->setFont(bold);
    sideLayout->addWidget(sitesLabel);
    sideLayout->addWidget(m_list, 1);

    auto *empty = new QLabel(this);
    empty->setObjectName(QStringLiteral("emptyState"));
    empty->setAlignment(Qt::AlignCenter);
    empty->setWordWrap(true);
    empty->setTextInteractionFlags(Qt::TextSelectableByMouse);
    empty->setText(tr("<h2>No sites yet</h2><p>Add a WordPress site that runs the WorkOS Companion plugin:</p>"
                      "<p><code>wpworkos site add NAME --url https://example.com --user admin</code></p>"
                      "<p>The console uses a WordPress Application Password, kept in your keychain.</p>"));
    m_pages->addWidget(empty);
    m_pages->addWidget(m_statusPage);

    auto *content = new QWidget(this);
    auto *contentLayout = new QVBoxLayout(content);
    auto *topBar = new QHBoxLayout;
    topBar->addStretch(1);
    topBar->addWidget(new QLabel(tr("Environment:"), content));
    topBar->addWidget(m_badge);
    contentLayout->addLayout(topBar);
    contentLayout->addWidget(m_pages, 1);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(sidebar);
    splitter->addWidget(content);
    splitter->setStretchFactor(1, 1);
    setCentralWidget(splitter);

    m_refreshed->setObjectName(QStringLiteral("lastRefresh"));
    statusBar()->addPermanentWidget(m_refreshed);
    m_refreshed->setText(tr("Not refreshed yet"));

    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *refreshAction = view->addAction(tr("&Refresh"), this, &MainWindow::refresh);
    refreshAction->setObjectName(QStringLiteral("refreshAction"));
    refreshAction->setShortcut(QKeySequence::Refresh);
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About WorkOS Console"), this, [this]() {
        QMessageBox::about(this, tr("About WorkOS Console"),
                           tr("<b>WorkOS Console %1</b><p>Run WorkOS single sign-on, directory sync and "
                              "audit logs for your WordPress sites.</p>")
                               .arg(QLatin1String(build::version)));
    });

    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { selectSite(current.row()); });
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this]() { showCurrent(); });

    const int currentRow = m_model->rowOf(m_profiles.currentSite());
    if (m_model->rowCount() > 0)
        m_list->setCurrentIndex(m_model->index(currentRow >= 0 ? currentRow : 0));
    else
        selectSite(-1);
}

void MainWindow::selectSite(int row)
{
    if (row < 0) {
        m_pages->setCurrentIndex(EmptyPage);
        m_badge->setEnvironment(QString());
        return;
    }
    const SiteProfile site = m_model->profileAt(row);
    m_profiles.setCurrentSite(site.name);
    m_badge->setEnvironment(site.environment);
    m_pages->setCurrentIndex(SitePage);
    showCurrent();
}

void MainWindow::showCurrent()
{
    const int row = m_list->currentIndex().row();
    if (row < 0)
        return;
    const SiteProfile site = m_model->profileAt(row);
    const QModelIndex index = m_model->index(row);
    const auto health = static_cast<SiteListModel::Health>(index.data(SiteListModel::HealthRole).toInt());
    if (health == SiteListModel::Health::Unreachable)
        m_statusPage->showError(site, index.data(SiteListModel::DetailRole).toString());
    else if (m_statuses.contains(site.name))
        m_statusPage->showStatus(site, m_statuses.value(site.name));
    else
        m_statusPage->showLoading(site);
}

void MainWindow::refresh()
{
    // Another front end (wpworkos) may have changed the sites: reload, keeping the selection.
    const QString selected = m_model->profileAt(m_list->currentIndex().row()).name;
    m_model->reload();
    const int rows = m_model->rowCount();
    const int keep = m_model->rowOf(selected.isEmpty() ? m_profiles.currentSite() : selected);
    if (rows > 0)
        m_list->setCurrentIndex(m_model->index(keep >= 0 ? keep : 0));
    else
        selectSite(-1);
    for (int row = 0; row < rows; ++row) {
        const SiteProfile site = m_model->profileAt(row);
        m_model->setHealth(site.name, SiteListModel::Health::Checking, false, tr("Checking…"));
        ++m_pending;
        m_sites.fetchStatus(site, this, [this, site](const Result<SiteStatus> &status) {
            if (status) {
                m_statuses.insert(site.name, status.value());
                m_model->setHealth(site.name, SiteListModel::Health::Reachable, status->enabled,
                                   status->enabled ? tr("WorkOS configured") : tr("WorkOS not configured yet"));
            } else {
                m_statuses.remove(site.name);
                m_model->setHealth(site.name, SiteListModel::Health::Unreachable, false, status.error().message);
            }
            if (--m_pending == 0)
                finishRefresh();
        });
    }
    if (rows == 0)
        finishRefresh();
}

void MainWindow::finishRefresh()
{
    m_lastRefresh = QDateTime::currentDateTime();
    m_refreshed->setText(tr("Last refresh: %1").arg(QLocale().toString(m_lastRefresh, QLocale::ShortFormat)));
    Q_EMIT checksFinished();
}

} // namespace workos::gui

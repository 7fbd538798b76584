#include "MainWindow.h"

#include "BuildInfo.h"
#include "Translations.h"
#include "pages/ActivityPage.h"
#include "pages/ChangelogPage.h"
#include "pages/DiagnosticsPage.h"
#include "pages/SettingsPage.h"
#include "pages/SitePage.h"
#include "pages/StatusPage.h"
#include "pages/UsersPage.h"
#include "profiles/ProfileStore.h"
#include "profiles/SiteListModel.h"
#include "site/SiteService.h"
#include "widgets/EnvironmentBadge.h"
#include "widgets/SiteHealthDelegate.h"
#include "wizard/OnboardingWizard.h"

#include <QAction>
#include <QActionGroup>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace workos::gui {

namespace {
enum Page { EmptyPage = 0, SitePages = 1 };
}

MainWindow::MainWindow(ConsoleContext &context, QWidget *parent)
    : QMainWindow(parent), m_context(context), m_model(new SiteListModel(context.profiles, this)),
      m_list(new QListView(this)), m_pages(new QStackedWidget(this)), m_tabs(new QTabWidget(this)),
      m_statusPage(new StatusPage(this)), m_badge(new EnvironmentBadge(this)), m_refreshed(new QLabel(this)),
      m_removeButton(new QToolButton(this)), m_upButton(new QToolButton(this)), m_downButton(new QToolButton(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("WorkOS Console"));
    resize(1100, 680);

    m_list->setObjectName(QStringLiteral("siteList"));
    m_list->setModel(m_model);
    m_list->setItemDelegate(new SiteHealthDelegate(m_list));
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setMinimumWidth(220);
    m_list->setAccessibleName(tr("Sites"));

    auto *sidebar = new QWidget(this);
    auto *sideLayout = new QVBoxLayout(sidebar);
    auto *sitesLabel = new QLabel(tr("Sites"), sidebar);
    QFont bold = sitesLabel->font();
    bold.setBold(true);
    sitesLabel->setFont(bold);
    sideLayout->addWidget(sitesLabel);
    sideLayout->addWidget(m_list, 1);
    auto *siteButtons = new QHBoxLayout;
    auto *addButton = new QToolButton(sidebar);
    addButton->setObjectName(QStringLiteral("addSiteButton"));
    addButton->setText(tr("&Add site…"));
    addButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    connect(addButton, &QToolButton::clicked, this, &MainWindow::addSite);
    m_removeButton->setObjectName(QStringLiteral("removeSiteButton"));
    m_removeButton->setText(tr("Remove"));
    m_removeButton->setAccessibleName(tr("Remove the selected site"));
    connect(m_removeButton, &QToolButton::clicked, this, &MainWindow::removeSite);
    m_upButton->setObjectName(QStringLiteral("moveSiteUpButton"));
    m_upButton->setArrowType(Qt::UpArrow);
    m_upButton->setAccessibleName(tr("Move the selected site up"));
    m_upButton->setToolTip(tr("Move up (Ctrl+Shift+Up)"));
    connect(m_upButton, &QToolButton::clicked, this, [this]() { moveSite(-1); });
    m_downButton->setObjectName(QStringLiteral("moveSiteDownButton"));
    m_downButton->setArrowType(Qt::DownArrow);
    m_downButton->setAccessibleName(tr("Move the selected site down"));
    m_downButton->setToolTip(tr("Move down (Ctrl+Shift+Down)"));
    connect(m_downButton, &QToolButton::clicked, this, [this]() { moveSite(1); });
    siteButtons->addWidget(addButton);
    siteButtons->addWidget(m_removeButton);
    siteButtons->addStretch(1);
    siteButtons->addWidget(m_upButton);
    siteButtons->addWidget(m_downButton);
    sideLayout->addLayout(siteButtons);

    auto *empty = new QLabel(this);
    empty->setObjectName(QStringLiteral("emptyState"));
    empty->setAlignment(Qt::AlignCenter);
    empty->setWordWrap(true);
    empty->setTextInteractionFlags(Qt::TextSelectableByMouse);
    empty->setText(tr("<h2>No sites yet</h2><p>Add a WordPress site that runs the WorkOS Companion plugin with "
                      "<b>Add site…</b> (Ctrl+N), or from a terminal:</p>"
                      "<p><code>wpworkos site add NAME --url https://example.com --user admin</code></p>"
                      "<p>The console uses a WordPress Application Password, kept in your keychain.</p>"));
    m_pages->addWidget(empty);
    m_tabs->setObjectName(QStringLiteral("sitePages"));
    m_tabs->addTab(m_statusPage, tr("Overview"));
    createPages();
    m_pages->addWidget(m_tabs);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this]() { showCurrentPage(); });

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
    QAction *addAction = file->addAction(tr("&Add Site…"), this, &MainWindow::addSite);
    addAction->setShortcut(QKeySequence::New);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    QMenu *sitesMenu = menuBar()->addMenu(tr("&Site"));
    QAction *up = sitesMenu->addAction(tr("Move &Up"), this, [this]() { moveSite(-1); });
    up->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Up));
    QAction *down = sitesMenu->addAction(tr("Move &Down"), this, [this]() { moveSite(1); });
    down->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Down));
    sitesMenu->addAction(tr("&Remove…"), this, &MainWindow::removeSite);
    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *refreshAction = view->addAction(tr("&Refresh"), this, &MainWindow::refresh);
    refreshAction->setObjectName(QStringLiteral("refreshAction"));
    refreshAction->setShortcut(QKeySequence::Refresh);
    createLanguageMenu(view->addMenu(tr("&Language")));
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About WorkOS Console"), this, [this]() {
        QMessageBox::about(this, tr("About WorkOS Console"),
                           tr("<b>WorkOS Console %1</b><p>Run WorkOS single sign-on, directory sync and "
                              "audit logs for your WordPress sites.</p>")
                               .arg(QLatin1String(build::version)));
    });

    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { selectSite(current.row()); });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this]() { updateSiteActions(); });
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this]() { showCurrent(); });

    const int currentRow = m_model->rowOf(m_context.profiles.currentSite());
    if (m_model->rowCount() > 0)
        m_list->setCurrentIndex(m_model->index(currentRow >= 0 ? currentRow : 0));
    else
        selectSite(-1);
}

void MainWindow::selectSite(int row)
{
    updateSiteActions();
    if (row < 0) {
        m_pages->setCurrentIndex(EmptyPage);
        m_badge->setEnvironment(QString());
        return;
    }
    const SiteProfile site = m_model->profileAt(row);
    m_context.profiles.setCurrentSite(site.name);
    m_badge->setEnvironment(site.environment);
    m_pages->setCurrentIndex(SitePages);
    showCurrent();
    showCurrentPage();
}

void MainWindow::createLanguageMenu(QMenu *menu)
{
    menu->setObjectName(QStringLiteral("languageMenu"));
    auto *group = new QActionGroup(menu);
    const QString chosen = m_context.profiles.preference(QStringLiteral("language"));
    auto add = [this, menu, group, chosen](const QString &code, const QString &label) {
        QAction *action = menu->addAction(label);
        action->setObjectName(QStringLiteral("language-") + (code.isEmpty() ? QStringLiteral("system") : code));
        action->setCheckable(true);
        action->setChecked(code == chosen);
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, code]() {
            if (const auto saved = m_context.profiles.setPreference(QStringLiteral("language"), code); !saved) {
                QMessageBox::warning(this, tr("Language"), saved.error().message);
                return;
            }
            statusBar()->showMessage(tr("The console speaks the chosen language from its next start."), 10000);
        });
    };
    add(QString(), tr("System language"));
    menu->addSeparator();
    for (const QString &code : availableLanguages()) {
        const QLocale locale(code);
        // Each language in its own words, so an admin finds theirs whatever the console speaks now.
        QString name = locale.nativeLanguageName();
        if (!name.isEmpty())
            name[0] = name[0].toUpper();
        add(code, name.isEmpty() ? code : name);
    }
}

void MainWindow::createPages()
{
    // Each page of the selected site, in the order of the tabs.
    addSitePage(new SettingsPage(m_context, this));
    addSitePage(new UsersPage(m_context, this));
    addSitePage(new ActivityPage(m_context, this));
    addSitePage(new DiagnosticsPage(m_context, this));
    addSitePage(new ChangelogPage(m_context, this));
}

void MainWindow::addSitePage(SitePage *page)
{
    m_sitePages.append(page);
    m_tabs->addTab(page, page->title());
    connect(page, &SitePage::message, this, [this](const QString &text) { statusBar()->showMessage(text, 8000); });
}

bool MainWindow::showPage(const QString &objectName)
{
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (m_tabs->widget(i)->objectName() == objectName) {
            m_tabs->setCurrentIndex(i);
            return true;
        }
    }
    return false;
}

void MainWindow::showCurrentPage()
{
    auto *page = qobject_cast<SitePage *>(m_tabs->currentWidget());
    const int row = m_list->currentIndex().row();
    if (!page || row < 0)
        return;
    const SiteProfile site = m_model->profileAt(row);
    const QString key = site.name + QLatin1Char('|') + site.environment;
    if (m_shownFor.value(page) == key)
        return;
    m_shownFor.insert(page, key);
    page->showSite(site);
}

void MainWindow::updateSiteActions()
{
    const int row = m_list->currentIndex().row();
    m_removeButton->setEnabled(row >= 0);
    m_upButton->setEnabled(row > 0);
    m_downButton->setEnabled(row >= 0 && row < m_model->rowCount() - 1);
}

void MainWindow::addSite()
{
    if (auto *open = findChild<OnboardingWizard *>(); open && open->isVisible()) {
        open->raise();
        return;
    }
    auto *wizard = new OnboardingWizard(m_context, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &OnboardingWizard::siteAdded, this, [this](const QString &name) {
        m_context.profiles.setCurrentSite(name);
        refresh();
        statusBar()->showMessage(tr("Added “%1”.").arg(name), 8000);
    });
    wizard->open();
}

void MainWindow::removeSite()
{
    const int row = m_list->currentIndex().row();
    if (row < 0)
        return;
    const SiteProfile site = m_model->profileAt(row);
    QMessageBox confirm(QMessageBox::Question, tr("Remove site"),
                        tr("Remove “%1” from the console?").arg(site.name), QMessageBox::Cancel, this);
    confirm.setInformativeText(tr("Its Application Password and WorkOS keys are deleted from your keychain. "
                                  "Nothing changes on the site itself."));
    QPushButton *remove = confirm.addButton(tr("Remove"), QMessageBox::DestructiveRole);
    confirm.setDefaultButton(QMessageBox::Cancel);
    confirm.exec();
    if (confirm.clickedButton() != remove)
        return;
    m_context.sites.removeSite(site.name, this, [this, name = site.name](const Result<void> &removed) {
        if (!removed) {
            QMessageBox::warning(this, tr("Remove site"), removed.error().message);
            return;
        }
        m_statuses.remove(name);
        statusBar()->showMessage(tr("Removed “%1”.").arg(name), 8000);
        refresh();
    });
}

void MainWindow::moveSite(int delta)
{
    const int row = m_list->currentIndex().row();
    const int target = row + delta;
    if (row < 0 || target < 0 || target >= m_model->rowCount())
        return;
    const QString name = m_model->profileAt(row).name;
    if (const auto moved = m_context.profiles.moveSite(name, target); !moved) {
        QMessageBox::warning(this, tr("Move site"), moved.error().message);
        return;
    }
    m_model->reload();
    m_list->setCurrentIndex(m_model->index(m_model->rowOf(name)));
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
    const int keep = m_model->rowOf(selected.isEmpty() ? m_context.profiles.currentSite() : selected);
    if (rows > 0)
        m_list->setCurrentIndex(m_model->index(keep >= 0 ? keep : 0));
    else
        selectSite(-1);
    m_shownFor.clear(); // pages load again when next shown
    showCurrentPage();
    for (int row = 0; row < rows; ++row) {
        const SiteProfile site = m_model->profileAt(row);
        m_model->setHealth(site.name, SiteListModel::Health::Checking, false, tr("Checking…"));
        ++m_pending;
        m_context.sites.fetchStatus(site, this, [this, site](const Result<SiteStatus> &status) {
            if (status) {
                m_statuses.insert(site.name, status.value());
                // Break-glass matters once WorkOS signs people in.
                m_model->setHealth(site.name, SiteListModel::Health::Reachable, status->enabled,
                                   status->enabled ? tr("WorkOS configured") : tr("WorkOS not configured yet"),
                                   status->enabled ? std::optional<bool>(status->passwordFallback) : std::nullopt);
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

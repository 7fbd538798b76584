#include "pages/UsersPage.h"

#include "pages/users/LinkUserDialog.h"
#include "pages/users/SyncRunDialog.h"
#include "site/SiteService.h"
#include "sync/SyncJournal.h"
#include "sync/SyncService.h"
#include "users/UserFields.h"
#include "users/UserListModel.h"
#include "widgets/JobBar.h"

#include <QComboBox>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace workos::gui {

namespace {

enum LinkFilter { AllUsers, LinkedUsers, UnlinkedUsers };

} // namespace

UsersPage::UsersPage(ConsoleContext &context, QWidget *parent)
    : SitePage(context, parent), m_search(new QLineEdit(this)), m_role(new QComboBox(this)), m_linked(new QComboBox(this)),
      m_reload(new QPushButton(tr("Reloa&d"), this)), m_linkButton(new QPushButton(tr("&Link…"), this)),
      m_unlinkButton(new QPushButton(tr("&Unlink…"), this)), m_syncButton(new QPushButton(tr("S&ync now"), this)),
      m_importButton(new QPushButton(tr("&Import from WorkOS…"), this)), m_syncAllButton(new QPushButton(tr("Sync &all…"), this)),
      m_resumeBanner(new QFrame(this)), m_resumeText(new QLabel(m_resumeBanner)), m_resumeButton(new QPushButton(tr("&Resume…"), m_resumeBanner)),
      m_error(new QLabel(this)), m_actionError(new QLabel(this)), m_summary(new QLabel(this)), m_table(new QTableView(this)), m_model(new UserListModel(this)),
      m_sorted(new QSortFilterProxyModel(this)), m_jobBar(new JobBar(this)), m_searchDelay(new QTimer(this))
{
    setObjectName(QStringLiteral("usersPage"));

    m_search->setObjectName(QStringLiteral("userSearch"));
    m_search->setPlaceholderText(tr("Login, e-mail or name"));
    m_search->setClearButtonEnabled(true);
    m_role->setObjectName(QStringLiteral("roleFilter"));
    m_role->addItem(tr("All roles"), QString());
    m_linked->setObjectName(QStringLiteral("linkFilter"));
    m_linked->addItem(tr("All users"), AllUsers);
    m_linked->addItem(tr("Linked to WorkOS"), LinkedUsers);
    m_linked->addItem(tr("Not linked"), UnlinkedUsers);
    m_reload->setObjectName(QStringLiteral("reloadUsers"));
    m_reload->setToolTip(tr("Load the list again from the site"));

    // The site searches: typing waits a moment so each keystroke is not a request.
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(350);
    connect(m_searchDelay, &QTimer::timeout, this, &UsersPage::reload);
    connect(m_search, &QLineEdit::textEdited, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, &UsersPage::reload);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.isEmpty()) // the clear button
            m_searchDelay->start();
    });
    connect(m_role, &QComboBox::currentIndexChanged, this, &UsersPage::reload);
    connect(m_linked, &QComboBox::currentIndexChanged, this, &UsersPage::reload);
    connect(m_reload, &QPushButton::clicked, this, &UsersPage::reload);
    auto *findShortcut = new QShortcut(QKeySequence::Find, this);
    findShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(findShortcut, &QShortcut::activated, this, [this]() {
        m_search->setFocus();
        m_search->selectAll();
    });

    m_linkButton->setObjectName(QStringLiteral("linkButton"));
    m_linkButton->setToolTip(tr("Link the selected user to a WorkOS user, by WorkOS user ID or e-mail address"));
    m_unlinkButton->setObjectName(QStringLiteral("unlinkButton"));
    m_unlinkButton->setToolTip(tr("Take the WorkOS link away from the selected users (their WordPress accounts stay)"));
    m_syncButton->setObjectName(QStringLiteral("syncButton"));
    m_syncButton->setToolTip(tr("Write WorkOS's e-mail and names to the selected linked users"));
    m_importButton->setObjectName(QStringLiteral("importButton"));
    m_importButton->setToolTip(tr("WorkOS's users into the site: dry run first, then run"));
    m_syncAllButton->setObjectName(QStringLiteral("syncAllButton"));
    m_syncAllButton->setToolTip(tr("Push the unlinked users to WorkOS, or pull the linked ones: dry run first, then run"));
    connect(m_linkButton, &QPushButton::clicked, this, &UsersPage::linkSelected);
    connect(m_unlinkButton, &QPushButton::clicked, this, &UsersPage::unlinkSelected);
    connect(m_syncButton, &QPushButton::clicked, this, &UsersPage::syncSelected);
    connect(m_importButton, &QPushButton::clicked, this, &UsersPage::importUsers);
    connect(m_syncAllButton, &QPushButton::clicked, this, &UsersPage::syncAll);

    m_resumeBanner->setObjectName(QStringLiteral("resumeBanner"));
    m_resumeBanner->setFrameShape(QFrame::StyledPanel);
    m_resumeBanner->setStyleSheet(QStringLiteral("QFrame#resumeBanner { background: #fff4ce; }"));
    m_resumeText->setObjectName(QStringLiteral("resumeText"));
    m_resumeText->setWordWrap(true);
    m_resumeButton->setObjectName(QStringLiteral("resumeButton"));
    auto *bannerLayout = new QHBoxLayout(m_resumeBanner);
    bannerLayout->addWidget(m_resumeText, 1);
    bannerLayout->addWidget(m_resumeButton);
    m_resumeBanner->hide();
    connect(m_resumeButton, &QPushButton::clicked, this, &UsersPage::resumeRun);

    m_error->setObjectName(QStringLiteral("usersError"));
    m_actionError->setObjectName(QStringLiteral("actionError"));
    for (QLabel *label : {m_error, m_actionError}) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        label->setStyleSheet(QStringLiteral("QLabel { color: #b3261e; }"));
        label->hide();
    }
    m_summary->setObjectName(QStringLiteral("usersSummary"));

    m_sorted->setSourceModel(m_model);
    m_sorted->setSortRole(UserListModel::SortRole);
    m_table->setObjectName(QStringLiteral("usersTable"));
    m_table->setAccessibleName(tr("Users of the site"));
    m_table->setModel(m_sorted);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(UserListModel::IdColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->setColumnWidth(UserListModel::IdColumn, 60);
    m_table->setColumnWidth(UserListModel::LoginColumn, 100);
    m_table->setColumnWidth(UserListModel::EmailColumn, 190);
    m_table->setColumnWidth(UserListModel::NameColumn, 130);
    m_table->setColumnWidth(UserListModel::RolesColumn, 90);
    // A whole WorkOS user ID.
    m_table->setColumnWidth(UserListModel::WorkOSColumn, m_table->fontMetrics().horizontalAdvance(QStringLiteral("user_01MMMMMMMMMMMMMMMMMMMMMMMM")) + 16);
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        if (!index.data(UserListModel::LinkedRole).toBool())
            linkSelected();
    });

    connect(m_jobBar, &JobBar::cancelRequested, this, [this]() {
        if (m_loading) {
            ++m_generation; // the load's next page is not asked for, its answers are ignored
            finishLoad(m_generation, Error{tr("Loading stopped."), QStringLiteral("canceled")});
        }
        m_actionCanceled = true;
    });

    auto *filters = new QHBoxLayout;
    auto *searchLabel = new QLabel(tr("&Search:"), this);
    searchLabel->setBuddy(m_search);
    auto *roleLabel = new QLabel(tr("R&ole:"), this);
    roleLabel->setBuddy(m_role);
    auto *linkLabel = new QLabel(tr("Lin&ked:"), this);
    linkLabel->setBuddy(m_linked);
    filters->addWidget(searchLabel);
    filters->addWidget(m_search, 2);
    filters->addWidget(roleLabel);
    filters->addWidget(m_role, 1);
    filters->addWidget(linkLabel);
    filters->addWidget(m_linked, 1);
    filters->addWidget(m_reload);

    auto *actions = new QHBoxLayout;
    actions->addWidget(m_linkButton);
    actions->addWidget(m_unlinkButton);
    actions->addWidget(m_syncButton);
    actions->addStretch(1);
    actions->addWidget(m_importButton);
    actions->addWidget(m_syncAllButton);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addLayout(actions);
    layout->addWidget(m_resumeBanner);
    layout->addWidget(m_error);
    layout->addWidget(m_actionError);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_jobBar);
    layout->addWidget(m_summary);

    setTabOrder(m_search, m_role);
    setTabOrder(m_role, m_linked);
    setTabOrder(m_linked, m_reload);
    setTabOrder(m_reload, m_table);
    setTabOrder(m_table, m_linkButton);
    setTabOrder(m_linkButton, m_unlinkButton);
    setTabOrder(m_unlinkButton, m_syncButton);
    setTabOrder(m_syncButton, m_importButton);
    setTabOrder(m_importButton, m_syncAllButton);
    updateButtons();
}

void UsersPage::showSite(const SiteProfile &site)
{
    const bool other = !m_hasSite || site.name != m_site.name;
    m_site = site;
    m_hasSite = true;
    if (other) {
        showActionError(QString());
        m_model->clear();
        m_loadedKey.clear();
        m_roles.clear();
        const QSignalBlocker blocker(m_role);
        m_role->clear();
        m_role->addItem(tr("All roles"), QString());
    }
    loadRoles();
    reload();
    checkUnfinished();
}

QString UsersPage::loadKey() const
{
    return m_site.name + QLatin1Char('|') + m_role->currentData().toString() + QLatin1Char('|') + QString::number(m_linked->currentIndex())
        + QLatin1Char('|') + m_search->text().trimmed();
}

void UsersPage::loadRoles()
{
    m_context.sites.withClient(m_site, this, [this, site = m_site.name](const Result<std::shared_ptr<CompanionClient>> &client) {
        if (!client || site != m_site.name)
            return; // the list's own load says what is wrong
        UserService::roles(client.value(), this, [this, site](const Result<QList<UserService::Role>> &roles) {
            if (!roles || site != m_site.name)
                return;
            m_roles = roles.value();
            const QString current = m_role->currentData().toString();
            const QSignalBlocker blocker(m_role);
            m_role->clear();
            m_role->addItem(tr("All roles"), QString());
            for (const UserService::Role &role : m_roles)
                m_role->addItem(role.name, role.slug);
            m_role->setCurrentIndex(std::max(0, m_role->findData(current)));
        });
    });
}

void UsersPage::reload()
{
    if (!m_hasSite)
        return;
    m_searchDelay->stop();
    const quint64 generation = ++m_generation;
    const QString key = loadKey();
    // The same list again keeps its rows until the new ones come (an unreachable site still
    // shows what was loaded); another filter or site starts empty.
    if (key != m_loadedKey)
        m_model->clear();
    m_clearOnFirstPage = m_model->rowCount() > 0;
    m_loadedKey = key;
    m_loading = true;
    showError(QString());
    m_summary->setText(tr("Loading users…"));
    m_jobBar->start(tr("Loading users…"));
    updateButtons();

    UserFilter filter;
    const int linked = m_linked->currentData().toInt();
    if (linked != AllUsers)
        filter.linked = linked == LinkedUsers;
    filter.role = m_role->currentData().toString();
    filter.search = m_search->text().trimmed();
    m_context.sites.withClient(m_site, this, [this, generation, filter](const Result<std::shared_ptr<CompanionClient>> &client) {
        if (generation != m_generation)
            return;
        if (!client)
            return finishLoad(generation, client.error());
        UserService::list(client.value(), filter, this, [this, generation](const QJsonArray &users) {
            if (generation != m_generation)
                return false;
            if (m_clearOnFirstPage) {
                m_model->clear();
                m_clearOnFirstPage = false;
            }
            m_model->append(users);
            m_summary->setText(tr("Loading users… %n so far", nullptr, m_model->rowCount()));
            return true;
        }, [this, generation](const Result<int> &listed) {
            if (generation == m_generation)
                finishLoad(generation, listed);
        });
    });
}

void UsersPage::finishLoad(quint64 generation, const Result<int> &result)
{
    if (generation != m_generation || !m_loading)
        return;
    m_loading = false;
    const bool before = m_clearOnFirstPage; // no page came: the rows are the last load's
    m_clearOnFirstPage = false;
    m_jobBar->finish();
    int linked = 0;
    for (int row = 0; row < m_model->rowCount(); ++row)
        linked += UserFields::isLinked(m_model->userAt(row)) ? 1 : 0;
    const QString counts = tr("%n user(s), %1 linked to WorkOS", nullptr, m_model->rowCount()).arg(linked);
    if (!result) {
        if (result.error().code != u"canceled")
            showError(result.error().message);
        const QString which = before ? tr("as loaded before") : tr("not all of them");
        m_summary->setText(m_model->rowCount() > 0 ? counts + QStringLiteral(" — ") + which : QString());
    } else {
        m_summary->setText(counts);
    }
    updateButtons();
    Q_EMIT loaded();
}

int UsersPage::viewRowOf(qint64 id) const
{
    const int row = m_model->rowOfId(id);
    return row < 0 ? -1 : m_sorted->mapFromSource(m_model->index(row, 0)).row();
}

QList<QJsonObject> UsersPage::selectedUsers() const
{
    QList<QJsonObject> users;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        users.append(index.data(UserListModel::UserRole).toJsonObject());
    return users;
}

void UsersPage::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void UsersPage::showActionError(const QString &message)
{
    m_actionError->setText(message);
    m_actionError->setVisible(!message.isEmpty());
}

void UsersPage::setBusy(bool busy, const QString &text)
{
    m_busy = busy;
    m_actionCanceled = false;
    if (busy)
        m_jobBar->start(text);
    else
        m_jobBar->finish();
    updateButtons();
}

void UsersPage::updateButtons()
{
    const bool idle = m_hasSite && !m_busy;
    for (QPushButton *button : {m_linkButton, m_unlinkButton, m_syncButton, m_importButton, m_syncAllButton, m_resumeButton})
        button->setEnabled(idle && !m_loading);
    m_reload->setEnabled(idle);
}

void UsersPage::linkSelected()
{
    if (m_busy || m_loading)
        return;
    const QList<QJsonObject> users = selectedUsers();
    if (users.isEmpty())
        return showActionError(tr("Select the user to link in the list first."));
    if (users.size() > 1)
        return showActionError(tr("Select only the user to link: one WordPress user links to one WorkOS user."));
    const QJsonObject user = users.first();
    if (UserFields::isLinked(user))
        return showActionError(tr("User #%1 is already linked to WorkOS user %2: unlink it first.")
                             .arg(UserFields::id(user))
                             .arg(UserFields::workosUserId(user)));
    showActionError(QString());
    auto *dialog = new LinkUserDialog(m_context, m_site, user, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &LinkUserDialog::linked, this, [this](qint64 id, const QJsonObject &workosUser) {
        refreshRows({id});
        Q_EMIT message(tr("Linked WordPress user #%1 to WorkOS user %2.").arg(id).arg(workosUser.value(u"id").toString()));
    });
    dialog->open();
}

void UsersPage::unlinkSelected()
{
    if (m_busy || m_loading)
        return;
    const QList<QJsonObject> users = selectedUsers();
    if (users.isEmpty())
        return showActionError(tr("Select the users to unlink in the list first."));
    QList<qint64> ids;
    for (const QJsonObject &user : users) {
        if (UserFields::isLinked(user))
            ids.append(UserFields::id(user));
    }
    if (ids.isEmpty())
        return showActionError(users.size() == 1 ? tr("User #%1 is not linked to WorkOS.").arg(UserFields::id(users.first()))
                                           : tr("None of the selected users is linked to WorkOS."));
    showActionError(QString());
    const QJsonObject first = users.first();
    const QString question = ids.size() == 1 && users.size() == 1
        ? tr("Unlink user #%1 (%2) from WorkOS ID %3?").arg(UserFields::id(first)).arg(first.value(u"email").toString(), UserFields::workosUserId(first))
        : tr("Unlink %n user(s) from WorkOS?", nullptr, static_cast<int>(ids.size()));
    auto *confirm = new QMessageBox(QMessageBox::Question, tr("Unlink from WorkOS"), question, QMessageBox::Cancel, this);
    confirm->setObjectName(QStringLiteral("unlinkConfirm"));
    confirm->setInformativeText(tr("They can no longer sign in with WorkOS until they are linked again. Their WordPress "
                                   "accounts and content stay."));
    QPushButton *unlink = confirm->addButton(tr("&Unlink"), QMessageBox::DestructiveRole);
    unlink->setObjectName(QStringLiteral("unlinkConfirmButton"));
    confirm->setDefaultButton(QMessageBox::Cancel);
    confirm->setAttribute(Qt::WA_DeleteOnClose);
    connect(confirm, &QMessageBox::buttonClicked, this, [this, unlink, ids](QAbstractButton *clicked) {
        if (clicked != unlink)
            return;
        perform(ids, false, tr("Unlinking…"), [this](UserActions::Client api, UserActions::WorkOS, qint64 id, UserActions::Done done) {
            UserActions::unlink(api, id, this, done);
        }, [this](int succeeded) { Q_EMIT message(tr("Unlinked %n user(s) from WorkOS.", nullptr, succeeded)); });
    });
    confirm->open();
}

void UsersPage::syncSelected()
{
    if (m_busy || m_loading)
        return;
    const QList<QJsonObject> users = selectedUsers();
    if (users.isEmpty())
        return showActionError(tr("Select the users to sync in the list first."));
    QList<qint64> ids;
    for (const QJsonObject &user : users)
        ids.append(UserFields::id(user));
    showActionError(QString());
    perform(ids, true, tr("Syncing from WorkOS…"), [this](UserActions::Client api, UserActions::WorkOS wapi, qint64 id, UserActions::Done done) {
        UserActions::pull(api, wapi, id, this, done);
    }, [this](int succeeded) { Q_EMIT message(tr("Synced %n user(s) from WorkOS.", nullptr, succeeded)); });
}

void UsersPage::perform(const QList<qint64> &ids, bool needsWorkOS, const QString &busyText, Action action,
                        std::function<void(int)> done)
{
    setBusy(true, busyText);
    struct Run
    {
        QList<qint64> ids;
        qsizetype next = 0;
        int succeeded = 0;
        QStringList errors;
        UserActions::Client api;
        UserActions::WorkOS wapi;
    };
    auto run = std::make_shared<Run>();
    run->ids = ids;
    const QString site = m_site.name;
    auto end = [this, run, done, site]() {
        setBusy(false);
        if (site != m_site.name) // another site is shown by now
            return;
        if (!run->errors.isEmpty())
            showActionError(run->errors.join(QLatin1Char('\n')));
        refreshRows(run->ids.mid(0, run->next));
        done(run->succeeded);
    };
    auto step = std::make_shared<std::function<void()>>();
    std::weak_ptr<std::function<void()>> weak = step;
    *step = [this, run, action, end, weak]() {
        auto self = weak.lock();
        if (run->next >= run->ids.size() || m_actionCanceled)
            return end();
        const qint64 id = run->ids.at(run->next++);
        action(run->api, run->wapi, id, [run, self](const Result<QJsonObject> &result) {
            if (result)
                ++run->succeeded;
            else
                run->errors.append(result.error().message);
            (*self)();
        });
    };
    m_context.sites.withClient(m_site, this, [this, run, step, end, needsWorkOS](const Result<std::shared_ptr<CompanionClient>> &client) {
        if (!client) {
            run->errors.append(client.error().message);
            return end();
        }
        run->api = client.value();
        if (!needsWorkOS)
            return (*step)();
        m_context.sites.withWorkOS(m_site, m_site.environment, this, [run, step, end](const Result<std::shared_ptr<WorkOSClient>> &workos) {
            if (!workos) {
                run->errors.append(workos.error().message);
                return end();
            }
            run->wapi = workos.value();
            (*step)();
        });
    });
}

void UsersPage::refreshRows(const QList<qint64> &ids)
{
    if (ids.isEmpty())
        return;
    m_context.sites.withClient(m_site, this, [this, ids](const Result<std::shared_ptr<CompanionClient>> &client) {
        if (!client)
            return;
        for (const qint64 id : ids) {
            UserService::find(client.value(), QString::number(id), UserService::By::Id, this, [this](const Result<QJsonObject> &user) {
                if (user)
                    m_model->replace(user.value());
            });
        }
    });
}

std::shared_ptr<SyncJournal> UsersPage::journal()
{
    if (!m_journal) {
        auto journal = std::make_shared<SyncJournal>(SyncJournal::defaultPath());
        if (const Result<void> opened = journal->open(); !opened) {
            showError(opened.error().message);
            return nullptr;
        }
        m_journal = journal;
    }
    return m_journal;
}

void UsersPage::checkUnfinished()
{
    m_unfinishedKind.clear();
    const auto journal = this->journal();
    if (!journal || !m_hasSite)
        return m_resumeBanner->hide();
    for (const QString &kind : {SyncService::Import, SyncService::Push, SyncService::Pull}) {
        const auto open = journal->unfinished(m_site.name, kind);
        if (!open || !open.value())
            continue;
        const auto counts = journal->counts(open.value()->id);
        m_unfinishedKind = kind;
        m_resumeText->setText(SyncRunDialog::unfinishedText(kind, open.value()->createdAt, counts ? counts->pending : 0));
        break;
    }
    m_resumeBanner->setVisible(!m_unfinishedKind.isEmpty());
}

SyncRunDialog *UsersPage::openRun(bool import)
{
    if (!m_hasSite || m_busy)
        return nullptr;
    const auto journal = this->journal();
    if (!journal)
        return nullptr;
    auto *dialog = new SyncRunDialog(m_context, m_site, journal, import ? SyncRunDialog::Mode::Import : SyncRunDialog::Mode::Sync, m_roles, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &SyncRunDialog::runFinished, this, [this]() {
        reload();
        checkUnfinished();
    });
    connect(dialog, &QDialog::finished, this, &UsersPage::checkUnfinished);
    dialog->show();
    return dialog;
}

SyncRunDialog *UsersPage::importUsers()
{
    return openRun(true);
}

SyncRunDialog *UsersPage::syncAll()
{
    return openRun(false);
}

SyncRunDialog *UsersPage::resumeRun()
{
    const QString kind = m_unfinishedKind;
    if (kind.isEmpty())
        return nullptr;
    SyncRunDialog *dialog = openRun(kind == SyncService::Import);
    if (dialog) {
        dialog->setDirection(kind);
        dialog->resume();
    }
    return dialog;
}

} // namespace workos::gui

#pragma once

#include "pages/SitePage.h"
#include "users/UserActions.h"
#include "users/UserService.h"

#include <QJsonObject>
#include <QList>

#include <functional>
#include <memory>

class QComboBox;
class QFrame;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QTimer;

namespace workos {
class SyncJournal;
class UserListModel;
} // namespace workos

namespace workos::gui {

class JobBar;
class SyncRunDialog;

// The site's WordPress users with their WorkOS link, as `wpworkos user list` shows them: loaded
// page by page, filtered by role, link and a search. On the selection: link to a WorkOS user,
// unlink, sync now (pull WorkOS's profile); for everyone: import from WorkOS and sync all, each
// planned and dry-run first (SyncRunDialog). An unfinished bulk run is offered for resume.
class UsersPage : public SitePage
{
    Q_OBJECT
public:
    explicit UsersPage(ConsoleContext &context, QWidget *parent = nullptr);

    QString title() const override { return tr("Users"); }
    void showSite(const SiteProfile &site) override;

    // Tests wait for these.
    bool isLoading() const { return m_loading; }
    bool isBusy() const { return m_busy; }
    UserListModel *model() const { return m_model; }
    // The row of the (sorted, shown) table holding WordPress user `id`, or -1.
    int viewRowOf(qint64 id) const;

public Q_SLOTS:
    void reload();
    void linkSelected();
    void unlinkSelected();
    void syncSelected();
    SyncRunDialog *importUsers();
    SyncRunDialog *syncAll();
    SyncRunDialog *resumeRun();

Q_SIGNALS:
    // A list load ended (fully, stopped, or with an error).
    void loaded();

private:
    using Action = std::function<void(UserActions::Client, UserActions::WorkOS, qint64, UserActions::Done)>;

    QList<QJsonObject> selectedUsers() const;
    // `action` for each user, one after the other (the JobBar's Cancel stops before the next);
    // then each row is read again and `done` gets how many succeeded.
    void perform(const QList<qint64> &ids, bool needsWorkOS, const QString &busyText, Action action,
                 std::function<void(int succeeded)> done);
    void refreshRows(const QList<qint64> &ids);
    void loadRoles();
    void finishLoad(quint64 generation, const Result<int> &result);
    void checkUnfinished();
    std::shared_ptr<SyncJournal> journal();
    SyncRunDialog *openRun(bool import);
    // The list's error (the site unreachable…) and an action's, each in its own line.
    void showError(const QString &message);
    void showActionError(const QString &message);
    void setBusy(bool busy, const QString &text = QString());
    void updateButtons();
    QString loadKey() const;

    SiteProfile m_site;
    bool m_hasSite = false;
    quint64 m_generation = 0;
    bool m_loading = false;
    bool m_busy = false;
    bool m_actionCanceled = false;
    bool m_clearOnFirstPage = false;
    QString m_loadedKey;
    QString m_unfinishedKind;
    QList<UserService::Role> m_roles;
    std::shared_ptr<SyncJournal> m_journal;

    QLineEdit *m_search;
    QComboBox *m_role;
    QComboBox *m_linked;
    QPushButton *m_reload;
    QPushButton *m_linkButton;
    QPushButton *m_unlinkButton;
    QPushButton *m_syncButton;
    QPushButton *m_importButton;
    QPushButton *m_syncAllButton;
    QFrame *m_resumeBanner;
    QLabel *m_resumeText;
    QPushButton *m_resumeButton;
    QLabel *m_error;
    QLabel *m_actionError;
    QLabel *m_summary;
    QTableView *m_table;
    UserListModel *m_model;
    QSortFilterProxyModel *m_sorted;
    JobBar *m_jobBar;
    QTimer *m_searchDelay;
};

} // namespace workos::gui

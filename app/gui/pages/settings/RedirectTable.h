#pragma once

#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <QUrl>
#include <QWidget>

#include <utility>

class QLabel;
class QTableWidget;

namespace workos::gui {

// The login or logout redirects of an environment, one row per role (or "Default (all roles)"):
// where a WorkOS user goes after signing in — optionally on their first sign-in only — or out.
// Each address is checked as the site checks it (RedirectRules) before anything is sent.
class RedirectTable : public QWidget
{
    Q_OBJECT
public:
    enum class Kind { Login, Logout };

    RedirectTable(Kind kind, QWidget *parent = nullptr);

    // `map` is the site's "login" or "logout" object; an edit not saved yet stays unless `discardEdits`.
    void load(const QJsonObject &map, const QList<std::pair<QString, QString>> &wordpressRoles, const QUrl &home,
              bool discardEdits);
    // The map to store: login {role: {url, first_login_only}}, logout {role: url}.
    QJsonObject wanted() const;
    bool isModified() const;
    QStringList problems() const;
    // The site refused the row of `role` (workos_unsafe_redirect, workos_unknown_wp_role).
    void showSiteRefusal(const QString &role, const QString &message);
    QString mapName() const { return m_kind == Kind::Login ? QStringLiteral("login") : QStringLiteral("logout"); }

public Q_SLOTS:
    void addRow(const QString &role = QString(), const QString &url = QString(), bool firstLoginOnly = false);
    void revert();

Q_SIGNALS:
    void changed();

private:
    struct Row
    {
        QString role;
        QString url;
        bool firstLoginOnly = false;
    };
    QList<Row> rows() const;
    QString roleLabel(const QString &role) const;
    void onEdited();
    void update();

    Kind m_kind;
    QJsonObject m_loaded;
    QList<std::pair<QString, QString>> m_wordpressRoles;
    QUrl m_home;
    bool m_loading = false;
    QString m_refusedRole;
    QString m_refusal;

    QTableWidget *m_table;
    QLabel *m_problems;
};

} // namespace workos::gui

#pragma once

#include "rolemap/RoleMap.h"
#include "util/Result.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <QWidget>

#include <utility>

class QLabel;
class QPushButton;
class QTableWidget;

namespace workos::gui {

// The role map of an environment: WorkOS role (or directory group name) → WordPress role, with
// the companion's rules checked as the admin types (RoleMap::validate), a live preview of whose
// role changes among the organization's members, and the refusal of a map that takes the
// administrator role from every administrator — unless the admin insists ("Save anyway…").
class RoleMapEditor : public QWidget
{
    Q_OBJECT
public:
    explicit RoleMapEditor(QWidget *parent = nullptr);

    // The site's GET admin/role-map answer. An edit not saved yet stays unless `discardEdits`.
    void load(const QJsonObject &answer, const QList<std::pair<QString, QString>> &wordpressRoles, bool discardEdits);
    // The WorkOS roles offered in the first column (fetched from WorkOS), and where they come from.
    void setWorkOSRoles(const QStringList &slugs, const QString &note);
    // Who the preview and the administrator check are about: the organization's members (items of
    // GET admin/orgs/{id}/members) and the site's administrators (GET admin/users?role=administrator).
    void setPeople(const QString &organizationName, const QJsonArray &members, const QJsonArray &administrators);

    // The map to store: {} for the built-in one.
    QJsonObject wantedMap() const;
    bool isModified() const;
    // Why the site would refuse the map (each naming its row).
    QStringList problems() const;
    // The map would take the administrator role from every administrator (the site refuses it unless forced).
    bool demotesEveryAdministrator() const;
    // The administrators such a map demotes, for a message.
    QStringList administratorLogins() const;
    // The site's 409 workos_role_map_demotes_all_administrators, when its data outran the preview's.
    void showSiteRefusal(const Error &error);

public Q_SLOTS:
    void addRow(const QString &workosRole = QString(), const QString &wordpressRole = QString());
    void useBuiltInMap();
    void revert();

Q_SIGNALS:
    void changed();
    // "Save anyway…": write the map although it demotes every administrator.
    void forceRequested();

private:
    void setRows(const QJsonObject &map);
    QList<std::pair<QString, QString>> rows() const;
    RoleMap wantedRoleMap() const;
    void onEdited();
    void update();
    void updatePreview(const RoleMap &map);
    void removeRow(QWidget *button);

    QJsonObject m_answer;
    QList<std::pair<QString, QString>> m_wordpressRoles;
    QStringList m_workosRoles;
    QString m_organizationName;
    QJsonArray m_members;
    QJsonArray m_administrators;
    bool m_builtIn = true;
    bool m_loading = false;
    Error m_siteRefusal;

    QLabel *m_state;
    QTableWidget *m_table;
    QLabel *m_rolesNote;
    QLabel *m_problems;
    QLabel *m_refusal;
    QPushButton *m_force;
    QLabel *m_previewSummary;
    QTableWidget *m_preview;
};

} // namespace workos::gui

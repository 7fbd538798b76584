#pragma once

#include "pages/settings/SettingsTab.h"

#include <QJsonArray>
#include <QJsonObject>

class QFormLayout;
class QLabel;

namespace workos::gui {

class RedirectTable;
class RoleMapEditor;
class SaveBar;
class SettingField;

// The Users tab of the Settings page: what happens to a user WorkOS removes (and who receives
// their content), the role map with its preview, and the login and logout redirects per role.
// A save writes through SiteConfig::apply, as `wpworkos config apply` does.
class UserSettingsTab : public SettingsTab
{
    Q_OBJECT
public:
    explicit UserSettingsTab(ConsoleContext &context, QWidget *parent = nullptr);

    void load(const SettingsData &loaded, bool discardEdits) override;
    bool hasUnsavedChanges() const override;

public Q_SLOTS:
    // `force` writes a role map that demotes every administrator (after the admin confirms).
    void save(bool force = false);
    void revert();

Q_SIGNALS:
    // The users, members and WorkOS roles the tab shows besides the settings have arrived.
    void peopleLoaded();

private:
    static QString nobody();
    SettingField *addField(QFormLayout *form, const QString &label, const QString &key);
    QJsonObject wantedDocument() const;
    void updateState();
    void loadPeople();
    void loadWorkOSRoles();
    void setReassignChoices(const QJsonArray &users);
    void write(const QJsonObject &wanted, bool force, int count);
    void showRefusal(const Error &error);

    QHash<QString, SettingField *> m_fields;
    RoleMapEditor *m_roleMap;
    RedirectTable *m_login;
    RedirectTable *m_logout;
    QLabel *m_peopleError;
    SaveBar *m_saveBar;
    quint64 m_generation = 0;
    QJsonArray m_administrators;
};

} // namespace workos::gui

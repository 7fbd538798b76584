#pragma once

#include "pages/settings/SettingField.h"
#include "pages/settings/SettingsTab.h"

#include <QHash>
#include <QJsonArray>

class QButtonGroup;
class QFormLayout;
class QGroupBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace workos::gui {

class JobBar;
class SaveBar;

// The Organization tab of the Settings page: the environment's WorkOS organization — chosen from
// the site's organization cache, synced from WorkOS, or created there — with its details and
// members, the entitlement gate, and on a multisite the sites the organization belongs to.
class OrganizationTab : public SettingsTab
{
    Q_OBJECT
public:
    explicit OrganizationTab(ConsoleContext &context, QWidget *parent = nullptr);

    void load(const SettingsData &loaded, bool discardEdits) override;
    bool hasUnsavedChanges() const override;

public Q_SLOTS:
    void save();
    void revert();
    void syncFromWorkOS();
    void createOrganization();
    // Makes the organization selected in the list this environment's (saved with Save).
    void useSelected();
    void saveSites();

Q_SIGNALS:
    // The cached organizations, or the members of the selected one, are shown.
    void organizationsLoaded();
    void membersLoaded();
    // Sync and create end here too (the message, or the error).
    void actionFinished(const QString &message, bool ok);

private:
    SettingField *addField(QFormLayout *form, const QString &label, const QString &key, SettingField::Kind kind);
    void loadOrganizations(const QString &select = QString());
    void showOrganizations();
    QString selectedId() const;
    void selectId(const QString &id);
    void showSelected();
    void updateUseButton();
    void showDetails();
    void loadSites(const QString &id);
    void finishAction(const QString &message, bool ok);
    void updateState();

    QHash<QString, SettingField *> m_fields;
    QJsonArray m_organizations;
    QJsonArray m_networkSites;
    QString m_membersFor; // the organization whose members the table shows
    quint64 m_generation = 0;
    quint64 m_memberGeneration = 0;
    quint64 m_syncGeneration = 0;

    QLabel *m_notConfigured;
    QLabel *m_details;
    QTableWidget *m_list;
    QPushButton *m_use;
    QPushButton *m_sync;
    QPushButton *m_create;
    JobBar *m_job;
    QLabel *m_actionMessage;
    QLabel *m_membersHeading;
    QTableWidget *m_members;
    QGroupBox *m_sitesGroup;
    QTableWidget *m_sites;
    QButtonGroup *m_primary;
    QPushButton *m_saveSites;
    QLabel *m_sitesMessage;
    SaveBar *m_saveBar;
};

} // namespace workos::gui

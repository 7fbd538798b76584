#pragma once

#include "pages/SitePage.h"
#include "pages/settings/SettingsData.h"

class QComboBox;
class QLabel;
class QPushButton;
class QTabWidget;

namespace workos::gui {

class GeneralSettingsTab;
class OrganizationTab;
class SettingsTab;
class UserSettingsTab;

// The site's WorkOS settings for one environment, in the tabs of the reference's settings page:
// Settings (credentials, sign-in, logging), Organization, Users (deprovisioning, role map,
// redirects). The environment edited is chosen here, independently of the one the site uses;
// it starts at the console's environment for the site.
class SettingsPage : public SitePage
{
    Q_OBJECT
public:
    explicit SettingsPage(ConsoleContext &context, QWidget *parent = nullptr);

    QString title() const override;
    void showSite(const SiteProfile &site) override;

    QString environment() const;
    // The environment shown changes (asks first when a tab has unsaved changes).
    void setEnvironment(const QString &environment);
    bool isLoading() const { return m_loading; }
    const SettingsData &data() const { return m_data; }

public Q_SLOTS:
    // Loads the site's settings again; `discardEdits` drops what no tab has saved.
    void reload(bool discardEdits = false);
    void activateEnvironment();

Q_SIGNALS:
    // A load ended (the tabs show the site's answers, or the error is shown).
    void loaded();

private:
    // `origin` (the tab that just saved) shows the site's values only; the others keep their edits.
    void load(bool discardEdits, SettingsTab *origin);
    bool hasUnsavedChanges() const;
    void switchEnvironment(int index);
    void showLoaded(const SettingsData &fresh, bool discardEdits, SettingsTab *origin);
    void updateEnvironmentState();

    SiteProfile m_site;
    SettingsData m_data;
    bool m_loading = false;
    quint64 m_generation = 0;
    int m_shownIndex = -1;

    QComboBox *m_environment;
    QLabel *m_environmentState;
    QPushButton *m_activate;
    QLabel *m_status;
    QLabel *m_error;
    QTabWidget *m_tabs;
    GeneralSettingsTab *m_general;
    OrganizationTab *m_organization;
    UserSettingsTab *m_users;
};

} // namespace workos::gui

#pragma once

#include "pages/settings/SettingField.h"
#include "pages/settings/SettingsTab.h"

#include <QHash>
#include <QJsonObject>

class QFormLayout;
class QLabel;

namespace workos::gui {

class SaveBar;

// The Settings tab of the Settings page: the environment's WorkOS credentials (API key, client
// ID, environment ID, webhook secret), how people sign in (login mode, password fallback — with
// a warning when single sign-on has no break-glass path), audit and activity logging, and the
// site-wide WorkOS address and webhook tolerance. One PATCH writes a save, secrets included.
class GeneralSettingsTab : public SettingsTab
{
    Q_OBJECT
public:
    explicit GeneralSettingsTab(ConsoleContext &context, QWidget *parent = nullptr);

    void load(const SettingsData &loaded, bool discardEdits) override;
    bool hasUnsavedChanges() const override;

public Q_SLOTS:
    void save();
    void revert();

private:
    SettingField *addField(QFormLayout *form, const QString &label, const QString &key, SettingField::Kind kind,
                           bool siteWide = false);
    QList<SettingField *> modified() const;
    void updateState();
    void updateSignInAdvice();
    void write(const QJsonObject &settings, const QJsonObject &site, int count);
    void showRefusal(const Error &error);

    QHash<QString, SettingField *> m_fields;     // per environment
    QHash<QString, SettingField *> m_siteFields; // site-wide
    QLabel *m_callbackUrl;
    QLabel *m_webhookUrl;
    QLabel *m_environmentIdHint;
    QLabel *m_signInAdvice;
    SaveBar *m_saveBar;
};

} // namespace workos::gui

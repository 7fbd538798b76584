#pragma once

#include "util/Result.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QWidget>

#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace workos::gui {

// One setting of the site in a form: its editor, where its value comes from (default, database,
// or a wp-config.php constant — then read-only, with a lock and the constant's name) and, under
// it, why the value cannot be saved. A secret shows only whether it is set and its last four
// characters, and takes a new value in a password field that is never filled from the site.
class SettingField : public QWidget
{
    Q_OBJECT
public:
    enum class Kind { Text, Secret, Choice, Flag, Number };

    SettingField(const QString &key, Kind kind, QWidget *parent = nullptr);

    QString key() const { return m_key; }
    Kind kind() const { return m_kind; }
    QWidget *editor() const { return m_editor; }

    // Choice: an offered value and its label, in order.
    void addChoice(const QJsonValue &value, const QString &label);
    void clearChoices();
    void setRange(int minimum, int maximum, const QString &suffix = QString());
    void setFlagText(const QString &text);
    void setPlaceholder(const QString &text);
    // Why a value cannot be saved (empty: it can); checked on every edit.
    void setRule(std::function<QString(const QJsonValue &)> rule) { m_rule = std::move(rule); }

    // The site's description of the setting. An edit not saved yet stays unless `discardEdit`.
    void setEntry(const QJsonObject &entry, bool discardEdit);
    bool isWritable() const { return m_entry.value(u"writable").toBool(true); }
    bool isModified() const;
    // The value in the editor (text trimmed, as the site stores it); for a secret the new value
    // typed, undefined when none.
    QJsonValue value() const;
    // The value the site holds (undefined for a secret).
    QJsonValue siteValue() const;
    // An edit made for the admin (choosing an organization from a list…).
    void setValue(const QJsonValue &value);
    void revert();
    // Why the edited value cannot be saved, by the rule; empty when unmodified or fine.
    QString problem() const;
    // Shows a message under the editor (the rule's, or the site's refusal); empty hides it.
    void showError(const QString &message);
    QString error() const;

    // The per-environment or site-wide setting a refusal of the site names (data.setting,
    // data.param "settings[client_id]", a rest_invalid_param message…); empty when none.
    static QString keyNamedBy(const Error &error);

Q_SIGNALS:
    void edited();

private:
    void showSiteValue();
    void updateSecretState();
    void updateSource();
    void onEdited();

    QString m_key;
    Kind m_kind;
    QJsonObject m_entry;
    std::function<QString(const QJsonValue &)> m_rule;
    bool m_loading = false;

    QWidget *m_editor = nullptr;
    QLineEdit *m_line = nullptr;
    QComboBox *m_combo = nullptr;
    QCheckBox *m_check = nullptr;
    QSpinBox *m_spin = nullptr;
    QLabel *m_secretState = nullptr;
    QLabel *m_lock;
    QLabel *m_source;
    QLabel *m_error;
};

} // namespace workos::gui

#pragma once

#include <QCoreApplication>
#include <QJsonValue>
#include <QString>

namespace workos {

// The companion's rules for the values of its settings (wp-companion/src/Config/SettingsSchema.php),
// checked in the console before anything is sent, so a form can point at the field at fault.
class SettingRules
{
    Q_DECLARE_TR_FUNCTIONS(SettingRules)
public:
    // Why `value` cannot be stored as the per-environment setting `key`, or an empty string.
    // An empty string value is allowed where the site allows it (it clears the setting).
    static QString problem(const QString &key, const QJsonValue &value);
};

} // namespace workos

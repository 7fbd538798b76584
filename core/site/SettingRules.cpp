#include "site/SettingRules.h"

#include <QRegularExpression>

namespace workos {

namespace {
constexpr int kMaxLength = 256;

struct Pattern
{
    const char *key;
    const char *regex;
    const char *example;
};

// Same patterns as the site's schema.
const Pattern kPatterns[] = {
    {"api_key", "^(sk_[A-Za-z0-9_.=-]+)?$", "sk_test_…"},
    {"client_id", "^(client_[A-Za-z0-9_]+)?$", "client_…"},
    {"webhook_secret", "^[\\x21-\\x7e]*$", nullptr},
    {"organization_id", "^(org_[A-Za-z0-9_]+)?$", "org_…"},
    {"environment_id", "^(environment_[A-Za-z0-9_]+)?$", "environment_…"},
};
} // namespace

QString SettingRules::problem(const QString &key, const QJsonValue &value)
{
    for (const Pattern &p : kPatterns) {
        if (key != QLatin1String(p.key))
            continue;
        if (!value.isString())
            return tr("%1 must be text.").arg(key);
        const QString text = value.toString();
        if (text.size() > kMaxLength)
            return tr("%1 is longer than %2 characters.").arg(key).arg(kMaxLength);
        if (!QRegularExpression(QLatin1String(p.regex)).match(text).hasMatch()) {
            if (!p.example)
                return tr("%1 may hold only printable characters without spaces.").arg(key);
            return tr("“%1” is not a valid %2: it looks like %3 (letters, digits and _).")
                .arg(text.left(40), key, QString::fromUtf8(p.example)); // the examples hold "…"
        }
        return QString();
    }
    if (key == u"login_mode") {
        if (value.toString() != u"redirect" && value.toString() != u"headless")
            return tr("login_mode is redirect or headless.");
        return QString();
    }
    if (key == u"deprovision_action") {
        const QString v = value.toString();
        if (v != u"deactivate" && v != u"demote" && v != u"delete")
            return tr("deprovision_action is deactivate, demote or delete.");
        return QString();
    }
    if (key == u"reassign_user")
        return value.isDouble() && value.toDouble() >= 0 && value.toDouble() == double(value.toInteger())
                   ? QString()
                   : tr("reassign_user is a user id (0 for none).");
    if (key == u"allow_password_fallback" || key == u"audit_logging_enabled" || key == u"entitlement_gate_enabled"
        || key == u"enable_activity_log")
        return value.isBool() ? QString() : tr("%1 is on or off.").arg(key);
    return tr("“%1” is not a setting of the companion.").arg(key);
}

} // namespace workos

#include "auth/OneTimeCodes.h"

#include "Emulator.h"
#include "events/EventBus.h"
#include "model/Ids.h"

#include <QRandomGenerator>

namespace emu::codes {

namespace {

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QString sixDigits()
{
    return QStringLiteral("%1").arg(QRandomGenerator::system()->bounded(1000000), 6, 10, QLatin1Char('0'));
}

// The fields every one-time record shares.
QJsonObject record(Emulator &emu, const char *object, const QJsonObject &user, int lifetimeSeconds)
{
    const QDateTime now = emu.clock().now();
    return QJsonObject{{QStringLiteral("object"), QLatin1String(object)},
                       {QStringLiteral("id"), newId(QLatin1String(object))},
                       {QStringLiteral("user_id"), user.value(QLatin1String("id"))},
                       {QStringLiteral("email"), user.value(QLatin1String("email"))},
                       {QStringLiteral("expires_at"), Clock::iso(now.addSecs(lifetimeSeconds))},
                       {QStringLiteral("created_at"), Clock::iso(now)},
                       {QStringLiteral("updated_at"), Clock::iso(now)}};
}

} // namespace

QJsonObject publicView(const QJsonObject &record)
{
    QJsonObject out = record;
    for (const QString &key : record.keys()) {
        if (key.startsWith(QLatin1Char('_')))
            out.remove(key);
    }
    return out;
}

QJsonObject eventView(const QJsonObject &record)
{
    QJsonObject out = publicView(record);
    for (const char *secret : {"code", "password_reset_token", "password_reset_url"})
        out.remove(QLatin1String(secret));
    return out;
}

QJsonObject createEmailVerification(Emulator &emu, const QJsonObject &user)
{
    QJsonObject r = record(emu, "email_verification", user, kEmailVerificationSeconds);
    r.insert(QStringLiteral("code"), sixDigits());
    emu.store().emailVerifications.insert(r);
    emu.events().emitEvent(QStringLiteral("email_verification.created"), eventView(r));
    return publicView(r);
}

QJsonObject createPasswordReset(Emulator &emu, const QJsonObject &user, const QString &urlBase)
{
    QJsonObject r = record(emu, "password_reset", user, kPasswordResetSeconds);
    r.remove(QStringLiteral("updated_at")); // PasswordReset has no updated_at (workos-api.md §2.8)
    const QString token = newToken(25);
    const QString base = urlBase.isEmpty() ? emu.baseUrl() + QStringLiteral("/reset-password") : urlBase;
    r.insert(QStringLiteral("password_reset_token"), token);
    r.insert(QStringLiteral("password_reset_url"),
             QString(base + (base.contains(QLatin1Char('?')) ? QLatin1Char('&') : QLatin1Char('?')) + QStringLiteral("token=") + token));
    emu.store().passwordResets.insert(r);
    emu.events().emitEvent(QStringLiteral("password_reset.created"), eventView(r));
    return publicView(r);
}

QJsonObject createMagicAuth(Emulator &emu, const QJsonObject &user)
{
    QJsonObject r = record(emu, "magic_auth", user, kMagicAuthSeconds);
    r.insert(QStringLiteral("code"), sixDigits());
    emu.store().magicAuths.insert(r);
    emu.events().emitEvent(QStringLiteral("magic_auth.created"), eventView(r));
    return publicView(r);
}

Lookup find(Emulator &emu, const Collection &collection, const std::function<bool(const QJsonObject &)> &match)
{
    const QList<QJsonObject> matches = collection.select(match);
    if (matches.isEmpty())
        return {};
    const QJsonObject newest = matches.last();
    if (newest.contains(QLatin1String("_consumed_at")))
        return {Check::Used, newest};
    if (QDateTime::fromString(str(newest, "expires_at"), Qt::ISODateWithMs) <= emu.clock().now())
        return {Check::Expired, newest};
    return {Check::Ok, newest};
}

void consume(Emulator &emu, Collection &collection, QJsonObject record)
{
    record.insert(QStringLiteral("_consumed_at"), emu.clock().iso());
    collection.update(record);
}

QJsonObject markEmailVerified(Emulator &emu, const QString &userId)
{
    QJsonObject user = emu.store().users.get(userId);
    if (user.isEmpty() || user.value(QLatin1String("email_verified")).toBool())
        return user;
    user.insert(QStringLiteral("email_verified"), true);
    user.insert(QStringLiteral("updated_at"), emu.clock().iso());
    emu.store().users.update(user);
    // user.updated for the flip is UNCONFIRMED in production (workos-api.md §10.5); webhook
    // consumers that mirror users need it, so the emulator sends it.
    emu.events().emitEvent(QStringLiteral("user.updated"), user);
    return user;
}

} // namespace emu::codes

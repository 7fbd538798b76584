#pragma once

#include <QJsonObject>
#include <QString>

#include <functional>

namespace emu {

class Collection;
class Emulator;

// Email verification codes, password reset tokens and magic auth codes (workos-api.md §2.8,
// §3.5-3.7). Records are stored with their secret and an internal "_consumed_at" (keys starting
// with '_' never leave the emulator).
namespace codes {

// Lifetimes (UNCONFIRMED in production except magic auth; EMU's defaults).
constexpr int kEmailVerificationSeconds = 10 * 60;
constexpr int kPasswordResetSeconds = 60 * 60;
constexpr int kMagicAuthSeconds = 10 * 60;

// What the API returns (with the secret) and what events carry (without it).
QJsonObject publicView(const QJsonObject &record);
QJsonObject eventView(const QJsonObject &record);

// Each stores a new record and emits its *.created event; returns the public view.
QJsonObject createEmailVerification(Emulator &emu, const QJsonObject &user);
// `urlBase` receives "?token=..." (or "&token=..."); empty: "<base URL>/reset-password".
QJsonObject createPasswordReset(Emulator &emu, const QJsonObject &user, const QString &urlBase = {});
QJsonObject createMagicAuth(Emulator &emu, const QJsonObject &user);

enum class Check { Ok, Unknown, Expired, Used };

struct Lookup
{
    Check check = Check::Unknown;
    QJsonObject record;
};

// The newest record that `match`es, and whether it can still be used.
Lookup find(Emulator &emu, const Collection &collection, const std::function<bool(const QJsonObject &)> &match);
void consume(Emulator &emu, Collection &collection, QJsonObject record);

// Sets email_verified (emitting user.updated when it changes); returns the user.
QJsonObject markEmailVerified(Emulator &emu, const QString &userId);

} // namespace codes
} // namespace emu

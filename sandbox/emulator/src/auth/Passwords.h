#pragma once

#include <QByteArray>
#include <QString>

namespace emu::passwords {

// "pbkdf2_sha256$<iterations>$<salt b64>$<hash b64>" (OpenSSL PKCS5_PBKDF2_HMAC).
QByteArray hash(const QString &password, int iterations = 10000);
bool verify(const QString &password, const QByteArray &record);
// WorkOS's password strength rule as the emulator applies it: at least 8 characters.
QString weakness(const QString &password); // "" when acceptable

} // namespace emu::passwords

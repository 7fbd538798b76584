#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <memory>

namespace emu {

class Clock;

// The environment's RS256 signing keys. One key signs; after a rotation the previous key stays
// published in the JWKS for the grace period, so tokens it signed still verify.
class Keys
{
public:
    Keys(Clock &clock, int graceSeconds);
    ~Keys();

    // Loads the signing key from a PEM file, creating it (RSA-2048) when missing, so the kid
    // survives restarts. An empty path keeps a fresh in-memory key. Returns "" or an error.
    QString load(const QString &pemPath);
    QString currentKid() const;
    void rotate();

    // {"keys":[{alg,kty,use,kid,n,e,x5c,x5t#S256}, ...]}
    QJsonObject jwks() const;
    // A compact JWS (RS256) of `claims`; `kid` empty = the current key's.
    QByteArray sign(const QJsonObject &claims, const QString &kid = {}) const;
    // A token signed by a key that is not in the JWKS (for tests of unknown kid handling).
    QByteArray signWithForeignKey(const QJsonObject &claims) const;

    struct Key;

private:
    Clock &m_clock;
    int m_graceSeconds;
    // first = current; mutable: without a key file the key is generated on first use (RSA key
    // generation costs ~150 ms, and most in-process emulators of the test suites never sign).
    mutable QList<std::shared_ptr<Key>> m_keys;
    std::shared_ptr<Key> m_foreign;
};

} // namespace emu

#include "auth/Passwords.h"

#include <QList>
#include <QRandomGenerator>

#include <openssl/crypto.h>
#include <openssl/evp.h>

namespace emu::passwords {

namespace {
QByteArray derive(const QString &password, const QByteArray &salt, int iterations)
{
    const QByteArray pw = password.toUtf8();
    QByteArray out(32, '\0');
    PKCS5_PBKDF2_HMAC(pw.constData(), static_cast<int>(pw.size()), reinterpret_cast<const unsigned char *>(salt.constData()),
                      static_cast<int>(salt.size()), iterations, EVP_sha256(), static_cast<int>(out.size()),
                      reinterpret_cast<unsigned char *>(out.data()));
    return out;
}
} // namespace

QByteArray hash(const QString &password, int iterations)
{
    QByteArray salt(16, '\0');
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(salt.data()), 4);
    return QByteArray("pbkdf2_sha256$")
        .append(QByteArray::number(iterations))
        .append('$')
        .append(salt.toBase64())
        .append('$')
        .append(derive(password, salt, iterations).toBase64());
}

bool verify(const QString &password, const QByteArray &record)
{
    const QList<QByteArray> parts = record.split('$');
    if (parts.size() != 4 || parts.at(0) != "pbkdf2_sha256")
        return false;
    const int iterations = parts.at(1).toInt();
    const QByteArray expected = QByteArray::fromBase64(parts.at(3));
    const QByteArray actual = derive(password, QByteArray::fromBase64(parts.at(2)), iterations);
    return iterations > 0 && expected.size() == actual.size()
        && CRYPTO_memcmp(expected.constData(), actual.constData(), static_cast<size_t>(actual.size())) == 0;
}

QString weakness(const QString &password)
{
    if (password.size() < 8)
        return QStringLiteral("Password must be at least 8 characters long.");
    return {};
}

} // namespace emu::passwords

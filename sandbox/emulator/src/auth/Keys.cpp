#include "auth/Keys.h"

#include "model/Clock.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <mutex>

namespace emu {

namespace {

struct PkeyFree
{
    void operator()(EVP_PKEY *k) const { EVP_PKEY_free(k); }
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyFree>;

const QByteArray::Base64Options kBase64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

QByteArray bioContents(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return QByteArray(data, static_cast<qsizetype>(size));
}

// DER of the SubjectPublicKeyInfo: the stable fingerprint the kid is derived from.
QByteArray publicKeyDer(EVP_PKEY *key)
{
    unsigned char *der = nullptr;
    const int size = i2d_PUBKEY(key, &der);
    if (size <= 0)
        return {};
    QByteArray out(reinterpret_cast<const char *>(der), size);
    OPENSSL_free(der);
    return out;
}

// The kid is derived from the public key instead of stored beside it: the same PEM gives the same
// kid on every start and no sidecar file can get out of step with the key. Production kids look
// like "sso_oidc_key_pair_<ULID>", so the first 128 bits of SHA-256(SPKI DER) are written in the
// 26-character Crockford base32 form of a ULID.
QString kidFor(EVP_PKEY *key)
{
    static const char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    const QByteArray digest = QCryptographicHash::hash(publicKeyDer(key), QCryptographicHash::Sha256);
    quint64 high = 0;
    quint64 low = 0;
    for (int i = 0; i < 8; ++i) {
        high = (high << 8) | static_cast<quint8>(digest.at(i));
        low = (low << 8) | static_cast<quint8>(digest.at(8 + i));
    }
    char out[26];
    for (int i = 25; i >= 0; --i) { // 130 bits of room for 128: the first character is 0..7
        out[i] = alphabet[low & 31];
        low = (low >> 5) | ((high & 31) << 59);
        high >>= 5;
    }
    return QStringLiteral("sso_oidc_key_pair_") + QString::fromLatin1(out, 26);
}

QByteArray bignumParam(EVP_PKEY *key, const char *name)
{
    BIGNUM *bn = nullptr;
    if (EVP_PKEY_get_bn_param(key, name, &bn) != 1)
        return {};
    QByteArray out(BN_num_bytes(bn), '\0');
    BN_bn2bin(bn, reinterpret_cast<unsigned char *>(out.data()));
    BN_free(bn);
    return out;
}

// A self-signed certificate for x5c. Serial and validity are fixed functions of the key and
// RSASSA-PKCS1-v1_5 is deterministic, so the same key always yields the same certificate and
// x5c / x5t#S256 stay stable across restarts too.
QByteArray selfSignedCertificateDer(EVP_PKEY *key, const QString &kid)
{
    X509 *cert = X509_new();
    if (!cert)
        return {};
    QByteArray der;
    const QByteArray digest = QCryptographicHash::hash(publicKeyDer(key), QCryptographicHash::Sha256);
    BIGNUM *serial = BN_bin2bn(reinterpret_cast<const unsigned char *>(digest.constData()), 8, nullptr);
    X509_NAME *name = X509_NAME_new();
    const QByteArray cn = kid.toLatin1();
    bool ok = serial && name && X509_set_version(cert, 2) == 1
        && BN_to_ASN1_INTEGER(serial, X509_get_serialNumber(cert)) != nullptr
        && ASN1_TIME_set_string_X509(X509_getm_notBefore(cert), "20250101000000Z") == 1
        && ASN1_TIME_set_string_X509(X509_getm_notAfter(cert), "20491231235959Z") == 1
        && X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC, reinterpret_cast<const unsigned char *>("WorkOS Emulator"), -1, -1, 0) == 1
        && X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char *>(cn.constData()), -1, -1, 0) == 1
        && X509_set_subject_name(cert, name) == 1 && X509_set_issuer_name(cert, name) == 1
        && X509_set_pubkey(cert, key) == 1 && X509_sign(cert, key, EVP_sha256()) > 0;
    if (ok) {
        unsigned char *buffer = nullptr;
        const int size = i2d_X509(cert, &buffer);
        ok = size > 0;
        if (ok) {
            der = QByteArray(reinterpret_cast<const char *>(buffer), size);
            OPENSSL_free(buffer);
        }
    }
    X509_NAME_free(name);
    BN_free(serial);
    X509_free(cert);
    return der;
}

QByteArray rs256(EVP_PKEY *key, const QByteArray &input)
{
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    QByteArray signature;
    size_t size = 0;
    if (ctx && EVP_DigestSignInit(ctx, nullptr, EVP_sha256(), nullptr, key) == 1
        && EVP_DigestSign(ctx, nullptr, &size, reinterpret_cast<const unsigned char *>(input.constData()),
                          static_cast<size_t>(input.size())) == 1) {
        signature.resize(static_cast<qsizetype>(size));
        if (EVP_DigestSign(ctx, reinterpret_cast<unsigned char *>(signature.data()), &size,
                           reinterpret_cast<const unsigned char *>(input.constData()), static_cast<size_t>(input.size())) == 1)
            signature.resize(static_cast<qsizetype>(size));
        else
            signature.clear();
    }
    EVP_MD_CTX_free(ctx);
    return signature;
}

QByteArray compactJws(EVP_PKEY *key, const QString &kid, const QJsonObject &claims)
{
    const QJsonObject header{{QStringLiteral("alg"), QStringLiteral("RS256")},
                             {QStringLiteral("typ"), QStringLiteral("JWT")},
                             {QStringLiteral("kid"), kid}};
    const QByteArray input = QJsonDocument(header).toJson(QJsonDocument::Compact).toBase64(kBase64Url) + '.'
        + QJsonDocument(claims).toJson(QJsonDocument::Compact).toBase64(kBase64Url);
    return input + '.' + rs256(key, input).toBase64(kBase64Url);
}

PkeyPtr generateKey()
{
    return PkeyPtr(EVP_RSA_gen(2048));
}

QString sslError(const QString &what)
{
    return QStringLiteral("%1 (OpenSSL error %2)").arg(what).arg(ERR_get_error());
}

} // namespace

struct Keys::Key
{
    PkeyPtr pkey;
    QString kid;
    QJsonObject jwk;
    QDateTime retiredAt; // invalid while this key signs

    static std::shared_ptr<Key> from(PkeyPtr pkey)
    {
        auto key = std::make_shared<Key>();
        key->kid = kidFor(pkey.get());
        const QByteArray cert = selfSignedCertificateDer(pkey.get(), key->kid);
        key->jwk = QJsonObject{
            {QStringLiteral("alg"), QStringLiteral("RS256")},
            {QStringLiteral("kty"), QStringLiteral("RSA")},
            {QStringLiteral("use"), QStringLiteral("sig")},
            {QStringLiteral("kid"), key->kid},
            {QStringLiteral("n"), QString::fromLatin1(bignumParam(pkey.get(), OSSL_PKEY_PARAM_RSA_N).toBase64(kBase64Url))},
            {QStringLiteral("e"), QString::fromLatin1(bignumParam(pkey.get(), OSSL_PKEY_PARAM_RSA_E).toBase64(kBase64Url))},
            {QStringLiteral("x5c"), QJsonArray{QString::fromLatin1(cert.toBase64())}},
            {QStringLiteral("x5t#S256"),
             QString::fromLatin1(QCryptographicHash::hash(cert, QCryptographicHash::Sha256).toBase64(kBase64Url))}};
        key->pkey = std::move(pkey);
        return key;
    }
};

namespace {

// One foreign key per process is enough: it only has to be absent from every JWKS, and RSA key
// generation is too slow to repeat for each emulator a test suite starts.
std::shared_ptr<Keys::Key> foreignKey()
{
    static std::once_flag once;
    static std::shared_ptr<Keys::Key> key;
    std::call_once(once, [] { key = Keys::Key::from(generateKey()); });
    return key;
}

// Without a key file the signing key is made when first needed.
void ensureKey(QList<std::shared_ptr<Keys::Key>> &keys)
{
    if (keys.isEmpty())
        keys.append(Keys::Key::from(generateKey()));
}

} // namespace

Keys::Keys(Clock &clock, int graceSeconds) : m_clock(clock), m_graceSeconds(graceSeconds) {}

Keys::~Keys() = default;

QString Keys::load(const QString &pemPath)
{
    // Whatever happens below, the emulator keeps a key to sign with: when none is loaded here, a
    // fresh one is made on first use.
    m_keys.clear();
    if (pemPath.isEmpty())
        return {};

    QFile file(pemPath);
    if (file.exists()) {
        if (!file.open(QIODevice::ReadOnly))
            return QStringLiteral("cannot read the signing key %1: %2").arg(pemPath, file.errorString());
        const QByteArray pem = file.readAll();
        BIO *bio = BIO_new_mem_buf(pem.constData(), static_cast<int>(pem.size()));
        PkeyPtr pkey(PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr));
        BIO_free(bio);
        if (!pkey || !EVP_PKEY_is_a(pkey.get(), "RSA") || EVP_PKEY_get_bits(pkey.get()) < 2048)
            return sslError(QStringLiteral("%1 does not hold an RSA private key of at least 2048 bits").arg(pemPath));
        m_keys = {Key::from(std::move(pkey))};
        return {};
    }

    PkeyPtr pkey = generateKey();
    if (!pkey)
        return sslError(QStringLiteral("cannot generate an RSA key"));
    BIO *bio = BIO_new(BIO_s_mem());
    const bool written = PEM_write_bio_PrivateKey(bio, pkey.get(), nullptr, nullptr, 0, nullptr, nullptr) == 1;
    const QByteArray pem = bioContents(bio);
    BIO_free(bio);
    m_keys = {Key::from(std::move(pkey))};
    QDir().mkpath(QFileInfo(pemPath).absolutePath());
    // Created 0600 from the start: the private key is never readable by others, not even briefly.
    if (!written || !file.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner)
        || file.write(pem) != pem.size())
        return QStringLiteral("cannot write the signing key %1: %2 (using it in memory only)").arg(pemPath, file.errorString());
    return {};
}

QString Keys::currentKid() const
{
    ensureKey(m_keys);
    return m_keys.first()->kid;
}

// In memory only: the PEM file keeps the pinned key, so a restart returns to it. Rotation is a
// test of the clients' JWKS refetch, not a change of the environment.
void Keys::rotate()
{
    ensureKey(m_keys);
    m_keys.first()->retiredAt = m_clock.now();
    m_keys.prepend(Key::from(generateKey()));
    // Forget keys whose grace period is over; they are no longer published.
    const QDateTime now = m_clock.now();
    m_keys.removeIf([&](const std::shared_ptr<Key> &k) {
        return k->retiredAt.isValid() && k->retiredAt.addSecs(m_graceSeconds) <= now;
    });
}

QJsonObject Keys::jwks() const
{
    ensureKey(m_keys);
    const QDateTime now = m_clock.now();
    QJsonArray keys;
    for (const auto &k : m_keys) {
        if (!k->retiredAt.isValid() || k->retiredAt.addSecs(m_graceSeconds) > now)
            keys.append(k->jwk);
    }
    return QJsonObject{{QStringLiteral("keys"), keys}};
}

QByteArray Keys::sign(const QJsonObject &claims, const QString &kid) const
{
    ensureKey(m_keys);
    for (const auto &k : m_keys) {
        if (kid.isEmpty() || k->kid == kid)
            return compactJws(k->pkey.get(), k->kid, claims);
    }
    return {};
}

QByteArray Keys::signWithForeignKey(const QJsonObject &claims) const
{
    const std::shared_ptr<Key> key = m_foreign ? m_foreign : foreignKey();
    return compactJws(key->pkey.get(), key->kid, claims);
}

} // namespace emu

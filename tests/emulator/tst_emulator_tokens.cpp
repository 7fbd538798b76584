// Access tokens and JWKS of the emulator (workos-api.md §9): structure, RS256 signatures checked
// with OpenSSL against the published n/e, claims, expiry, key rotation, the pinned key file and
// the special tokens of the control API.
#include "AuthHarness.h"

#include "auth/Keys.h"
#include "model/Clock.h"

#include <QCryptographicHash>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/x509.h>

namespace {

QByteArray fromBase64Url(const QString &s)
{
    return QByteArray::fromBase64(s.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

// The RSA public key of a JWK, built from n and e only (what our clients do).
EVP_PKEY *publicKeyOf(const QJsonObject &jwk)
{
    const QByteArray n = fromBase64Url(jwk.value(QLatin1String("n")).toString());
    const QByteArray e = fromBase64Url(jwk.value(QLatin1String("e")).toString());
    BIGNUM *bn = BN_bin2bn(reinterpret_cast<const unsigned char *>(n.constData()), static_cast<int>(n.size()), nullptr);
    BIGNUM *be = BN_bin2bn(reinterpret_cast<const unsigned char *>(e.constData()), static_cast<int>(e.size()), nullptr);
    OSSL_PARAM_BLD *builder = OSSL_PARAM_BLD_new();
    OSSL_PARAM_BLD_push_BN(builder, OSSL_PKEY_PARAM_RSA_N, bn);
    OSSL_PARAM_BLD_push_BN(builder, OSSL_PKEY_PARAM_RSA_E, be);
    OSSL_PARAM *params = OSSL_PARAM_BLD_to_param(builder);
    EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr);
    EVP_PKEY *key = nullptr;
    if (EVP_PKEY_fromdata_init(ctx) != 1 || EVP_PKEY_fromdata(ctx, &key, EVP_PKEY_PUBLIC_KEY, params) != 1)
        key = nullptr;
    EVP_PKEY_CTX_free(ctx);
    OSSL_PARAM_free(params);
    OSSL_PARAM_BLD_free(builder);
    BN_free(bn);
    BN_free(be);
    return key;
}

bool rs256Verifies(EVP_PKEY *key, const QByteArray &input, const QByteArray &signature)
{
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    const bool ok = EVP_DigestVerifyInit(ctx, nullptr, EVP_sha256(), nullptr, key) == 1
        && EVP_DigestVerify(ctx, reinterpret_cast<const unsigned char *>(signature.constData()), static_cast<size_t>(signature.size()),
                            reinterpret_cast<const unsigned char *>(input.constData()), static_cast<size_t>(input.size())) == 1;
    EVP_MD_CTX_free(ctx);
    return ok;
}

enum class Verdict { Valid, NoSuchKid, BadAlgorithm, BadSignature, Malformed };

// The verification recipe of workos-api.md §9.2 (without the exp and iss checks, which the tests
// make themselves): pick the key by kid, require RS256, verify the signature.
Verdict verify(const QByteArray &token, const QJsonObject &jwks)
{
    const QList<QByteArray> parts = token.split('.');
    if (parts.size() != 3)
        return Verdict::Malformed;
    const QJsonObject header = AuthHarness::jwtPart(token, 0);
    if (header.value(QLatin1String("alg")).toString() != u"RS256")
        return Verdict::BadAlgorithm;
    for (const QJsonValue &k : jwks.value(QLatin1String("keys")).toArray()) {
        if (k.toObject().value(QLatin1String("kid")) != header.value(QLatin1String("kid")))
            continue;
        EVP_PKEY *key = publicKeyOf(k.toObject());
        const bool ok = key && rs256Verifies(key, parts.at(0) + '.' + parts.at(1), fromBase64Url(QString::fromLatin1(parts.at(2))));
        EVP_PKEY_free(key);
        return ok ? Verdict::Valid : Verdict::BadSignature;
    }
    return Verdict::NoSuchKid;
}

QStringList kids(const QJsonObject &jwks)
{
    QStringList out;
    for (const QJsonValue &k : jwks.value(QLatin1String("keys")).toArray())
        out.append(k.toObject().value(QLatin1String("kid")).toString());
    return out;
}

} // namespace

class TestEmulatorTokens : public QObject
{
    Q_OBJECT

private:
    QJsonObject jwks(AuthHarness &h) { return h.get(QStringLiteral("/sso/jwks/") + AuthHarness::ClientId).json; }
    QByteArray loginToken(AuthHarness &h, const QString &email = QStringLiteral("ada@acme.test"))
    {
        return h.passwordGrant(email).json.value(QLatin1String("access_token")).toString().toLatin1();
    }
    QByteArray controlToken(AuthHarness &h, const QString &kind, const QString &organization = {})
    {
        QJsonObject body{{QStringLiteral("kind"), kind}, {QStringLiteral("user_id"), h.userId(QStringLiteral("ada@acme.test"))}};
        if (!organization.isEmpty())
            body.insert(QStringLiteral("organization_id"), organization);
        const HttpAnswer a = h.postJson(QStringLiteral("/_emulator/tokens"), body, false);
        return a.json.value(QLatin1String("access_token")).toString().toLatin1();
    }

private slots:
    void jwksHasEveryRequiredField()
    {
        AuthHarness h;
        const HttpAnswer a = h.get(QStringLiteral("/sso/jwks/") + AuthHarness::ClientId);
        QCOMPARE(a.status, 200);
        const QJsonArray keys = a.json.value(QLatin1String("keys")).toArray();
        QCOMPARE(keys.size(), 1);
        const QJsonObject k = keys.first().toObject();
        QCOMPARE(k.value(QLatin1String("alg")).toString(), QStringLiteral("RS256"));
        QCOMPARE(k.value(QLatin1String("kty")).toString(), QStringLiteral("RSA"));
        QCOMPARE(k.value(QLatin1String("use")).toString(), QStringLiteral("sig"));
        QVERIFY(QRegularExpression(QStringLiteral("^sso_oidc_key_pair_[0-7][0-9A-HJKMNP-TV-Z]{25}$"))
                    .match(k.value(QLatin1String("kid")).toString())
                    .hasMatch());
        QCOMPARE(k.value(QLatin1String("e")).toString(), QStringLiteral("AQAB"));
        const QString n = k.value(QLatin1String("n")).toString();
        QVERIFY(!n.contains(QLatin1Char('=')) && !n.contains(QLatin1Char('+')) && !n.contains(QLatin1Char('/')));
        QCOMPARE(fromBase64Url(n).size(), 256); // RSA-2048
        QCOMPARE(h.emulator->keys().currentKid(), k.value(QLatin1String("kid")).toString());
    }

    void x5cIsACertificateOfTheSameKey()
    {
        AuthHarness h;
        const QJsonObject k = jwks(h).value(QLatin1String("keys")).toArray().first().toObject();
        const QByteArray der = QByteArray::fromBase64(k.value(QLatin1String("x5c")).toArray().first().toString().toLatin1());
        QVERIFY(!der.isEmpty());
        QCOMPARE(k.value(QLatin1String("x5t#S256")).toString(),
                 QString::fromLatin1(QCryptographicHash::hash(der, QCryptographicHash::Sha256)
                                         .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)));
        const unsigned char *p = reinterpret_cast<const unsigned char *>(der.constData());
        X509 *cert = d2i_X509(nullptr, &p, static_cast<long>(der.size()));
        QVERIFY(cert);
        EVP_PKEY *fromJwk = publicKeyOf(k);
        QCOMPARE(EVP_PKEY_eq(X509_get0_pubkey(cert), fromJwk), 1);
        QCOMPARE(X509_verify(cert, fromJwk), 1); // self-signed
        EVP_PKEY_free(fromJwk);
        X509_free(cert);
    }

    void jwksOfAnUnknownClientIs404()
    {
        AuthHarness h;
        const HttpAnswer a = h.get(QStringLiteral("/sso/jwks/client_someone_else"));
        QCOMPARE(a.status, 404);
        QVERIFY(a.json.value(QLatin1String("message")).isString());
    }

    void accessTokenIsRs256WithTheJwksKid()
    {
        AuthHarness h;
        const QByteArray token = loginToken(h);
        QCOMPARE(token.count('.'), 2);
        const QJsonObject header = AuthHarness::jwtPart(token, 0);
        QCOMPARE(header.value(QLatin1String("alg")).toString(), QStringLiteral("RS256"));
        QCOMPARE(header.value(QLatin1String("typ")).toString(), QStringLiteral("JWT"));
        QCOMPARE(header.value(QLatin1String("kid")).toString(), kids(jwks(h)).first());
        QCOMPARE(verify(token, jwks(h)), Verdict::Valid);
        // No base64 padding anywhere in a compact JWS.
        QVERIFY(!token.contains('='));
    }

    void claimsOfAnOrganizationScopedSession()
    {
        AuthHarness h;
        const qint64 before = h.emulator->clock().nowSeconds();
        const QJsonObject c = AuthHarness::claims(QString::fromLatin1(loginToken(h)));
        QCOMPARE(c.value(QLatin1String("iss")).toString(), h.emulator->issuer());
        QCOMPARE(c.value(QLatin1String("iss")).toString(), h.base() + QStringLiteral("/user_management/") + AuthHarness::ClientId);
        QCOMPARE(c.value(QLatin1String("sub")).toString(), h.userId(QStringLiteral("ada@acme.test")));
        const QString sid = c.value(QLatin1String("sid")).toString();
        QVERIFY(sid.startsWith(QLatin1String("session_")));
        QVERIFY(h.emulator->store().sessions.contains(sid));
        QVERIFY(QRegularExpression(QStringLiteral("^[0-9A-HJKMNP-TV-Z]{26}$")).match(c.value(QLatin1String("jti")).toString()).hasMatch());
        const qint64 iat = c.value(QLatin1String("iat")).toInteger();
        QVERIFY(iat >= before && iat <= before + 5);
        QCOMPARE(c.value(QLatin1String("exp")).toInteger() - iat, qint64(h.emulator->config().accessTokenSeconds));
        QCOMPARE(c.value(QLatin1String("org_id")).toString(), h.orgId(QStringLiteral("Acme")));
        QCOMPARE(c.value(QLatin1String("role")).toString(), QStringLiteral("admin"));
        QCOMPARE(c.value(QLatin1String("roles")).toArray(), QJsonArray{QStringLiteral("admin")});
        QCOMPARE(c.value(QLatin1String("permissions")).toArray(),
                 (QJsonArray{QStringLiteral("posts:read"), QStringLiteral("posts:write"), QStringLiteral("users:manage")}));
        QVERIFY(!c.contains(QLatin1String("aud"))); // absent by default (§9.2)
    }

    void unscopedSessionHasNoOrganizationClaims()
    {
        AuthHarness h;
        const HttpAnswer a = h.passwordGrant(QStringLiteral("solo@example.test"));
        QCOMPARE(a.status, 200);
        QVERIFY(!a.json.contains(QLatin1String("organization_id")));
        const QJsonObject c = AuthHarness::claims(a.json.value(QLatin1String("access_token")).toString());
        for (const char *claim : {"org_id", "role", "roles", "permissions"})
            QVERIFY2(!c.contains(QLatin1String(claim)), claim);
        QVERIFY(c.contains(QLatin1String("sid")));
    }

    void jtiIsUniquePerToken()
    {
        AuthHarness h;
        const QString a = AuthHarness::claims(QString::fromLatin1(loginToken(h))).value(QLatin1String("jti")).toString();
        const QString b = AuthHarness::claims(QString::fromLatin1(loginToken(h))).value(QLatin1String("jti")).toString();
        QVERIFY(a != b);
    }

    void configuredIssuerIsUsed()
    {
        emu::EmulatorConfig config = AuthHarness::defaultConfig();
        config.issuer = QStringLiteral("https://api.workos.com");
        AuthHarness h(config);
        QCOMPARE(AuthHarness::claims(QString::fromLatin1(loginToken(h))).value(QLatin1String("iss")).toString(),
                 QStringLiteral("https://api.workos.com"));
    }

    void lifetimeFollowsConfigAndClock()
    {
        emu::EmulatorConfig config = AuthHarness::defaultConfig();
        config.accessTokenSeconds = 60;
        AuthHarness h(config);
        const QJsonObject first = AuthHarness::claims(QString::fromLatin1(loginToken(h)));
        QCOMPARE(first.value(QLatin1String("exp")).toInteger() - first.value(QLatin1String("iat")).toInteger(), qint64(60));
        // Once the emulator's clock passes exp, the token is expired by its own claims.
        h.emulator->clock().advance(61 * 1000);
        QVERIFY(first.value(QLatin1String("exp")).toInteger() < h.emulator->clock().nowSeconds());
        const QJsonObject later = AuthHarness::claims(QString::fromLatin1(loginToken(h)));
        QVERIFY(later.value(QLatin1String("iat")).toInteger() >= first.value(QLatin1String("iat")).toInteger() + 61);
    }

    void rotationKeepsThePreviousKeyPublished()
    {
        AuthHarness h;
        const QByteArray oldToken = loginToken(h);
        const QString oldKid = kids(jwks(h)).first();
        const HttpAnswer rotated = h.postJson(QStringLiteral("/_emulator/keys/rotate"), {}, false);
        QCOMPARE(rotated.status, 200);
        QCOMPARE(rotated.json.value(QLatin1String("previous_kid")).toString(), oldKid);
        const QString newKid = rotated.json.value(QLatin1String("kid")).toString();
        QVERIFY(newKid != oldKid);
        QCOMPARE(kids(jwks(h)), (QStringList{newKid, oldKid}));

        const QByteArray newToken = loginToken(h);
        QCOMPARE(AuthHarness::jwtPart(newToken, 0).value(QLatin1String("kid")).toString(), newKid);
        QCOMPARE(verify(newToken, jwks(h)), Verdict::Valid);
        QCOMPARE(verify(oldToken, jwks(h)), Verdict::Valid); // still verifiable in the grace period

        // After the grace period the old key is gone and its tokens no longer find a key.
        h.emulator->clock().advance((qint64(h.emulator->config().keyRotationGraceSeconds) + 1) * 1000);
        QCOMPARE(kids(jwks(h)), QStringList{newKid});
        QCOMPARE(verify(oldToken, jwks(h)), Verdict::NoSuchKid);
    }

    void keyFileIsCreatedPrivateAndKeepsTheKid()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        emu::EmulatorConfig config = AuthHarness::defaultConfig();
        config.signingKeyFile = dir.filePath(QStringLiteral("keys/signing.pem"));
        QByteArray token;
        QJsonObject firstJwks;
        {
            AuthHarness h(config);
            QVERIFY(QFile::exists(config.signingKeyFile));
            QCOMPARE(QFile::permissions(config.signingKeyFile) & ~(QFile::ReadUser | QFile::WriteUser),
                     QFile::ReadOwner | QFile::WriteOwner);
            QVERIFY(!(QFile::permissions(config.signingKeyFile) & (QFile::ReadGroup | QFile::ReadOther)));
            token = loginToken(h);
            firstJwks = jwks(h);
        }
        AuthHarness restarted(config);
        QCOMPARE(jwks(restarted), firstJwks); // same kid, n, e, x5c and thumbprint
        QCOMPARE(verify(token, jwks(restarted)), Verdict::Valid);
    }

    void unreadableKeyFileReportsAndStillSigns()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bad.pem"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----\n");
        file.close();
        emu::Clock clock;
        emu::Keys keys(clock, 60);
        QVERIFY(!keys.load(path).isEmpty());
        QVERIFY(!keys.currentKid().isEmpty());
        QCOMPARE(verify(keys.sign(QJsonObject{{QStringLiteral("sub"), QStringLiteral("x")}}), keys.jwks()), Verdict::Valid);
    }

    void specialTokens()
    {
        AuthHarness h;
        const QJsonObject set = jwks(h);
        const QString acme = h.orgId(QStringLiteral("Acme"));

        const QByteArray valid = controlToken(h, QStringLiteral("valid"), acme);
        QCOMPARE(verify(valid, set), Verdict::Valid);
        const QJsonObject c = AuthHarness::claims(QString::fromLatin1(valid));
        QCOMPARE(c.value(QLatin1String("org_id")).toString(), acme);
        QCOMPARE(c.value(QLatin1String("role")).toString(), QStringLiteral("admin"));
        QVERIFY(h.emulator->store().sessions.contains(c.value(QLatin1String("sid")).toString()));

        const QByteArray expired = controlToken(h, QStringLiteral("expired"));
        QCOMPARE(verify(expired, set), Verdict::Valid);
        QVERIFY(AuthHarness::claims(QString::fromLatin1(expired)).value(QLatin1String("exp")).toInteger() < h.emulator->clock().nowSeconds());

        const QByteArray unknownKid = controlToken(h, QStringLiteral("unknown_kid"));
        QCOMPARE(AuthHarness::jwtPart(unknownKid, 0).value(QLatin1String("alg")).toString(), QStringLiteral("RS256"));
        QCOMPARE(verify(unknownKid, set), Verdict::NoSuchKid);

        const QByteArray tampered = controlToken(h, QStringLiteral("tampered"));
        QCOMPARE(AuthHarness::jwtPart(tampered, 0).value(QLatin1String("kid")).toString(), kids(set).first());
        QCOMPARE(verify(tampered, set), Verdict::BadSignature);

        const QByteArray wrongIssuer = controlToken(h, QStringLiteral("wrong_issuer"));
        QCOMPARE(verify(wrongIssuer, set), Verdict::Valid);
        QVERIFY(AuthHarness::claims(QString::fromLatin1(wrongIssuer)).value(QLatin1String("iss")).toString() != h.emulator->issuer());

        const QByteArray none = controlToken(h, QStringLiteral("alg_none"));
        QVERIFY(none.endsWith('.'));
        QCOMPARE(AuthHarness::jwtPart(none, 0).value(QLatin1String("alg")).toString(), QStringLiteral("none"));
        QCOMPARE(verify(none, set), Verdict::BadAlgorithm);
    }

    void foreignKeyIsNeverPublished()
    {
        AuthHarness h;
        const QByteArray token = h.emulator->keys().signWithForeignKey(QJsonObject{{QStringLiteral("sub"), QStringLiteral("x")}});
        QVERIFY(!kids(jwks(h)).contains(AuthHarness::jwtPart(token, 0).value(QLatin1String("kid")).toString()));
        h.postJson(QStringLiteral("/_emulator/keys/rotate"), {}, false);
        QVERIFY(!kids(jwks(h)).contains(AuthHarness::jwtPart(token, 0).value(QLatin1String("kid")).toString()));
    }

    void badTokenRequests_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<int>("status");
        QTest::newRow("unknown kind") << QJsonObject{{QStringLiteral("kind"), QStringLiteral("forged")}, {QStringLiteral("user_id"), QStringLiteral("@ada")}} << 422;
        QTest::newRow("no user") << QJsonObject{{QStringLiteral("kind"), QStringLiteral("valid")}} << 422;
        QTest::newRow("unknown user") << QJsonObject{{QStringLiteral("kind"), QStringLiteral("valid")}, {QStringLiteral("user_id"), QStringLiteral("user_nope")}} << 404;
        QTest::newRow("unknown organization")
            << QJsonObject{{QStringLiteral("kind"), QStringLiteral("valid")}, {QStringLiteral("user_id"), QStringLiteral("@ada")},
                           {QStringLiteral("organization_id"), QStringLiteral("org_nope")}}
            << 404;
    }

    void badTokenRequests()
    {
        QFETCH(QJsonObject, body);
        QFETCH(int, status);
        AuthHarness h;
        if (body.value(QLatin1String("user_id")).toString() == u"@ada")
            body.insert(QStringLiteral("user_id"), h.userId(QStringLiteral("ada@acme.test")));
        const qsizetype sessions = h.emulator->store().sessions.size();
        QCOMPARE(h.postJson(QStringLiteral("/_emulator/tokens"), body, false).status, status);
        QCOMPARE(h.emulator->store().sessions.size(), sessions); // nothing left behind
    }

    void controlRoutesNeedControlMode()
    {
        emu::EmulatorConfig config = AuthHarness::defaultConfig();
        config.control = false;
        AuthHarness h(config);
        const QJsonObject body{{QStringLiteral("kind"), QStringLiteral("valid")}, {QStringLiteral("user_id"), h.userId(QStringLiteral("ada@acme.test"))}};
        QCOMPARE(h.postJson(QStringLiteral("/_emulator/tokens"), body, true).status, 404);
        QCOMPARE(h.postJson(QStringLiteral("/_emulator/keys/rotate"), {}, true).status, 404);
        QCOMPARE(h.get(QStringLiteral("/_emulator/emails"), true).status, 404);
    }
};

QTEST_GUILESS_MAIN(TestEmulatorTokens)
#include "tst_emulator_tokens.moc"

// Password reset, email verification and magic auth in the emulator (workos-api.md §3.5-3.7,
// §10.4): shapes, events without secrets, one-time use, expiry, the hosted reset page and the
// outbox at /_emulator/emails.
#include "AuthHarness.h"

#include <QJsonArray>

namespace {

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

const QString kNewPassword = QStringLiteral("A-new-Password-42");

} // namespace

class TestEmulatorPasswords : public QObject
{
    Q_OBJECT

private:
    HttpAnswer createReset(AuthHarness &h, const QString &email = QStringLiteral("una@acme.test"))
    {
        return h.postJson(QStringLiteral("/user_management/password_reset"), {{QStringLiteral("email"), email}});
    }
    HttpAnswer confirm(AuthHarness &h, const QString &token, const QString &password = kNewPassword)
    {
        return h.postJson(QStringLiteral("/user_management/password_reset/confirm"),
                          {{QStringLiteral("token"), token}, {QStringLiteral("new_password"), password}});
    }
    static void verifyResetError(const HttpAnswer &a, const QString &inner)
    {
        QCOMPARE(a.status, 400);
        QCOMPARE(str(a.json, "code"), QStringLiteral("password_reset_error"));
        QVERIFY(a.json.value(QLatin1String("message")).isString());
        const QJsonArray details = a.json.value(QLatin1String("errors")).toArray();
        QCOMPARE(details.size(), 1);
        QCOMPARE(str(details.first().toObject(), "code"), inner);
        QVERIFY(details.first().toObject().value(QLatin1String("message")).isString());
    }
    // Event data never carries the secret.
    static void verifyNoSecrets(const QJsonObject &event)
    {
        const QJsonObject data = event.value(QLatin1String("data")).toObject();
        QVERIFY(!data.isEmpty());
        for (const char *secret : {"code", "password_reset_token", "password_reset_url", "_consumed_at"})
            QVERIFY2(!data.contains(QLatin1String(secret)), secret);
    }

private slots:
    // ------------------------------------------------------------------ password reset

    void createResetHasTheDocumentedShape()
    {
        AuthHarness h;
        const HttpAnswer a = createReset(h);
        QCOMPARE(a.status, 201);
        QCOMPARE(str(a.json, "object"), QStringLiteral("password_reset"));
        QVERIFY(str(a.json, "id").startsWith(QLatin1String("password_reset_")));
        QCOMPARE(str(a.json, "user_id"), h.userId(QStringLiteral("una@acme.test")));
        QCOMPARE(str(a.json, "email"), QStringLiteral("una@acme.test"));
        const QString token = str(a.json, "password_reset_token");
        QVERIFY(token.size() >= 20);
        QCOMPARE(str(a.json, "password_reset_url"), h.base() + QStringLiteral("/reset-password?token=") + token);
        const QDateTime created = QDateTime::fromString(str(a.json, "created_at"), Qt::ISODateWithMs);
        const QDateTime expires = QDateTime::fromString(str(a.json, "expires_at"), Qt::ISODateWithMs);
        QCOMPARE(created.secsTo(expires), qint64(3600));
        QVERIFY(str(a.json, "expires_at").endsWith(QLatin1Char('Z')));

        const QJsonObject event = h.lastEvent(QStringLiteral("password_reset.created"));
        verifyNoSecrets(event);
        QCOMPARE(str(event.value(QLatin1String("data")).toObject(), "id"), str(a.json, "id"));
        QCOMPARE(str(event.value(QLatin1String("data")).toObject(), "object"), QStringLiteral("password_reset"));

        const HttpAnswer got = h.get(QStringLiteral("/user_management/password_reset/") + str(a.json, "id"), true);
        QCOMPARE(got.status, 200);
        QCOMPARE(got.json, a.json);
    }

    void badResetRequests()
    {
        AuthHarness h;
        const HttpAnswer unknown = createReset(h, QStringLiteral("ghost@acme.test"));
        QCOMPARE(unknown.status, 404);
        QCOMPARE(str(unknown.json, "code"), QStringLiteral("entity_not_found"));
        QCOMPARE(h.postJson(QStringLiteral("/user_management/password_reset"), {}).status, 422);
        QCOMPARE(h.postJson(QStringLiteral("/user_management/password_reset"), {{QStringLiteral("email"), 42}}).status, 422);
        QCOMPARE(h.postJson(QStringLiteral("/user_management/password_reset"), {{QStringLiteral("email"), QStringLiteral("una@acme.test")}}, false).status, 401);
        QCOMPARE(h.send("POST", QStringLiteral("/user_management/password_reset"), "{\"email\":", "application/json", true).status, 400);
        QCOMPARE(h.get(QStringLiteral("/user_management/password_reset/password_reset_nope"), true).status, 404);
        QVERIFY(!h.eventTypes().contains(QStringLiteral("password_reset.created")));
    }

    void confirmSetsThePassword()
    {
        AuthHarness h;
        const HttpAnswer reset = createReset(h);
        const HttpAnswer a = confirm(h, str(reset.json, "password_reset_token"));
        QCOMPARE(a.status, 200);
        const QJsonObject user = a.json.value(QLatin1String("user")).toObject();
        QCOMPARE(str(user, "email"), QStringLiteral("una@acme.test"));
        QVERIFY(user.value(QLatin1String("email_verified")).toBool()); // the link proved the address
        QCOMPARE(h.passwordGrant(QStringLiteral("una@acme.test"), kNewPassword).status, 200);
        QCOMPARE(h.passwordGrant(QStringLiteral("una@acme.test"), AuthHarness::Password).status, 400);

        const QJsonObject event = h.lastEvent(QStringLiteral("password_reset.succeeded"));
        verifyNoSecrets(event);
        QCOMPARE(str(event.value(QLatin1String("data")).toObject(), "id"), str(reset.json, "id"));
        QVERIFY(h.eventTypes().contains(QStringLiteral("user.updated"))); // email_verified flipped
    }

    void tokenWorksOnce()
    {
        AuthHarness h;
        const QString token = str(createReset(h).json, "password_reset_token");
        QCOMPARE(confirm(h, token).status, 200);
        verifyResetError(confirm(h, token, QStringLiteral("Yet-another-password-1")), QStringLiteral("password_reset_token_used"));
        QCOMPARE(h.passwordGrant(QStringLiteral("una@acme.test"), kNewPassword).status, 200);
        QCOMPARE(h.eventTypes().count(QStringLiteral("password_reset.succeeded")), 1);
    }

    void weakPasswordKeepsTheTokenUsable()
    {
        AuthHarness h;
        const QString token = str(createReset(h).json, "password_reset_token");
        verifyResetError(confirm(h, token, QStringLiteral("short")), QStringLiteral("password_too_short"));
        QCOMPARE(h.passwordGrant(QStringLiteral("una@acme.test"), AuthHarness::Password).status, 200); // unchanged
        QCOMPARE(confirm(h, token).status, 200);
    }

    void tokenExpiresAfterAnHour()
    {
        AuthHarness h;
        const QString token = str(createReset(h).json, "password_reset_token");
        h.emulator->clock().advance(3601 * 1000);
        verifyResetError(confirm(h, token), QStringLiteral("password_reset_token_expired"));
        QVERIFY(!h.eventTypes().contains(QStringLiteral("password_reset.succeeded")));
    }

    void badConfirmRequests()
    {
        AuthHarness h;
        verifyResetError(confirm(h, QStringLiteral("not-a-token")), QStringLiteral("password_reset_token_invalid"));
        QCOMPARE(h.postJson(QStringLiteral("/user_management/password_reset/confirm"), {{QStringLiteral("new_password"), kNewPassword}}).status, 422);
        QCOMPARE(h.postJson(QStringLiteral("/user_management/password_reset/confirm"), {{QStringLiteral("token"), QStringLiteral("x")}}).status, 422);
        QCOMPARE(h.postJson(QStringLiteral("/user_management/password_reset/confirm"),
                            {{QStringLiteral("token"), QStringLiteral("x")}, {QStringLiteral("new_password"), kNewPassword}}, false)
                     .status,
                 401);
    }

    void legacySendAnswersTheSameForEveryone()
    {
        AuthHarness h;
        const HttpAnswer known = h.postJson(QStringLiteral("/user_management/password_reset/send"),
                                            {{QStringLiteral("email"), QStringLiteral("una@acme.test")},
                                             {QStringLiteral("password_reset_url"), QStringLiteral("https://site.example.test/reset?lang=en")}});
        const HttpAnswer unknown = h.postJson(QStringLiteral("/user_management/password_reset/send"),
                                              {{QStringLiteral("email"), QStringLiteral("ghost@acme.test")},
                                               {QStringLiteral("password_reset_url"), QStringLiteral("https://site.example.test/reset")}});
        QCOMPARE(known.status, 200);
        QCOMPARE(unknown.status, 200);
        QCOMPARE(known.body, unknown.body);
        QCOMPARE(known.json, QJsonObject());

        const QJsonObject mail = h.lastEmail(QStringLiteral("password_reset"), QStringLiteral("una@acme.test"));
        QCOMPARE(str(mail, "url"), QStringLiteral("https://site.example.test/reset?lang=en&token=") + str(mail, "token"));
        QVERIFY(h.lastEmail(QStringLiteral("password_reset"), QStringLiteral("ghost@acme.test")).isEmpty());
        QCOMPARE(confirm(h, str(mail, "token")).status, 200);
        QCOMPARE(h.postJson(QStringLiteral("/user_management/password_reset/send"), {}).status, 422);
    }

    void hostedResetPage()
    {
        AuthHarness h;
        const HttpAnswer reset = createReset(h);
        const HttpAnswer page = h.get(str(reset.json, "password_reset_url"));
        QCOMPARE(page.status, 200);
        for (const char *id : {"id=\"password\"", "id=\"submit\"", "WorkOS Emulator"})
            QVERIFY2(page.text().contains(QLatin1String(id)), id);

        const FormFields hidden = AuthHarness::hiddenFields(page.text());
        const HttpAnswer weak = h.postForm(QStringLiteral("/reset-password"), hidden + FormFields{{QStringLiteral("new_password"), QStringLiteral("short")}});
        QCOMPARE(weak.status, 200);
        QVERIFY(weak.text().contains(QLatin1String("id=\"error\"")));

        const HttpAnswer done = h.postForm(QStringLiteral("/reset-password"), hidden + FormFields{{QStringLiteral("new_password"), QStringLiteral("with space+plus")}});
        QCOMPARE(done.status, 200);
        QVERIFY(done.text().contains(QLatin1String("id=\"password-changed\"")));
        QCOMPARE(h.passwordGrant(QStringLiteral("una@acme.test"), QStringLiteral("with space+plus")).status, 200);

        const HttpAnswer reused = h.get(str(reset.json, "password_reset_url"));
        QCOMPARE(reused.status, 400);
        QVERIFY(reused.text().contains(QLatin1String("id=\"error\"")));
        QCOMPARE(h.get(QStringLiteral("/reset-password?token=%3Cscript%3E")).status, 400);
        QCOMPARE(h.get(QStringLiteral("/reset-password")).status, 400);
    }

    // ------------------------------------------------------------------ email verification

    void sendAndConfirmEmailVerification()
    {
        AuthHarness h;
        const QString una = h.userId(QStringLiteral("una@acme.test"));
        const HttpAnswer sent = h.postJson(QStringLiteral("/user_management/users/%1/email_verification/send").arg(una), {});
        QCOMPARE(sent.status, 200);
        QCOMPARE(str(sent.json.value(QLatin1String("user")).toObject(), "id"), una);

        const QJsonObject created = h.lastEvent(QStringLiteral("email_verification.created"));
        verifyNoSecrets(created);
        const QString verificationId = str(created.value(QLatin1String("data")).toObject(), "id");
        QVERIFY(verificationId.startsWith(QLatin1String("email_verification_")));
        QCOMPARE(str(created.value(QLatin1String("data")).toObject(), "user_id"), una);

        const QJsonObject mail = h.lastEmail(QStringLiteral("email_verification"), QStringLiteral("una@acme.test"));
        const QString code = str(mail, "code");
        QVERIFY(QRegularExpression(QStringLiteral("^\\d{6}$")).match(code).hasMatch());
        const HttpAnswer got = h.get(QStringLiteral("/user_management/email_verification/") + verificationId, true);
        QCOMPARE(got.status, 200);
        QCOMPARE(str(got.json, "object"), QStringLiteral("email_verification"));
        QCOMPARE(str(got.json, "code"), code);
        QCOMPARE(QDateTime::fromString(str(got.json, "created_at"), Qt::ISODateWithMs)
                     .secsTo(QDateTime::fromString(str(got.json, "expires_at"), Qt::ISODateWithMs)),
                 qint64(600));
        QVERIFY(!got.json.contains(QLatin1String("_consumed_at")));

        const HttpAnswer ok = h.postJson(QStringLiteral("/user_management/users/%1/email_verification/confirm").arg(una), {{QStringLiteral("code"), code}});
        QCOMPARE(ok.status, 200);
        QVERIFY(ok.json.value(QLatin1String("user")).toObject().value(QLatin1String("email_verified")).toBool());
        QVERIFY(h.eventTypes().contains(QStringLiteral("authentication.email_verification_succeeded")));
        QVERIFY(h.eventTypes().contains(QStringLiteral("user.updated")));
        QVERIFY(h.lastEmail(QStringLiteral("email_verification"), QStringLiteral("una@acme.test")).value(QLatin1String("used")).toBool());

        // Afterwards: the code is spent and the address is verified.
        const HttpAnswer again = h.postJson(QStringLiteral("/user_management/users/%1/email_verification/confirm").arg(una), {{QStringLiteral("code"), code}});
        QCOMPARE(again.status, 400);
        QCOMPARE(str(again.json, "code"), QStringLiteral("email_verification_code_previously_used"));
        const HttpAnswer other = h.postJson(QStringLiteral("/user_management/users/%1/email_verification/confirm").arg(una), {{QStringLiteral("code"), QStringLiteral("999999")}});
        QCOMPARE(str(other.json, "code"), QStringLiteral("email_previously_verified"));
        const HttpAnswer resend = h.postJson(QStringLiteral("/user_management/users/%1/email_verification/send").arg(una), {});
        QCOMPARE(resend.status, 400);
        QCOMPARE(str(resend.json, "code"), QStringLiteral("email_already_verified"));
    }

    void wrongAndExpiredVerificationCodes()
    {
        AuthHarness h;
        const QString una = h.userId(QStringLiteral("una@acme.test"));
        const QString path = QStringLiteral("/user_management/users/%1/email_verification/confirm").arg(una);
        h.postJson(QStringLiteral("/user_management/users/%1/email_verification/send").arg(una), {});
        const QString code = str(h.lastEmail(QStringLiteral("email_verification"), QStringLiteral("una@acme.test")), "code");
        const QString wrong = code == u"123456" ? QStringLiteral("654321") : QStringLiteral("123456");

        const HttpAnswer incorrect = h.postJson(path, {{QStringLiteral("code"), wrong}});
        QCOMPARE(incorrect.status, 400);
        QCOMPARE(str(incorrect.json, "code"), QStringLiteral("email_verification_code_incorrect"));
        const QJsonObject failed = h.lastEvent(QStringLiteral("authentication.email_verification_failed")).value(QLatin1String("data")).toObject();
        QCOMPARE(str(failed, "status"), QStringLiteral("failed"));
        QCOMPARE(str(failed.value(QLatin1String("error")).toObject(), "code"), QStringLiteral("email_verification_code_incorrect"));

        h.emulator->clock().advance(601 * 1000);
        const HttpAnswer expired = h.postJson(path, {{QStringLiteral("code"), code}});
        QCOMPARE(expired.status, 400);
        QCOMPARE(str(expired.json, "code"), QStringLiteral("email_verification_code_expired"));
        QVERIFY(!h.emulator->store().users.get(una).value(QLatin1String("email_verified")).toBool());
    }

    void badEmailVerificationRequests()
    {
        AuthHarness h;
        const QString una = h.userId(QStringLiteral("una@acme.test"));
        QCOMPARE(h.postJson(QStringLiteral("/user_management/users/user_nope/email_verification/send"), {}).status, 404);
        QCOMPARE(h.postJson(QStringLiteral("/user_management/users/user_nope/email_verification/confirm"), {{QStringLiteral("code"), QStringLiteral("123456")}}).status, 404);
        QCOMPARE(h.postJson(QStringLiteral("/user_management/users/%1/email_verification/confirm").arg(una), {}).status, 422);
        QCOMPARE(h.postJson(QStringLiteral("/user_management/users/%1/email_verification/send").arg(una), {}, false).status, 401);
        QCOMPARE(h.get(QStringLiteral("/user_management/email_verification/email_verification_nope"), true).status, 404);
        const HttpAnswer verified = h.postJson(QStringLiteral("/user_management/users/%1/email_verification/send").arg(h.userId(QStringLiteral("ada@acme.test"))), {});
        QCOMPARE(verified.status, 400);
        QCOMPARE(str(verified.json, "code"), QStringLiteral("email_already_verified"));
    }

    // ------------------------------------------------------------------ magic auth

    void magicAuthCodes()
    {
        AuthHarness h;
        const HttpAnswer a = h.postJson(QStringLiteral("/user_management/magic_auth"), {{QStringLiteral("email"), QStringLiteral("una@acme.test")}});
        QCOMPARE(a.status, 201);
        QCOMPARE(str(a.json, "object"), QStringLiteral("magic_auth"));
        QVERIFY(str(a.json, "id").startsWith(QLatin1String("magic_auth_")));
        QCOMPARE(str(a.json, "user_id"), h.userId(QStringLiteral("una@acme.test")));
        QCOMPARE(str(a.json, "code").size(), 6);
        verifyNoSecrets(h.lastEvent(QStringLiteral("magic_auth.created")));
        const HttpAnswer got = h.get(QStringLiteral("/user_management/magic_auth/") + str(a.json, "id"), true);
        QCOMPARE(got.status, 200);
        QCOMPARE(got.json, a.json);
        QCOMPARE(str(h.lastEmail(QStringLiteral("magic_auth"), QStringLiteral("una@acme.test")), "code"), str(a.json, "code"));

        // The code signs in once and proves the address.
        const QJsonObject grant{{QStringLiteral("grant_type"), QStringLiteral("urn:workos:oauth:grant-type:magic-auth:code")},
                                {QStringLiteral("email"), QStringLiteral("una@acme.test")},
                                {QStringLiteral("code"), str(a.json, "code")}};
        const HttpAnswer signedIn = h.authenticate(grant);
        QCOMPARE(signedIn.status, 200);
        QVERIFY(signedIn.json.value(QLatin1String("user")).toObject().value(QLatin1String("email_verified")).toBool());
        QCOMPARE(h.authenticate(grant).status, 400);
    }

    void magicAuthForANewAddressCreatesTheUser()
    {
        AuthHarness h;
        const HttpAnswer a = h.postJson(QStringLiteral("/user_management/magic_auth"), {{QStringLiteral("email"), QStringLiteral("fresh@example.test")}});
        QCOMPARE(a.status, 201);
        QCOMPARE(str(a.json, "user_id"), h.userId(QStringLiteral("fresh@example.test")));
        QVERIFY(h.eventTypes().contains(QStringLiteral("user.created")));
    }

    void magicAuthExpiresAndRefusesBadInput()
    {
        AuthHarness h;
        const QString code = str(h.postJson(QStringLiteral("/user_management/magic_auth"), {{QStringLiteral("email"), QStringLiteral("ada@acme.test")}}).json, "code");
        h.emulator->clock().advance(601 * 1000);
        const HttpAnswer expired = h.authenticate(QJsonObject{{QStringLiteral("grant_type"), QStringLiteral("urn:workos:oauth:grant-type:magic-auth:code")},
                                                              {QStringLiteral("email"), QStringLiteral("ada@acme.test")},
                                                              {QStringLiteral("code"), code}});
        QCOMPARE(expired.status, 400);
        QCOMPARE(str(expired.json, "code"), QStringLiteral("one_time_code_expired"));
        QVERIFY(h.eventTypes().contains(QStringLiteral("authentication.magic_auth_failed")));

        QCOMPARE(h.postJson(QStringLiteral("/user_management/magic_auth"), {}).status, 422);
        QCOMPARE(h.postJson(QStringLiteral("/user_management/magic_auth"), {{QStringLiteral("email"), QStringLiteral("not-an-email")}}).status, 400);
        QCOMPARE(h.postJson(QStringLiteral("/user_management/magic_auth"), {{QStringLiteral("email"), QStringLiteral("ada@acme.test")}}, false).status, 401);
        QCOMPARE(h.get(QStringLiteral("/user_management/magic_auth/magic_auth_nope"), true).status, 404);
        const HttpAnswer legacy = h.postJson(QStringLiteral("/user_management/magic_auth/send"), {{QStringLiteral("email"), QStringLiteral("ada@acme.test")}});
        QCOMPARE(legacy.status, 200);
        QCOMPARE(legacy.json, QJsonObject());
    }

    // ------------------------------------------------------------------ outbox

    void outboxListsEverythingInOrder()
    {
        AuthHarness h;
        createReset(h);
        h.postJson(QStringLiteral("/user_management/users/%1/email_verification/send").arg(h.userId(QStringLiteral("una@acme.test"))), {});
        h.postJson(QStringLiteral("/user_management/magic_auth"), {{QStringLiteral("email"), QStringLiteral("ada@acme.test")}});
        const QJsonArray all = h.get(QStringLiteral("/_emulator/emails")).json.value(QLatin1String("data")).toArray();
        QCOMPARE(all.size(), 3);
        QCOMPARE(str(all.at(0).toObject(), "type"), QStringLiteral("password_reset"));
        QCOMPARE(str(all.at(1).toObject(), "type"), QStringLiteral("email_verification"));
        QCOMPARE(str(all.at(2).toObject(), "type"), QStringLiteral("magic_auth"));
        QCOMPARE(str(all.at(2).toObject(), "to"), QStringLiteral("ada@acme.test"));
        const QJsonArray forUna = h.get(QStringLiteral("/_emulator/emails?email=UNA%40acme.test")).json.value(QLatin1String("data")).toArray();
        QCOMPARE(forUna.size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestEmulatorPasswords)
#include "tst_emulator_passwords.moc"

// AuthKit in the emulator (workos-api.md §3.1, §3.2, §3.8): the hosted pages and their redirects,
// POST /user_management/authenticate with every grant and error shape, refresh-token rotation,
// revoke, logout and the session list.
#include "AuthHarness.h"

#include <QCryptographicHash>
#include <QJsonArray>

namespace {

const QString kState = QStringLiteral("st a+te&x=1/é%20?#");

QString s256(const QString &verifier)
{
    return QString::fromLatin1(QCryptographicHash::hash(verifier.toUtf8(), QCryptographicHash::Sha256)
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

} // namespace

class TestEmulatorAuthKit : public QObject
{
    Q_OBJECT

private:
    // Signs in on the hosted page and returns the code from the redirect.
    QString codeFor(AuthHarness &h, const QString &email, const FormFields &extra = {})
    {
        const HttpAnswer a = h.signIn(email, AuthHarness::Password, extra);
        if (a.status != 302)
            qWarning("sign-in answered %d: %s", a.status, a.body.constData());
        return a.redirectParam(QStringLiteral("code"));
    }
    HttpAnswer refresh(AuthHarness &h, const QString &token, const QString &organization = {})
    {
        QJsonObject body{{QStringLiteral("grant_type"), QStringLiteral("refresh_token")}, {QStringLiteral("refresh_token"), token}};
        if (!organization.isNull())
            body.insert(QStringLiteral("organization_id"), organization);
        return h.authenticate(body);
    }
    static QString sid(const HttpAnswer &a) { return AuthHarness::claims(str(a.json, "access_token")).value(QLatin1String("sid")).toString(); }
    static void verifyOAuthError(const HttpAnswer &a, const QString &error)
    {
        QCOMPARE(a.status, 400);
        QCOMPARE(str(a.json, "error"), error);
        QVERIFY(a.json.value(QLatin1String("error_description")).isString());
        QVERIFY(!a.json.contains(QLatin1String("code")));
    }
    static void verifyStandardError(const HttpAnswer &a, int status, const QString &code)
    {
        QCOMPARE(a.status, status);
        QCOMPARE(str(a.json, "code"), code);
        QVERIFY(a.json.value(QLatin1String("message")).isString());
        QVERIFY(!a.json.contains(QLatin1String("error")));
    }

private slots:
    // ------------------------------------------------------------------ authorize: bad links

    void badAuthorizeParametersGetAnErrorPage_data()
    {
        QTest::addColumn<FormFields>("extra");
        QTest::newRow("no client_id") << FormFields{{QStringLiteral("client_id"), QString()}};
        QTest::newRow("unknown client_id") << FormFields{{QStringLiteral("client_id"), QStringLiteral("client_other")}};
        QTest::newRow("no redirect_uri") << FormFields{{QStringLiteral("redirect_uri"), QString()}};
        QTest::newRow("unregistered redirect_uri") << FormFields{{QStringLiteral("redirect_uri"), QStringLiteral("https://evil.example/cb")}};
        QTest::newRow("redirect_uri prefix only") << FormFields{{QStringLiteral("redirect_uri"), AuthHarness::RedirectUri + QStringLiteral("/x")}};
        QTest::newRow("no response_type") << FormFields{{QStringLiteral("response_type"), QString()}};
        QTest::newRow("response_type token") << FormFields{{QStringLiteral("response_type"), QStringLiteral("token")}};
    }

    void badAuthorizeParametersGetAnErrorPage()
    {
        QFETCH(FormFields, extra);
        AuthHarness h;
        const HttpAnswer a = h.get(h.authorizePath(extra + FormFields{{QStringLiteral("state"), kState}}));
        QCOMPARE(a.status, 400);
        QVERIFY(a.header("Content-Type").startsWith("text/html"));
        QVERIFY(a.header("Location").isEmpty());
        QVERIFY(a.text().contains(QLatin1String("WorkOS Emulator")));
        QVERIFY(a.text().contains(QLatin1String("id=\"error\"")));
        QVERIFY(!a.text().contains(QLatin1String("<form")));
    }

    void badParametersOnTheFormPostGetTheSamePage()
    {
        AuthHarness h;
        const HttpAnswer a = h.postForm(QStringLiteral("/user_management/authorize/submit"),
                                        {{QStringLiteral("step"), QStringLiteral("sign-in")},
                                         {QStringLiteral("client_id"), AuthHarness::ClientId},
                                         {QStringLiteral("redirect_uri"), QStringLiteral("https://evil.example/cb")},
                                         {QStringLiteral("response_type"), QStringLiteral("code")},
                                         {QStringLiteral("provider"), QStringLiteral("authkit")},
                                         {QStringLiteral("email"), QStringLiteral("ada@acme.test")},
                                         {QStringLiteral("password"), AuthHarness::Password}});
        QCOMPARE(a.status, 400);
        QVERIFY(a.header("Location").isEmpty());
        QVERIFY(h.emulator->store().authorizationCodes.isEmpty());
    }

    void errorsAfterAGoodRedirectGoBack_data()
    {
        QTest::addColumn<FormFields>("extra");
        QTest::addColumn<QString>("error");
        QTest::newRow("no selector") << FormFields{{QStringLiteral("provider"), QString()}} << QStringLiteral("invalid_request");
        QTest::newRow("two selectors") << FormFields{{QStringLiteral("connection_id"), QStringLiteral("conn_x")}} << QStringLiteral("invalid_request");
        QTest::newRow("oauth provider") << FormFields{{QStringLiteral("provider"), QStringLiteral("GoogleOAuth")}} << QStringLiteral("invalid_request");
        QTest::newRow("unknown organization")
            << FormFields{{QStringLiteral("provider"), QString()}, {QStringLiteral("organization_id"), QStringLiteral("org_nope")}}
            << QStringLiteral("organization_invalid");
        QTest::newRow("unknown connection")
            << FormFields{{QStringLiteral("provider"), QString()}, {QStringLiteral("connection_id"), QStringLiteral("conn_nope")}}
            << QStringLiteral("connection_invalid");
        QTest::newRow("plain PKCE") << FormFields{{QStringLiteral("code_challenge"), QStringLiteral("abc")},
                                                 {QStringLiteral("code_challenge_method"), QStringLiteral("plain")}}
                                    << QStringLiteral("invalid_request");
        QTest::newRow("PKCE without method") << FormFields{{QStringLiteral("code_challenge"), QStringLiteral("abc")}}
                                             << QStringLiteral("invalid_request");
    }

    void errorsAfterAGoodRedirectGoBack()
    {
        QFETCH(FormFields, extra);
        QFETCH(QString, error);
        AuthHarness h;
        const HttpAnswer a = h.get(h.authorizePath(extra + FormFields{{QStringLiteral("state"), kState}}));
        QCOMPARE(a.status, 302);
        QVERIFY(a.location().toString().startsWith(AuthHarness::RedirectUri + QLatin1Char('?')));
        QCOMPARE(a.redirectParam(QStringLiteral("error")), error);
        QVERIFY(!a.redirectParam(QStringLiteral("error_description")).isEmpty());
        QCOMPARE(a.redirectParam(QStringLiteral("state")), kState);
        QVERIFY(a.redirectParam(QStringLiteral("code")).isEmpty());
    }

    // ------------------------------------------------------------------ authorize: pages

    void signInPageHasTheFormAndStableIds()
    {
        AuthHarness h;
        const HttpAnswer a = h.get(h.authorizePath({{QStringLiteral("login_hint"), QStringLiteral("ada@acme.test")}}));
        QCOMPARE(a.status, 200);
        QVERIFY(a.header("Content-Type").startsWith("text/html"));
        const QString html = a.text();
        for (const char *id : {"id=\"email\"", "id=\"password\"", "id=\"submit\"", "WorkOS Emulator", "<style>",
                               "action=\"/user_management/authorize/submit\"", "method=\"post\""})
            QVERIFY2(html.contains(QLatin1String(id)), id);
        QVERIFY(html.contains(QLatin1String("value=\"ada@acme.test\""))); // login_hint pre-fills
        QVERIFY(!html.contains(QLatin1String("id=\"error\"")));
    }

    void everythingOnThePageIsEscaped()
    {
        AuthHarness h;
        const QString evil = QStringLiteral("\"><script>alert('x')</script>");
        const HttpAnswer a = h.get(h.authorizePath({{QStringLiteral("state"), evil}, {QStringLiteral("login_hint"), evil}}));
        QCOMPARE(a.status, 200);
        QVERIFY(!a.text().contains(QLatin1String("<script>")));
        QVERIFY(a.text().contains(QLatin1String("&lt;script&gt;")));
        // The escaped hidden field still carries the exact value.
        bool found = false;
        for (const auto &[k, v] : AuthHarness::hiddenFields(a.text()))
            found = found || (k == u"state" && v == evil);
        QVERIFY(found);
        const HttpAnswer redirect = h.submit(a.text(), {{QStringLiteral("email"), QStringLiteral("ada@acme.test")},
                                                        {QStringLiteral("password"), AuthHarness::Password}});
        QCOMPARE(redirect.redirectParam(QStringLiteral("state")), evil);
    }

    void signInRedirectsWithACodeAndTheUntouchedState()
    {
        AuthHarness h;
        const HttpAnswer a = h.signIn(QStringLiteral("ada@acme.test"), AuthHarness::Password, {{QStringLiteral("state"), kState}});
        QCOMPARE(a.status, 302);
        QVERIFY(a.location().toString().startsWith(AuthHarness::RedirectUri + QStringLiteral("?code=")));
        QCOMPARE(a.redirectParam(QStringLiteral("state")), kState);
        QVERIFY(a.redirectParam(QStringLiteral("code")).size() >= 20);
        QVERIFY(!a.location().hasFragment());
    }

    void stateWrittenWithPlusSignsIsDecodedLikeAForm()
    {
        AuthHarness h;
        // What URLSearchParams / http_build_query write for "a b+c".
        const HttpAnswer page = h.get(h.authorizePath() + QStringLiteral("&state=a+b%2Bc"));
        const HttpAnswer a = h.submit(page.text(), {{QStringLiteral("email"), QStringLiteral("ada@acme.test")},
                                                    {QStringLiteral("password"), AuthHarness::Password}});
        QCOMPARE(a.redirectParam(QStringLiteral("state")), QStringLiteral("a b+c"));
    }

    void noStateMeansNoStateInTheRedirect()
    {
        AuthHarness h;
        const HttpAnswer a = h.signIn(QStringLiteral("ada@acme.test"));
        QCOMPARE(a.status, 302);
        QVERIFY(!QUrlQuery(a.location()).hasQueryItem(QStringLiteral("state")));
    }

    void redirectUriWithAQueryKeepsIt()
    {
        AuthHarness h;
        const QString uri = QStringLiteral("https://app.example.test/auth/callback?tenant=1");
        const HttpAnswer a = h.signIn(QStringLiteral("ada@acme.test"), AuthHarness::Password, {{QStringLiteral("redirect_uri"), uri}});
        QCOMPARE(a.status, 302);
        QVERIFY(a.location().toString().startsWith(uri + QStringLiteral("&code=")));
        QCOMPARE(a.redirectParam(QStringLiteral("tenant")), QStringLiteral("1"));
    }

    void wrongPasswordShowsTheFormAgain_data()
    {
        QTest::addColumn<QString>("email");
        QTest::addColumn<QString>("password");
        QTest::newRow("wrong password") << QStringLiteral("ada@acme.test") << QStringLiteral("nope-nope");
        QTest::newRow("unknown email") << QStringLiteral("nobody@acme.test") << AuthHarness::Password;
        QTest::newRow("empty password") << QStringLiteral("ada@acme.test") << QString();
    }

    void wrongPasswordShowsTheFormAgain()
    {
        QFETCH(QString, email);
        QFETCH(QString, password);
        AuthHarness h;
        const HttpAnswer a = h.signIn(email, password, {{QStringLiteral("state"), kState}});
        QCOMPARE(a.status, 200);
        QVERIFY(a.header("Location").isEmpty());
        QVERIFY(a.text().contains(QLatin1String("id=\"error\"")));
        QVERIFY(a.text().contains(QStringLiteral("value=\"%1\"").arg(email)));
        QVERIFY(h.emulator->store().authorizationCodes.isEmpty());
        const QJsonObject failed = h.lastEvent(QStringLiteral("authentication.password_failed"));
        QCOMPARE(failed.value(QLatin1String("data")).toObject().value(QLatin1String("email")).toString(), email);
        QCOMPARE(failed.value(QLatin1String("data")).toObject().value(QLatin1String("status")).toString(), QStringLiteral("failed"));
        QCOMPARE(failed.value(QLatin1String("data")).toObject().value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(),
                 QStringLiteral("invalid_credentials"));
        QVERIFY(!h.eventTypes().contains(QStringLiteral("session.created")));
    }

    void unknownStepIsRefused()
    {
        AuthHarness h;
        const HttpAnswer page = h.get(h.authorizePath());
        FormFields fields = AuthHarness::hiddenFields(page.text());
        fields.removeIf([](const auto &f) { return f.first == u"step"; });
        fields.append({QStringLiteral("step"), QStringLiteral("approve-everything")});
        QCOMPARE(h.postForm(QStringLiteral("/user_management/authorize/submit"), fields).status, 400);
    }

    // ------------------------------------------------------------------ authorization_code grant

    void codeExchangeStartsASession()
    {
        AuthHarness h;
        const QString code = codeFor(h, QStringLiteral("ada@acme.test"));
        const int eventsBefore = int(h.eventTypes().size());
        const HttpAnswer a = h.exchangeCode(code);
        QCOMPARE(a.status, 200);
        QCOMPARE(str(a.json.value(QLatin1String("user")).toObject(), "email"), QStringLiteral("ada@acme.test"));
        QCOMPARE(str(a.json, "organization_id"), h.orgId(QStringLiteral("Acme")));
        QCOMPARE(str(a.json, "authentication_method"), QStringLiteral("Password"));
        QVERIFY(!str(a.json, "refresh_token").isEmpty());
        QCOMPARE(AuthHarness::claims(str(a.json, "access_token")).value(QLatin1String("org_id")).toString(), h.orgId(QStringLiteral("Acme")));
        QVERIFY(!a.json.value(QLatin1String("user")).toObject().value(QLatin1String("last_sign_in_at")).isNull());
        QCOMPARE(h.eventTypes().mid(eventsBefore),
                 (QStringList{QStringLiteral("session.created"), QStringLiteral("authentication.password_succeeded")}));
        const QJsonObject session = h.emulator->store().sessions.get(sid(a));
        QCOMPARE(str(session, "status"), QStringLiteral("active"));
        QCOMPARE(str(session, "auth_method"), QStringLiteral("password"));
        QCOMPARE(str(session, "user_id"), h.userId(QStringLiteral("ada@acme.test")));
    }

    void codeIsSingleUse()
    {
        AuthHarness h;
        const QString code = codeFor(h, QStringLiteral("ada@acme.test"));
        QCOMPARE(h.exchangeCode(code).status, 200);
        verifyOAuthError(h.exchangeCode(code), QStringLiteral("invalid_grant"));
    }

    void codeExpiresAfterTenMinutes()
    {
        AuthHarness h;
        const QString early = codeFor(h, QStringLiteral("ada@acme.test"));
        const QString late = codeFor(h, QStringLiteral("ada@acme.test"));
        h.emulator->clock().advance(9 * 60 * 1000);
        QCOMPARE(h.exchangeCode(early).status, 200);
        h.emulator->clock().advance(61 * 1000);
        verifyOAuthError(h.exchangeCode(late), QStringLiteral("invalid_grant"));
    }

    void badAuthenticateRequests_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QString>("error");
        const QString grant = QStringLiteral("grant_type");
        QTest::newRow("unknown code") << QJsonObject{{grant, QStringLiteral("authorization_code")}, {QStringLiteral("code"), QStringLiteral("nope")},
                                                     {QStringLiteral("client_id"), AuthHarness::ClientId}, {QStringLiteral("client_secret"), AuthHarness::ApiKey}}
                                      << QStringLiteral("invalid_grant");
        QTest::newRow("no code") << QJsonObject{{grant, QStringLiteral("authorization_code")},
                                                {QStringLiteral("client_id"), AuthHarness::ClientId}, {QStringLiteral("client_secret"), AuthHarness::ApiKey}}
                                 << QStringLiteral("invalid_request");
        QTest::newRow("no grant_type") << QJsonObject{{QStringLiteral("client_id"), AuthHarness::ClientId}, {QStringLiteral("client_secret"), AuthHarness::ApiKey}}
                                       << QStringLiteral("invalid_request");
        QTest::newRow("unsupported grant") << QJsonObject{{grant, QStringLiteral("client_credentials")},
                                                          {QStringLiteral("client_id"), AuthHarness::ClientId}, {QStringLiteral("client_secret"), AuthHarness::ApiKey}}
                                           << QStringLiteral("invalid_request");
        QTest::newRow("no client_id") << QJsonObject{{grant, QStringLiteral("password")}, {QStringLiteral("client_secret"), AuthHarness::ApiKey},
                                                     {QStringLiteral("email"), QStringLiteral("ada@acme.test")}, {QStringLiteral("password"), AuthHarness::Password}}
                                      << QStringLiteral("invalid_request");
        QTest::newRow("wrong client_id") << QJsonObject{{grant, QStringLiteral("password")}, {QStringLiteral("client_id"), QStringLiteral("client_x")},
                                                        {QStringLiteral("client_secret"), AuthHarness::ApiKey},
                                                        {QStringLiteral("email"), QStringLiteral("ada@acme.test")}, {QStringLiteral("password"), AuthHarness::Password}}
                                         << QStringLiteral("invalid_client");
        QTest::newRow("wrong client_secret") << QJsonObject{{grant, QStringLiteral("password")}, {QStringLiteral("client_id"), AuthHarness::ClientId},
                                                            {QStringLiteral("client_secret"), QStringLiteral("sk_test_wrong")},
                                                            {QStringLiteral("email"), QStringLiteral("ada@acme.test")}, {QStringLiteral("password"), AuthHarness::Password}}
                                             << QStringLiteral("invalid_client");
        QTest::newRow("no client_secret") << QJsonObject{{grant, QStringLiteral("password")}, {QStringLiteral("client_id"), AuthHarness::ClientId},
                                                         {QStringLiteral("email"), QStringLiteral("ada@acme.test")}, {QStringLiteral("password"), AuthHarness::Password}}
                                          << QStringLiteral("invalid_request");
        QTest::newRow("password grant without email") << QJsonObject{{grant, QStringLiteral("password")}, {QStringLiteral("client_id"), AuthHarness::ClientId},
                                                                     {QStringLiteral("client_secret"), AuthHarness::ApiKey}, {QStringLiteral("password"), AuthHarness::Password}}
                                                      << QStringLiteral("invalid_request");
        QTest::newRow("code as a number") << QJsonObject{{grant, QStringLiteral("authorization_code")}, {QStringLiteral("code"), 12345},
                                                         {QStringLiteral("client_id"), AuthHarness::ClientId}, {QStringLiteral("client_secret"), AuthHarness::ApiKey}}
                                          << QStringLiteral("invalid_request");
        QTest::newRow("unknown refresh token") << QJsonObject{{grant, QStringLiteral("refresh_token")}, {QStringLiteral("refresh_token"), QStringLiteral("nope")},
                                                              {QStringLiteral("client_id"), AuthHarness::ClientId}}
                                               << QStringLiteral("invalid_grant");
        QTest::newRow("no refresh token") << QJsonObject{{grant, QStringLiteral("refresh_token")}, {QStringLiteral("client_id"), AuthHarness::ClientId}}
                                          << QStringLiteral("invalid_request");
    }

    void badAuthenticateRequests()
    {
        QFETCH(QJsonObject, body);
        QFETCH(QString, error);
        AuthHarness h;
        verifyOAuthError(h.postJson(QStringLiteral("/user_management/authenticate"), body, false), error);
        QVERIFY(h.emulator->store().sessions.size() == 0);
    }

    void malformedAuthenticateBodyIs400()
    {
        AuthHarness h;
        const HttpAnswer a = h.send("POST", QStringLiteral("/user_management/authenticate"), "{\"grant_type\":", "application/json");
        QCOMPARE(a.status, 400);
    }

    void formEncodedAuthenticateDecodesLikeABrowser()
    {
        AuthHarness h;
        // A password with a space and a plus: sign up with it, then log in with a form body.
        const QString password = QStringLiteral("pass word+1");
        const HttpAnswer page = h.get(h.authorizePath({{QStringLiteral("screen_hint"), QStringLiteral("sign-up")}}));
        QCOMPARE(h.submit(page.text(), {{QStringLiteral("email"), QStringLiteral("plus@example.test")}, {QStringLiteral("password"), password}}).status, 302);
        const QByteArray form = "grant_type=password&client_id=" + AuthHarness::ClientId.toLatin1() + "&client_secret="
            + AuthHarness::ApiKey.toLatin1() + "&email=plus%40example.test&password=pass+word%2B1";
        const HttpAnswer a = h.send("POST", QStringLiteral("/user_management/authenticate"), form, "application/x-www-form-urlencoded");
        QCOMPARE(a.status, 200);
        QCOMPARE(str(a.json.value(QLatin1String("user")).toObject(), "email"), QStringLiteral("plus@example.test"));
    }

    void garbageNeverBreaksTheAuthEndpoints()
    {
        AuthHarness h;
        QByteArray noise(4096, '\0');
        for (qsizetype i = 0; i < noise.size(); ++i)
            noise[i] = char((i * 7919 + 13) % 256);
        QCOMPARE(h.send("POST", QStringLiteral("/user_management/authorize/submit"), noise, "application/x-www-form-urlencoded").status, 400);
        verifyOAuthError(h.send("POST", QStringLiteral("/user_management/authenticate"), noise, "application/x-www-form-urlencoded"),
                         QStringLiteral("invalid_request"));
        QCOMPARE(h.send("POST", QStringLiteral("/user_management/authenticate"), noise, "application/json").status, 400);
        QCOMPARE(h.send("POST", QStringLiteral("/user_management/authenticate"), "[1,2]", "application/json").status, 400);
        QCOMPARE(h.get(QStringLiteral("/user_management/authorize?%ZZ=%&&=&client_id")).status, 400);
        const QByteArray huge(1024 * 1024 + 1, 'a');
        QCOMPARE(h.send("POST", QStringLiteral("/user_management/authenticate"), huge, "application/x-www-form-urlencoded").status, 413);
        QCOMPARE(h.exchangeCode(codeFor(h, QStringLiteral("ada@acme.test"))).status, 200); // still answers
    }

    // ------------------------------------------------------------------ PKCE

    void pkcePublicClientNeedsNoSecret()
    {
        AuthHarness h;
        const QString verifier = QStringLiteral("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
        const QString code = codeFor(h, QStringLiteral("ada@acme.test"),
                                     {{QStringLiteral("code_challenge"), s256(verifier)}, {QStringLiteral("code_challenge_method"), QStringLiteral("S256")}});
        const HttpAnswer a = h.authenticate(QJsonObject{{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                                                        {QStringLiteral("code"), code},
                                                        {QStringLiteral("code_verifier"), verifier}},
                                            false);
        QCOMPARE(a.status, 200);
        QVERIFY(!str(a.json, "access_token").isEmpty());
    }

    void pkceRefusals()
    {
        AuthHarness h;
        const QString verifier = QStringLiteral("a-long-enough-code-verifier-of-forty-three-chars");
        const FormFields pkce{{QStringLiteral("code_challenge"), s256(verifier)}, {QStringLiteral("code_challenge_method"), QStringLiteral("S256")}};
        const QJsonObject grant{{QStringLiteral("grant_type"), QStringLiteral("authorization_code")}};

        QJsonObject wrong = grant;
        wrong.insert(QStringLiteral("code"), codeFor(h, QStringLiteral("ada@acme.test"), pkce));
        wrong.insert(QStringLiteral("code_verifier"), QStringLiteral("not-the-verifier"));
        verifyOAuthError(h.authenticate(wrong, false), QStringLiteral("invalid_grant"));
        wrong.insert(QStringLiteral("code_verifier"), verifier); // the failed try spent the code
        verifyOAuthError(h.authenticate(wrong, false), QStringLiteral("invalid_grant"));

        // A PKCE code needs its verifier even from a confidential client.
        QJsonObject noVerifier = grant;
        noVerifier.insert(QStringLiteral("code"), codeFor(h, QStringLiteral("ada@acme.test"), pkce));
        verifyOAuthError(h.authenticate(noVerifier, true), QStringLiteral("invalid_grant"));

        // A public client cannot redeem a code that had no challenge.
        QJsonObject noChallenge = grant;
        noChallenge.insert(QStringLiteral("code"), codeFor(h, QStringLiteral("ada@acme.test")));
        noChallenge.insert(QStringLiteral("code_verifier"), verifier);
        verifyStandardError(h.authenticate(noChallenge, false), 400, QStringLiteral("code_challenge_not_found"));

        // Without verifier and without secret there is no client authentication at all.
        QJsonObject anonymous = grant;
        anonymous.insert(QStringLiteral("code"), codeFor(h, QStringLiteral("ada@acme.test"), pkce));
        verifyOAuthError(h.authenticate(anonymous, false), QStringLiteral("invalid_request"));
    }

    // ------------------------------------------------------------------ organizations on the page

    void organizationPickerForSeveralMemberships()
    {
        AuthHarness h;
        const HttpAnswer picker = h.signIn(QStringLiteral("grace@acme.test"), AuthHarness::Password, {{QStringLiteral("state"), kState}});
        QCOMPARE(picker.status, 200);
        const QString acme = h.orgId(QStringLiteral("Acme"));
        const QString globex = h.orgId(QStringLiteral("Globex & <Co>"));
        QVERIFY(picker.text().contains(QStringLiteral("id=\"organization-%1\"").arg(acme)));
        QVERIFY(picker.text().contains(QStringLiteral("id=\"organization-%1\"").arg(globex)));
        QVERIFY(picker.text().contains(QLatin1String("Globex &amp; &lt;Co&gt;")));
        QVERIFY(picker.text().contains(QLatin1String("type=\"radio\"")));
        QVERIFY(picker.text().contains(QLatin1String("id=\"submit\"")));
        QVERIFY(h.emulator->store().authorizationCodes.isEmpty());

        const HttpAnswer a = h.submit(picker.text(), {{QStringLiteral("selected_organization"), globex}});
        QCOMPARE(a.status, 302);
        QCOMPARE(a.redirectParam(QStringLiteral("state")), kState);
        const HttpAnswer tokens = h.exchangeCode(a.redirectParam(QStringLiteral("code")));
        QCOMPARE(tokens.status, 200);
        QCOMPARE(str(tokens.json, "organization_id"), globex);
        QCOMPARE(AuthHarness::claims(str(tokens.json, "access_token")).value(QLatin1String("role")).toString(), QStringLiteral("member"));
    }

    void organizationPickerRefusesOtherChoices()
    {
        AuthHarness h;
        const HttpAnswer picker = h.signIn(QStringLiteral("grace@acme.test"));
        const HttpAnswer bad = h.submit(picker.text(), {{QStringLiteral("selected_organization"), QStringLiteral("org_not_mine")}});
        QCOMPARE(bad.status, 200);
        QVERIFY(bad.text().contains(QLatin1String("id=\"error\"")));
        QVERIFY(bad.header("Location").isEmpty());

        // The pending sign-in expires.
        h.emulator->clock().advance(11 * 60 * 1000);
        const HttpAnswer late = h.submit(picker.text(), {{QStringLiteral("selected_organization"), h.orgId(QStringLiteral("Acme"))}});
        QCOMPARE(late.status, 400);
        QVERIFY(late.header("Location").isEmpty());
        QVERIFY(h.emulator->store().authorizationCodes.isEmpty());
    }

    void organizationIdOnTheUrlSelectsTheOrganization()
    {
        AuthHarness h;
        const QString globex = h.orgId(QStringLiteral("Globex & <Co>"));
        const FormFields byOrg{{QStringLiteral("provider"), QString()}, {QStringLiteral("organization_id"), globex}};
        const HttpAnswer a = h.signIn(QStringLiteral("grace@acme.test"), AuthHarness::Password, byOrg);
        QCOMPARE(a.status, 302); // no picker
        QCOMPARE(str(h.exchangeCode(a.redirectParam(QStringLiteral("code"))).json, "organization_id"), globex);

        // Ada is no member of Globex: the page says so and no code is issued.
        const HttpAnswer refused = h.signIn(QStringLiteral("ada@acme.test"), AuthHarness::Password, byOrg);
        QCOMPARE(refused.status, 200);
        QVERIFY(refused.text().contains(QLatin1String("id=\"error\"")));
        QVERIFY(h.emulator->store().authorizationCodes.isEmpty());
    }

    void singleMembershipAndNoMembership()
    {
        AuthHarness h;
        QCOMPARE(str(h.exchangeCode(codeFor(h, QStringLiteral("ada@acme.test"))).json, "organization_id"), h.orgId(QStringLiteral("Acme")));
        const HttpAnswer solo = h.exchangeCode(codeFor(h, QStringLiteral("solo@example.test")));
        QCOMPARE(solo.status, 200);
        QVERIFY(!solo.json.contains(QLatin1String("organization_id")));
    }

    void ssoConnectionSignsInToItsOrganization()
    {
        AuthHarness h;
        const QString acme = h.orgId(QStringLiteral("Acme"));
        const HttpAnswer conn = h.postJson(QStringLiteral("/_emulator/connections"), {{QStringLiteral("organization_id"), acme}}, false);
        QCOMPARE(conn.status, 201);
        const FormFields bySso{{QStringLiteral("provider"), QString()}, {QStringLiteral("connection_id"), str(conn.json, "id")}};
        const HttpAnswer page = h.get(h.authorizePath(bySso));
        QVERIFY(!page.text().contains(QLatin1String("sign-up-link")));
        const HttpAnswer a = h.signIn(QStringLiteral("grace@acme.test"), AuthHarness::Password, bySso);
        QCOMPARE(a.status, 302);
        const HttpAnswer tokens = h.exchangeCode(a.redirectParam(QStringLiteral("code")));
        QCOMPARE(str(tokens.json, "organization_id"), acme);
        QCOMPARE(str(tokens.json, "authentication_method"), QStringLiteral("SSO"));
        const QJsonObject event = h.lastEvent(QStringLiteral("authentication.sso_succeeded")).value(QLatin1String("data")).toObject();
        QCOMPARE(event.value(QLatin1String("sso")).toObject().value(QLatin1String("connection_id")).toString(), str(conn.json, "id"));
        QCOMPARE(event.value(QLatin1String("sso")).toObject().value(QLatin1String("session_id")).toString(), sid(tokens));
    }

    // ------------------------------------------------------------------ sign-up

    void signUpCreatesTheUserAndSignsIn()
    {
        AuthHarness h;
        const HttpAnswer page = h.get(h.authorizePath({{QStringLiteral("screen_hint"), QStringLiteral("sign-up")},
                                                       {QStringLiteral("login_hint"), QStringLiteral("new@example.test")},
                                                       {QStringLiteral("state"), kState}}));
        QCOMPARE(page.status, 200);
        for (const char *id : {"id=\"first-name\"", "id=\"last-name\"", "id=\"email\"", "id=\"password\"", "id=\"submit\"", "WorkOS Emulator"})
            QVERIFY2(page.text().contains(QLatin1String(id)), id);
        QVERIFY(page.text().contains(QLatin1String("value=\"new@example.test\"")));

        const HttpAnswer a = h.submit(page.text(), {{QStringLiteral("first_name"), QStringLiteral("Nia")},
                                                    {QStringLiteral("last_name"), QStringLiteral("New")},
                                                    {QStringLiteral("email"), QStringLiteral("new@example.test")},
                                                    {QStringLiteral("password"), QStringLiteral("Secret-Password-1")}});
        QCOMPARE(a.status, 302);
        QCOMPARE(a.redirectParam(QStringLiteral("state")), kState);
        QVERIFY(h.eventTypes().contains(QStringLiteral("user.created")));
        const HttpAnswer tokens = h.exchangeCode(a.redirectParam(QStringLiteral("code")));
        QCOMPARE(tokens.status, 200);
        const QJsonObject user = tokens.json.value(QLatin1String("user")).toObject();
        QCOMPARE(str(user, "email"), QStringLiteral("new@example.test"));
        QCOMPARE(str(user, "first_name"), QStringLiteral("Nia"));
        QCOMPARE(str(user, "last_name"), QStringLiteral("New"));
        QVERIFY(!tokens.json.contains(QLatin1String("organization_id")));
        QCOMPARE(h.passwordGrant(QStringLiteral("new@example.test"), QStringLiteral("Secret-Password-1")).status, 200);
    }

    void signUpProblemsShowOnTheForm_data()
    {
        QTest::addColumn<QString>("email");
        QTest::addColumn<QString>("password");
        QTest::newRow("email taken") << QStringLiteral("ADA@acme.test") << QStringLiteral("Secret-Password-1");
        QTest::newRow("weak password") << QStringLiteral("weak@example.test") << QStringLiteral("short");
        QTest::newRow("no password") << QStringLiteral("nopass@example.test") << QString();
        QTest::newRow("invalid email") << QStringLiteral("not-an-email") << QStringLiteral("Secret-Password-1");
    }

    void signUpProblemsShowOnTheForm()
    {
        QFETCH(QString, email);
        QFETCH(QString, password);
        AuthHarness h;
        const qsizetype users = h.emulator->store().users.size();
        const HttpAnswer page = h.get(h.authorizePath({{QStringLiteral("screen_hint"), QStringLiteral("sign-up")}}));
        const HttpAnswer a = h.submit(page.text(), {{QStringLiteral("first_name"), QStringLiteral("<b>X</b>")},
                                                    {QStringLiteral("email"), email},
                                                    {QStringLiteral("password"), password}});
        QCOMPARE(a.status, 200);
        QVERIFY(a.text().contains(QLatin1String("id=\"error\"")));
        QVERIFY(a.text().contains(QLatin1String("id=\"first-name\"")));
        QVERIFY(!a.text().contains(QLatin1String("<b>X</b>")));
        QCOMPARE(h.emulator->store().users.size(), users);
        QVERIFY(h.emulator->store().authorizationCodes.isEmpty());
    }

    void signUpThroughAnOrganizationJoinsIt()
    {
        AuthHarness h;
        const QString acme = h.orgId(QStringLiteral("Acme"));
        const HttpAnswer page = h.get(h.authorizePath({{QStringLiteral("provider"), QString()},
                                                       {QStringLiteral("organization_id"), acme},
                                                       {QStringLiteral("screen_hint"), QStringLiteral("sign-up")}}));
        const HttpAnswer a = h.submit(page.text(), {{QStringLiteral("email"), QStringLiteral("joiner@example.test")},
                                                    {QStringLiteral("password"), QStringLiteral("Secret-Password-1")}});
        QCOMPARE(a.status, 302);
        QCOMPARE(str(h.exchangeCode(a.redirectParam(QStringLiteral("code"))).json, "organization_id"), acme);
        QVERIFY(h.eventTypes().contains(QStringLiteral("organization_membership.created")));
    }

    // ------------------------------------------------------------------ password grant

    void passwordGrant()
    {
        AuthHarness h;
        const HttpAnswer a = h.passwordGrant(QStringLiteral("ADA@acme.test"));
        QCOMPARE(a.status, 200);
        QCOMPARE(str(a.json, "organization_id"), h.orgId(QStringLiteral("Acme")));
        QCOMPARE(str(a.json, "authentication_method"), QStringLiteral("Password"));
        QVERIFY(h.eventTypes().contains(QStringLiteral("session.created")));
        QVERIFY(h.eventTypes().contains(QStringLiteral("authentication.password_succeeded")));
        QVERIFY(!h.eventTypes().contains(QStringLiteral("user.updated"))); // last_sign_in_at is silent
        QVERIFY(!h.emulator->store().users.get(h.userId(QStringLiteral("ada@acme.test"))).value(QLatin1String("last_sign_in_at")).isNull());
    }

    void passwordGrantCarriesClientDetailsIntoTheSession()
    {
        AuthHarness h;
        const HttpAnswer a = h.authenticate(QJsonObject{{QStringLiteral("grant_type"), QStringLiteral("password")},
                                                        {QStringLiteral("email"), QStringLiteral("ada@acme.test")},
                                                        {QStringLiteral("password"), AuthHarness::Password},
                                                        {QStringLiteral("ip_address"), QStringLiteral("198.51.100.42")},
                                                        {QStringLiteral("user_agent"), QStringLiteral("Mozilla/5.0")}});
        const QJsonObject session = h.emulator->store().sessions.get(sid(a));
        QCOMPARE(str(session, "ip_address"), QStringLiteral("198.51.100.42"));
        QCOMPARE(str(session, "user_agent"), QStringLiteral("Mozilla/5.0"));
        const QJsonObject event = h.lastEvent(QStringLiteral("authentication.password_succeeded")).value(QLatin1String("data")).toObject();
        QCOMPARE(str(event, "ip_address"), QStringLiteral("198.51.100.42"));
        QCOMPARE(str(event, "user_id"), h.userId(QStringLiteral("ada@acme.test")));
    }

    void wrongCredentialsAreShapeA_data()
    {
        QTest::addColumn<QString>("email");
        QTest::addColumn<QString>("password");
        QTest::newRow("wrong password") << QStringLiteral("ada@acme.test") << QStringLiteral("wrong-password");
        QTest::newRow("unknown email") << QStringLiteral("ghost@acme.test") << AuthHarness::Password;
    }

    void wrongCredentialsAreShapeA()
    {
        QFETCH(QString, email);
        QFETCH(QString, password);
        AuthHarness h;
        verifyStandardError(h.passwordGrant(email, password), 400, QStringLiteral("invalid_credentials"));
        QVERIFY(h.eventTypes().contains(QStringLiteral("authentication.password_failed")));
        QVERIFY(!h.eventTypes().contains(QStringLiteral("session.created")));
    }

    void organizationSelectionStepUp()
    {
        AuthHarness h;
        const HttpAnswer stepUp = h.passwordGrant(QStringLiteral("grace@acme.test"));
        verifyStandardError(stepUp, 403, QStringLiteral("organization_selection_required"));
        const QString pending = str(stepUp.json, "pending_authentication_token");
        QVERIFY(!pending.isEmpty());
        QCOMPARE(str(stepUp.json.value(QLatin1String("user")).toObject(), "email"), QStringLiteral("grace@acme.test"));
        const QJsonArray orgs = stepUp.json.value(QLatin1String("organizations")).toArray();
        QCOMPARE(orgs.size(), 2);
        QCOMPARE(str(orgs.at(0).toObject(), "id"), h.orgId(QStringLiteral("Acme")));
        QCOMPARE(str(orgs.at(0).toObject(), "name"), QStringLiteral("Acme"));
        QVERIFY(!h.eventTypes().contains(QStringLiteral("session.created")));

        const QString urn = QStringLiteral("urn:workos:oauth:grant-type:organization-selection");
        const QString globex = h.orgId(QStringLiteral("Globex & <Co>"));
        verifyStandardError(h.authenticate(QJsonObject{{QStringLiteral("grant_type"), urn},
                                                       {QStringLiteral("pending_authentication_token"), pending},
                                                       {QStringLiteral("organization_id"), QStringLiteral("org_not_hers")}}),
                            400, QStringLiteral("invalid_organization_id"));
        verifyOAuthError(h.authenticate(QJsonObject{{QStringLiteral("grant_type"), urn}, {QStringLiteral("pending_authentication_token"), pending}}),
                         QStringLiteral("invalid_request"));
        const HttpAnswer done = h.authenticate(QJsonObject{{QStringLiteral("grant_type"), urn},
                                                           {QStringLiteral("pending_authentication_token"), pending},
                                                           {QStringLiteral("organization_id"), globex}});
        QCOMPARE(done.status, 200);
        QCOMPARE(str(done.json, "organization_id"), globex);
        QCOMPARE(AuthHarness::claims(str(done.json, "access_token")).value(QLatin1String("org_id")).toString(), globex);
        QVERIFY(h.eventTypes().contains(QStringLiteral("session.created")));
        // The pending token is spent.
        verifyStandardError(h.authenticate(QJsonObject{{QStringLiteral("grant_type"), urn},
                                                       {QStringLiteral("pending_authentication_token"), pending},
                                                       {QStringLiteral("organization_id"), globex}}),
                            400, QStringLiteral("invalid_pending_authentication_token"));
    }

    void pendingTokenExpires()
    {
        AuthHarness h;
        const QString pending = str(h.passwordGrant(QStringLiteral("grace@acme.test")).json, "pending_authentication_token");
        h.emulator->clock().advance(11 * 60 * 1000);
        verifyStandardError(h.authenticate(QJsonObject{{QStringLiteral("grant_type"), QStringLiteral("urn:workos:oauth:grant-type:organization-selection")},
                                                       {QStringLiteral("pending_authentication_token"), pending},
                                                       {QStringLiteral("organization_id"), h.orgId(QStringLiteral("Acme"))}}),
                            400, QStringLiteral("invalid_pending_authentication_token"));
    }

    void emailVerificationStepUp()
    {
        emu::EmulatorConfig config = AuthHarness::defaultConfig();
        config.requireEmailVerification = true;
        AuthHarness h(config);
        QCOMPARE(h.passwordGrant(QStringLiteral("ada@acme.test")).status, 200); // verified users are not asked

        const HttpAnswer stepUp = h.passwordGrant(QStringLiteral("una@acme.test"));
        verifyStandardError(stepUp, 403, QStringLiteral("email_verification_required"));
        QCOMPARE(str(stepUp.json, "email"), QStringLiteral("una@acme.test"));
        const QString verificationId = str(stepUp.json, "email_verification_id");
        QVERIFY(verificationId.startsWith(QLatin1String("email_verification_")));
        const QString pending = str(stepUp.json, "pending_authentication_token");
        const QString code = str(h.lastEmail(QStringLiteral("email_verification"), QStringLiteral("una@acme.test")), "code");
        QCOMPARE(code.size(), 6);
        QCOMPARE(str(h.get(QStringLiteral("/user_management/email_verification/") + verificationId, true).json, "code"), code);

        const QString urn = QStringLiteral("urn:workos:oauth:grant-type:email-verification:code");
        const QString wrongCode = code == u"000000" ? QStringLiteral("111111") : QStringLiteral("000000");
        verifyStandardError(h.authenticate(QJsonObject{{QStringLiteral("grant_type"), urn},
                                                       {QStringLiteral("pending_authentication_token"), pending},
                                                       {QStringLiteral("code"), wrongCode}}),
                            400, QStringLiteral("invalid_one_time_code"));
        QVERIFY(h.eventTypes().contains(QStringLiteral("authentication.email_verification_failed")));
        const HttpAnswer done = h.authenticate(QJsonObject{{QStringLiteral("grant_type"), urn},
                                                           {QStringLiteral("pending_authentication_token"), pending},
                                                           {QStringLiteral("code"), code}});
        QCOMPARE(done.status, 200);
        QVERIFY(done.json.value(QLatin1String("user")).toObject().value(QLatin1String("email_verified")).toBool());
        QCOMPARE(str(done.json, "organization_id"), h.orgId(QStringLiteral("Acme")));
        QVERIFY(h.eventTypes().contains(QStringLiteral("authentication.email_verification_succeeded")));
        QCOMPARE(h.passwordGrant(QStringLiteral("una@acme.test")).status, 200); // verified now
    }

    void magicAuthGrant()
    {
        AuthHarness h;
        const HttpAnswer created = h.postJson(QStringLiteral("/user_management/magic_auth"), {{QStringLiteral("email"), QStringLiteral("ada@acme.test")}});
        QCOMPARE(created.status, 201);
        const QString code = str(created.json, "code");
        const QString urn = QStringLiteral("urn:workos:oauth:grant-type:magic-auth:code");
        const QJsonObject body{{QStringLiteral("grant_type"), urn}, {QStringLiteral("email"), QStringLiteral("ada@acme.test")}, {QStringLiteral("code"), code}};
        const HttpAnswer a = h.authenticate(body);
        QCOMPARE(a.status, 200);
        QCOMPARE(str(a.json, "authentication_method"), QStringLiteral("MagicAuth"));
        QCOMPARE(str(h.emulator->store().sessions.get(sid(a)), "auth_method"), QStringLiteral("magic_code"));
        QVERIFY(h.eventTypes().contains(QStringLiteral("authentication.magic_auth_succeeded")));
        verifyStandardError(h.authenticate(body), 400, QStringLiteral("one_time_code_previously_used"));
        QJsonObject wrong = body;
        wrong.insert(QStringLiteral("email"), QStringLiteral("grace@acme.test"));
        verifyStandardError(h.authenticate(wrong), 400, QStringLiteral("invalid_one_time_code"));
    }

    // ------------------------------------------------------------------ refresh tokens

    void refreshTokensRotate()
    {
        AuthHarness h;
        const HttpAnswer login = h.passwordGrant(QStringLiteral("ada@acme.test"));
        const QString first = str(login.json, "refresh_token");
        const int events = int(h.eventTypes().size());

        const HttpAnswer second = refresh(h, first);
        QCOMPARE(second.status, 200);
        QVERIFY(str(second.json, "refresh_token") != first);
        QVERIFY(str(second.json, "access_token") != str(login.json, "access_token"));
        QCOMPARE(sid(second), sid(login)); // same session
        QCOMPARE(str(second.json, "organization_id"), h.orgId(QStringLiteral("Acme")));
        QCOMPARE(str(second.json, "authentication_method"), QStringLiteral("Password"));
        QCOMPARE(h.eventTypes().size(), events); // refresh emits nothing

        verifyOAuthError(refresh(h, first), QStringLiteral("invalid_grant")); // used
        QCOMPARE(refresh(h, str(second.json, "refresh_token")).status, 200);
    }

    void refreshWithoutClientSecretWorksForPublicClients()
    {
        AuthHarness h;
        const QString token = str(h.passwordGrant(QStringLiteral("ada@acme.test")).json, "refresh_token");
        const HttpAnswer a = h.authenticate(QJsonObject{{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                                                        {QStringLiteral("refresh_token"), token}},
                                            false);
        QCOMPARE(a.status, 200);
    }

    void refreshSwitchesOrganization()
    {
        AuthHarness h;
        const QString acme = h.orgId(QStringLiteral("Acme"));
        const QString globex = h.orgId(QStringLiteral("Globex & <Co>"));
        const HttpAnswer login = h.authenticate(QJsonObject{{QStringLiteral("grant_type"), QStringLiteral("urn:workos:oauth:grant-type:organization-selection")},
                                                            {QStringLiteral("pending_authentication_token"),
                                                             str(h.passwordGrant(QStringLiteral("grace@acme.test")).json, "pending_authentication_token")},
                                                            {QStringLiteral("organization_id"), acme}});
        QCOMPARE(login.status, 200);
        const QString token = str(login.json, "refresh_token");

        // Refused switches keep the token usable.
        verifyOAuthError(refresh(h, token, QStringLiteral("org_nope")), QStringLiteral("organization_not_found"));
        const HttpAnswer other = h.postJson(QStringLiteral("/organizations"), {{QStringLiteral("name"), QStringLiteral("Initech")}});
        QCOMPARE(other.status, 201);
        verifyOAuthError(refresh(h, token, str(other.json, "id")), QStringLiteral("organization_membership_not_found"));

        const HttpAnswer switched = refresh(h, token, globex);
        QCOMPARE(switched.status, 200);
        QCOMPARE(str(switched.json, "organization_id"), globex);
        const QJsonObject c = AuthHarness::claims(str(switched.json, "access_token"));
        QCOMPARE(c.value(QLatin1String("org_id")).toString(), globex);
        QCOMPARE(c.value(QLatin1String("role")).toString(), QStringLiteral("member"));
        QCOMPARE(c.value(QLatin1String("permissions")).toArray(), QJsonArray{QStringLiteral("posts:read")});
        QCOMPARE(str(h.emulator->store().sessions.get(sid(login)), "organization_id"), globex);
        // Later refreshes stay in the new organization.
        QCOMPARE(str(refresh(h, str(switched.json, "refresh_token")).json, "organization_id"), globex);
    }

    void refreshStopsWhenTheSessionExpires()
    {
        AuthHarness h;
        const QString token = str(h.passwordGrant(QStringLiteral("ada@acme.test")).json, "refresh_token");
        h.emulator->clock().advance((qint64(h.emulator->config().refreshTokenDays) * 86400 + 1) * 1000);
        verifyOAuthError(refresh(h, token), QStringLiteral("invalid_grant"));
    }

    // ------------------------------------------------------------------ revoke, logout, list

    void revokeEndsTheSession()
    {
        AuthHarness h;
        const HttpAnswer login = h.passwordGrant(QStringLiteral("ada@acme.test"));
        const HttpAnswer a = h.postJson(QStringLiteral("/user_management/sessions/revoke"), {{QStringLiteral("session_id"), sid(login)}});
        QCOMPARE(a.status, 200);
        QVERIFY(a.body.isEmpty());
        QCOMPARE(h.eventTypes().count(QStringLiteral("session.revoked")), 1);
        const QJsonObject event = h.lastEvent(QStringLiteral("session.revoked")).value(QLatin1String("data")).toObject();
        QCOMPARE(str(event, "id"), sid(login));
        QCOMPARE(str(event, "status"), QStringLiteral("revoked"));
        QVERIFY(!event.value(QLatin1String("ended_at")).isNull());
        verifyOAuthError(refresh(h, str(login.json, "refresh_token")), QStringLiteral("invalid_grant"));
        // Revoking again changes nothing and sends nothing.
        QCOMPARE(h.postJson(QStringLiteral("/user_management/sessions/revoke"), {{QStringLiteral("session_id"), sid(login)}}).status, 200);
        QCOMPARE(h.eventTypes().count(QStringLiteral("session.revoked")), 1);
    }

    void badRevokeRequests()
    {
        AuthHarness h;
        const HttpAnswer unknown = h.postJson(QStringLiteral("/user_management/sessions/revoke"), {{QStringLiteral("session_id"), QStringLiteral("session_nope")}});
        QCOMPARE(unknown.status, 400);
        QVERIFY(unknown.json.value(QLatin1String("message")).isString());
        QCOMPARE(h.postJson(QStringLiteral("/user_management/sessions/revoke"), {}).status, 422);
        QCOMPARE(h.postJson(QStringLiteral("/user_management/sessions/revoke"), {{QStringLiteral("session_id"), QStringLiteral("x")}}, false).status, 401);
        QCOMPARE(h.send("POST", QStringLiteral("/user_management/sessions/revoke"), "{nope", "application/json", true).status, 400);
    }

    void logoutRevokesAndRedirects()
    {
        AuthHarness h;
        const HttpAnswer login = h.passwordGrant(QStringLiteral("ada@acme.test"));
        const QString returnTo = QStringLiteral("https://app.example.test/signed-out?from=emulator");
        const HttpAnswer a = h.get(QStringLiteral("/user_management/sessions/logout?session_id=%1&return_to=%2")
                                       .arg(sid(login), QString::fromLatin1(QUrl::toPercentEncoding(returnTo))));
        QCOMPARE(a.status, 302);
        QCOMPARE(QString::fromUtf8(a.header("Location")), returnTo);
        QCOMPARE(str(h.emulator->store().sessions.get(sid(login)), "status"), QStringLiteral("revoked"));
        QCOMPARE(h.eventTypes().count(QStringLiteral("session.revoked")), 1);
        verifyOAuthError(refresh(h, str(login.json, "refresh_token")), QStringLiteral("invalid_grant"));

        // A second click on "log out" still lands on return_to, without a second event.
        QCOMPARE(h.get(QStringLiteral("/user_management/sessions/logout?session_id=%1&return_to=%2")
                           .arg(sid(login), QString::fromLatin1(QUrl::toPercentEncoding(returnTo))))
                     .status,
                 302);
        QCOMPARE(h.eventTypes().count(QStringLiteral("session.revoked")), 1);
    }

    void logoutWithoutReturnToShowsAPage()
    {
        AuthHarness h;
        const HttpAnswer a = h.get(QStringLiteral("/user_management/sessions/logout?session_id=") + sid(h.passwordGrant(QStringLiteral("ada@acme.test"))));
        QCOMPARE(a.status, 200);
        QVERIFY(a.text().contains(QLatin1String("id=\"signed-out\"")));
    }

    void badLogoutRequests_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("status");
        QTest::newRow("no session_id") << QStringLiteral("return_to=https%3A%2F%2Fapp.example.test%2F") << 422;
        QTest::newRow("empty session_id") << QStringLiteral("session_id=&return_to=https%3A%2F%2Fapp.example.test%2F") << 422;
        QTest::newRow("unknown session") << QStringLiteral("session_id=session_nope&return_to=https%3A%2F%2Fapp.example.test%2F") << 400;
        QTest::newRow("javascript return_to") << QStringLiteral("session_id=@sid&return_to=javascript%3Aalert(1)") << 422;
        QTest::newRow("relative return_to") << QStringLiteral("session_id=@sid&return_to=%2Fhome") << 422;
    }

    void badLogoutRequests()
    {
        QFETCH(QString, query);
        QFETCH(int, status);
        AuthHarness h;
        const QString id = sid(h.passwordGrant(QStringLiteral("ada@acme.test")));
        const HttpAnswer a = h.get(QStringLiteral("/user_management/sessions/logout?") + query.replace(QLatin1String("@sid"), id));
        QCOMPARE(a.status, status);
        QVERIFY(a.header("Location").isEmpty());
        QCOMPARE(str(h.emulator->store().sessions.get(id), "status"), QStringLiteral("active"));
    }

    void usersSessionsAreListed()
    {
        AuthHarness h;
        const QString ada = h.userId(QStringLiteral("ada@acme.test"));
        const QString first = sid(h.passwordGrant(QStringLiteral("ada@acme.test")));
        const QString second = sid(h.passwordGrant(QStringLiteral("ada@acme.test")));
        h.passwordGrant(QStringLiteral("solo@example.test"));
        h.postJson(QStringLiteral("/user_management/sessions/revoke"), {{QStringLiteral("session_id"), first}});

        const HttpAnswer all = h.get(QStringLiteral("/user_management/users/%1/sessions").arg(ada), true);
        QCOMPARE(all.status, 200);
        QCOMPARE(str(all.json, "object"), QStringLiteral("list"));
        const QJsonArray data = all.json.value(QLatin1String("data")).toArray();
        QCOMPARE(data.size(), 2);
        QCOMPARE(str(data.at(0).toObject(), "id"), second); // newest first
        QCOMPARE(str(data.at(0).toObject(), "object"), QStringLiteral("session"));
        QCOMPARE(str(data.at(1).toObject(), "status"), QStringLiteral("revoked"));
        for (const char *key : {"user_id", "auth_method", "status", "expires_at", "created_at", "updated_at", "ip_address", "user_agent", "ended_at"})
            QVERIFY2(data.at(0).toObject().contains(QLatin1String(key)), key);

        const HttpAnswer page = h.get(QStringLiteral("/user_management/users/%1/sessions?limit=1").arg(ada), true);
        QCOMPARE(page.json.value(QLatin1String("data")).toArray().size(), 1);
        QCOMPARE(page.json.value(QLatin1String("list_metadata")).toObject().value(QLatin1String("after")).toString(), second);

        h.emulator->clock().advance((qint64(h.emulator->config().refreshTokenDays) * 86400 + 1) * 1000);
        const QJsonArray later = h.get(QStringLiteral("/user_management/users/%1/sessions").arg(ada), true).json.value(QLatin1String("data")).toArray();
        QCOMPARE(str(later.at(0).toObject(), "status"), QStringLiteral("expired"));

        QCOMPARE(h.get(QStringLiteral("/user_management/users/user_nope/sessions"), true).status, 404);
        QCOMPARE(h.get(QStringLiteral("/user_management/users/%1/sessions").arg(ada), false).status, 401);
        QCOMPARE(h.get(QStringLiteral("/user_management/users/%1/sessions?limit=0").arg(ada), true).status, 422);
    }
};

QTEST_GUILESS_MAIN(TestEmulatorAuthKit)
#include "tst_emulator_authkit.moc"

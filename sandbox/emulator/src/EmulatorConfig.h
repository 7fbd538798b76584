#pragma once

#include <QString>
#include <QStringList>

namespace emu {

// The emulated WorkOS environment's settings (what the WorkOS dashboard would hold).
struct EmulatorConfig
{
    QStringList apiKeys{QStringLiteral("sk_test_sandbox")};
    QString clientId = QStringLiteral("client_sandbox");
    // redirect_uri values the hosted sign-in accepts (exact match).
    QStringList redirectUris;
    // Access-token issuer; empty: "<base URL>/user_management/<client id>" (newer environments).
    QString issuer;
    int accessTokenSeconds = 300;
    int authorizationCodeSeconds = 600;
    int refreshTokenDays = 30;
    // Password logins of users whose email is not verified answer 403 email_verification_required.
    bool requireEmailVerification = false;
    int keyRotationGraceSeconds = 86400;  // a retired signing key stays in the JWKS this long
    QString signingKeyFile;                // PEM; created when missing, so kid survives restarts
    qsizetype maxBodyBytes = 1024 * 1024;
    bool control = false;                  // serve /_emulator/*
    int webhookMaxAttempts = 5;
    int webhookBackoffMs = 1000;           // doubled after each failed attempt
    int webhookTimeoutMs = 10000;
};

} // namespace emu

#include "Emulator.h"
#include "auth/Keys.h"
#include "auth/OneTimeCodes.h"
#include "auth/Sessions.h"
#include "http/Errors.h"
#include "http/FormData.h"
#include "http/JsonBody.h"
#include "http/Pagination.h"
#include "model/Domain.h"
#include "model/Ids.h"
#include "routes/HostedPages.h"
#include "routes/Routes.h"

#include <QCryptographicHash>
#include <QJsonArray>

namespace emu {

namespace {

const QString kOrganizationSelectionGrant = QStringLiteral("urn:workos:oauth:grant-type:organization-selection");
const QString kEmailVerificationGrant = QStringLiteral("urn:workos:oauth:grant-type:email-verification:code");
const QString kMagicAuthGrant = QStringLiteral("urn:workos:oauth:grant-type:magic-auth:code");
constexpr int kPendingAuthenticationSeconds = 10 * 60; // UNCONFIRMED in production; EMU's value

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

// A request field that must be a string; anything else counts as absent.
QString field(const QJsonObject &body, const char *key)
{
    const QJsonValue v = body.value(QLatin1String(key));
    return v.isString() ? v.toString() : QString();
}

// ------------------------------------------------------------------- authenticate: errors

// Shape B for the OAuth parts (workos-api.md §1.3, §3.2.3).
Response missing(const char *name)
{
    return errors::oauth(400, QStringLiteral("invalid_request"), QStringLiteral("Missing required parameter: %1.").arg(QLatin1String(name)));
}

Response invalidGrant(const QString &description)
{
    return errors::oauth(400, QStringLiteral("invalid_grant"), description);
}

// Shape A for credential failures and the urn:workos: grants.
Response badRequest(const QString &code, const QString &message)
{
    return errors::standard(400, code, message);
}

// Client authentication: client_id must be this environment's; client_secret one of its API keys.
// Public (PKCE) clients leave the secret out where `secretOptional`.
std::optional<Response> checkClient(Emulator &emu, const QJsonObject &body, bool secretOptional)
{
    const QString clientId = field(body, "client_id");
    if (clientId.isEmpty())
        return missing("client_id");
    if (clientId != emu.config().clientId)
        return errors::oauth(400, QStringLiteral("invalid_client"), QStringLiteral("Invalid client ID '%1'.").arg(clientId));
    const QString secret = field(body, "client_secret");
    if (secret.isEmpty())
        return secretOptional ? std::nullopt : std::optional<Response>(missing("client_secret"));
    if (!emu.config().apiKeys.contains(secret))
        return errors::oauth(400, QStringLiteral("invalid_client"), QStringLiteral("Invalid client secret."));
    return std::nullopt;
}

// ------------------------------------------------------------------- authenticate: outcomes

QJsonObject userByEmail(Emulator &emu, const QString &email)
{
    return emu.store().users.findFirst(
        [&](const QJsonObject &u) { return str(u, "email").compare(email, Qt::CaseInsensitive) == 0; });
}

QString newPendingAuthentication(Emulator &emu, const QString &userId, const QStringList &organizationIds, const QString &method)
{
    const QString token = newToken(32);
    emu.store().pendingAuthentications.insert(
        token, PendingAuthentication{userId, organizationIds, method, emu.clock().now().addSecs(kPendingAuthenticationSeconds)});
    return token;
}

// A fresh login: a new session, last_sign_in_at (silently: no user.updated), session.created,
// authentication.<method>_succeeded and the tokens.
Response completeLogin(Emulator &emu, const QJsonObject &user, const QString &organizationId, const QString &method,
                       const QJsonObject &body)
{
    const QString userId = str(user, "id");
    const QJsonObject session = sessions::create(emu, userId, organizationId, method, body, true);
    QJsonObject signedIn = user;
    signedIn.insert(QStringLiteral("last_sign_in_at"), emu.clock().iso());
    emu.store().users.update(signedIn);
    sessions::emitAuthenticationEvent(emu, method, body, userId, str(user, "email"), {}, session);
    return Response::json(200, sessions::authenticationResult(emu, session, organizationId));
}

// One active membership: scoped to it; none: unscoped; several: the user must choose (403).
Response settleOrganization(Emulator &emu, const QJsonObject &user, const QString &method, const QJsonObject &body)
{
    const QList<QJsonObject> memberships = domain::activeMemberships(emu, str(user, "id"));
    if (memberships.size() <= 1)
        return completeLogin(emu, user, memberships.isEmpty() ? QString() : str(memberships.first(), "organization_id"), method, body);
    QStringList ids;
    QJsonArray organizations;
    for (const QJsonObject &m : memberships) {
        const QString id = str(m, "organization_id");
        ids.append(id);
        organizations.append(QJsonObject{{QStringLiteral("id"), id},
                                         {QStringLiteral("name"), str(emu.store().organizations.get(id), "name")}});
    }
    return Response::json(403, QJsonObject{{QStringLiteral("code"), QStringLiteral("organization_selection_required")},
                                           {QStringLiteral("message"),
                                            QStringLiteral("The user must choose an organization to finish their authentication.")},
                                           {QStringLiteral("pending_authentication_token"),
                                            newPendingAuthentication(emu, str(user, "id"), ids, method)},
                                           {QStringLiteral("user"), user},
                                           {QStringLiteral("organizations"), organizations}});
}

// With EmulatorConfig::requireEmailVerification, an unverified user gets a code by "email" (see
// GET /_emulator/emails) and a 403 to finish with the email-verification grant.
std::optional<Response> requireVerifiedEmail(Emulator &emu, const QJsonObject &user, const QString &method)
{
    if (!emu.config().requireEmailVerification || user.value(QLatin1String("email_verified")).toBool())
        return std::nullopt;
    const QJsonObject verification = codes::createEmailVerification(emu, user);
    return Response::json(403, QJsonObject{{QStringLiteral("code"), QStringLiteral("email_verification_required")},
                                           {QStringLiteral("message"), QStringLiteral("Email ownership must be verified before authentication.")},
                                           {QStringLiteral("pending_authentication_token"),
                                            newPendingAuthentication(emu, str(user, "id"), {}, method)},
                                           {QStringLiteral("email"), str(user, "email")},
                                           {QStringLiteral("email_verification_id"), str(verification, "id")}});
}

// A one-time code that did not work: the Shape A answer for it.
Response codeFailure(codes::Check check)
{
    switch (check) {
    case codes::Check::Expired:
        return badRequest(QStringLiteral("one_time_code_expired"), QStringLiteral("The one-time code has expired."));
    case codes::Check::Used:
        return badRequest(QStringLiteral("one_time_code_previously_used"), QStringLiteral("The one-time code has already been used."));
    default:
        return badRequest(QStringLiteral("invalid_one_time_code"), QStringLiteral("The one-time code is invalid."));
    }
}

QString s256(const QString &verifier)
{
    return QString::fromLatin1(QCryptographicHash::hash(verifier.toUtf8(), QCryptographicHash::Sha256)
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

// ------------------------------------------------------------------- authenticate: grants

Response authorizationCodeGrant(Emulator &emu, const QJsonObject &body)
{
    const QString code = field(body, "code");
    const QString verifier = field(body, "code_verifier");
    if (auto e = checkClient(emu, body, !verifier.isEmpty()))
        return *e;
    if (code.isEmpty())
        return missing("code");
    auto &codes = emu.store().authorizationCodes;
    const auto it = codes.constFind(code);
    if (it == codes.constEnd())
        return invalidGrant(QStringLiteral("The code '%1' has expired or is invalid.").arg(code));
    const AuthorizationCode grant = it.value();
    codes.remove(code); // single use: whatever happens next, the code is spent
    if (grant.expiresAt <= emu.clock().now() || grant.clientId != field(body, "client_id"))
        return invalidGrant(QStringLiteral("The code '%1' has expired or is invalid.").arg(code));
    if (!grant.codeChallenge.isEmpty()) {
        if (verifier.isEmpty())
            return invalidGrant(QStringLiteral("This code was issued with a code_challenge; code_verifier is required."));
        if (s256(verifier) != grant.codeChallenge)
            return invalidGrant(QStringLiteral("The code_verifier does not match the code_challenge."));
    } else if (!verifier.isEmpty()) {
        return badRequest(QStringLiteral("code_challenge_not_found"), QStringLiteral("No code_challenge was sent for this code."));
    }
    const QJsonObject user = emu.store().users.get(grant.userId);
    if (user.isEmpty())
        return invalidGrant(QStringLiteral("The code '%1' has expired or is invalid.").arg(code));
    return completeLogin(emu, user, grant.organizationId, grant.authMethod, body);
}

Response passwordGrant(Emulator &emu, const QJsonObject &body)
{
    if (auto e = checkClient(emu, body, false))
        return *e;
    const QString email = field(body, "email").trimmed();
    const QString password = field(body, "password");
    if (email.isEmpty())
        return missing("email");
    if (password.isEmpty())
        return missing("password");
    const QJsonObject user = userByEmail(emu, email);
    if (user.isEmpty() || !domain::checkPassword(emu, str(user, "id"), password)) {
        const QString message = QStringLiteral("Invalid credentials for '%1'.").arg(email);
        sessions::emitAuthenticationEvent(emu, QStringLiteral("Password"), body, str(user, "id"), email,
                                          QJsonObject{{QStringLiteral("code"), QStringLiteral("invalid_credentials")},
                                                      {QStringLiteral("message"), message}});
        return badRequest(QStringLiteral("invalid_credentials"), message);
    }
    if (auto e = requireVerifiedEmail(emu, user, QStringLiteral("Password")))
        return *e;
    return settleOrganization(emu, user, QStringLiteral("Password"), body);
}

Response refreshTokenGrant(Emulator &emu, const QJsonObject &body)
{
    if (auto e = checkClient(emu, body, true))
        return *e;
    const QString token = field(body, "refresh_token");
    if (token.isEmpty())
        return missing("refresh_token");
    auto &tokens = emu.store().refreshTokens;
    const auto it = tokens.constFind(token);
    if (it == tokens.constEnd())
        return invalidGrant(QStringLiteral("Invalid refresh token."));
    const RefreshToken refresh = it.value();
    QJsonObject session = emu.store().sessions.get(refresh.sessionId);
    if (session.isEmpty() || !sessions::isActive(emu, session)) {
        tokens.remove(token);
        return invalidGrant(QStringLiteral("Invalid refresh token: the session has ended."));
    }
    // organization_id switches the session to another organization the user belongs to; the old
    // token survives a refused switch, so the client can still refresh in place.
    QString organizationId = refresh.organizationId;
    if (body.contains(QLatin1String("organization_id"))) {
        organizationId = field(body, "organization_id");
        if (!emu.store().organizations.contains(organizationId))
            return errors::oauth(400, QStringLiteral("organization_not_found"),
                                 QStringLiteral("Organization '%1' not found.").arg(organizationId));
        bool member = false;
        for (const QJsonObject &m : domain::activeMemberships(emu, str(session, "user_id")))
            member = member || str(m, "organization_id") == organizationId;
        if (!member)
            return errors::oauth(400, QStringLiteral("organization_membership_not_found"),
                                 QStringLiteral("The user is not a member of organization '%1'.").arg(organizationId));
    }
    tokens.remove(token); // rotation: every refresh token works once
    if (organizationId != str(session, "organization_id")) {
        session.insert(QStringLiteral("organization_id"), organizationId);
        session.insert(QStringLiteral("updated_at"), emu.clock().iso());
        emu.store().sessions.update(session);
    }
    return Response::json(200, sessions::authenticationResult(emu, session, organizationId)); // no events on refresh
}

// A pending authentication token that still works, or nullopt.
std::optional<PendingAuthentication> pendingFor(Emulator &emu, const QString &token)
{
    const auto it = emu.store().pendingAuthentications.constFind(token);
    if (it == emu.store().pendingAuthentications.constEnd() || it->expiresAt <= emu.clock().now())
        return std::nullopt;
    return it.value();
}

Response invalidPendingToken()
{
    return badRequest(QStringLiteral("invalid_pending_authentication_token"),
                      QStringLiteral("The pending authentication token is invalid or has expired."));
}

Response organizationSelectionGrant(Emulator &emu, const QJsonObject &body)
{
    if (auto e = checkClient(emu, body, false))
        return *e;
    const QString token = field(body, "pending_authentication_token");
    const QString organizationId = field(body, "organization_id");
    if (token.isEmpty())
        return missing("pending_authentication_token");
    if (organizationId.isEmpty())
        return missing("organization_id");
    const auto pending = pendingFor(emu, token);
    if (!pending)
        return invalidPendingToken();
    if (!pending->organizationIds.contains(organizationId))
        return badRequest(QStringLiteral("invalid_organization_id"),
                          QStringLiteral("Organization '%1' is not one of the user's organizations.").arg(organizationId));
    const QJsonObject user = emu.store().users.get(pending->userId);
    emu.store().pendingAuthentications.remove(token);
    if (user.isEmpty())
        return invalidPendingToken();
    return completeLogin(emu, user, organizationId, pending->authMethod, body);
}

Response emailVerificationGrant(Emulator &emu, const QJsonObject &body)
{
    if (auto e = checkClient(emu, body, false))
        return *e;
    const QString token = field(body, "pending_authentication_token");
    const QString code = field(body, "code");
    if (code.isEmpty())
        return missing("code");
    if (token.isEmpty())
        return missing("pending_authentication_token");
    const auto pending = pendingFor(emu, token);
    const QJsonObject user = pending ? emu.store().users.get(pending->userId) : QJsonObject();
    if (user.isEmpty())
        return invalidPendingToken();
    const codes::Lookup found = codes::find(emu, emu.store().emailVerifications, [&](const QJsonObject &v) {
        return str(v, "user_id") == pending->userId && str(v, "code") == code;
    });
    if (found.check != codes::Check::Ok) {
        const Response failure = codeFailure(found.check);
        sessions::emitAuthenticationEvent(emu, QStringLiteral("EmailVerification"), body, str(user, "id"), str(user, "email"),
                                          QJsonDocument::fromJson(failure.body).object());
        return failure;
    }
    codes::consume(emu, emu.store().emailVerifications, found.record);
    emu.store().pendingAuthentications.remove(token);
    const QJsonObject verified = codes::markEmailVerified(emu, pending->userId);
    sessions::emitAuthenticationEvent(emu, QStringLiteral("EmailVerification"), body, str(user, "id"), str(user, "email"));
    return settleOrganization(emu, verified, pending->authMethod, body);
}

Response magicAuthGrant(Emulator &emu, const QJsonObject &body)
{
    if (auto e = checkClient(emu, body, false))
        return *e;
    const QString code = field(body, "code");
    const QString email = field(body, "email").trimmed();
    if (code.isEmpty())
        return missing("code");
    if (email.isEmpty())
        return missing("email");
    const codes::Lookup found = codes::find(emu, emu.store().magicAuths, [&](const QJsonObject &m) {
        return str(m, "email").compare(email, Qt::CaseInsensitive) == 0 && str(m, "code") == code;
    });
    const QJsonObject user = userByEmail(emu, email);
    if (found.check != codes::Check::Ok || user.isEmpty()) {
        const Response failure = codeFailure(user.isEmpty() ? codes::Check::Unknown : found.check);
        sessions::emitAuthenticationEvent(emu, QStringLiteral("MagicAuth"), body, str(user, "id"), email,
                                          QJsonDocument::fromJson(failure.body).object());
        return failure;
    }
    codes::consume(emu, emu.store().magicAuths, found.record);
    // Receiving the code proves the address (workos-api.md §3.2.2).
    const QJsonObject verified = codes::markEmailVerified(emu, str(user, "id"));
    return settleOrganization(emu, verified, QStringLiteral("MagicAuth"), body);
}

void registerAuthenticate(Emulator &emu, Router &r)
{
    // workos-api.md §3.2: JSON or form body; the client authenticates in the body.
    r.post(QStringLiteral("/user_management/authenticate"), Access::Public, [&emu](Request &req) {
        Response error;
        const auto body = jsonBody(req, error, true);
        if (!body)
            return error;
        const QString grant = field(*body, "grant_type");
        if (grant.isEmpty())
            return missing("grant_type");
        if (grant == u"authorization_code")
            return authorizationCodeGrant(emu, *body);
        if (grant == u"password")
            return passwordGrant(emu, *body);
        if (grant == u"refresh_token")
            return refreshTokenGrant(emu, *body);
        if (grant == kOrganizationSelectionGrant)
            return organizationSelectionGrant(emu, *body);
        if (grant == kEmailVerificationGrant)
            return emailVerificationGrant(emu, *body);
        if (grant == kMagicAuthGrant)
            return magicAuthGrant(emu, *body);
        return errors::oauth(400, QStringLiteral("invalid_request"), QStringLiteral("Unsupported grant_type '%1'.").arg(grant));
    });
}

// ------------------------------------------------------------------- sessions, logout, JWKS

bool isWebUrl(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    return url.isValid() && (url.scheme() == u"http" || url.scheme() == u"https") && !url.host().isEmpty();
}

void registerSessionRoutes(Emulator &emu, Router &r)
{
    r.post(QStringLiteral("/user_management/sessions/revoke"), Access::ApiKey, [&emu](Request &req) {
        Response error;
        const auto body = jsonBody(req, error);
        if (!body)
            return error;
        const QString id = field(*body, "session_id");
        if (id.isEmpty())
            return errors::fieldRequired(QStringLiteral("session_id"));
        if (!sessions::revoke(emu, id, true))
            return Response::json(400, QJsonObject{{QStringLiteral("message"), QStringLiteral("Invalid session ID '%1'.").arg(id)}});
        return Response::empty(200);
    });

    // Browser-facing: ends the session and sends the browser on. A session that already ended
    // still redirects (a second click on "Log out" is not an error); an unknown id does not.
    r.get(QStringLiteral("/user_management/sessions/logout"), Access::Public, [&emu](Request &req) {
        const auto query = decodeForm(req.query.query(QUrl::FullyEncoded).toUtf8());
        const QString id = query.value(QStringLiteral("session_id"));
        const QString returnTo = query.value(QStringLiteral("return_to"));
        if (id.isEmpty())
            return errors::fieldRequired(QStringLiteral("session_id"));
        if (!returnTo.isEmpty() && !isWebUrl(returnTo))
            return errors::validation(QJsonArray{QJsonObject{{QStringLiteral("field"), QStringLiteral("return_to")},
                                                             {QStringLiteral("code"), QStringLiteral("invalid")},
                                                             {QStringLiteral("message"), QStringLiteral("return_to must be an http(s) URL.")}}});
        if (!sessions::revoke(emu, id, true))
            return Response::json(400, QJsonObject{{QStringLiteral("message"), QStringLiteral("Invalid session ID '%1'.").arg(id)}});
        if (!returnTo.isEmpty())
            return Response::redirect(returnTo);
        return Response::html(200, pages::document(QStringLiteral("Signed out"),
                                                   QStringLiteral("<h1>Signed out</h1><p id=\"signed-out\">You have been signed out.</p>")));
    });

    r.get(QStringLiteral("/user_management/users/{id}/sessions"), Access::ApiKey, [&emu](Request &req) {
        const QString userId = req.params.value(QStringLiteral("id"));
        if (!emu.store().users.contains(userId))
            return errors::notFound(QStringLiteral("User"), userId);
        Response error;
        const auto params = ListParams::parse(req, error);
        if (!params)
            return error;
        QList<QJsonObject> list = emu.store().sessions.select([&](const QJsonObject &s) { return str(s, "user_id") == userId; });
        for (QJsonObject &s : list)
            s = sessions::view(emu, s);
        return Response::json(200, paginate(list, *params));
    });

    r.get(QStringLiteral("/sso/jwks/{clientId}"), Access::Public, [&emu](Request &req) {
        const QString clientId = req.params.value(QStringLiteral("clientId"));
        if (clientId != emu.config().clientId)
            return Response::json(404, QJsonObject{{QStringLiteral("message"), QStringLiteral("Client '%1' not found.").arg(clientId)}});
        return Response::json(200, emu.keys().jwks());
    });
}

// ------------------------------------------------------------------- control: tokens and keys

QByteArray base64Url(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

// The special tokens clients must refuse (and the one they must accept), for their tests.
std::optional<QByteArray> specialToken(Emulator &emu, const QString &kind, QJsonObject claims)
{
    if (kind == u"valid")
        return emu.keys().sign(claims);
    if (kind == u"expired") {
        const qint64 now = emu.clock().nowSeconds();
        claims.insert(QStringLiteral("iat"), now - emu.config().accessTokenSeconds - 60);
        claims.insert(QStringLiteral("exp"), now - 60);
        return emu.keys().sign(claims);
    }
    if (kind == u"unknown_kid")
        return emu.keys().signWithForeignKey(claims);
    if (kind == u"wrong_issuer") {
        claims.insert(QStringLiteral("iss"), QStringLiteral("https://issuer.invalid"));
        return emu.keys().sign(claims);
    }
    if (kind == u"tampered") {
        // A genuine signature over other claims: the payload now claims a longer life.
        const QList<QByteArray> parts = emu.keys().sign(claims).split('.');
        claims.insert(QStringLiteral("exp"), claims.value(QLatin1String("exp")).toInteger() + 86400);
        return parts.at(0) + '.' + base64Url(claims) + '.' + parts.at(2);
    }
    if (kind == u"alg_none") {
        const QJsonObject header{{QStringLiteral("alg"), QStringLiteral("none")}, {QStringLiteral("typ"), QStringLiteral("JWT")}};
        return base64Url(header) + '.' + base64Url(claims) + '.';
    }
    return std::nullopt;
}

void registerControl(Emulator &emu, Router &r)
{
    // {kind, user_id, organization_id?}: the token rides on a real session (created silently),
    // so sid works with revoke and logout.
    r.post(QStringLiteral("/_emulator/tokens"), Access::Control, [&emu](Request &req) {
        Response error;
        const auto body = jsonBody(req, error);
        if (!body)
            return error;
        const QString kind = field(*body, "kind").isEmpty() ? QStringLiteral("valid") : field(*body, "kind");
        const QString userId = field(*body, "user_id");
        const QString organizationId = field(*body, "organization_id");
        if (userId.isEmpty())
            return errors::fieldRequired(QStringLiteral("user_id"));
        if (!emu.store().users.contains(userId))
            return errors::notFound(QStringLiteral("User"), userId);
        if (!organizationId.isEmpty() && !emu.store().organizations.contains(organizationId))
            return errors::notFound(QStringLiteral("Organization"), organizationId);
        const QJsonObject session = sessions::create(emu, userId, organizationId, QStringLiteral("Password"), {}, false);
        const auto token = specialToken(emu, kind, sessions::accessTokenClaims(emu, userId, str(session, "id"), organizationId));
        if (!token) {
            emu.store().sessions.remove(str(session, "id"));
            return errors::validation(QJsonArray{QJsonObject{
                {QStringLiteral("field"), QStringLiteral("kind")},
                {QStringLiteral("code"), QStringLiteral("invalid")},
                {QStringLiteral("message"), QStringLiteral("kind must be valid, expired, unknown_kid, tampered, wrong_issuer or alg_none")}}});
        }
        return Response::json(200, QJsonObject{{QStringLiteral("access_token"), QString::fromLatin1(*token)},
                                               {QStringLiteral("kind"), kind}});
    });

    r.post(QStringLiteral("/_emulator/keys/rotate"), Access::Control, [&emu](Request &) {
        const QString previous = emu.keys().currentKid();
        emu.keys().rotate();
        return Response::json(200, QJsonObject{{QStringLiteral("kid"), emu.keys().currentKid()},
                                               {QStringLiteral("previous_kid"), previous},
                                               {QStringLiteral("grace_seconds"), emu.config().keyRotationGraceSeconds}});
    });
}

} // namespace

// POST /user_management/authenticate, the hosted pages, sessions, logout, JWKS and the token
// controls (workos-api.md §3.1, §3.2, §3.8, §9).
void registerAuthRoutes(Emulator &emu)
{
    Router &r = emu.router();
    registerHostedPages(emu);
    registerAuthenticate(emu, r);
    registerSessionRoutes(emu, r);
    registerControl(emu, r);
}

} // namespace emu

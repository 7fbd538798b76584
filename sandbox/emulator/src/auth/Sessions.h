#pragma once

#include <QJsonObject>
#include <QString>

namespace emu {

class Emulator;

// AuthKit sessions and the tokens that belong to them (workos-api.md §2.5, §3.2, §9.2). Shared by
// the authenticate endpoint, the hosted pages and the control API.
namespace sessions {

// "Password" (authenticate's authentication_method) <-> "password" (the session's auth_method).
QString sessionMethodFor(const QString &authenticationMethod);
QString authenticationMethodFor(const QString &sessionMethod);

// The session as the API shows it: an active session past expires_at reads "expired".
QJsonObject view(Emulator &emu, const QJsonObject &session);
bool isActive(Emulator &emu, const QJsonObject &session);

// A new active session; emits session.created when `notify`.
QJsonObject create(Emulator &emu, const QString &userId, const QString &organizationId, const QString &authenticationMethod,
                   const QJsonObject &request, bool notify);
// Ends a session and forgets its refresh tokens. Returns false for an unknown id; revoking an
// ended session again changes nothing and emits nothing.
bool revoke(Emulator &emu, const QString &sessionId, bool notify);

// Access-token claims for a session (iss, sub, sid, jti, iat, exp; org_id, role, roles and
// permissions when scoped to an organization).
QJsonObject accessTokenClaims(Emulator &emu, const QString &userId, const QString &sessionId, const QString &organizationId);
QString issueRefreshToken(Emulator &emu, const QString &sessionId, const QString &organizationId);

// The 200 body of POST /user_management/authenticate for a session: user, organization_id (when
// scoped), access_token, refresh_token, authentication_method.
QJsonObject authenticationResult(Emulator &emu, const QJsonObject &session, const QString &organizationId);

// authentication.<type>_succeeded / _failed (workos-api.md §10.4). `error` empty on success.
void emitAuthenticationEvent(Emulator &emu, const QString &authenticationMethod, const QJsonObject &request,
                             const QString &userId, const QString &email, const QJsonObject &error = {},
                             const QJsonObject &session = {});

} // namespace sessions
} // namespace emu

#include "auth/Sessions.h"

#include "Emulator.h"
#include "auth/Keys.h"
#include "events/EventBus.h"
#include "model/Domain.h"
#include "model/Ids.h"

#include <QJsonArray>

namespace emu::sessions {

namespace {

const QJsonValue kNull(QJsonValue::Null);

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QJsonValue stringOrNull(const QJsonObject &o, const char *key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    return v.isString() && !v.toString().isEmpty() ? v : kNull;
}

// authentication_method values of authenticate and the auth_method of the session they create.
const std::pair<const char *, const char *> kMethods[] = {
    {"Password", "password"},           {"SSO", "sso"},
    {"MagicAuth", "magic_code"},        {"Passkey", "passkey"},
    {"Impersonation", "impersonation"}, {"MigratedSession", "migrated_session"},
    {"CrossAppAuth", "cross_app_auth"}, {"ExternalAuth", "external_auth"},
};

// The <type> of authentication.<type>_succeeded for an authentication_method.
QString eventTypeFor(const QString &authenticationMethod)
{
    if (authenticationMethod == u"Password")
        return QStringLiteral("password");
    if (authenticationMethod == u"MagicAuth")
        return QStringLiteral("magic_auth");
    if (authenticationMethod == u"SSO")
        return QStringLiteral("sso");
    if (authenticationMethod == u"Passkey")
        return QStringLiteral("passkey");
    if (authenticationMethod == u"EmailVerification")
        return QStringLiteral("email_verification");
    if (authenticationMethod.endsWith(QLatin1String("OAuth")))
        return QStringLiteral("oauth");
    return {};
}

QJsonObject activeMembership(Emulator &emu, const QString &userId, const QString &organizationId)
{
    for (const QJsonObject &m : domain::activeMemberships(emu, userId)) {
        if (str(m, "organization_id") == organizationId)
            return m;
    }
    return {};
}

} // namespace

QString sessionMethodFor(const QString &authenticationMethod)
{
    for (const auto &[api, session] : kMethods) {
        if (authenticationMethod == QLatin1String(api))
            return QLatin1String(session);
    }
    return authenticationMethod.endsWith(QLatin1String("OAuth")) ? QStringLiteral("oauth") : QStringLiteral("unknown");
}

QString authenticationMethodFor(const QString &sessionMethod)
{
    for (const auto &[api, session] : kMethods) {
        if (sessionMethod == QLatin1String(session))
            return QLatin1String(api);
    }
    return {};
}

bool isActive(Emulator &emu, const QJsonObject &session)
{
    return str(session, "status") == u"active"
        && QDateTime::fromString(str(session, "expires_at"), Qt::ISODateWithMs) > emu.clock().now();
}

QJsonObject view(Emulator &emu, const QJsonObject &session)
{
    QJsonObject out = session;
    if (str(session, "status") == u"active" && !isActive(emu, session))
        out.insert(QStringLiteral("status"), QStringLiteral("expired"));
    return out;
}

QJsonObject create(Emulator &emu, const QString &userId, const QString &organizationId, const QString &authenticationMethod,
                   const QJsonObject &request, bool notify)
{
    const QDateTime now = emu.clock().now();
    QJsonObject session{{QStringLiteral("object"), QStringLiteral("session")},
                        {QStringLiteral("id"), newId(QStringLiteral("session"))},
                        {QStringLiteral("user_id"), userId},
                        {QStringLiteral("ip_address"), stringOrNull(request, "ip_address")},
                        {QStringLiteral("user_agent"), stringOrNull(request, "user_agent")},
                        {QStringLiteral("auth_method"), sessionMethodFor(authenticationMethod)},
                        {QStringLiteral("status"), QStringLiteral("active")},
                        {QStringLiteral("expires_at"), Clock::iso(now.addDays(emu.config().refreshTokenDays))},
                        {QStringLiteral("ended_at"), kNull},
                        {QStringLiteral("created_at"), Clock::iso(now)},
                        {QStringLiteral("updated_at"), Clock::iso(now)}};
    if (!organizationId.isEmpty())
        session.insert(QStringLiteral("organization_id"), organizationId);
    emu.store().sessions.insert(session);
    if (notify)
        emu.events().emitEvent(QStringLiteral("session.created"), session);
    return session;
}

bool revoke(Emulator &emu, const QString &sessionId, bool notify)
{
    QJsonObject session = emu.store().sessions.get(sessionId);
    if (session.isEmpty())
        return false;
    auto &tokens = emu.store().refreshTokens;
    for (auto it = tokens.begin(); it != tokens.end();) {
        if (it.value().sessionId == sessionId)
            it = tokens.erase(it);
        else
            ++it;
    }
    if (str(session, "status") != u"active")
        return true;
    const QString now = emu.clock().iso();
    session.insert(QStringLiteral("status"), QStringLiteral("revoked"));
    session.insert(QStringLiteral("ended_at"), now);
    session.insert(QStringLiteral("updated_at"), now);
    emu.store().sessions.update(session);
    if (notify)
        emu.events().emitEvent(QStringLiteral("session.revoked"), session);
    return true;
}

QJsonObject accessTokenClaims(Emulator &emu, const QString &userId, const QString &sessionId, const QString &organizationId)
{
    const qint64 now = emu.clock().nowSeconds();
    QJsonObject claims{{QStringLiteral("iss"), emu.issuer()},
                       {QStringLiteral("sub"), userId},
                       {QStringLiteral("sid"), sessionId},
                       {QStringLiteral("jti"), newUlid()},
                       {QStringLiteral("iat"), now},
                       {QStringLiteral("exp"), now + emu.config().accessTokenSeconds}};
    if (organizationId.isEmpty())
        return claims;
    claims.insert(QStringLiteral("org_id"), organizationId);
    // role/roles/permissions only while the user holds an active membership there: a deactivated
    // member keeps a session scoped to the organization but no rights in it.
    const QJsonObject membership = activeMembership(emu, userId, organizationId);
    if (membership.isEmpty())
        return claims;
    QJsonArray roles;
    QJsonArray permissions;
    QStringList seen;
    for (const QJsonValue &r : membership.value(QLatin1String("roles")).toArray()) {
        const QString slug = r.toObject().value(QLatin1String("slug")).toString();
        roles.append(slug);
        for (const QString &p : domain::permissionsFor(emu, organizationId, slug)) {
            if (!seen.contains(p)) {
                seen.append(p);
                permissions.append(p);
            }
        }
    }
    claims.insert(QStringLiteral("role"), membership.value(QLatin1String("role")).toObject().value(QLatin1String("slug")));
    claims.insert(QStringLiteral("roles"), roles);
    claims.insert(QStringLiteral("permissions"), permissions);
    return claims;
}

QString issueRefreshToken(Emulator &emu, const QString &sessionId, const QString &organizationId)
{
    const QString token = newToken(32);
    emu.store().refreshTokens.insert(token, RefreshToken{sessionId, organizationId});
    return token;
}

QJsonObject authenticationResult(Emulator &emu, const QJsonObject &session, const QString &organizationId)
{
    const QString userId = str(session, "user_id");
    const QString sessionId = str(session, "id");
    QJsonObject result{{QStringLiteral("user"), emu.store().users.get(userId)},
                       {QStringLiteral("access_token"),
                        QString::fromLatin1(emu.keys().sign(accessTokenClaims(emu, userId, sessionId, organizationId)))},
                       {QStringLiteral("refresh_token"), issueRefreshToken(emu, sessionId, organizationId)}};
    if (!organizationId.isEmpty())
        result.insert(QStringLiteral("organization_id"), organizationId);
    const QString method = authenticationMethodFor(str(session, "auth_method"));
    if (!method.isEmpty())
        result.insert(QStringLiteral("authentication_method"), method);
    return result;
}

void emitAuthenticationEvent(Emulator &emu, const QString &authenticationMethod, const QJsonObject &request,
                             const QString &userId, const QString &email, const QJsonObject &error, const QJsonObject &session)
{
    const QString type = eventTypeFor(authenticationMethod);
    if (type.isEmpty())
        return;
    const bool failed = !error.isEmpty();
    QJsonObject data{{QStringLiteral("type"), type},
                     {QStringLiteral("status"), failed ? QStringLiteral("failed") : QStringLiteral("succeeded")},
                     {QStringLiteral("ip_address"), stringOrNull(request, "ip_address")},
                     {QStringLiteral("user_agent"), stringOrNull(request, "user_agent")},
                     {QStringLiteral("user_id"), userId.isEmpty() ? kNull : QJsonValue(userId)},
                     {QStringLiteral("email"), email.isEmpty() ? kNull : QJsonValue(email)}};
    if (failed)
        data.insert(QStringLiteral("error"), error);
    if (type == u"sso") {
        const QString orgId = str(session, "organization_id");
        const QJsonObject connection = emu.store().connections.findFirst(
            [&](const QJsonObject &c) { return !orgId.isEmpty() && str(c, "organization_id") == orgId; });
        data.insert(QStringLiteral("sso"), QJsonObject{{QStringLiteral("organization_id"), orgId.isEmpty() ? kNull : QJsonValue(orgId)},
                                                       {QStringLiteral("connection_id"), stringOrNull(connection, "id")},
                                                       {QStringLiteral("session_id"), stringOrNull(session, "id")}});
    }
    emu.events().emitEvent(QStringLiteral("authentication.%1_%2").arg(type, failed ? QStringLiteral("failed") : QStringLiteral("succeeded")),
                           data);
}

} // namespace emu::sessions

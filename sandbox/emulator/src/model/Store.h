#pragma once

#include "model/Collection.h"

#include <QDateTime>
#include <QHash>
#include <QSet>
#include <QStringList>

namespace emu {

struct AuthorizationCode
{
    QString userId;
    QString organizationId;   // chosen on the hosted page, may be empty
    QString clientId;
    QString redirectUri;
    QString codeChallenge;    // PKCE S256, may be empty
    QString authMethod;       // "Password", ...
    QDateTime expiresAt;
};

struct RefreshToken
{
    QString sessionId;
    QString organizationId;
};

struct PendingAuthentication
{
    QString userId;
    QStringList organizationIds;
    QString authMethod;
    QDateTime expiresAt;
};

struct IdempotentResult
{
    QByteArray bodyHash;
    int status = 200;
    QByteArray body;
    QDateTime expiresAt;
};

// All state of the emulated WorkOS environment. Resources are kept as their canonical JSON;
// what WorkOS never returns (password hashes, group membership, tokens) lives beside them.
struct Store
{
    Collection users;
    Collection organizations;
    Collection memberships;
    Collection roles;               // environment roles; organization roles carry "organization_id"
    Collection directories;
    Collection directoryUsers;      // REST shape without "groups" (computed on read)
    Collection directoryGroups;
    Collection connections;
    Collection sessions;
    Collection events;
    Collection auditEvents;         // received audit log events, with "organization_id"
    Collection passwordResets;      // with the token
    Collection emailVerifications;  // with the code
    Collection magicAuths;          // with the code
    Collection webhookEndpoints;    // {id, url, secret, events[]}

    QHash<QString, QString> userIdByEmail;               // lower-case email -> user id (unique)
    QHash<QString, QByteArray> passwordHashes;          // user id -> PBKDF2 record
    QHash<QString, QSet<QString>> groupMembers;         // directory group id -> directory user ids
    QHash<QString, AuthorizationCode> authorizationCodes;
    QHash<QString, RefreshToken> refreshTokens;
    QHash<QString, PendingAuthentication> pendingAuthentications;
    QHash<QString, IdempotentResult> idempotency;       // Idempotency-Key -> first answer

    void clear();
};

} // namespace emu

#pragma once

#include "http/Http.h"

#include <optional>

namespace emu {

class Emulator;

// The result of a domain operation: the resource, or the error answer to send.
struct Outcome
{
    QJsonObject value;
    std::optional<Response> error;
    bool ok() const { return !error.has_value(); }
    static Outcome fail(Response r) { return {{}, std::move(r)}; }
};

// State changes shared by the API routes, the control API and the seed loader. With `emit`
// each change produces the event WorkOS would send (workos-api.md §10.5).
namespace domain {

// Metadata rules: string values, at most 50 keys, keys up to 40 and values up to 600 characters.
std::optional<Response> checkMetadata(const QJsonValue &metadata);

Outcome createUser(Emulator &emu, const QJsonObject &body, bool notify);
Outcome updateUser(Emulator &emu, const QString &id, const QJsonObject &body, bool notify);
std::optional<Response> deleteUser(Emulator &emu, const QString &id, bool notify);
bool checkPassword(Emulator &emu, const QString &userId, const QString &password);
void setPassword(Emulator &emu, const QString &userId, const QString &password);

Outcome createOrganization(Emulator &emu, const QJsonObject &body, bool notify);
Outcome updateOrganization(Emulator &emu, const QString &id, const QJsonObject &body, bool notify);
std::optional<Response> deleteOrganization(Emulator &emu, const QString &id, bool notify);

QJsonObject createRole(Emulator &emu, const QJsonObject &spec, const QString &organizationId = {});
QList<QJsonObject> rolesFor(Emulator &emu, const QString &organizationId);
QStringList permissionsFor(Emulator &emu, const QString &organizationId, const QString &roleSlug);

Outcome createMembership(Emulator &emu, const QJsonObject &body, bool notify);
Outcome updateMembership(Emulator &emu, const QString &id, const QJsonObject &body, bool notify);
Outcome setMembershipActive(Emulator &emu, const QString &id, bool active, bool notify);
std::optional<Response> deleteMembership(Emulator &emu, const QString &id, bool notify);
QJsonObject membershipForRest(Emulator &emu, const QJsonObject &membership);
QJsonObject membershipForEvent(const QJsonObject &membership);
// Active memberships of a user.
QList<QJsonObject> activeMemberships(Emulator &emu, const QString &userId);

Outcome createDirectory(Emulator &emu, const QJsonObject &body, bool notify);
std::optional<Response> deleteDirectory(Emulator &emu, const QString &id, bool notify);
Outcome createDirectoryGroup(Emulator &emu, const QString &directoryId, const QJsonObject &body, bool notify);
Outcome renameDirectoryGroup(Emulator &emu, const QString &id, const QString &name, bool notify);
std::optional<Response> deleteDirectoryGroup(Emulator &emu, const QString &id, bool notify);
Outcome createDirectoryUser(Emulator &emu, const QString &directoryId, const QJsonObject &body, bool notify);
Outcome updateDirectoryUser(Emulator &emu, const QString &id, const QJsonObject &body, bool notify);
std::optional<Response> deleteDirectoryUser(Emulator &emu, const QString &id, bool notify);
std::optional<Response> setGroupMember(Emulator &emu, const QString &groupId, const QString &userId, bool member, bool notify);
QJsonObject directoryUserForRest(Emulator &emu, const QJsonObject &user);

Outcome createConnection(Emulator &emu, const QJsonObject &body, bool notify);
Outcome setConnectionActive(Emulator &emu, const QString &id, bool active, bool notify);
std::optional<Response> deleteConnection(Emulator &emu, const QString &id, bool notify);

} // namespace domain
} // namespace emu

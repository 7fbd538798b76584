#include "model/Store.h"

namespace emu {

void Store::clear()
{
    for (Collection *c : {&users, &organizations, &memberships, &roles, &directories, &directoryUsers, &directoryGroups,
                          &connections, &sessions, &events, &auditEvents, &passwordResets, &emailVerifications,
                          &magicAuths, &webhookEndpoints})
        c->clear();
    userIdByEmail.clear();
    passwordHashes.clear();
    groupMembers.clear();
    authorizationCodes.clear();
    refreshTokens.clear();
    pendingAuthentications.clear();
    idempotency.clear();
}

} // namespace emu

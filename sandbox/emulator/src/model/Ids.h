#pragma once

#include <QString>

namespace emu {

// Production-shaped ids: "<prefix>_" + a 26-character Crockford base32 ULID (workos-api.md §1.6).
QString newUlid();
QString newId(const QString &prefix);
// Opaque random tokens (codes, refresh tokens, pending authentication tokens).
QString newToken(int length = 32);

} // namespace emu

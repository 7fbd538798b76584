#pragma once

#include <QByteArray>

namespace emu {

// WorkOS-Signature: "t=<unix ms>, v1=<lowercase hex HMAC-SHA256(secret, "<t>.<raw body>")>".
QByteArray webhookSignature(const QByteArray &secret, const QByteArray &body, qint64 timestampMs);

} // namespace emu

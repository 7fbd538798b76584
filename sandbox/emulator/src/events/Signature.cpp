#include "events/Signature.h"

#include <QMessageAuthenticationCode>

namespace emu {

QByteArray webhookSignature(const QByteArray &secret, const QByteArray &body, qint64 timestampMs)
{
    const QByteArray t = QByteArray::number(timestampMs);
    QByteArray signedPayload = t;
    signedPayload.append('.').append(body);
    const QByteArray mac = QMessageAuthenticationCode::hash(signedPayload, secret, QCryptographicHash::Sha256).toHex();
    return QByteArray("t=").append(t).append(", v1=").append(mac);
}

} // namespace emu

#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

namespace emu {

// application/x-www-form-urlencoded as browsers and SDKs write it: '+' is a space and "%2B" a
// plus. QUrlQuery leaves both as written, which would corrupt passwords and `state` values.
// The first occurrence of a repeated key wins.
QHash<QString, QString> decodeForm(const QByteArray &encoded);

} // namespace emu

#include "http/FormData.h"

#include <QUrl>

namespace emu {

namespace {
QString decodeComponent(QByteArray part)
{
    part.replace('+', ' ');
    return QUrl::fromPercentEncoding(part);
}
} // namespace

QHash<QString, QString> decodeForm(const QByteArray &encoded)
{
    QHash<QString, QString> out;
    for (const QByteArray &pair : encoded.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        const QString key = decodeComponent(eq < 0 ? pair : pair.left(eq));
        if (!out.contains(key))
            out.insert(key, eq < 0 ? QString() : decodeComponent(pair.mid(eq + 1)));
    }
    return out;
}

} // namespace emu

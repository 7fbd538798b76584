#include "model/Ids.h"

#include <QDateTime>
#include <QMutex>
#include <QRandomGenerator>

namespace emu {

namespace {
const char kCrockford[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
}

QString newUlid()
{
    // Monotonic within one millisecond, so ids sort in creation order like production's.
    static QMutex mutex;
    static qint64 lastMs = 0;
    static quint64 lastRandomHigh = 0; // 16 bits
    static quint64 lastRandomLow = 0;  // 64 bits
    QMutexLocker lock(&mutex);
    const qint64 ms = QDateTime::currentMSecsSinceEpoch();
    if (ms == lastMs) {
        if (++lastRandomLow == 0)
            ++lastRandomHigh;
    } else {
        lastMs = ms;
        lastRandomHigh = QRandomGenerator::global()->generate() & 0xFFFF;
        lastRandomLow = QRandomGenerator::global()->generate64() >> 1; // room to increment
    }
    char out[26];
    quint64 t = static_cast<quint64>(ms);
    for (int i = 9; i >= 0; --i) {
        out[i] = kCrockford[t & 31];
        t >>= 5;
    }
    // 80 random bits: 16 high + 64 low, written as 16 base32 characters.
    quint64 low = lastRandomLow;
    quint64 high = lastRandomHigh;
    for (int i = 25; i >= 10; --i) {
        out[i] = kCrockford[low & 31];
        low = (low >> 5) | ((high & 31) << 59);
        high >>= 5;
    }
    return QString::fromLatin1(out, 26);
}

QString newId(const QString &prefix)
{
    return prefix + QLatin1Char('_') + newUlid();
}

QString newToken(int length)
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    QString out;
    out.reserve(length);
    for (int i = 0; i < length; ++i)
        out.append(QLatin1Char(alphabet[QRandomGenerator::system()->bounded(62)]));
    return out;
}

} // namespace emu

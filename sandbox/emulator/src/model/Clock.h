#pragma once

#include <QDateTime>
#include <QString>

namespace emu {

// The emulator's notion of now. Tests move it (control API) to expire codes and tokens.
class Clock
{
public:
    QDateTime now() const { return QDateTime::currentDateTimeUtc().addMSecs(m_offsetMs); }
    qint64 nowSeconds() const { return now().toSecsSinceEpoch(); }
    QString iso() const { return iso(now()); }
    static QString iso(const QDateTime &t) { return t.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ")); }
    void advance(qint64 ms) { m_offsetMs += ms; }
    void reset() { m_offsetMs = 0; }
    qint64 offsetMs() const { return m_offsetMs; }

private:
    qint64 m_offsetMs = 0;
};

} // namespace emu

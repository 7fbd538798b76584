#pragma once

#include "http/Http.h"

#include <QList>
#include <optional>

namespace emu {

// Faults injected through the control API: for requests whose method and path match, answer
// with `status` (and `body`) and/or wait `latencyMs` first, `count` times (-1: until cleared).
struct Fault
{
    QByteArray method;      // empty: any
    QString pathPrefix;     // matches when the request path starts with it
    int status = 0;         // 0: no error, only latency
    QByteArray body;
    int latencyMs = 0;
    int retryAfterSeconds = 0;
    int count = 1;
};

class Faults
{
public:
    void add(const Fault &fault) { m_faults.append(fault); }
    void clear() { m_faults.clear(); }
    // The fault for this request, consuming one of its uses.
    std::optional<Fault> take(const QByteArray &method, const QString &path);
    qsizetype size() const { return m_faults.size(); }

private:
    QList<Fault> m_faults;
};

} // namespace emu

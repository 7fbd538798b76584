#include "Faults.h"

namespace emu {

std::optional<Fault> Faults::take(const QByteArray &method, const QString &path)
{
    for (qsizetype i = 0; i < m_faults.size(); ++i) {
        Fault &f = m_faults[i];
        if ((!f.method.isEmpty() && f.method != method) || !path.startsWith(f.pathPrefix))
            continue;
        const Fault hit = f;
        if (f.count > 0 && --f.count == 0)
            m_faults.removeAt(i);
        return hit;
    }
    return std::nullopt;
}

} // namespace emu

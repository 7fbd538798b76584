#include "http/Router.h"

namespace emu {

void Router::add(const QByteArray &method, const QString &pattern, Access access, Handler handler)
{
    m_routes.push_back({method, pattern.split(QLatin1Char('/'), Qt::SkipEmptyParts), access, std::move(handler)});
}

const Route *Router::match(const QByteArray &method, const QString &path, QHash<QString, QString> &params) const
{
    const QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    const Route *best = nullptr;
    int bestLiterals = -1;
    for (const Route &r : m_routes) {
        if (r.method != method || r.segments.size() != parts.size())
            continue;
        int literals = 0;
        bool ok = true;
        for (qsizetype i = 0; i < parts.size() && ok; ++i) {
            const QString &seg = r.segments.at(i);
            if (seg.startsWith(QLatin1Char('{')))
                ok = !parts.at(i).isEmpty();
            else if (seg == parts.at(i))
                ++literals;
            else
                ok = false;
        }
        if (ok && literals > bestLiterals) {
            best = &r;
            bestLiterals = literals;
        }
    }
    if (best) {
        params.clear();
        for (qsizetype i = 0; i < parts.size(); ++i) {
            const QString &seg = best->segments.at(i);
            if (seg.startsWith(QLatin1Char('{')))
                params.insert(seg.mid(1, seg.size() - 2), parts.at(i));
        }
    }
    return best;
}

} // namespace emu

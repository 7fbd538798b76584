#include "model/Collection.h"

namespace emu {

void Collection::insert(const QJsonObject &object)
{
    const QString id = object.value(QLatin1String("id")).toString();
    if (!m_byId.contains(id))
        m_order.append(id);
    m_byId.insert(id, object);
}

void Collection::update(const QJsonObject &object)
{
    insert(object);
}

bool Collection::remove(const QString &id)
{
    if (!m_byId.remove(id))
        return false;
    m_order.removeOne(id);
    return true;
}

void Collection::clear()
{
    m_order.clear();
    m_byId.clear();
}

QList<QJsonObject> Collection::select(const std::function<bool(const QJsonObject &)> &keep) const
{
    QList<QJsonObject> out;
    out.reserve(m_order.size());
    for (const QString &id : m_order) {
        const QJsonObject &o = m_byId.find(id).value();
        if (!keep || keep(o))
            out.append(o);
    }
    return out;
}

QVector<QString> Collection::ids(const std::function<bool(const QJsonObject &)> &keep) const
{
    if (!keep)
        return m_order;
    QVector<QString> out;
    for (const QString &id : m_order) {
        if (keep(m_byId.find(id).value()))
            out.append(id);
    }
    return out;
}

QJsonObject Collection::findFirst(const std::function<bool(const QJsonObject &)> &match) const
{
    for (const QString &id : m_order) {
        const QJsonObject &o = m_byId.find(id).value();
        if (match(o))
            return o;
    }
    return {};
}

} // namespace emu

#pragma once

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QVector>

#include <functional>

namespace emu {

// Resources of one kind in creation order, as their canonical JSON, keyed by "id".
class Collection
{
public:
    bool contains(const QString &id) const { return m_byId.contains(id); }
    QJsonObject get(const QString &id) const { return m_byId.value(id); }
    void insert(const QJsonObject &object);
    void update(const QJsonObject &object); // keeps the creation position
    bool remove(const QString &id);
    void clear();
    qsizetype size() const { return m_order.size(); }
    // In creation order; `keep` selects.
    QList<QJsonObject> select(const std::function<bool(const QJsonObject &)> &keep = {}) const;
    QJsonObject findFirst(const std::function<bool(const QJsonObject &)> &match) const;
    // Ids in creation order; without `keep` this is a cheap copy of the order.
    QVector<QString> ids(const std::function<bool(const QJsonObject &)> &keep = {}) const;

private:
    QVector<QString> m_order;
    QHash<QString, QJsonObject> m_byId;
};

} // namespace emu

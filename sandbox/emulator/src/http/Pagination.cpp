#include "http/Pagination.h"

#include "http/Errors.h"

#include <algorithm>

namespace emu {

std::optional<ListParams> ListParams::parse(const Request &request, Response &error, int maxLimit)
{
    ListParams p;
    if (request.query.hasQueryItem(QStringLiteral("limit"))) {
        bool ok = false;
        const int limit = request.queryValue(QStringLiteral("limit")).toInt(&ok);
        if (!ok || limit < 1 || limit > maxLimit) {
            error = errors::validation(QJsonArray{QJsonObject{{QStringLiteral("field"), QStringLiteral("limit")},
                                                              {QStringLiteral("code"), QStringLiteral("invalid")},
                                                              {QStringLiteral("message"),
                                                               QStringLiteral("limit must be between 1 and %1").arg(maxLimit)}}});
            return std::nullopt;
        }
        p.limit = limit;
    }
    if (request.query.hasQueryItem(QStringLiteral("order"))) {
        const QString order = request.queryValue(QStringLiteral("order"));
        if (order != u"asc" && order != u"desc" && order != u"normal") {
            error = errors::validation(QJsonArray{QJsonObject{{QStringLiteral("field"), QStringLiteral("order")},
                                                              {QStringLiteral("code"), QStringLiteral("invalid")},
                                                              {QStringLiteral("message"),
                                                               QStringLiteral("order must be asc, desc or normal")}}});
            return std::nullopt;
        }
        p.order = order;
    }
    p.before = request.queryValue(QStringLiteral("before"));
    p.after = request.queryValue(QStringLiteral("after"));
    return p;
}

QJsonObject paginateIds(const QVector<QString> &ids, const ListParams &params,
                        const std::function<QJsonObject(const QString &)> &fetch, bool withBefore)
{
    // "normal" lists newest first like "desc" but reads the cursors the other way round.
    const bool ascending = params.order == u"asc";
    QString after = params.after;
    QString before = params.before;
    if (params.order == u"normal")
        std::swap(after, before);

    const qsizetype n = ids.size();
    auto at = [&](qsizetype i) -> const QString & { return ids.at(ascending ? i : n - 1 - i); };
    auto indexOf = [&](const QString &id) -> qsizetype {
        const qsizetype raw = ids.indexOf(id);
        if (raw < 0)
            return -1; // unknown cursors are ignored
        return ascending ? raw : n - 1 - raw;
    };

    qsizetype start = 0;
    qsizetype end = n; // exclusive
    if (!after.isEmpty()) {
        const qsizetype i = indexOf(after);
        if (i >= 0)
            start = i + 1;
    }
    if (!before.isEmpty()) {
        const qsizetype i = indexOf(before);
        if (i >= 0)
            end = i;
    }
    qsizetype first = start;
    qsizetype last = std::min(end, start + params.limit);
    if (!before.isEmpty() && after.isEmpty()) {
        // Paging backwards: the page is the `limit` items just before the cursor.
        first = std::max(start, end - params.limit);
        last = end;
    }
    QJsonArray data;
    for (qsizetype i = first; i < last; ++i)
        data.append(fetch(at(i)));

    const QJsonValue nullValue(QJsonValue::Null);
    const bool hasPage = first < last;
    QJsonObject meta;
    meta.insert(QStringLiteral("after"), hasPage && last < n ? QJsonValue(at(last - 1)) : nullValue);
    if (withBefore)
        meta.insert(QStringLiteral("before"), hasPage && first > 0 ? QJsonValue(at(first)) : nullValue);
    if (params.order == u"normal" && withBefore) {
        const QJsonValue a = meta.value(QLatin1String("after"));
        meta.insert(QStringLiteral("after"), meta.value(QLatin1String("before")));
        meta.insert(QStringLiteral("before"), a);
    }
    return QJsonObject{{QStringLiteral("object"), QStringLiteral("list")},
                       {QStringLiteral("data"), data},
                       {QStringLiteral("list_metadata"), meta}};
}

QJsonObject paginate(const QList<QJsonObject> &items, const ListParams &params, bool withBefore)
{
    QVector<QString> ids;
    QHash<QString, qsizetype> position;
    ids.reserve(items.size());
    for (qsizetype i = 0; i < items.size(); ++i) {
        ids.append(items.at(i).value(QLatin1String("id")).toString());
        position.insert(ids.last(), i);
    }
    return paginateIds(ids, params, [&](const QString &id) { return items.at(position.value(id)); }, withBefore);
}

} // namespace emu

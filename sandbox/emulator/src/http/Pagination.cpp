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

QJsonObject paginate(const QList<QJsonObject> &items, const ListParams &params, bool withBefore)
{
    // "normal" lists newest first like "desc" but reads the cursors the other way round.
    const bool ascending = params.order == u"asc";
    QString after = params.after;
    QString before = params.before;
    if (params.order == u"normal")
        std::swap(after, before);

    const qsizetype n = items.size();
    auto at = [&](qsizetype i) -> const QJsonObject & { return items.at(ascending ? i : n - 1 - i); };
    auto indexOf = [&](const QString &id) -> qsizetype {
        for (qsizetype i = 0; i < n; ++i) {
            if (at(i).value(QLatin1String("id")).toString() == id)
                return i;
        }
        return -1; // unknown cursors are ignored
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
    QJsonArray data;
    qsizetype first = start;
    qsizetype last = start;
    if (!before.isEmpty() && after.isEmpty()) {
        // Paging backwards: the page is the `limit` items just before the cursor.
        first = std::max(start, end - params.limit);
        last = end;
    } else {
        first = start;
        last = std::min(end, start + params.limit);
    }
    for (qsizetype i = first; i < last; ++i)
        data.append(at(i));

    QJsonObject meta;
    const QJsonValue nullValue(QJsonValue::Null);
    const bool moreAfter = last < n;
    meta.insert(QStringLiteral("after"), moreAfter && !data.isEmpty()
                                             ? QJsonValue(data.last().toObject().value(QLatin1String("id")))
                                             : nullValue);
    if (withBefore)
        meta.insert(QStringLiteral("before"), first > 0 && !data.isEmpty()
                                                  ? QJsonValue(data.first().toObject().value(QLatin1String("id")))
                                                  : nullValue);
    if (params.order == u"normal" && withBefore) {
        const QJsonValue a = meta.value(QLatin1String("after"));
        meta.insert(QStringLiteral("after"), meta.value(QLatin1String("before")));
        meta.insert(QStringLiteral("before"), a);
    }
    return QJsonObject{{QStringLiteral("object"), QStringLiteral("list")},
                       {QStringLiteral("data"), data},
                       {QStringLiteral("list_metadata"), meta}};
}

} // namespace emu

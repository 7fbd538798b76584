#pragma once

#include "http/Http.h"

#include <QList>
#include <QVector>
#include <functional>
#include <optional>

namespace emu {

// List parameters and cursor semantics of workos-api.md §1.4: limit 1..100 (default 10),
// order asc|desc|normal (default desc), before/after cursors by id.
struct ListParams
{
    int limit = 10;
    QString order = QStringLiteral("desc");
    QString before;
    QString after;

    // nullopt and `error` set when a parameter is invalid (422).
    static std::optional<ListParams> parse(const Request &request, Response &error, int maxLimit = 100);
};

// Pages `ids` (creation order, oldest first), fetches only the page's objects and wraps them in
// the list envelope. `withBefore` false for endpoints whose metadata has only "after" (/events).
QJsonObject paginateIds(const QVector<QString> &ids, const ListParams &params,
                        const std::function<QJsonObject(const QString &)> &fetch, bool withBefore = true);
// The same for objects already at hand (small or transformed lists).
QJsonObject paginate(const QList<QJsonObject> &items, const ListParams &params, bool withBefore = true);

} // namespace emu

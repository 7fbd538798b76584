#pragma once

#include "http/Http.h"

#include <QList>
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

// Pages `items` (in creation order, oldest first) and wraps them in the list envelope.
// `withBefore` false for endpoints whose metadata has only "after" (/events).
QJsonObject paginate(const QList<QJsonObject> &items, const ListParams &params, bool withBefore = true);

} // namespace emu

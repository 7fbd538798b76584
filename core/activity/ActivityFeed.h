#pragma once

#include "site/CompanionClient.h"
#include "util/Result.h"

#include <QJsonArray>

#include <functional>

namespace workos {

// What a pull does with the companion's activity feed as it reads it.
struct ActivityFeedSteps
{
    // Stores one page; calls `stored` when done (at once, or later from another thread's work).
    std::function<void(const QJsonArray &items, std::function<void(Result<int>)> stored)> store;
    // After each stored page, with the total stored so far; false stops after that page.
    std::function<bool(qint64)> progress;
    // The total stored, or the first error; reachedEnd when the feed said it has nothing more.
    std::function<void(Result<qint64>, bool reachedEnd)> done;
};

// Reads GET admin/activity after `afterId`, one page of ActivityCache::PageSize at a time, each
// stored before the next is asked for: the one loop behind ActivityCache::pull (storing inline,
// for the CLI) and ActivityPull (storing on a worker thread, for the console).
void readActivityFeed(CompanionClient &client, QObject *context, qint64 afterId, ActivityFeedSteps steps);

} // namespace workos

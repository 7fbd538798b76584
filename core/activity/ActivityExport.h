#pragma once

#include "activity/ActivityCache.h"
#include "output/Table.h"
#include "util/Result.h"

#include <QList>

#include <functional>

class QIODevice;

namespace workos {

enum class ActivityExportFormat { Csv, Json };

// The columns `wpworkos activity list` prints and a CSV export has: id, created_at, event_type,
// user_id, user_email, ip_address, details (the metadata as compact JSON).
Table activityTable(const QList<ActivityEvent> &events);

// Every event the filter selects (at most filter.limit when it is > 0), oldest first: CSV with the
// list's columns, or a JSON array of the feed's items, indented. The cache is read a page at a
// time, so a million events need no more memory than one page. progress(written so far) after
// each page; returning false cancels (an Error with code "cancelled").
Result<qint64> exportActivity(const ActivityCache &cache, const ActivityFilter &filter, ActivityExportFormat format,
                              QIODevice &out, const std::function<bool(qint64)> &progress = {});

// The same into a file, which is replaced only when the export is complete: a cancelled or failed
// export leaves whatever was there before.
Result<qint64> exportActivityToFile(const ActivityCache &cache, const ActivityFilter &filter, ActivityExportFormat format,
                                    const QString &path, const std::function<bool(qint64)> &progress = {});

} // namespace workos

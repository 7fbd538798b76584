#pragma once

#include "util/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace workos {

// Which events of a site's activity log to show, export or count. The CLI builds one from its
// options, the console from its filter bar; a saved filter is one stored under a name.
struct ActivityFilter
{
    Q_DECLARE_TR_FUNCTIONS(ActivityFilter)
public:
    QString typePrefix;   // "webhook_" matches webhook_applied, webhook_rejected…
    QString eventType;    // exactly this type ("login" does not match login_failed)
    QString user;         // a WordPress user id, or an e-mail address (exact, case-insensitive)
    QDateTime from, to;   // created_at bounds (inclusive), UTC
    QString search;       // full-text words over type, e-mail, WorkOS id, IP, user agent and metadata
    int limit = 100;
    bool newestFirst = true;
    // Keyset paging: only events past this id in the order asked (older when newestFirst), so the
    // next page costs the same as the first however deep the reader is. 0: from the start.
    qint64 after = 0;

    // The words the search looks for: what the full-text index can match (letters and digits;
    // punctuation alone, like "(" or "*", is no word). Quotes, "AND", "*" are never syntax.
    QStringList searchWords() const;
    // A clear message when the filter cannot select anything sensible (from after to).
    Result<void> validate() const;
    // The parts a saved filter keeps (not limit, order or paging).
    QJsonObject toJson() const;
    static ActivityFilter fromJson(const QJsonObject &json);
    bool sameSelection(const ActivityFilter &other) const;

    // A date or time as the CLI and saved filters take it: ISO 8601, UTC when no zone is given;
    // a date alone is the start of that day, or its last second when endOfDay.
    static std::optional<QDateTime> parseTime(const QString &text, bool endOfDay);
};

} // namespace workos

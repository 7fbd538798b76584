#include "activity/ActivityFilter.h"

#include <QRegularExpression>

#include <algorithm>

namespace workos {

QStringList ActivityFilter::searchWords() const
{
    QStringList words;
    for (const QString &word : search.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts)) {
        if (std::any_of(word.cbegin(), word.cend(), [](QChar c) { return c.isLetterOrNumber(); }))
            words << word;
    }
    return words;
}

Result<void> ActivityFilter::validate() const
{
    if (from.isValid() && to.isValid() && from > to)
        return Error{tr("The start (%1) is after the end (%2): no event can be in that range.")
                         .arg(from.toUTC().toString(Qt::ISODate), to.toUTC().toString(Qt::ISODate)),
                     QStringLiteral("activity_range")};
    return {};
}

QJsonObject ActivityFilter::toJson() const
{
    QJsonObject json;
    const auto put = [&json](const char *key, const QString &value) {
        if (!value.isEmpty())
            json.insert(QLatin1String(key), value);
    };
    put("type_prefix", typePrefix);
    put("event_type", eventType);
    put("user", user);
    put("from", from.isValid() ? from.toUTC().toString(Qt::ISODate) : QString());
    put("to", to.isValid() ? to.toUTC().toString(Qt::ISODate) : QString());
    put("search", search);
    return json;
}

ActivityFilter ActivityFilter::fromJson(const QJsonObject &json)
{
    ActivityFilter f;
    f.typePrefix = json.value(u"type_prefix").toString();
    f.eventType = json.value(u"event_type").toString();
    f.user = json.value(u"user").toString();
    f.from = parseTime(json.value(u"from").toString(), false).value_or(QDateTime());
    f.to = parseTime(json.value(u"to").toString(), true).value_or(QDateTime());
    f.search = json.value(u"search").toString();
    return f;
}

bool ActivityFilter::sameSelection(const ActivityFilter &other) const
{
    return typePrefix == other.typePrefix && eventType == other.eventType && user == other.user && from == other.from
        && to == other.to && search == other.search;
}

std::optional<QDateTime> ActivityFilter::parseTime(const QString &text, bool endOfDay)
{
    QDateTime at = QDateTime::fromString(text, Qt::ISODate);
    if (!at.isValid()) {
        const QDate day = QDate::fromString(text, Qt::ISODate);
        if (!day.isValid())
            return std::nullopt;
        at = QDateTime(day, endOfDay ? QTime(23, 59, 59) : QTime(0, 0), Qt::UTC);
    }
    if (at.timeSpec() == Qt::LocalTime)
        at.setTimeSpec(Qt::UTC); // dates without a zone are UTC, as the log is
    return at.toUTC();
}

} // namespace workos

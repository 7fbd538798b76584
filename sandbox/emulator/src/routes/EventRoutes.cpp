#include "Emulator.h"
#include "http/Errors.h"
#include "http/Pagination.h"
#include "routes/Routes.h"

#include <QRegularExpression>

namespace emu {

namespace {

// Production's checks as reported in workos-api.md §7: milliseconds and a literal Z, a range
// of at most 30 days, and range_start never together with after. Decided status: 422, whose
// body the spec gives as {message, errors: [{field, code}]} (errors required).
Response invalid(const QString &message, const QString &field)
{
    return Response::json(422, QJsonObject{{QStringLiteral("message"), message},
                                           {QStringLiteral("errors"), QJsonArray{QJsonObject{{QStringLiteral("field"), field},
                                                                                             {QStringLiteral("code"), QStringLiteral("invalid")}}}}});
}

std::optional<QDateTime> parseRangeBound(const QString &value)
{
    static const QRegularExpression strict(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$"));
    if (!strict.match(value).hasMatch())
        return std::nullopt;
    const QDateTime t = QDateTime::fromString(value, Qt::ISODateWithMs);
    return t.isValid() ? std::optional<QDateTime>(t) : std::nullopt;
}

} // namespace

void registerEventRoutes(Emulator &emu)
{
    emu.router().get(QStringLiteral("/events"), Access::ApiKey, [&emu](Request &req) {
        Response error;
        const auto params = ListParams::parse(req, error);
        if (!params)
            return error;
        const QStringList types = req.queryList(QStringLiteral("events"));
        if (types.isEmpty())
            return Response::json(422, QJsonObject{{QStringLiteral("message"), QStringLiteral("Validation failed.")},
                                                   {QStringLiteral("errors"), QJsonArray{QJsonObject{{QStringLiteral("code"), QStringLiteral("required")},
                                                                                                     {QStringLiteral("field"), QStringLiteral("events")}}}}});
        const QString rangeStart = req.queryValue(QStringLiteral("range_start"));
        const QString rangeEnd = req.queryValue(QStringLiteral("range_end"));
        if (!rangeStart.isEmpty() && !params->after.isEmpty())
            return invalid(QStringLiteral("Only one of range_start and after may be provided."), QStringLiteral("after"));
        std::optional<QDateTime> start;
        std::optional<QDateTime> end;
        if (!rangeStart.isEmpty() && !(start = parseRangeBound(rangeStart)))
            return invalid(QStringLiteral("Invalid range. Start date is not a valid ISO 8601 date."), QStringLiteral("range_start"));
        if (!rangeEnd.isEmpty() && !(end = parseRangeBound(rangeEnd)))
            return invalid(QStringLiteral("Invalid range. End date is not a valid ISO 8601 date."), QStringLiteral("range_end"));
        const QDateTime effectiveEnd = end.value_or(emu.clock().now());
        if (start && start->msecsTo(effectiveEnd) > qint64(30) * 24 * 3600 * 1000)
            return invalid(QStringLiteral("Date ranges cannot be longer than 30 days."), QStringLiteral("range_start"));
        const QString orgId = req.queryValue(QStringLiteral("organization_id"));
        const auto events = emu.store().events.select([&](const QJsonObject &e) {
            if (!types.contains(e.value(QLatin1String("event")).toString()))
                return false;
            if (start || end) {
                const QDateTime at = QDateTime::fromString(e.value(QLatin1String("created_at")).toString(), Qt::ISODateWithMs);
                if ((start && at < *start) || (end && at > *end))
                    return false;
            }
            if (!orgId.isEmpty()) {
                const QJsonObject data = e.value(QLatin1String("data")).toObject();
                const bool isOrg = data.value(QLatin1String("object")).toString() == u"organization";
                if ((isOrg ? data.value(QLatin1String("id")) : data.value(QLatin1String("organization_id"))).toString() != orgId)
                    return false;
            }
            return true;
        });
        return Response::json(200, paginate(events, *params, false));
    });
}

} // namespace emu

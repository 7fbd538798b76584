#include "activity/ActivityFeed.h"

#include "activity/ActivityCache.h"

#include <QUrlQuery>

#include <memory>

namespace workos {

namespace {

void nextPage(CompanionClient &client, QObject *context, qint64 afterId, std::shared_ptr<ActivityFeedSteps> steps, qint64 stored)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("after_id"), QString::number(afterId));
    query.addQueryItem(QStringLiteral("limit"), QString::number(ActivityCache::PageSize));
    client.call("GET", QStringLiteral("admin/activity"), query, {}, context,
                [&client, context, steps, stored, afterId](const Result<QJsonObject> &page) {
        if (!page)
            return steps->done(page.error(), false);
        const QJsonArray items = page->value(u"items").toArray();
        const bool more = page->value(u"has_more").toBool() && !items.isEmpty();
        const qint64 next = items.isEmpty() ? afterId : static_cast<qint64>(items.last()[QStringLiteral("id")].toDouble());
        steps->store(items, [&client, context, steps, stored, more, next](const Result<int> &saved) {
            if (!saved)
                return steps->done(saved.error(), false);
            const qint64 total = stored + saved.value();
            if (!steps->progress(total) || !more)
                return steps->done(total, !more);
            nextPage(client, context, next, steps, total);
        });
    });
}

} // namespace

void readActivityFeed(CompanionClient &client, QObject *context, qint64 afterId, ActivityFeedSteps steps)
{
    nextPage(client, context, afterId, std::make_shared<ActivityFeedSteps>(std::move(steps)), 0);
}

} // namespace workos

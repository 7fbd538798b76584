#include "orgs/OrgService.h"

#include <QUrl>
#include <QUrlQuery>

namespace workos {

namespace {

constexpr int kPage = 500;

void page(std::shared_ptr<CompanionClient> client, const QString &route, int offset, QJsonArray sofar, QObject *context,
          std::function<void(Result<QJsonArray>)> done)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QString::number(kPage));
    query.addQueryItem(QStringLiteral("offset"), QString::number(offset));
    client->call("GET", route, query, {}, context, [client, route, offset, sofar, context, done](const Result<QJsonObject> &answer) mutable {
        if (!answer)
            return done(answer.error());
        const QJsonArray items = answer->value(u"items").toArray();
        for (const QJsonValue &v : items)
            sofar.append(v);
        const int total = answer->value(u"total").toInt();
        if (items.isEmpty() || sofar.size() >= total)
            return done(sofar);
        page(client, route, offset + static_cast<int>(items.size()), sofar, context, done);
    });
}

QString escaped(const QString &id)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(id));
}

} // namespace

void OrgService::listAll(std::shared_ptr<CompanionClient> client, QObject *context, std::function<void(Result<QJsonArray>)> done)
{
    page(std::move(client), QStringLiteral("admin/orgs"), 0, {}, context, std::move(done));
}

void OrgService::find(std::shared_ptr<CompanionClient> client, const QString &id, By by, QObject *context,
                      std::function<void(Result<QJsonObject>)> done)
{
    const Error notFound{tr("Organization not found."), QStringLiteral("not_found"), 404};
    if (by == By::WorkOSId) {
        client->call("GET", QStringLiteral("admin/orgs/") + escaped(id), {}, context, [done, notFound](const Result<QJsonObject> &org) {
            if (!org && org.error().httpStatus == 404)
                return done(notFound);
            done(org);
        });
        return;
    }
    listAll(client, context, [id, done, notFound](const Result<QJsonArray> &all) {
        if (!all)
            return done(all.error());
        for (const QJsonValue &v : all.value()) {
            if (QString::number(v.toObject().value(u"local_id").toInteger()) == id)
                return done(v.toObject());
        }
        done(notFound);
    });
}

void OrgService::members(std::shared_ptr<CompanionClient> client, const QString &workosOrgId, QObject *context,
                         std::function<void(Result<QJsonArray>)> done)
{
    page(std::move(client), QStringLiteral("admin/orgs/") + escaped(workosOrgId) + QStringLiteral("/members"), 0, {}, context,
         std::move(done));
}

} // namespace workos

#include "orgs/OrgService.h"

#include <QJsonDocument>
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

void OrgService::cacheFromWorkOS(std::shared_ptr<CompanionClient> client, const QJsonObject &workosOrganization,
                                 QObject *context, std::function<void(Result<QJsonObject>)> done)
{
    QJsonArray domains;
    for (const QJsonValue &d : workosOrganization.value(u"domains").toArray())
        domains.append(d.toObject().value(u"domain").toString());
    const QJsonObject body{{QStringLiteral("id"), workosOrganization.value(u"id")},
                           {QStringLiteral("name"), workosOrganization.value(u"name")},
                           {QStringLiteral("domains"), domains}};
    client->call("POST", QStringLiteral("admin/orgs"), QJsonDocument(body).toJson(QJsonDocument::Compact), context,
                 [client, done = std::move(done)](const Result<QJsonObject> &saved) { done(saved); });
}

namespace {

void syncPages(std::shared_ptr<CompanionClient> client, const QString &after, QJsonObject totals, QObject *context,
               std::function<void(Result<QJsonObject>)> done)
{
    QJsonObject body{{QStringLiteral("max_pages"), 10}};
    if (!after.isEmpty())
        body.insert(QStringLiteral("after"), after);
    client->call("POST", QStringLiteral("admin/orgs/sync"), QJsonDocument(body).toJson(QJsonDocument::Compact), context,
                 [client, totals, context, done](const Result<QJsonObject> &report) mutable {
        if (!report)
            return done(report.error());
        for (const char *count : {"created", "updated", "unchanged"})
            totals.insert(QLatin1String(count), totals.value(QLatin1String(count)).toInt() + report->value(QLatin1String(count)).toInt());
        QJsonArray failed = totals.value(u"failed").toArray();
        for (const QJsonValue &f : report->value(u"failed").toArray())
            failed.append(f);
        totals.insert(QStringLiteral("failed"), failed);
        const QString next = report->value(u"next_after").toString();
        if (report->value(u"complete").toBool() || next.isEmpty())
            return done(totals);
        syncPages(client, next, totals, context, done);
    });
}

} // namespace

void OrgService::syncFromWorkOS(std::shared_ptr<CompanionClient> client, QObject *context,
                                std::function<void(Result<QJsonObject>)> done)
{
    syncPages(std::move(client), QString(), QJsonObject{{QStringLiteral("failed"), QJsonArray()}}, context, std::move(done));
}

void OrgService::sites(std::shared_ptr<CompanionClient> client, const QString &workosOrgId, QObject *context,
                       std::function<void(Result<QJsonArray>)> done)
{
    client->call("GET", QStringLiteral("admin/orgs/") + escaped(workosOrgId) + QStringLiteral("/sites"), {}, context,
                 [client, done = std::move(done)](const Result<QJsonObject> &answer) {
        if (!answer)
            return done(answer.error());
        done(answer->value(u"sites").toArray());
    });
}

namespace {

void networkPage(std::shared_ptr<CompanionClient> client, qint64 after, QJsonArray sofar, QObject *context,
                 std::function<void(Result<QJsonArray>)> done)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("after"), QString::number(after));
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("100"));
    client->call("GET", QStringLiteral("admin/network/sites"), query, {}, context,
                 [client, sofar, context, done](const Result<QJsonObject> &page) mutable {
        if (!page)
            return done(page.error());
        const QJsonArray sites = page->value(u"sites").toArray();
        for (const QJsonValue &site : sites)
            sofar.append(site);
        const QJsonValue next = page->value(u"next_after");
        if (next.isNull() || next.isUndefined() || sites.isEmpty())
            return done(sofar);
        networkPage(client, next.toInteger(), sofar, context, done);
    });
}

} // namespace

void OrgService::networkSites(std::shared_ptr<CompanionClient> client, QObject *context,
                              std::function<void(Result<QJsonArray>)> done)
{
    networkPage(std::move(client), 0, {}, context, std::move(done));
}

void OrgService::setSites(std::shared_ptr<CompanionClient> client, const QString &workosOrgId, const QJsonArray &sites,
                          QObject *context, std::function<void(Result<QJsonArray>)> done)
{
    const QJsonObject body{{QStringLiteral("sites"), sites}};
    client->call("PUT", QStringLiteral("admin/orgs/") + escaped(workosOrgId) + QStringLiteral("/sites"),
                 QJsonDocument(body).toJson(QJsonDocument::Compact), context,
                 [client, done = std::move(done)](const Result<QJsonObject> &answer) {
        if (!answer)
            return done(answer.error());
        done(answer->value(u"sites").toArray());
    });
}

} // namespace workos

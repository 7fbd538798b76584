#include "workos/WorkOSClient.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace workos {

WorkOSClient::WorkOSClient(HttpClient *http, WorkOSEndpoint endpoint, QObject *parent)
    : QObject(parent), m_http(http), m_endpoint(std::move(endpoint))
{
}

HttpRequest WorkOSClient::request(const QByteArray &method, const QString &path, const QUrlQuery &query) const
{
    HttpRequest req;
    req.method = method;
    QUrl url = m_endpoint.baseUrl;
    url.setPath(url.path().chopped(url.path().endsWith(QLatin1Char('/')) ? 1 : 0) + path);
    url.setQuery(query);
    req.url = url;
    req.headers.append({QByteArrayLiteral("Authorization"), "Bearer " + m_endpoint.apiKey.toUtf8()});
    return req;
}

Error WorkOSClient::errorOf(const HttpResponse &response)
{
    Error error;
    error.httpStatus = response.status;
    if (!response.transportOk()) {
        error.code = response.failure == HttpResponse::Failure::Tls ? QStringLiteral("tls_error") : QStringLiteral("unreachable");
        error.message = tr("WorkOS at %1 could not be reached: %2").arg(response.url.host(), response.errorString);
        return error;
    }
    const QJsonObject body = response.json().object();
    error.code = body.value(QLatin1String("code")).toString(body.value(QLatin1String("error")).toString());
    QString said = body.value(QLatin1String("message")).toString(body.value(QLatin1String("error_description")).toString());
    if (said.isEmpty())
        said = QString::fromUtf8(response.body.left(200)).simplified();
    switch (response.status) {
    case 401:
        error.message = tr("WorkOS refused the API key (401): check the key stored for this environment. %1").arg(said);
        break;
    case 403:
        error.message = tr("WorkOS does not allow this for the API key (403): %1").arg(said);
        break;
    case 404:
        error.message = tr("WorkOS does not know it (404): %1").arg(said);
        break;
    case 429:
        error.message = tr("WorkOS is rate-limiting this key (429); try again later. %1").arg(said);
        break;
    default:
        error.message = response.status >= 500 ? tr("WorkOS had a problem (%1): %2").arg(response.status).arg(said)
                                                : tr("WorkOS refused the request (%1): %2").arg(response.status).arg(said);
    }
    error.message = error.message.trimmed();
    if (error.code.isEmpty())
        error.code = QStringLiteral("http_%1").arg(response.status);
    return error;
}

void WorkOSClient::get(const QString &path, const QUrlQuery &query, JsonCallback done)
{
    m_http->send(request("GET", path, query), this, [self = weak_from_this().lock(), done = std::move(done)](const HttpResponse &response) {
        if (!response.isSuccess())
            return done(errorOf(response));
        done(response.json().object());
    });
}

void WorkOSClient::send(const QByteArray &method, const QString &path, const QJsonObject &body, JsonCallback done)
{
    HttpRequest req = request(method, path, {});
    if (!body.isEmpty()) {
        req.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
        req.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    }
    m_http->send(req, this, [self = weak_from_this().lock(), done = std::move(done)](const HttpResponse &response) {
        if (!response.isSuccess())
            return done(errorOf(response));
        done(response.json().object());
    });
}

void WorkOSClient::forEachPage(const QString &path, const QUrlQuery &filter, PageCallback onPage, DoneCallback done,
                               int pageSize)
{
    QUrlQuery query = filter;
    query.removeAllQueryItems(QStringLiteral("limit"));
    query.addQueryItem(QStringLiteral("limit"), QString::number(qBound(1, pageSize, MaxPageSize)));
    nextPage(path, query, std::move(onPage), std::move(done), 0, m_generation);
}

void WorkOSClient::nextPage(const QString &path, QUrlQuery query, PageCallback onPage, DoneCallback done,
                            int delivered, quint64 generation)
{
    get(path, query, [=](const Result<QJsonObject> &page) mutable {
        if (generation != m_generation)
            return done(Error{tr("Canceled."), QStringLiteral("canceled"), 0});
        if (!page)
            return done(page.error());
        const QJsonArray items = page->value(QLatin1String("data")).toArray();
        delivered += static_cast<int>(items.size());
        const bool more = onPage(items);
        const QString after = page->value(QLatin1String("list_metadata")).toObject().value(QLatin1String("after")).toString();
        if (!more || after.isEmpty() || items.isEmpty())
            return done(delivered);
        if (generation != m_generation)
            return done(Error{tr("Canceled."), QStringLiteral("canceled"), 0});
        query.removeAllQueryItems(QStringLiteral("after"));
        query.addQueryItem(QStringLiteral("after"), after);
        nextPage(path, query, std::move(onPage), std::move(done), delivered, generation);
    });
}

void WorkOSClient::cancel()
{
    ++m_generation;
}

void WorkOSClient::getUser(const QString &id, JsonCallback done)
{
    get(QStringLiteral("/user_management/users/") + QString::fromLatin1(QUrl::toPercentEncoding(id)), {}, std::move(done));
}

void WorkOSClient::listUsers(const QUrlQuery &filter, PageCallback onPage, DoneCallback done)
{
    forEachPage(QStringLiteral("/user_management/users"), filter, std::move(onPage), std::move(done));
}

void WorkOSClient::getOrganization(const QString &id, JsonCallback done)
{
    get(QStringLiteral("/organizations/") + QString::fromLatin1(QUrl::toPercentEncoding(id)), {}, std::move(done));
}

void WorkOSClient::listOrganizations(const QUrlQuery &filter, PageCallback onPage, DoneCallback done)
{
    forEachPage(QStringLiteral("/organizations"), filter, std::move(onPage), std::move(done));
}

void WorkOSClient::listOrganizationRoles(const QString &organizationId, JsonCallback done)
{
    // The current path; /organizations/{id}/roles is the legacy one (workos-api.md §4.2).
    get(QStringLiteral("/authorization/organizations/") + QString::fromLatin1(QUrl::toPercentEncoding(organizationId)) +
            QStringLiteral("/roles"),
        {}, std::move(done));
}

void WorkOSClient::createOrganization(const QString &name, const QStringList &domains, JsonCallback done)
{
    QJsonObject body{{QStringLiteral("name"), name}};
    // Pending until verified in WorkOS's dashboard: the console cannot prove domain ownership.
    QJsonArray domainData;
    for (const QString &domain : domains)
        domainData.append(QJsonObject{{QStringLiteral("domain"), domain}, {QStringLiteral("state"), QStringLiteral("pending")}});
    if (!domainData.isEmpty())
        body.insert(QStringLiteral("domain_data"), domainData);
    send("POST", QStringLiteral("/organizations"), body, std::move(done));
}

void WorkOSClient::listMemberships(const QString &userId, const QString &organizationId, PageCallback onPage,
                                   DoneCallback done)
{
    QUrlQuery filter;
    if (!userId.isEmpty())
        filter.addQueryItem(QStringLiteral("user_id"), userId);
    if (!organizationId.isEmpty())
        filter.addQueryItem(QStringLiteral("organization_id"), organizationId);
    forEachPage(QStringLiteral("/user_management/organization_memberships"), filter, std::move(onPage), std::move(done));
}

} // namespace workos

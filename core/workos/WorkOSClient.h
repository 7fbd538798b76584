#pragma once

#include "net/HttpClient.h"
#include "util/Result.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QUrlQuery>

#include <functional>
#include <memory>

namespace workos {

// Where and as whom the console talks to WorkOS. The API key comes from the keychain and lives
// only in memory here.
struct WorkOSEndpoint
{
    QUrl baseUrl = defaultBaseUrl();
    QString apiKey;

    static QUrl defaultBaseUrl() { return QUrl(QStringLiteral("https://api.workos.com")); }
};

// The typed WorkOS API client of the console: API-key auth, WorkOS's error bodies turned into
// messages an admin can act on, and cursor iteration over list endpoints (list_metadata.after)
// that can be stopped by the page callback or cancel(). Retries (429, 5xx of reads) are the
// HttpClient's. A client owned by a shared_ptr keeps itself alive while a request is in
// flight, so a caller may drop its pointer before the answer comes.
class WorkOSClient : public QObject, public std::enable_shared_from_this<WorkOSClient>
{
    Q_OBJECT
public:
    using JsonCallback = std::function<void(const Result<QJsonObject> &)>;
    // One page of a list; return false to stop after it.
    using PageCallback = std::function<bool(const QJsonArray &items)>;
    // The end of an iteration: how many items were delivered, or why it stopped early.
    using DoneCallback = std::function<void(const Result<int> &)>;

    static constexpr int MaxPageSize = 100;

    WorkOSClient(HttpClient *http, WorkOSEndpoint endpoint, QObject *parent = nullptr);

    void get(const QString &path, const QUrlQuery &query, JsonCallback done);
    void send(const QByteArray &method, const QString &path, const QJsonObject &body, JsonCallback done);
    void forEachPage(const QString &path, const QUrlQuery &filter, PageCallback onPage, DoneCallback done,
                     int pageSize = MaxPageSize);
    // Stops running iterations before their next page (their DoneCallback reports "canceled").
    void cancel();

    void getUser(const QString &id, JsonCallback done);
    void listUsers(const QUrlQuery &filter, PageCallback onPage, DoneCallback done);
    void getOrganization(const QString &id, JsonCallback done);
    void listOrganizations(const QUrlQuery &filter, PageCallback onPage, DoneCallback done);
    void listMemberships(const QString &userId, const QString &organizationId, PageCallback onPage,
                         DoneCallback done);
    // The roles the organization's members can have — the environment's and its own — in
    // WorkOS's priority order: {"object": "list", "data": [role…]} (not paginated).
    void listOrganizationRoles(const QString &organizationId, JsonCallback done);
    // Creates an organization in WorkOS (POST /organizations {name, domain_data}); answers it.
    void createOrganization(const QString &name, const QStringList &domains, JsonCallback done);

    // The message and code of a failed answer (WorkOS's {message, code} or {error, error_description}).
    static Error errorOf(const HttpResponse &response);

private:
    void nextPage(const QString &path, QUrlQuery query, PageCallback onPage, DoneCallback done, int delivered,
                  quint64 generation);
    HttpRequest request(const QByteArray &method, const QString &path, const QUrlQuery &query) const;

    HttpClient *m_http;
    WorkOSEndpoint m_endpoint;
    quint64 m_generation = 0; // bumped by cancel()
};

} // namespace workos

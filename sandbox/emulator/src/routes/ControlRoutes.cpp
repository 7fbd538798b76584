#include "Emulator.h"
#include "events/WebhookDispatcher.h"
#include "http/Errors.h"
#include "http/JsonBody.h"
#include "model/Domain.h"
#include "routes/Routes.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace emu {

namespace {

Response fromOutcome(const Outcome &o, int status = 200)
{
    return o.ok() ? Response::json(status, o.value) : *o.error;
}

Response fromError(const std::optional<Response> &e)
{
    return e ? *e : Response::json(200, QJsonObject{{QStringLiteral("success"), true}});
}

QJsonObject counts(Emulator &emu)
{
    Store &s = emu.store();
    return QJsonObject{{QStringLiteral("users"), s.users.size()},
                       {QStringLiteral("organizations"), s.organizations.size()},
                       {QStringLiteral("memberships"), s.memberships.size()},
                       {QStringLiteral("directories"), s.directories.size()},
                       {QStringLiteral("directory_users"), s.directoryUsers.size()},
                       {QStringLiteral("directory_groups"), s.directoryGroups.size()},
                       {QStringLiteral("sessions"), s.sessions.size()},
                       {QStringLiteral("events"), s.events.size()},
                       {QStringLiteral("audit_events"), s.auditEvents.size()}};
}

void registerStateRoutes(Emulator &emu, Router &r)
{
    r.get(QStringLiteral("/_emulator/health"), Access::Control, [&emu](Request &) {
        return Response::json(200, QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")},
                                               {QStringLiteral("base_url"), emu.baseUrl()},
                                               {QStringLiteral("client_id"), emu.config().clientId},
                                               {QStringLiteral("counts"), counts(emu)}});
    });
    r.post(QStringLiteral("/_emulator/reset"), Access::Control, [&emu](Request &) {
        const QString error = emu.loadSeed(emu.lastSeed());
        return error.isEmpty() ? Response::json(200, counts(emu)) : errors::standard(500, QStringLiteral("seed_failed"), error);
    });
    r.post(QStringLiteral("/_emulator/seed"), Access::Control, [&emu](Request &req) {
        Response bad;
        const auto body = jsonBody(req, bad);
        if (!body)
            return bad;
        const QString error = emu.loadSeed(*body);
        return error.isEmpty() ? Response::json(200, counts(emu)) : errors::standard(400, QStringLiteral("invalid_seed"), error);
    });
    r.post(QStringLiteral("/_emulator/clock"), Access::Control, [&emu](Request &req) {
        Response bad;
        const auto body = jsonBody(req, bad);
        if (!body)
            return bad;
        emu.clock().advance(static_cast<qint64>(body->value(QLatin1String("advance_seconds")).toDouble() * 1000)
                            + static_cast<qint64>(body->value(QLatin1String("advance_ms")).toDouble()));
        return Response::json(200, QJsonObject{{QStringLiteral("now"), emu.clock().iso()},
                                               {QStringLiteral("offset_ms"), emu.clock().offsetMs()}});
    });
    r.del(QStringLiteral("/_emulator/clock"), Access::Control, [&emu](Request &) {
        emu.clock().reset();
        return Response::json(200, QJsonObject{{QStringLiteral("now"), emu.clock().iso()}});
    });
    r.post(QStringLiteral("/_emulator/faults"), Access::Control, [&emu](Request &req) {
        Response bad;
        const auto body = jsonBody(req, bad);
        if (!body)
            return bad;
        Fault f;
        f.method = body->value(QLatin1String("method")).toString().toUpper().toLatin1();
        f.pathPrefix = body->value(QLatin1String("path")).toString();
        f.status = body->value(QLatin1String("status")).toInt();
        f.latencyMs = body->value(QLatin1String("latency_ms")).toInt();
        f.retryAfterSeconds = body->value(QLatin1String("retry_after")).toInt();
        f.count = body->value(QLatin1String("count")).toInt(1);
        if (body->value(QLatin1String("body")).isObject())
            f.body = QJsonDocument(body->value(QLatin1String("body")).toObject()).toJson(QJsonDocument::Compact);
        if (f.pathPrefix.isEmpty() || (f.status == 0 && f.latencyMs == 0) || f.count == 0)
            return errors::standard(400, QStringLiteral("invalid_fault"),
                                    QStringLiteral("A fault needs a path and a status or latency_ms, and a count other than 0."));
        emu.faults().add(f);
        return Response::json(201, QJsonObject{{QStringLiteral("faults"), emu.faults().size()}});
    });
    r.del(QStringLiteral("/_emulator/faults"), Access::Control, [&emu](Request &) {
        emu.faults().clear();
        return Response::json(200, QJsonObject{{QStringLiteral("faults"), 0}});
    });
    r.get(QStringLiteral("/_emulator/audit_events"), Access::Control, [&emu](Request &req) {
        const QString org = req.queryValue(QStringLiteral("organization_id"));
        QJsonArray data;
        for (const QJsonObject &e : emu.store().auditEvents.select(
                 [&](const QJsonObject &e) { return org.isEmpty() || e.value(QLatin1String("organization_id")).toString() == org; }))
            data.append(e);
        return Response::json(200, QJsonObject{{QStringLiteral("data"), data}});
    });
}

void registerWebhookRoutes(Emulator &emu, Router &r)
{
    r.get(QStringLiteral("/_emulator/webhooks"), Access::Control, [&emu](Request &) {
        QJsonArray data;
        for (QJsonObject e : emu.store().webhookEndpoints.select()) {
            e.remove(QStringLiteral("secret"));
            data.append(e);
        }
        return Response::json(200, QJsonObject{{QStringLiteral("data"), data}});
    });
    r.post(QStringLiteral("/_emulator/webhooks"), Access::Control, [&emu](Request &req) {
        Response bad;
        const auto body = jsonBody(req, bad);
        if (!body)
            return bad;
        const QUrl url(body->value(QLatin1String("url")).toString());
        if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https"))
            return errors::fieldRequired(QStringLiteral("url"));
        if (body->value(QLatin1String("secret")).toString().isEmpty())
            return errors::fieldRequired(QStringLiteral("secret"));
        QStringList events;
        for (const QJsonValue &v : body->value(QLatin1String("events")).toArray())
            events.append(v.toString());
        return Response::json(201, emu.webhooks().addEndpoint(url.toString(), body->value(QLatin1String("secret")).toString(), events));
    });
    r.get(QStringLiteral("/_emulator/webhooks/deliveries"), Access::Control, [&emu](Request &) {
        return Response::json(200, QJsonObject{{QStringLiteral("data"), emu.webhooks().deliveries()},
                                               {QStringLiteral("in_flight"), emu.webhooks().pending()}});
    });
}

// The identity provider's side of Directory Sync and SSO: what an IdP admin would change.
void registerIdpRoutes(Emulator &emu, Router &r)
{
    r.post(QStringLiteral("/_emulator/directories"), Access::Control, [&emu](Request &req) {
        Response bad;
        const auto body = jsonBody(req, bad);
        return body ? fromOutcome(domain::createDirectory(emu, *body, true), 201) : bad;
    });
    r.post(QStringLiteral("/_emulator/directories/{id}/users"), Access::Control, [&emu](Request &req) {
        Response bad;
        const auto body = jsonBody(req, bad);
        return body ? fromOutcome(domain::createDirectoryUser(emu, req.params.value(QStringLiteral("id")), *body, true), 201) : bad;
    });
    r.post(QStringLiteral("/_emulator/directories/{id}/groups"), Access::Control, [&emu](Request &req) {
        Response bad;
        const auto body = jsonBody(req, bad);
        return body ? fromOutcome(domain::createDirectoryGroup(emu, req.params.value(QStringLiteral("id")), *body, true), 201) : bad;
    });
    r.put(QStringLiteral("/_emulator/directory_users/{id}"), Access::Control, [&emu](Request &req) {
        Response bad;
        const auto body = jsonBody(req, bad);
        return body ? fromOutcome(domain::updateDirectoryUser(emu, req.params.value(QStringLiteral("id")), *body, true)) : bad;
    });
    r.post(QStringLiteral("/_emulator/directory_users/{id}/deactivate"), Access::Control, [&emu](Request &req) {
        return fromOutcome(domain::updateDirectoryUser(emu, req.params.value(QStringLiteral("id")),
                                                       QJsonObject{{QStringLiteral("state"), QStringLiteral("inactive")}}, true));
    });
    r.del(QStringLiteral("/_emulator/directory_users/{id}"), Access::Control, [&emu](Request &req) {
        return fromError(domain::deleteDirectoryUser(emu, req.params.value(QStringLiteral("id")), true));
    });
    r.put(QStringLiteral("/_emulator/directory_groups/{id}"), Access::Control, [&emu](Request &req) {
        Response bad;
        const auto body = jsonBody(req, bad);
        return body ? fromOutcome(domain::renameDirectoryGroup(emu, req.params.value(QStringLiteral("id")),
                                                               body->value(QLatin1String("name")).toString(), true))
                    : bad;
    });
    r.del(QStringLiteral("/_emulator/directory_groups/{id}"), Access::Control, [&emu](Request &req) {
        return fromError(domain::deleteDirectoryGroup(emu, req.params.value(QStringLiteral("id")), true));
    });
    r.put(QStringLiteral("/_emulator/directory_groups/{group}/users/{user}"), Access::Control, [&emu](Request &req) {
        return fromError(domain::setGroupMember(emu, req.params.value(QStringLiteral("group")), req.params.value(QStringLiteral("user")), true, true));
    });
    r.del(QStringLiteral("/_emulator/directory_groups/{group}/users/{user}"), Access::Control, [&emu](Request &req) {
        return fromError(domain::setGroupMember(emu, req.params.value(QStringLiteral("group")), req.params.value(QStringLiteral("user")), false, true));
    });
    r.post(QStringLiteral("/_emulator/connections"), Access::Control, [&emu](Request &req) {
        Response bad;
        const auto body = jsonBody(req, bad);
        return body ? fromOutcome(domain::createConnection(emu, *body, true), 201) : bad;
    });
    for (const bool active : {true, false}) {
        r.post(active ? QStringLiteral("/_emulator/connections/{id}/activate") : QStringLiteral("/_emulator/connections/{id}/deactivate"),
               Access::Control, [&emu, active](Request &req) {
                   return fromOutcome(domain::setConnectionActive(emu, req.params.value(QStringLiteral("id")), active, true));
               });
    }
    r.del(QStringLiteral("/_emulator/connections/{id}"), Access::Control, [&emu](Request &req) {
        return fromError(domain::deleteConnection(emu, req.params.value(QStringLiteral("id")), true));
    });
    r.post(QStringLiteral("/_emulator/organizations/{id}/roles"), Access::Control, [&emu](Request &req) {
        Response bad;
        const auto body = jsonBody(req, bad);
        if (!body)
            return bad;
        const QString id = req.params.value(QStringLiteral("id"));
        if (!emu.store().organizations.contains(id))
            return errors::notFound(QStringLiteral("Organization"), id);
        if (body->value(QLatin1String("slug")).toString().isEmpty())
            return errors::fieldRequired(QStringLiteral("slug"));
        QJsonObject role = domain::createRole(emu, *body, id);
        role.remove(QStringLiteral("organization_id"));
        return Response::json(201, role);
    });
}

} // namespace

// /_emulator/* : served only with --control (EmulatorConfig::control). See docs/sandbox.md.
void registerControlRoutes(Emulator &emu)
{
    Router &r = emu.router();
    registerStateRoutes(emu, r);
    registerWebhookRoutes(emu, r);
    registerIdpRoutes(emu, r);
}

} // namespace emu

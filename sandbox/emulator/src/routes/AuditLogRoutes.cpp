#include "Emulator.h"
#include "http/Errors.h"
#include "http/JsonBody.h"
#include "model/Ids.h"
#include "routes/Routes.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QRegularExpression>

namespace emu {

namespace {

QJsonObject fieldError(const QString &field, const QString &code)
{
    return QJsonObject{{QStringLiteral("field"), field}, {QStringLiteral("code"), code}};
}

// Metadata of audit events: at most 50 keys matching ^[a-zA-Z0-9_-]{0,40}$, values string
// (up to 500 characters), number or boolean, never nested.
void checkAuditMetadata(const QJsonValue &v, const QString &field, QJsonArray &errs)
{
    if (v.isUndefined())
        return;
    if (!v.isObject()) {
        errs.append(fieldError(field, QStringLiteral("invalid_type")));
        return;
    }
    static const QRegularExpression key(QStringLiteral("^[a-zA-Z0-9_-]{0,40}$"));
    const QJsonObject m = v.toObject();
    if (m.size() > 50)
        errs.append(fieldError(field, QStringLiteral("too_many_keys")));
    for (auto it = m.begin(); it != m.end(); ++it) {
        const bool okValue = (it.value().isString() && it.value().toString().size() <= 500) || it.value().isDouble()
            || it.value().isBool();
        if (!key.match(it.key()).hasMatch() || !okValue)
            errs.append(fieldError(field + QLatin1Char('.') + it.key(), QStringLiteral("invalid")));
    }
}

void requireString(const QJsonObject &o, const char *key, const QString &field, QJsonArray &errs)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull())
        errs.append(fieldError(field, QStringLiteral("required")));
    else if (!v.isString() || v.toString().isEmpty())
        errs.append(fieldError(field, QStringLiteral("invalid_type")));
}

// The event shape of workos-api.md §6 (AuditLogEventDto), checked field by field.
QJsonArray validate(const QJsonObject &body)
{
    QJsonArray errs;
    requireString(body, "organization_id", QStringLiteral("organization_id"), errs);
    const QJsonValue eventValue = body.value(QLatin1String("event"));
    if (!eventValue.isObject()) {
        errs.append(fieldError(QStringLiteral("event"), eventValue.isUndefined() ? QStringLiteral("required") : QStringLiteral("invalid_type")));
        return errs;
    }
    const QJsonObject event = eventValue.toObject();
    requireString(event, "action", QStringLiteral("event.action"), errs);
    requireString(event, "occurred_at", QStringLiteral("event.occurred_at"), errs);
    if (event.value(QLatin1String("occurred_at")).isString()
        && !QDateTime::fromString(event.value(QLatin1String("occurred_at")).toString(), Qt::ISODateWithMs).isValid())
        errs.append(fieldError(QStringLiteral("event.occurred_at"), QStringLiteral("invalid_date")));
    if (event.contains(QLatin1String("version")) && !event.value(QLatin1String("version")).isDouble())
        errs.append(fieldError(QStringLiteral("event.version"), QStringLiteral("invalid_type")));
    const QJsonValue actor = event.value(QLatin1String("actor"));
    if (!actor.isObject()) {
        errs.append(fieldError(QStringLiteral("event.actor"), actor.isUndefined() ? QStringLiteral("required") : QStringLiteral("invalid_type")));
    } else {
        requireString(actor.toObject(), "id", QStringLiteral("event.actor.id"), errs);
        requireString(actor.toObject(), "type", QStringLiteral("event.actor.type"), errs);
        checkAuditMetadata(actor.toObject().value(QLatin1String("metadata")), QStringLiteral("event.actor.metadata"), errs);
    }
    const QJsonValue targets = event.value(QLatin1String("targets"));
    if (!targets.isArray()) {
        errs.append(fieldError(QStringLiteral("event.targets"), targets.isUndefined() ? QStringLiteral("required") : QStringLiteral("invalid_type")));
    } else {
        const QJsonArray list = targets.toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QString field = QStringLiteral("event.targets.%1").arg(i);
            if (!list.at(i).isObject()) {
                errs.append(fieldError(field, QStringLiteral("invalid_type")));
                continue;
            }
            requireString(list.at(i).toObject(), "id", field + QStringLiteral(".id"), errs);
            requireString(list.at(i).toObject(), "type", field + QStringLiteral(".type"), errs);
            checkAuditMetadata(list.at(i).toObject().value(QLatin1String("metadata")), field + QStringLiteral(".metadata"), errs);
        }
    }
    const QJsonValue context = event.value(QLatin1String("context"));
    if (!context.isObject())
        errs.append(fieldError(QStringLiteral("event.context"), context.isUndefined() ? QStringLiteral("required") : QStringLiteral("invalid_type")));
    else
        requireString(context.toObject(), "location", QStringLiteral("event.context.location"), errs);
    checkAuditMetadata(event.value(QLatin1String("metadata")), QStringLiteral("event.metadata"), errs);
    return errs;
}

} // namespace

// POST /audit_logs/events (workos-api.md §6), strictly per the spec, with Idempotency-Key:
// a key seen in the last 24 h answers what it answered then and stores nothing new; the same
// key with another body is refused (decision for the open question in §13).
void registerAuditLogRoutes(Emulator &emu)
{
    emu.router().post(QStringLiteral("/audit_logs/events"), Access::ApiKey, [&emu](Request &req) {
        const QString key = QString::fromUtf8(req.header("idempotency-key")).trimmed();
        const QByteArray bodyHash = QCryptographicHash::hash(req.body, QCryptographicHash::Sha256);
        if (!key.isEmpty()) {
            const auto it = emu.store().idempotency.constFind(key);
            if (it != emu.store().idempotency.constEnd() && it->expiresAt > emu.clock().now()) {
                if (it->bodyHash != bodyHash)
                    return errors::standard(400, QStringLiteral("idempotency_key_reused"),
                                            QStringLiteral("This Idempotency-Key was used with a different request body."));
                Response replay;
                replay.status = it->status;
                replay.body = it->body;
                return replay;
            }
        }
        Response error;
        const auto body = jsonBody(req, error);
        if (!body)
            return error;
        const QJsonArray errs = validate(*body);
        Response response;
        if (!errs.isEmpty()) {
            response = Response::json(422, QJsonObject{{QStringLiteral("message"), QStringLiteral("Validation failed.")},
                                                       {QStringLiteral("errors"), errs}});
        } else if (!emu.store().organizations.contains(body->value(QLatin1String("organization_id")).toString())) {
            response = Response::json(404, QJsonObject{{QStringLiteral("message"),
                                                        QStringLiteral("Organization not found '%1'").arg(body->value(QLatin1String("organization_id")).toString())}});
        } else {
            QJsonObject stored = body->value(QLatin1String("event")).toObject();
            stored.insert(QStringLiteral("id"), newId(QStringLiteral("audit_log_event")));
            stored.insert(QStringLiteral("organization_id"), body->value(QLatin1String("organization_id")));
            stored.insert(QStringLiteral("received_at"), emu.clock().iso());
            if (!key.isEmpty())
                stored.insert(QStringLiteral("idempotency_key"), key);
            emu.store().auditEvents.insert(stored);
            response = Response::json(200, QJsonObject{{QStringLiteral("success"), true}});
        }
        if (!key.isEmpty() && response.status < 500)
            emu.store().idempotency.insert(key, {bodyHash, response.status, response.body, emu.clock().now().addSecs(24 * 3600)});
        return response;
    });
}

} // namespace emu

#include "events/EventBus.h"

#include "events/WebhookDispatcher.h"
#include "model/Ids.h"

namespace emu {

EventBus::EventBus(Store &store, Clock &clock, WebhookDispatcher &webhooks)
    : m_store(store), m_clock(clock), m_webhooks(webhooks)
{
}

QJsonObject EventBus::emitEvent(const QString &type, const QJsonObject &data)
{
    const QJsonObject event{{QStringLiteral("object"), QStringLiteral("event")},
                            {QStringLiteral("id"), newId(QStringLiteral("event"))},
                            {QStringLiteral("event"), type},
                            {QStringLiteral("data"), data},
                            {QStringLiteral("created_at"), m_clock.iso()}};
    m_store.events.insert(event);
    m_webhooks.deliver(event);
    return event;
}

} // namespace emu

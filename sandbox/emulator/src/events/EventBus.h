#pragma once

#include "model/Clock.h"
#include "model/Store.h"

#include <QJsonObject>

namespace emu {

class WebhookDispatcher;

// Every state change becomes one event: kept for GET /events and sent to the webhook endpoints.
class EventBus
{
public:
    EventBus(Store &store, Clock &clock, WebhookDispatcher &webhooks);
    QJsonObject emitEvent(const QString &type, const QJsonObject &data);

private:
    Store &m_store;
    Clock &m_clock;
    WebhookDispatcher &m_webhooks;
};

} // namespace emu

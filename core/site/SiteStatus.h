#pragma once

#include "output/Table.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

namespace workos {

// What GET /workos/v1/admin/status says about a site (docs/companion-api.md).
struct SiteStatus
{
    Q_DECLARE_TR_FUNCTIONS(SiteStatus)
public:
    QJsonObject raw;
    QString pluginVersion;
    int schemaVersion = 0;
    int schemaVersionExpected = 0;
    QString wordpressVersion;
    QString phpVersion;
    bool multisite = false;
    QString activeEnvironment;
    QString activeEnvironmentSource;
    bool enabled = false;
    QString loginMode;
    // Whether WordPress passwords still sign people in on the active environment (the companion's
    // allow_password_fallback, on unless set): the break-glass way in when WorkOS is down.
    bool passwordFallback = true;

    static Result<SiteStatus> fromJson(const QJsonObject &object);

    // The rows of `wp workos status` (setting, value, source), then what only the console shows.
    // `environment` picks whose settings are shown; empty means the active one.
    Table toTable(const QString &environment = {}) const;
};

} // namespace workos

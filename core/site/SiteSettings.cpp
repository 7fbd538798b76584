#include "site/SiteSettings.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

namespace workos {

namespace {

constexpr int kMaxUrlLength = 2048;

bool matches(const QString &pattern, const QString &value)
{
    return QRegularExpression(QRegularExpression::anchoredPattern(pattern)).match(value).hasMatch();
}

} // namespace

QStringList SiteSettings::siteKeys()
{
    return {QStringLiteral("active_environment"), QStringLiteral("api_base_url"), QStringLiteral("webhook_tolerance")};
}

QStringList SiteSettings::secretKeys()
{
    return {QStringLiteral("api_key"), QStringLiteral("webhook_secret")};
}

QString SiteSettings::siteProblem(const QString &key, const QJsonValue &value)
{
    if (!siteKeys().contains(key))
        return tr("“%1” is not a site-wide setting of the WorkOS Companion.").arg(key);
    if (value.isNull())
        return {};
    if (key == u"active_environment")
        return value.toString() == u"production" || value.toString() == u"staging" ? QString()
                                                                                   : tr("Must be “production” or “staging”.");
    if (key == u"webhook_tolerance") {
        const double seconds = value.toDouble(-1);
        return value.isDouble() && seconds >= 1 && seconds <= 3600 && seconds == static_cast<double>(static_cast<int>(seconds))
            ? QString()
            : tr("Must be a whole number of seconds from 1 to 3600.");
    }
    // api_base_url, as SettingsController::acceptable_base_url checks it.
    const QString text = value.toString();
    if (!value.isString() || text.isEmpty())
        return tr("Enter the address of the WorkOS API.");
    if (text.size() > kMaxUrlLength)
        return tr("At most %1 characters.").arg(kMaxUrlLength);
    const QUrl url(text, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    const QString host = url.host().toLower();
    const bool local = host == u"localhost" || host == u"127.0.0.1" || host == u"::1";
    if (!url.isValid() || host.isEmpty() || !matches(QStringLiteral("(?i)https?://.*"), text))
        return tr("Must be an address such as https://api.workos.com.");
    if (!url.userInfo().isEmpty() || url.hasQuery() || url.hasFragment())
        return tr("The address may not contain credentials, a query (?…) or a fragment (#…).");
    if (scheme != u"https" && !(scheme == u"http" && local))
        return tr("Must use https (plain http only on this machine: localhost, 127.0.0.1, ::1).");
    return {};
}

void SiteSettings::patch(CompanionClient &client, const QString &environment, const QJsonObject &settings,
                         const QJsonObject &site, QObject *context, std::function<void(Result<QJsonObject>)> done)
{
    QUrlQuery query;
    if (!environment.isEmpty())
        query.addQueryItem(QStringLiteral("env"), environment);
    QJsonObject body;
    if (!settings.isEmpty())
        body.insert(QStringLiteral("settings"), settings);
    if (!site.isEmpty())
        body.insert(QStringLiteral("site"), site);
    client.call("PATCH", QStringLiteral("admin/settings"), query, QJsonDocument(body).toJson(QJsonDocument::Compact), context,
                std::move(done));
}

} // namespace workos

#include "changelog/CompanionChangelog.h"

#include "site/SiteService.h"

namespace workos {

void CompanionChangelog::fetch(SiteService &sites, const SiteProfile &site, QObject *context,
                               std::function<void(Result<CompanionChangelog>)> done)
{
    sites.withClient(site, context, [context, done = std::move(done)](const Result<std::shared_ptr<CompanionClient>> &client) mutable {
        if (!client)
            return done(client.error());
        // The client is kept alive by the callback until the answer arrives.
        auto keep = client.value();
        keep->call("GET", QStringLiteral("admin/changelog"), {}, context, [keep, done = std::move(done)](const Result<QJsonObject> &answer) {
            if (!answer)
                return done(answer.error());
            CompanionChangelog changelog;
            changelog.version = answer->value(u"version").toString();
            changelog.markdown = answer->value(u"markdown").toString();
            changelog.releases = Changelog::parse(changelog.markdown);
            done(std::move(changelog));
        });
    });
}

} // namespace workos

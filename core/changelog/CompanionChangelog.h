#pragma once

#include "changelog/Changelog.h"
#include "profiles/SiteProfile.h"
#include "util/Result.h"

#include <QObject>

#include <functional>

namespace workos {

class SiteService;

// The changelog of the companion a site runs (GET admin/changelog), with the version installed
// there, for `wpworkos changelog` and the console's Changelog page.
struct CompanionChangelog
{
    QString version;  // the installed companion's version
    QString markdown; // its CHANGELOG.md as is
    QList<ChangelogRelease> releases;

    static void fetch(SiteService &sites, const SiteProfile &site, QObject *context,
                      std::function<void(Result<CompanionChangelog>)> done);
};

} // namespace workos

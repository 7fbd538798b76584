#pragma once

#include <QList>
#include <QString>

namespace workos {

// A Keep a Changelog document (the companion's CHANGELOG.md) split into its releases, so the
// console can show what changed since the version a site runs ("## [0.2.0] - 2026-12-01",
// "## [Unreleased]"), each with its markdown body.
struct ChangelogRelease
{
    QString version; // "Unreleased" or "0.2.0"
    QString date;    // "2026-12-01", empty when not given
    QString body;    // markdown under the heading, without it
};

class Changelog
{
public:
    static QList<ChangelogRelease> parse(const QString &markdown);
    // The releases newer than `version` (and Unreleased), newest first; all when version is empty.
    static QList<ChangelogRelease> since(const QList<ChangelogRelease> &releases, const QString &version);
    // Compares dotted versions numerically ("0.10.0" > "0.9.1"); -1, 0 or 1.
    static int compareVersions(const QString &a, const QString &b);
    static QString toMarkdown(const QList<ChangelogRelease> &releases);
};

} // namespace workos

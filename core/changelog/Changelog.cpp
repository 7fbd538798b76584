#include "changelog/Changelog.h"

#include <QRegularExpression>
#include <QStringList>

namespace workos {

QList<ChangelogRelease> Changelog::parse(const QString &markdown)
{
    static const QRegularExpression heading(QStringLiteral("^## \\[([^\\]]+)\\](?:\\s*-\\s*(\\S+))?\\s*$"),
                                            QRegularExpression::MultilineOption);
    QList<ChangelogRelease> releases;
    auto it = heading.globalMatch(markdown);
    QList<QRegularExpressionMatch> matches;
    while (it.hasNext())
        matches << it.next();
    for (qsizetype i = 0; i < matches.size(); ++i) {
        const auto &m = matches.at(i);
        const qsizetype start = m.capturedEnd();
        qsizetype end = i + 1 < matches.size() ? matches.at(i + 1).capturedStart() : markdown.size();
        // Link references at the end of the file ("[0.1.0]: https://…") belong to no release.
        const QString body = markdown.mid(start, end - start);
        static const QRegularExpression links(QStringLiteral("^\\[[^\\]]+\\]:\\s+\\S+\\s*$"), QRegularExpression::MultilineOption);
        releases.append({m.captured(1).trimmed(), m.captured(2).trimmed(), QString(body).remove(links).trimmed()});
    }
    return releases;
}

int Changelog::compareVersions(const QString &a, const QString &b)
{
    const QStringList pa = a.split(QLatin1Char('.'));
    const QStringList pb = b.split(QLatin1Char('.'));
    for (qsizetype i = 0; i < std::max(pa.size(), pb.size()); ++i) {
        const int x = pa.value(i, QStringLiteral("0")).toInt();
        const int y = pb.value(i, QStringLiteral("0")).toInt();
        if (x != y)
            return x < y ? -1 : 1;
    }
    return 0;
}

QList<ChangelogRelease> Changelog::since(const QList<ChangelogRelease> &releases, const QString &version)
{
    if (version.isEmpty())
        return releases;
    QList<ChangelogRelease> newer;
    for (const ChangelogRelease &r : releases) {
        if (r.version.compare(QLatin1String("Unreleased"), Qt::CaseInsensitive) == 0 || compareVersions(r.version, version) > 0)
            newer.append(r);
    }
    return newer;
}

QString Changelog::toMarkdown(const QList<ChangelogRelease> &releases)
{
    QString out;
    for (const ChangelogRelease &r : releases) {
        out += QStringLiteral("## ") + r.version + (r.date.isEmpty() ? QString() : QStringLiteral(" - ") + r.date)
            + QStringLiteral("\n\n") + r.body + QStringLiteral("\n\n");
    }
    return out;
}

} // namespace workos

// Keep a Changelog parsing: releases and dates, link references dropped, "since" by numeric
// version order, and the companion's own CHANGELOG.md read as the console will read it.
#include "changelog/Changelog.h"

#include <QFile>
#include <QTest>

using namespace workos;

class TestChangelog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void splitsReleases()
    {
        const QString text = QStringLiteral("# Changelog\n\nIntro.\n\n## [Unreleased]\n\n### Added\n- New thing.\n\n"
                                            "## [0.10.0] - 2026-12-24\n\n- Ten.\n\n## [0.9.1] - 2026-12-01\n\n- Nine.\n\n"
                                            "[0.10.0]: https://example.test/0.10.0\n");
        const QList<ChangelogRelease> all = Changelog::parse(text);
        QCOMPARE(all.size(), 3);
        QCOMPARE(all[0].version, QStringLiteral("Unreleased"));
        QCOMPARE(all[0].body, QStringLiteral("### Added\n- New thing."));
        QCOMPARE(all[1].version, QStringLiteral("0.10.0"));
        QCOMPARE(all[1].date, QStringLiteral("2026-12-24"));
        QCOMPARE(all[2].body, QStringLiteral("- Nine.")); // the link reference is not part of it

        const QList<ChangelogRelease> newer = Changelog::since(all, QStringLiteral("0.9.1"));
        QCOMPARE(newer.size(), 2);
        QCOMPARE(newer[1].version, QStringLiteral("0.10.0")); // 10 > 9, not "1" < "9"
        QCOMPARE(Changelog::since(all, QStringLiteral("0.10.0")).size(), 1);
        QVERIFY(Changelog::toMarkdown(newer).startsWith(QStringLiteral("## Unreleased\n\n### Added")));
        QCOMPARE(Changelog::compareVersions(QStringLiteral("1.0"), QStringLiteral("1.0.0")), 0);
    }

    void readsTheCompanionsChangelog()
    {
        QFile file(QStringLiteral(WORKOS_SOURCE_DIR "/wp-companion/CHANGELOG.md"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<ChangelogRelease> all = Changelog::parse(QString::fromUtf8(file.readAll()));
        QVERIFY(all.size() >= 2);
        QCOMPARE(all.first().version, QStringLiteral("Unreleased"));
        QVERIFY(!all.first().body.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestChangelog)
#include "tst_changelog.moc"

// Cold start of workos-console to its first painted window, and its peak RSS, against a bare Qt
// Widgets window started the same way in the same run. Targets (issue #8): ≤ 500 ms, ≤ 80 MB.
//   bench_gui_startup CONSOLE_BIN BASELINE_BIN [RUNS] [SITES]
// Each run is a new process (offscreen platform) with its own data folder holding SITES sites
// whose checks cannot connect: the window must not wait for them.
#include "profiles/ProfileStore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

namespace {

struct Sample
{
    double ms = -1;
    double rssMb = -1;
    double wallMs = -1; // fork to exit, for reference
};

Sample runOnce(const QString &binary, const QString &dataDir)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("WORKOS_CONSOLE_STARTUP_PROBE"), QStringLiteral("1"));
    env.insert(QStringLiteral("WPWORKOS_DATA_DIR"), dataDir);
    QProcess p;
    p.setProcessEnvironment(env);
    QElapsedTimer wall;
    wall.start();
    p.start(binary, {});
    if (!p.waitForFinished(30000)) {
        p.kill();
        p.waitForFinished();
        return {};
    }
    Sample s;
    s.wallMs = double(wall.nsecsElapsed()) / 1e6;
    const QList<QByteArray> words = p.readAllStandardOutput().trimmed().split(' ');
    if (words.size() >= 4 && words.at(0) == "first-window") {
        s.ms = words.at(1).toDouble();
        s.rssMb = words.at(3).toDouble() / 1024.0;
    }
    return s;
}

double percentile(std::vector<double> v, double p)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? -1 : v.at(std::min(v.size() - 1, size_t(p * double(v.size() - 1) + 0.5)));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 3) {
        std::fprintf(stderr, "usage: bench_gui_startup CONSOLE_BIN BASELINE_BIN [RUNS] [SITES]\n");
        return 2;
    }
    const int runs = args.size() > 3 ? args.at(3).toInt() : 15;
    const int sites = args.size() > 4 ? args.at(4).toInt() : 20;

    QTemporaryDir data;
    {
        workos::ProfileStore store(data.filePath(QStringLiteral("profiles.sqlite")));
        if (!store.open()) {
            std::fprintf(stderr, "cannot create the profile store\n");
            return 1;
        }
        for (int i = 0; i < sites; ++i) {
            workos::SiteProfile p;
            p.name = QStringLiteral("site-%1").arg(i, 2, 10, QLatin1Char('0'));
            p.url = QUrl(QStringLiteral("http://127.0.0.1:1/"));
            p.username = QStringLiteral("admin");
            p.environment = i % 2 ? QStringLiteral("staging") : QStringLiteral("production");
            if (!store.addSite(p)) {
                std::fprintf(stderr, "cannot add a site\n");
                return 1;
            }
        }
    }

    std::vector<double> consoleMs, baselineMs, consoleWall;
    double consoleRss = 0, baselineRss = 0;
    // Warm the page cache once each: "cold" here is a new process, as an admin starts it.
    runOnce(args.at(1), data.path());
    runOnce(args.at(2), data.path());
    for (int i = 0; i < runs; ++i) {
        const Sample c = runOnce(args.at(1), data.path());
        const Sample b = runOnce(args.at(2), data.path());
        if (c.ms < 0 || b.ms < 0) {
            std::fprintf(stderr, "a run did not report its first window\n");
            return 1;
        }
        consoleMs.push_back(c.ms);
        consoleWall.push_back(c.wallMs);
        baselineMs.push_back(b.ms);
        consoleRss = std::max(consoleRss, c.rssMb);
        baselineRss = std::max(baselineRss, b.rssMb);
    }
    const double p50 = percentile(consoleMs, 0.5), p95 = percentile(consoleMs, 0.95);
    const double b50 = percentile(baselineMs, 0.5);
    std::printf("gui startup (%d runs, %d sites, offscreen): first window p50 %.0f ms, p95 %.0f ms, peak RSS %.1f MB "
                "(process wall p50 %.0f ms)\n",
                runs, sites, p50, p95, consoleRss, percentile(consoleWall, 0.5));
    std::printf("  baseline bare Qt window: p50 %.0f ms, peak RSS %.1f MB; ratio %.2fx time, %.2fx RSS\n", b50, baselineRss,
                p50 / b50, consoleRss / baselineRss);
    std::printf("  targets: first window <= 500 ms %s, RSS <= 80 MB %s\n", p95 <= 500 ? "met" : "MISSED",
                consoleRss <= 80 ? "met" : "MISSED");
    return 0;
}

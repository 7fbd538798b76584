// The console's offline activity cache against the site's feed (issue 7): `pull` of every event
// into a fresh per-site SQLite cache (core ActivityCache: pages of 5,000, WAL, FTS5 kept by
// triggers), then filter and search queries on it, p50/p95. Baseline in the same run: the same
// pages fetched through the same client without storing them (the network and the companion's
// share). Targets: 1,000,000 events pulled in <= 90 s; queries p95 <= 100 ms.
//
//   bench_activity_cache URL USER APP_PASSWORD [QUERIES]
#include "activity/ActivityCache.h"
#include "net/HttpClient.h"
#include "site/CompanionClient.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>
#include <vector>

using namespace workos;

namespace {

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size())))];
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 4) {
        std::fprintf(stderr, "usage: bench_activity_cache URL USER APP_PASSWORD [QUERIES]\n");
        return 2;
    }
    const int queries = args.value(4, QStringLiteral("200")).toInt();
    HttpClient http;
    CompanionClient client(http, QUrl(args.at(1)), args.at(2), args.at(3));
    QTemporaryDir dir;
    int exitCode = 0;

    // 1. Baseline: every page through the client, nothing stored.
    auto baselineEvents = std::make_shared<qint64>(0);
    auto baseline = std::make_shared<QElapsedTimer>();
    auto nextRaw = std::make_shared<std::function<void(qint64)>>();
    std::function<void()> pullPhase;
    *nextRaw = [&, baselineEvents, nextRaw](qint64 after) {
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("after_id"), QString::number(after));
        q.addQueryItem(QStringLiteral("limit"), QString::number(ActivityCache::PageSize));
        client.call("GET", QStringLiteral("admin/activity"), q, {}, &app, [&, baselineEvents, nextRaw](const Result<QJsonObject> &page) {
            if (!page) {
                std::fprintf(stderr, "baseline: %s\n", qPrintable(page.error().message));
                return app.exit(1);
            }
            const QJsonArray items = page->value(u"items").toArray();
            *baselineEvents += items.size();
            if (page->value(u"has_more").toBool() && !items.isEmpty())
                return (*nextRaw)(items.last()[QStringLiteral("id")].toInteger());
            pullPhase();
        });
    };

    // 2. The pull into the cache, then the queries.
    pullPhase = [&]() {
        const double baselineSeconds = static_cast<double>(baseline->nsecsElapsed()) / 1e9;
        auto cache = std::make_shared<ActivityCache>(dir.filePath(QStringLiteral("bench.sqlite")));
        if (const Result<void> opened = cache->open(); !opened) {
            std::fprintf(stderr, "%s\n", qPrintable(opened.error().message));
            return app.exit(1);
        }
        auto timer = std::make_shared<QElapsedTimer>();
        timer->start();
        cache->pull(client, &app, [](qint64) { return true; }, [&, cache, timer, baselineSeconds](const Result<qint64> &pulled) {
            if (!pulled) {
                std::fprintf(stderr, "pull: %s\n", qPrintable(pulled.error().message));
                return app.exit(1);
            }
            const double seconds = static_cast<double>(timer->nsecsElapsed()) / 1e9;
            std::printf("activity cache: %lld events from %s\n", static_cast<long long>(pulled.value()), qPrintable(args.at(1)));
            std::printf("  baseline: the same pages fetched, not stored   %8.1f s  (%.0f events/s)\n", baselineSeconds,
                        static_cast<double>(*baselineEvents) / baselineSeconds);
            std::printf("  pull into the cache (stored, indexed)          %8.1f s  (%.0f events/s)  ratio %.2f; target <= 90 s for 1,000,000: %s\n",
                        seconds, static_cast<double>(pulled.value()) / seconds, baselineSeconds / seconds,
                        static_cast<double>(pulled.value()) / seconds * 90.0 >= 1e6 ? "met" : "NOT met");
            if (pulled.value() != *baselineEvents || cache->count() != pulled.value()) {
                std::fprintf(stderr, "pull stored %lld, the feed has %lld\n", static_cast<long long>(cache->count()),
                             static_cast<long long>(*baselineEvents));
                exitCode = 1;
            }
            // Queries as the GUI and CLI make them: type prefix, user, date window, full text.
            const QStringList words{QStringLiteral("applied"), QStringLiteral("headless"), QStringLiteral("user17"), QStringLiteral("firefox"),
                                    QStringLiteral("skipped authkit")};
            std::vector<double> filterMs, searchMs;
            for (int i = 0; i < queries; ++i) {
                ActivityFilter f;
                f.limit = 100;
                switch (i % 4) {
                case 0: f.typePrefix = QStringLiteral("bench_login"); break;
                case 1: f.user = QString::number(1 + i % 2000); break;
                case 2: f.from = QDateTime::currentDateTimeUtc().addSecs(-86400 * (1 + i % 10)); f.to = f.from.addSecs(3600); break;
                default: f.search = words.at(i % words.size()); break;
                }
                QElapsedTimer q;
                q.start();
                const auto rows = cache->query(f);
                (f.search.isEmpty() ? filterMs : searchMs).push_back(static_cast<double>(q.nsecsElapsed()) / 1e6);
                if (!rows) {
                    std::fprintf(stderr, "query: %s\n", qPrintable(rows.error().message));
                    exitCode = 1;
                }
            }
            const double p95 = std::max(percentile(filterMs, 0.95), percentile(searchMs, 0.95));
            std::printf("  filters (type, user, date; 100 rows)  p50 %6.2f ms  p95 %6.2f ms\n", percentile(filterMs, 0.5), percentile(filterMs, 0.95));
            std::printf("  full-text search (100 rows)           p50 %6.2f ms  p95 %6.2f ms   target p95 <= 100 ms: %s\n",
                        percentile(searchMs, 0.5), percentile(searchMs, 0.95), p95 <= 100 ? "met" : "NOT met");
            app.exit(exitCode);
        });
    };

    QTimer::singleShot(0, &app, [&]() {
        baseline->start();
        (*nextRaw)(0);
    });
    return app.exec();
}

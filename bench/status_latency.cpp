// Latency of the companion's GET /admin/status (Application Password auth + settings resolution)
// against a baseline in the same run: WordPress's own REST index GET /wp-json/, which boots
// WordPress and the REST server but runs none of our code. Both through the console's HttpClient.
//
//   bench_status_latency URL USER APP_PASSWORD [REQUESTS] [CONCURRENCY]
#include "net/HttpClient.h"
#include "site/CompanionClient.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

using namespace workos;

namespace {

struct Figures
{
    double p50 = 0, p95 = 0, mean = 0, perSecond = 0;
    int failures = 0;
};

// Sends `total` requests keeping `concurrency` in flight; calls done with the figures.
void measure(HttpClient &http, const HttpRequest &request, int total, int concurrency,
             std::function<void(Figures)> done)
{
    struct Run
    {
        std::vector<double> ms;
        int started = 0, finished = 0, failures = 0;
        QElapsedTimer wall;
    };
    auto run = std::make_shared<Run>();
    run->wall.start();
    auto launch = std::make_shared<std::function<void()>>();
    *launch = [&http, request, total, run, launch, done]() {
        if (run->started >= total)
            return;
        ++run->started;
        auto timer = std::make_shared<QElapsedTimer>();
        timer->start();
        http.send(request, &http, [=](const HttpResponse &r) {
            run->ms.push_back(static_cast<double>(timer->nsecsElapsed()) / 1e6);
            if (!r.isSuccess())
                ++run->failures;
            if (++run->finished == total) {
                std::sort(run->ms.begin(), run->ms.end());
                Figures f;
                f.p50 = run->ms[run->ms.size() / 2];
                f.p95 = run->ms[std::min(run->ms.size() - 1, run->ms.size() * 95 / 100)];
                double sum = 0;
                for (double v : run->ms)
                    sum += v;
                f.mean = sum / static_cast<double>(run->ms.size());
                f.perSecond = total / (static_cast<double>(run->wall.nsecsElapsed()) / 1e9);
                f.failures = run->failures;
                *launch = nullptr;
                done(f);
                return;
            }
            (*launch)();
        });
    };
    for (int i = 0; i < concurrency; ++i)
        (*launch)();
}

void print(const char *name, const Figures &f)
{
    std::printf("  %-28s p50 %7.2f ms   p95 %7.2f ms   mean %7.2f ms   %7.1f req/s   failures %d\n", name, f.p50,
                f.p95, f.mean, f.perSecond, f.failures);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 4) {
        std::fprintf(stderr, "usage: bench_status_latency URL USER APP_PASSWORD [REQUESTS] [CONCURRENCY]\n");
        return 2;
    }
    const QUrl site(args.at(1));
    const int total = args.size() > 4 ? args.at(4).toInt() : 200;
    const int concurrency = args.size() > 5 ? args.at(5).toInt() : 1;

    HttpRequest baseline;
    baseline.url = QUrl(args.at(1) + QStringLiteral("/wp-json/"));
    HttpRequest status;
    status.url = CompanionClient::routeUrl(site, QStringLiteral("admin/status"));
    status.headers.append({QByteArrayLiteral("Authorization"),
                           QByteArrayLiteral("Basic ") + (args.at(2) + QLatin1Char(':') + args.at(3)).toUtf8().toBase64()});

    HttpClient http;
    std::printf("status latency: %d requests, concurrency %d, %s\n", total, concurrency, qPrintable(site.toString()));
    int rc = 0;
    // Warm-up so opcache and MariaDB's buffer pool are hot for both measurements.
    measure(http, baseline, 20, 1, [&](Figures) {
        measure(http, status, 20, 1, [&](Figures) {
            measure(http, baseline, total, concurrency, [&](Figures base) {
                measure(http, status, total, concurrency, [&, base](Figures ours) {
                    print("baseline GET /wp-json/", base);
                    print("GET /workos/v1/admin/status", ours);
                    std::printf("  ratio (status / baseline): p50 %.2fx, throughput %.2fx\n", ours.p50 / base.p50,
                                ours.perSecond / base.perSecond);
                    rc = base.failures + ours.failures > 0 ? 1 : 0;
                    QCoreApplication::exit(rc);
                });
            });
        });
    });
    return app.exec();
}

// Throughput of the WorkOS emulator, which must never be the bottleneck of our benchmarks.
// Runs the workos-emulator binary as its own process and drives it over keep-alive HTTP:
//   1. GET /organizations/{id} with an API key, N requests, C in flight
//      baseline: an unknown route (404 JSON, no authentication, no lookup), same N and C;
//   2. listing 10,000 users in pages of 100 with the after cursor
//      baseline: the same number of single-user GETs.
//   bench_emulator_throughput EMULATOR_BIN [REQUESTS] [CONCURRENCY]
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>

#include <cstdio>
#include <functional>
#include <memory>

namespace {

const QByteArray kKey = "sk_test_bench";

struct Client
{
    QNetworkAccessManager nam;
    QString base;

    QNetworkRequest request(const QString &path) const
    {
        QNetworkRequest r(QUrl(base + path));
        r.setRawHeader("Authorization", "Bearer " + kKey);
        return r;
    }

    // Blocking helper for set-up calls.
    QJsonObject send(const QByteArray &method, const QString &path, const QByteArray &body = {})
    {
        QNetworkRequest r = request(path);
        r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QNetworkReply *reply = nam.sendCustomRequest(r, method, body);
        while (!reply->isFinished())
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        const QJsonObject o = QJsonDocument::fromJson(reply->readAll()).object();
        reply->deleteLater();
        return o;
    }

    // Runs `total` GETs of paths from `pathAt`, `concurrency` in flight; returns requests/s.
    double run(int total, int concurrency, const std::function<QString(int)> &pathAt, int *failures)
    {
        int started = 0;
        int finished = 0;
        *failures = 0;
        QElapsedTimer t;
        t.start();
        std::function<void()> next = [&]() {
            if (started >= total)
                return;
            QNetworkReply *reply = nam.get(request(pathAt(started++)));
            QObject::connect(reply, &QNetworkReply::finished, reply, [&, reply]() {
                const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                if (status == 0)
                    ++*failures;
                reply->readAll();
                reply->deleteLater();
                ++finished;
                next();
            });
        };
        for (int i = 0; i < concurrency; ++i)
            next();
        while (finished < total)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        return total / (static_cast<double>(t.nsecsElapsed()) / 1e9);
    }
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: bench_emulator_throughput EMULATOR_BIN [REQUESTS] [CONCURRENCY]\n");
        return 2;
    }
    const int total = args.size() > 2 ? args.at(2).toInt() : 20000;
    const int concurrency = args.size() > 3 ? args.at(3).toInt() : 6;

    QProcess emulator;
    emulator.start(args.at(1), {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--control"), QStringLiteral("--empty"),
                                QStringLiteral("--api-key"), QString::fromLatin1(kKey)});
    if (!emulator.waitForReadyRead(10000)) {
        std::fprintf(stderr, "the emulator did not start\n");
        return 1;
    }
    Client c;
    c.base = QString::fromUtf8(emulator.readLine()).trimmed();

    // 10,000 users and one organization, loaded as a seed (no passwords: hashing is not measured).
    QJsonArray users;
    for (int i = 0; i < 10000; ++i)
        users.append(QJsonObject{{QStringLiteral("email"), QStringLiteral("user%1@bench.test").arg(i)},
                                 {QStringLiteral("first_name"), QStringLiteral("User")},
                                 {QStringLiteral("last_name"), QString::number(i)}});
    const QJsonObject seed{{QStringLiteral("organizations"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("Bench")}}}},
                           {QStringLiteral("users"), users}};
    QElapsedTimer seeding;
    seeding.start();
    const QJsonObject counts = c.send("POST", QStringLiteral("/_emulator/seed"), QJsonDocument(seed).toJson(QJsonDocument::Compact));
    std::printf("emulator throughput (%s): seeded %d users in %lld ms\n", qPrintable(c.base),
                counts.value(QLatin1String("users")).toInt(), seeding.elapsed());
    const QString orgId = c.send("GET", QStringLiteral("/organizations")).value(QLatin1String("data")).toArray().first().toObject()
                              .value(QLatin1String("id")).toString();

    int failures = 0;
    int baseFailures = 0;
    c.run(500, concurrency, [](int) { return QStringLiteral("/no-such-route"); }, &baseFailures); // warm-up
    const double base = c.run(total, concurrency, [](int) { return QStringLiteral("/no-such-route"); }, &baseFailures);
    const double ours = c.run(total, concurrency, [&](int) -> QString { return QStringLiteral("/organizations/") + orgId; }, &failures);
    std::printf("  baseline unknown route (404)       %8.0f req/s  (%d requests, %d in flight)\n", base, total, concurrency);
    std::printf("  GET /organizations/{id} with key   %8.0f req/s  ratio %.2fx  (target >= 2000 req/s)\n", ours, ours / base);

    // Listing 10,000 users, 100 per page, following list_metadata.after.
    QElapsedTimer listing;
    listing.start();
    QString after;
    int pages = 0;
    int listed = 0;
    do {
        const QJsonObject page = c.send("GET", QStringLiteral("/user_management/users?limit=100&order=asc")
                                                   + (after.isEmpty() ? QString() : QStringLiteral("&after=") + after));
        listed += static_cast<int>(page.value(QLatin1String("data")).toArray().size());
        after = page.value(QLatin1String("list_metadata")).toObject().value(QLatin1String("after")).toString();
        ++pages;
    } while (!after.isEmpty());
    const qint64 listMs = listing.elapsed();
    QElapsedTimer singles;
    singles.start();
    for (int i = 0; i < pages; ++i)
        c.send("GET", QStringLiteral("/organizations/") + orgId);
    const qint64 singleMs = singles.elapsed();
    std::printf("  list %d users in %d pages of 100   %8lld ms  (target < 1000 ms)\n", listed, pages, listMs);
    std::printf("  baseline %d single GETs            %8lld ms  ratio %.2fx\n", pages, singleMs,
                static_cast<double>(listMs) / std::max<qint64>(1, singleMs));

    emulator.terminate();
    emulator.waitForFinished(5000);
    const bool ok = failures == 0 && baseFailures == 0 && listed == 10000;
    return ok ? 0 : 1;
}

// The console's Activity viewer over a large offline cache (issue 8): 1,000,000 events in a
// per-site cache (written with ActivityCache::store in pages of 5,000, as a pull does, then the
// pull's statistics), then, in a fresh process that only reads (so its peak RSS is the viewer's):
//   - opening the page: the cache file, the table model's first page, the event types, the
//     sign-in chart and the "as of" time, as ActivityPage::showSite does;
//   - applying a filter through the page's model, as ActivityPage::applyFilter does (the model's
//     first page; the chart too when the user or the dates change): one type, one user (id and
//     e-mail), one day and three days, full-text words; p50/p95 over repeated runs;
//   - the next page when the table scrolls, and the background count behind "N events";
//   - peak RSS.
// Baseline in the same run: the same queries straight through ActivityCache (query() of the same
// first page, signInsPerDay() where the page draws the chart). Targets: open <= 1 s, a filter or
// search applied <= 150 ms (p95), RSS <= 250 MB. Every result is checked against what the
// generator wrote (counts, order, filter predicates); a wrong one exits 1.
//
//   bench_activity_viewer [EVENTS] [RUNS]
#include "activity/ActivityCache.h"
#include "activity/ActivityTableModel.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

using namespace workos;

namespace {

const QStringList kTypes{QStringLiteral("login"), QStringLiteral("logout"), QStringLiteral("login_failed"),
                         QStringLiteral("webhook_applied"), QStringLiteral("user_created"), QStringLiteral("login_denied")};
const QStringList kAgents{
    QStringLiteral("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"),
    QStringLiteral("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15"),
    QStringLiteral("Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"), QString()};
constexpr quint32 kSeed = 20261127;
constexpr int kUsers = 2000;

// The events bench/activity_feed.php writes (one a second ending at t0 + n, six types in turn,
// users 0…2000 at random, the same user agents and metadata), with the companion's own sign-in
// types so the chart has something to count. Users come from a stream of their own, so the
// measuring process can know every event's user without building the events.
struct Generator
{
    qint64 t0;
    QRandomGenerator users{kSeed};
    QRandomGenerator ids{kSeed + 1};

    int nextUser() { return static_cast<int>(users.bounded(kUsers + 1)); }

    QJsonObject event(int seq, int user)
    {
        const QString eventId = QStringLiteral("event_01%1%2%3").arg(ids.generate(), 8, 16, QLatin1Char('0'))
                                    .arg(ids.generate(), 8, 16, QLatin1Char('0')).arg(ids.generate(), 8, 16, QLatin1Char('0')).toUpper();
        return {{QStringLiteral("id"), seq + 1},
                {QStringLiteral("event_type"), kTypes.at(seq % kTypes.size())},
                {QStringLiteral("user_id"), user},
                {QStringLiteral("user_email"), user ? QStringLiteral("user%1@example.test").arg(user) : QString()},
                {QStringLiteral("workos_user_id"), user ? QStringLiteral("user_01JB%1").arg(user, 22, 10, QLatin1Char('0')) : QString()},
                {QStringLiteral("ip_address"), QStringLiteral("203.0.113.%1").arg(user % 250)},
                {QStringLiteral("user_agent"), kAgents.at(user % kAgents.size())},
                {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("bench_seq"), seq}, {QStringLiteral("event_id"), eventId},
                                                         {QStringLiteral("outcome"), seq % 7 == 0 ? QStringLiteral("skipped") : QStringLiteral("applied")},
                                                         {QStringLiteral("method"), seq % 3 == 0 ? QStringLiteral("headless") : QStringLiteral("authkit")}}},
                {QStringLiteral("created_at"), QDateTime::fromSecsSinceEpoch(t0 + seq, Qt::UTC).toString(Qt::ISODate)}};
    }
};

double ms(const QElapsedTimer &t)
{
    return static_cast<double>(t.nsecsElapsed()) / 1e6;
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size())))];
}

long statusKb(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(static_cast<int>(qstrlen(field))).trimmed().split(' ').value(0).toLong();
    }
    return 0;
}

int failures = 0;

void check(bool ok, const QString &what)
{
    if (!ok) {
        std::fprintf(stderr, "CHECK FAILED: %s\n", qPrintable(what));
        ++failures;
    }
}

// ------------------------------------------------------------------------------------ fill ---

int fill(const QString &path, int events, qint64 t0)
{
    ActivityCache cache(path);
    if (const Result<void> opened = cache.open(); !opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error().message));
        return 1;
    }
    Generator gen{t0};
    QElapsedTimer timer;
    timer.start();
    for (int seq = 0; seq < events;) {
        QJsonArray page;
        for (int k = 0; k < ActivityCache::PageSize && seq < events; ++k, ++seq)
            page.append(gen.event(seq, gen.nextUser()));
        if (const Result<int> stored = cache.store(page); !stored) {
            std::fprintf(stderr, "%s\n", qPrintable(stored.error().message));
            return 1;
        }
    }
    cache.refreshStatistics(events); // what a pull does when it ends
    cache.setLastPullAt(QDateTime::fromSecsSinceEpoch(t0 + events, Qt::UTC));
    const double seconds = ms(timer) / 1000;
    std::printf("activity viewer: %d events in a fresh cache (ActivityCache::store, pages of %d, then ANALYZE) in %.1f s (%.0f events/s), %.0f MB on disk\n",
                events, ActivityCache::PageSize, seconds, events / seconds,
                static_cast<double>(QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size()) / 1e6);
    return cache.count() == events ? 0 : 1;
}

// --------------------------------------------------------------------------------- measure ---

struct Expected
{
    qint64 t0;
    std::vector<quint16> user; // by seq

    bool matches(int seq, const ActivityFilter &f) const
    {
        if (!f.eventType.isEmpty() && kTypes.at(seq % kTypes.size()) != f.eventType)
            return false;
        if (!f.user.isEmpty()) {
            bool numeric = false;
            const int id = f.user.toInt(&numeric);
            const int u = user[static_cast<size_t>(seq)];
            if (numeric ? u != id : (u == 0 || QStringLiteral("user%1@example.test").arg(u).compare(f.user, Qt::CaseInsensitive) != 0))
                return false;
        }
        const qint64 at = t0 + seq;
        if (f.from.isValid() && at < f.from.toSecsSinceEpoch())
            return false;
        if (f.to.isValid() && at > f.to.toSecsSinceEpoch())
            return false;
        for (const QString &word : f.searchWords()) {
            if (!containsWord(seq, word.toLower()))
                return false;
        }
        return true;
    }

    // The words the generator puts in the indexed columns, as the index splits them (only those a
    // search word of this bench can begin: the e-mails, ids and addresses add none).
    bool containsWord(int seq, const QString &prefix) const
    {
        static const std::vector<QStringList> typeWords = [] {
            std::vector<QStringList> out;
            for (const QString &type : kTypes)
                out.push_back(type.split(QLatin1Char('_')));
            return out;
        }();
        static const std::vector<QStringList> agentWords = [] {
            std::vector<QStringList> out;
            for (const QString &agent : kAgents)
                out.push_back(agent.toLower().split(QRegularExpression(QStringLiteral("[^a-z0-9]+")), Qt::SkipEmptyParts));
            return out;
        }();
        const auto any = [&prefix](const QStringList &words) {
            return std::any_of(words.cbegin(), words.cend(), [&](const QString &w) { return w.startsWith(prefix); });
        };
        const int u = user[static_cast<size_t>(seq)];
        return any(typeWords[static_cast<size_t>(seq % kTypes.size())]) || any(agentWords[static_cast<size_t>(u % kAgents.size())])
            || (seq % 7 == 0 ? QStringLiteral("skipped") : QStringLiteral("applied")).startsWith(prefix)
            || (seq % 3 == 0 ? QStringLiteral("headless") : QStringLiteral("authkit")).startsWith(prefix)
            || (u && prefix.startsWith(QLatin1String("user")) && QStringLiteral("user%1").arg(u).startsWith(prefix));
    }
};

struct Series
{
    const char *name;
    std::vector<double> model, direct, count;
};

int measure(const QString &path, int events, int runs, qint64 t0)
{
    Expected expected{t0, std::vector<quint16>(static_cast<size_t>(events))};
    {
        Generator gen{t0};
        for (int seq = 0; seq < events; ++seq)
            expected.user[static_cast<size_t>(seq)] = static_cast<quint16>(gen.nextUser());
    }
    const auto expectedCount = [&](const ActivityFilter &f) {
        qint64 n = 0;
        for (int seq = 0; seq < events; ++seq)
            n += expected.matches(seq, f);
        return n;
    };
    const auto waitForCount = [](ActivityTableModel &model) {
        while (model.total() < 0)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    };
    // The rows the model shows must be the newest that match, newest first.
    const auto checkPage = [&](ActivityTableModel &model, const ActivityFilter &f, const QString &label) {
        bool ordered = true, matching = true;
        for (int r = 0; r < model.rowCount(); ++r) {
            const ActivityEvent &e = model.event(r);
            ordered = ordered && (r == 0 || e.id < model.event(r - 1).id);
            matching = matching && e.id >= 1 && e.id <= events && expected.matches(static_cast<int>(e.id - 1), f);
        }
        check(ordered, label + QStringLiteral(": rows not newest first"));
        check(matching, label + QStringLiteral(": a row does not match the filter"));
        if (model.rowCount() > 0) {
            int newest = -1;
            for (int seq = events - 1; seq >= 0 && newest < 0; --seq)
                newest = expected.matches(seq, f) ? seq : -1;
            check(model.event(0).id == newest + 1, label + QStringLiteral(": the first row is not the newest match"));
        }
    };

    // 1. Opening the page, as ActivityPage::showSite does it (minus the widgets).
    std::vector<double> opens;
    long rssAfterOpen = 0;
    for (int i = 0; i < 11; ++i) {
        QElapsedTimer t;
        t.start();
        ActivityCache cache(path);
        const Result<void> opened = cache.open();
        ActivityTableModel model;
        model.setCache(&cache);
        const Result<void> first = model.setFilter({});
        const Result<QStringList> types = cache.eventTypes();
        const Result<QList<DaySignIns>> chart = cache.signInsPerDay({});
        const QDateTime asOf = cache.lastPullAt();
        opens.push_back(ms(t));
        if (i == 0) {
            rssAfterOpen = statusKb("VmRSS:");
            check(opened.ok() && first.ok() && types.ok() && chart.ok(), QStringLiteral("open: an error"));
            check(model.rowCount() == model.pageSize(), QStringLiteral("open: first page of %1 rows").arg(model.rowCount()));
            check(types.ok() && types.value() == QStringList({QStringLiteral("login"), QStringLiteral("login_denied"), QStringLiteral("login_failed"),
                                                               QStringLiteral("logout"), QStringLiteral("user_created"), QStringLiteral("webhook_applied")}),
                  QStringLiteral("open: event types"));
            checkPage(model, {}, QStringLiteral("open"));
            int logins = 0, failed = 0;
            for (const DaySignIns &d : chart.ok() ? chart.value() : QList<DaySignIns>()) {
                logins += d.logins;
                failed += d.failed;
            }
            const QDate last = QDateTime::fromSecsSinceEpoch(t0 + events - 1, Qt::UTC).date();
            int expectLogins = 0, expectFailed = 0;
            for (int seq = 0; seq < events; ++seq) {
                if (QDateTime::fromSecsSinceEpoch(t0 + seq, Qt::UTC).date() < last.addDays(-29))
                    continue;
                expectLogins += seq % 6 == 0;
                expectFailed += seq % 6 == 2 || seq % 6 == 5;
            }
            check(logins == expectLogins && failed == expectFailed,
                  QStringLiteral("open: chart %1/%2 sign-ins, expected %3/%4").arg(logins).arg(failed).arg(expectLogins).arg(expectFailed));
            check(asOf.isValid(), QStringLiteral("open: no as-of time"));
            waitForCount(model);
            check(model.total() == events, QStringLiteral("open: total %1").arg(model.total()));
        }
    }

    // 2. Filters and searches, through the page's model and straight through the cache.
    ActivityCache cache(path);
    if (const Result<void> opened = cache.open(); !opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error().message));
        return 1;
    }
    ActivityTableModel model;
    model.setCache(&cache);
    model.setFilter({});
    waitForCount(model);
    const QDateTime firstDay = QDateTime::fromSecsSinceEpoch(t0, Qt::UTC);
    const int days = static_cast<int>(firstDay.date().daysTo(QDateTime::fromSecsSinceEpoch(t0 + events - 1, Qt::UTC).date())) + 1;
    const QStringList words{QStringLiteral("applied"), QStringLiteral("headless"), QStringLiteral("user17"), QStringLiteral("firefox"),
                            QStringLiteral("skipped authkit")};
    QRandomGenerator pick(kSeed + 2);
    const auto wholeDays = [&](int first, int count) {
        ActivityFilter f;
        f.from = QDateTime(firstDay.date().addDays(first), QTime(0, 0), Qt::UTC);
        f.to = QDateTime(firstDay.date().addDays(first + count - 1), QTime(23, 59, 59), Qt::UTC);
        return f;
    };
    struct Kind
    {
        const char *name;
        std::function<ActivityFilter(int)> make;
        bool chart; // the page redraws the chart for this change
    };
    const std::vector<Kind> kinds{
        {"type (one event type)", [&](int i) { ActivityFilter f; f.eventType = kTypes.at(i % kTypes.size()); return f; }, false},
        {"user (id)", [&](int) { ActivityFilter f; f.user = QString::number(1 + pick.bounded(kUsers)); return f; }, true},
        {"user (e-mail)", [&](int) { ActivityFilter f; f.user = QStringLiteral("USER%1@example.test").arg(1 + pick.bounded(kUsers)); return f; }, true},
        {"date (one day)", [&](int i) { return wholeDays(i % days, 1); }, true},
        {"date (three days)", [&](int i) { return wholeDays(i % std::max(1, days - 2), std::min(3, days)); }, true},
        {"search (full text)", [&](int i) { ActivityFilter f; f.search = words.at(i % words.size()); return f; }, false},
        {"search + type", [&](int i) { ActivityFilter f; f.search = words.at(i % words.size()); f.eventType = kTypes.at(i % kTypes.size()); return f; }, false},
        {"search + user (id)", [&](int i) { ActivityFilter f; f.search = words.at(i % words.size()); f.user = QString::number(1 + pick.bounded(kUsers)); return f; }, true},
        {"search + one day", [&](int i) { ActivityFilter f = wholeDays(i % days, 1); f.search = words.at(i % words.size()); return f; }, true},
    };
    std::vector<Series> series;
    std::vector<double> scrolls;
    for (const Kind &kind : kinds) {
        Series s{kind.name, {}, {}, {}};
        for (int i = 0; i < runs; ++i) {
            const ActivityFilter f = kind.make(i);
            const QString label = QStringLiteral("%1 #%2").arg(QLatin1String(kind.name)).arg(i);
            // Through the page's model (and its chart), and the baseline: the same first page and
            // chart straight through the cache; in turn first, so neither always finds the other's
            // pages in SQLite's cache.
            ActivityFilter direct = f;
            direct.limit = model.pageSize();
            Result<QList<ActivityEvent>> rows = QList<ActivityEvent>();
            const auto baseline = [&]() {
                QElapsedTimer d;
                d.start();
                rows = cache.query(direct);
                if (kind.chart)
                    cache.signInsPerDay(f);
                s.direct.push_back(ms(d));
            };
            if (i % 2)
                baseline();
            QElapsedTimer t;
            t.start();
            const Result<void> applied = model.setFilter(f);
            if (kind.chart)
                check(cache.signInsPerDay(f).ok(), label + QStringLiteral(": chart"));
            s.model.push_back(ms(t));
            check(applied.ok(), label + QStringLiteral(": ") + model.lastError());
            QElapsedTimer counting;
            counting.start();
            waitForCount(model);
            s.count.push_back(ms(counting));
            if (i % 2 == 0)
                baseline();
            check(rows.ok() && rows->size() == model.rowCount(), label + QStringLiteral(": the model and the cache disagree"));
            if (i < 3) { // the full check scans every generated event: a few per kind
                checkPage(model, f, label);
                const qint64 want = expectedCount(f);
                check(model.total() == want, label + QStringLiteral(": total %1, expected %2").arg(model.total()).arg(want));
            }
            if (model.canFetchMore({})) {
                QElapsedTimer more;
                more.start();
                const int before = model.rowCount();
                model.fetchMore({});
                scrolls.push_back(ms(more));
                check(model.rowCount() > before && model.event(before).id < model.event(before - 1).id, label + QStringLiteral(": next page"));
            }
        }
        series.push_back(s);
    }

    // 3. One filter walked to its end, page by page, equals one query.
    {
        ActivityFilter f;
        f.user = QStringLiteral("17");
        f.search = QStringLiteral("applied");
        model.setFilter(f);
        while (model.canFetchMore({}))
            model.fetchMore({});
        ActivityFilter all = f;
        all.limit = 1000000;
        const auto rows = cache.query(all);
        bool same = rows.ok() && rows->size() == model.rowCount();
        for (int r = 0; same && r < model.rowCount(); ++r)
            same = rows->at(r).id == model.event(r).id;
        check(same, QStringLiteral("walking user 17 + \"applied\" to the end differs from one query"));
        check(model.rowCount() == expectedCount(f), QStringLiteral("user 17 + \"applied\": %1 rows, expected %2").arg(model.rowCount()).arg(expectedCount(f)));
    }

    const long peakKb = statusKb("VmHWM:");
    const double firstOpen = opens.front();
    const std::vector<double> warmOpens(opens.begin() + 1, opens.end());
    std::printf("  page open (cache file, model + first %d rows, event types, chart of 30 days, as of):\n", model.pageSize());
    std::printf("    first %7.1f ms; again p50 %6.1f ms p95 %6.1f ms    target <= 1000 ms: %s\n", firstOpen, percentile(warmOpens, 0.5),
                percentile(warmOpens, 0.95), std::max(firstOpen, percentile(warmOpens, 0.95)) <= 1000 ? "met" : "NOT met");
    std::printf("  filters applied through the page's model (%d runs each; baseline: the same first page [and chart] through ActivityCache)\n", runs);
    std::printf("    %-22s %19s %19s %8s %22s\n", "", "model p50 / p95", "baseline p50 / p95", "ratio", "count (bg) p50 / p95");
    double worst = 0;
    for (const Series &s : series) {
        const double p95 = percentile(s.model, 0.95);
        worst = std::max(worst, p95);
        std::printf("    %-22s %8.1f / %6.1f ms %8.1f / %6.1f ms %8.2f %10.1f / %7.1f ms\n", s.name, percentile(s.model, 0.5), p95,
                    percentile(s.direct, 0.5), percentile(s.direct, 0.95), percentile(s.model, 0.5) / std::max(0.001, percentile(s.direct, 0.5)),
                    percentile(s.count, 0.5), percentile(s.count, 0.95));
    }
    std::printf("    worst p95 %.1f ms    target <= 150 ms: %s\n", worst, worst <= 150 ? "met" : "NOT met");
    std::printf("  next page on scroll (%zu fetches)  p50 %.1f ms  p95 %.1f ms\n", scrolls.size(), percentile(scrolls, 0.5), percentile(scrolls, 0.95));
    std::printf("  memory: RSS after the first open %.0f MB; peak RSS %.0f MB    target <= 250 MB: %s\n", rssAfterOpen / 1024.0, peakKb / 1024.0,
                peakKb <= 250 * 1024 ? "met" : "NOT met");
    std::printf("  checks: %s\n", failures == 0 ? "every result as generated" : "FAILED (see above)");
    return failures == 0 ? 0 : 1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.value(1) == u"--measure")
        return measure(args.value(2), args.value(3).toInt(), args.value(4).toInt(), args.value(5).toLongLong());

    const int events = args.value(1, QStringLiteral("1000000")).toInt();
    const int runs = args.value(2, QStringLiteral("30")).toInt();
    if (events < 1000 || runs < 1) {
        std::fprintf(stderr, "usage: bench_activity_viewer [EVENTS >= 1000] [RUNS]\n");
        return 2;
    }
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bench.sqlite"));
    const qint64 t0 = QDateTime::currentSecsSinceEpoch() - events; // one a second, ending now
    if (const int filled = fill(path, events, t0); filled != 0)
        return filled;
    std::fflush(stdout);
    // The viewer in a process of its own: its peak RSS is the viewer's, not the fill's.
    QProcess viewer;
    viewer.setProcessChannelMode(QProcess::ForwardedChannels);
    viewer.start(QCoreApplication::applicationFilePath(),
                 {QStringLiteral("--measure"), path, QString::number(events), QString::number(runs), QString::number(t0)});
    if (!viewer.waitForFinished(-1) || viewer.exitStatus() != QProcess::NormalExit) {
        std::fprintf(stderr, "the measuring process failed: %s\n", qPrintable(viewer.errorString()));
        return 1;
    }
    return viewer.exitCode();
}

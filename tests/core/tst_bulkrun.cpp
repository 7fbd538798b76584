// Journaled batches: a run whose site goes away mid-way stops with the site's error and keeps what
// it did; a second run on the same journal (after the site is back) does only what was left, and
// the counts of the finished run add up to its plan. Cancel stops before the next batch.
#include "sync/BulkRun.h"

#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <optional>

using namespace workos;

class TestBulkRun : public QObject
{
    Q_OBJECT
private:
    static QList<SyncJournal::Item> plan(int n)
    {
        QList<SyncJournal::Item> items;
        for (int i = 0; i < n; ++i) {
            SyncJournal::Item item;
            item.key = QStringLiteral("user_%1").arg(i, 3, 10, QLatin1Char('0'));
            items.append(item);
        }
        return items;
    }

    // A site that answers batches asynchronously; `down` makes it fail whole batches.
    struct Site
    {
        bool down = false;
        QSet<QString> done;
        int batches = 0;
        BulkRun::Process process(QObject *context)
        {
            return [this, context](const BulkRun::Items &batch, std::function<void(Result<BulkRun::Items>)> answer) {
                ++batches;
                QTimer::singleShot(1, context, [this, batch, answer]() {
                    if (down)
                        return answer(Error{QStringLiteral("Cannot reach the site: Connection refused"), QStringLiteral("unreachable")});
                    BulkRun::Items out;
                    for (const auto &item : batch) {
                        SyncJournal::Item o = item;
                        o.state = SyncJournal::State::Done;
                        o.outcome = done.contains(item.key) ? QStringLiteral("exists") : QStringLiteral("created");
                        done.insert(item.key);
                        out.append(o);
                    }
                    answer(out);
                });
            };
        }
    };

    static Result<SyncJournal::Counts> runToEnd(SyncJournal &journal, qint64 job, Site &site, QObject *context,
                                                 std::function<void(const SyncJournal::Counts &)> progress = {})
    {
        BulkRun run(journal, job, 10, 2);
        std::optional<Result<SyncJournal::Counts>> result;
        run.start(site.process(context), progress, [&](const Result<SyncJournal::Counts> &r) { result = r; });
        if (!QTest::qWaitFor([&]() { return result.has_value(); }, 10000))
            qFatal("the run never ended");
        return *result;
    }

private Q_SLOTS:
    void aSiteGoingAwayMidRunIsResumedWithWhatIsLeft()
    {
        QTemporaryDir dir;
        SyncJournal journal(dir.filePath(QStringLiteral("journal.sqlite")));
        QVERIFY(journal.open().ok());
        const qint64 job = journal.create(QStringLiteral("site"), QStringLiteral("staging"), QStringLiteral("import"), {}, plan(95)).value();
        Site site;
        const Result<SyncJournal::Counts> first = runToEnd(journal, job, site, this, [&site](const SyncJournal::Counts &c) {
            if (c.done >= 30)
                site.down = true; // the site stops answering
        });
        QVERIFY(!first.ok());
        QCOMPARE(first.error().code, QStringLiteral("unreachable"));
        const SyncJournal::Counts after = journal.counts(job).value();
        QVERIFY(after.done >= 30 && after.done < 95);
        QCOMPARE(after.done + after.pending, 95); // nothing lost, nothing marked failed for the outage
        QVERIFY(journal.unfinished(QStringLiteral("site"), QStringLiteral("import")).value().has_value());

        site.down = false; // back
        const int sentBefore = site.batches;
        const Result<SyncJournal::Counts> second = runToEnd(journal, job, site, this);
        QVERIFY2(second.ok(), qPrintable(second.ok() ? QString() : second.error().message));
        QCOMPARE(second->done, 95);
        QCOMPARE(second->failed + second->skipped + second->pending, 0);
        QCOMPARE(site.done.size(), 95);
        QVERIFY(site.batches - sentBefore <= (95 - after.done + 9) / 10 + 2); // only what was left (and the batches lost in the outage)
        QVERIFY(!journal.unfinished(QStringLiteral("site"), QStringLiteral("import")).value().has_value());
    }

    void cancelStopsBeforeTheNextBatch()
    {
        QTemporaryDir dir;
        SyncJournal journal(dir.filePath(QStringLiteral("journal.sqlite")));
        QVERIFY(journal.open().ok());
        const qint64 job = journal.create(QStringLiteral("site"), QStringLiteral("staging"), QStringLiteral("import"), {}, plan(100)).value();
        Site site;
        BulkRun run(journal, job, 10, 1);
        std::optional<Result<SyncJournal::Counts>> result;
        run.start(site.process(this), [&run](const SyncJournal::Counts &c) {
            if (c.done >= 20)
                run.cancel();
        }, [&](const Result<SyncJournal::Counts> &r) { result = r; });
        QVERIFY(QTest::qWaitFor([&]() { return result.has_value(); }, 10000));
        QVERIFY(!result->ok());
        QCOMPARE(result->error().code, QStringLiteral("canceled"));
        QVERIFY(result->error().message.contains(QStringLiteral("80 item(s) left")));
        QCOMPARE(journal.counts(job)->done, 20);
    }
};

QTEST_GUILESS_MAIN(TestBulkRun)
#include "tst_bulkrun.moc"

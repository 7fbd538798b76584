// The sync journal: a plan written whole, outcomes recorded per batch, a run found again and
// resumed by another process (a new journal object on the same file) with its pending items
// only, counts that add up, and the error report.
#include "sync/SyncJournal.h"

#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace workos;

class TestSyncJournal : public QObject
{
    Q_OBJECT
private:
    static SyncJournal::Item item(const QString &key)
    {
        SyncJournal::Item i;
        i.key = key;
        i.payload = QJsonObject{{QStringLiteral("email"), QString(key + QStringLiteral("@example.test"))}};
        return i;
    }

    static SyncJournal::Item outcome(const QString &key, SyncJournal::State state, const QString &error = {})
    {
        SyncJournal::Item i;
        i.key = key;
        i.state = state;
        i.outcome = state == SyncJournal::State::Done ? QStringLiteral("created") : QString();
        i.error = error;
        i.wpUserId = state == SyncJournal::State::Done ? 42 : 0;
        return i;
    }

private Q_SLOTS:
    void aRunIsResumedWithItsPendingItemsOnly()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("j/journal.sqlite"));
        qint64 job = 0;
        {
            SyncJournal journal(path);
            QVERIFY(journal.open().ok());
            const QList<SyncJournal::Item> plan{item(QStringLiteral("u1")), item(QStringLiteral("u2")), item(QStringLiteral("u3")),
                                                item(QStringLiteral("u2")), item(QStringLiteral("u4")), item(QStringLiteral("u5"))};
            job = journal.create(QStringLiteral("site"), QStringLiteral("staging"), QStringLiteral("import"),
                                 {{QStringLiteral("limit"), 10}}, plan).value();
            QCOMPARE(journal.counts(job)->total(), 5); // u2 once
            const auto first = journal.pending(job, 2).value();
            QCOMPARE(first.size(), 2);
            QCOMPARE(first.at(0).key, QStringLiteral("u1"));
            QCOMPARE(first.at(0).payload.value(u"email").toString(), QStringLiteral("u1@example.test"));
            const Result<void> recorded = journal.record(job, {outcome(QStringLiteral("u1"), SyncJournal::State::Done),
                                                               outcome(QStringLiteral("u2"), SyncJournal::State::Failed, QStringLiteral("email taken, \"x\""))});
            QVERIFY2(recorded.ok(), qPrintable(recorded.ok() ? QString() : recorded.error().message));
            // The process dies here.
        }
        SyncJournal again(path);
        QVERIFY(again.open().ok());
        const auto open = again.unfinished(QStringLiteral("site"), QStringLiteral("import")).value();
        QVERIFY(open.has_value());
        QCOMPARE(open->id, job);
        QCOMPARE(open->options.value(u"limit").toInt(), 10);
        QVERIFY(!again.unfinished(QStringLiteral("other"), QStringLiteral("import")).value().has_value());
        const auto rest = again.pending(job, 100).value();
        QCOMPARE(rest.size(), 3);
        QCOMPARE(rest.first().key, QStringLiteral("u3"));
        QVERIFY(again.record(job, {outcome(QStringLiteral("u3"), SyncJournal::State::Done), outcome(QStringLiteral("u4"), SyncJournal::State::Skipped,
                                                                                                   QStringLiteral("already linked")),
                                   outcome(QStringLiteral("u5"), SyncJournal::State::Done)}).ok());
        const SyncJournal::Counts c = again.counts(job).value();
        QCOMPARE(c.done, 3);
        QCOMPARE(c.failed, 1);
        QCOMPARE(c.skipped, 1);
        QCOMPARE(c.pending, 0);
        QVERIFY(again.finish(job).ok());
        QVERIFY(!again.unfinished(QStringLiteral("site"), QStringLiteral("import")).value().has_value());
        QCOMPARE(again.errorReportCsv(job).value(),
                 QStringLiteral("key,state,error\nu2,failed,\"email taken, \"\"x\"\"\"\nu4,skipped,already linked\n"));
    }
};

QTEST_GUILESS_MAIN(TestSyncJournal)
#include "tst_syncjournal.moc"

#pragma once

#include "util/Result.h"
#include "util/SqliteConnection.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

class QSqlQuery;

namespace workos {

// The journal of bulk runs (sync push / pull / import / orgs): the plan of a run is written
// before anything is sent, and every item's outcome is written as soon as it is known, in one
// transaction per batch. A run killed at any moment (even kill -9) is found again by
// unfinished() and resumed with its pending items only, so nothing is done twice and the
// counts of the finished run add up to its plan.
class SyncJournal
{
    Q_DECLARE_TR_FUNCTIONS(SyncJournal)
public:
    enum class State { Pending, Done, Failed, Skipped };

    struct Item
    {
        QString key;          // what the item is about (a WorkOS user id, a WordPress user id…)
        QJsonObject payload;  // what the run needs to do it
        State state = State::Pending;
        qint64 wpUserId = 0;
        QString outcome;      // "created", "exists", "linked"…
        QString error;        // why it failed or was skipped
    };

    struct Counts
    {
        int done = 0, failed = 0, skipped = 0, pending = 0;
        int total() const { return done + failed + skipped + pending; }
    };

    struct Job
    {
        qint64 id = 0;
        QString site, environment, kind;
        QJsonObject options; // the run's flags, so a resume runs the same plan
        QString createdAt;
        bool finished = false;
    };

    // $WPWORKOS_DATA_DIR/journal.sqlite (else under ~/.local/share/wpworkos).
    static QString defaultPath();

    explicit SyncJournal(QString path);
    SyncJournal(const SyncJournal &) = delete;
    SyncJournal &operator=(const SyncJournal &) = delete;

    Result<void> open();

    // Writes a run and its whole plan in one transaction.
    Result<qint64> create(const QString &site, const QString &environment, const QString &kind,
                          const QJsonObject &options, const QList<Item> &plan);
    // The newest run of this site and kind that did not finish.
    Result<std::optional<Job>> unfinished(const QString &site, const QString &kind) const;
    Result<QList<Item>> pending(qint64 job, int limit) const;
    // The outcomes of one batch, in one transaction.
    Result<void> record(qint64 job, const QList<Item> &outcomes);
    Result<void> finish(qint64 job);
    Result<Counts> counts(qint64 job) const;
    Result<QList<Item>> items(qint64 job, State state) const;
    // Failed and skipped items as CSV (key, state, error), for the admin to fix and rerun.
    Result<QString> errorReportCsv(qint64 job) const;
    // That report written to `path` (replaced whole, or left as it was).
    Result<void> saveErrorReport(qint64 job, const QString &path) const;

    static QString stateName(State state);

private:
    Error sqlError(const QString &what) const;
    Error sqlError(const QString &what, const QSqlQuery &failed) const;

    QString m_path;
    SqliteConnection m_connection;
};

} // namespace workos

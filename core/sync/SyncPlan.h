#pragma once

#include <QString>

namespace workos {

// What a bulk run would do to one user, as its dry run decides it (nothing is written): the rows
// the admin reviews before running it.
struct SyncPlanRow
{
    enum class Action { Create, Link, Update, Skip, Fail };

    QString key;          // the run's key: a WorkOS user id (import), a WordPress user id (push, pull)
    QString email;
    qint64 wpUserId = 0;  // 0: none (yet)
    QString workosUserId;
    Action action = Action::Skip;
    QString reason;
};

} // namespace workos

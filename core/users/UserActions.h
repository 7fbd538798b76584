#pragma once

#include "site/CompanionClient.h"
#include "util/Result.h"
#include "workos/WorkOSClient.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <functional>
#include <memory>

namespace workos {

// What the console does to one site user, as `wpworkos user …` and the Users page do it. Each
// action checks what it needs first (the user exists, is linked or not, the WorkOS user exists)
// and writes nothing when a check fails; the messages are the CLI's (`wp workos user`'s).
class UserActions
{
    Q_DECLARE_TR_FUNCTIONS(UserActions)
public:
    using Client = std::shared_ptr<CompanionClient>;
    using WorkOS = std::shared_ptr<WorkOSClient>;
    using Done = std::function<void(Result<QJsonObject>)>;

    enum class Need { Any, Linked, Unlinked };
    // WordPress user #id: "WordPress user #N not found.", "User #N is not linked to WorkOS.",
    // "User #N is already linked to WorkOS ID: X".
    static void user(Client api, qint64 id, Need need, QObject *context, Done done);
    static Error notFound(const QString &id);

    // A WorkOS user by its id, or by e-mail address when WorkOS has verified that address (an
    // address alone must not hand an account to whoever typed it in WorkOS). Malformed input is
    // refused before anything is asked.
    static void workosUser(WorkOS wapi, const QString &idOrEmail, Done done);

    // `user link`: the unlinked user, the WorkOS user (workosUser()), then the link. Answers the
    // WorkOS user.
    static void link(Client api, WorkOS wapi, qint64 id, const QString &idOrEmail, QObject *context, Done done);
    // `user unlink`: answers the user as it was.
    static void unlink(Client api, qint64 id, QObject *context, Done done);
    // `user sync --direction=pull`: WorkOS's non-empty e-mail and names win. Answers the batch result.
    static void pull(Client api, WorkOS wapi, qint64 id, QObject *context, Done done);
    // `user sync --direction=push`: the unlinked user becomes a WorkOS user and is linked to it.
    // Answers the WorkOS user.
    static void push(Client api, WorkOS wapi, qint64 id, QObject *context, Done done);
    // `user import`: the WorkOS user `remote` into the site: the user already linked to it gets
    // its names, else the account holding its address is linked, else one is created. Answers the
    // batch result (its user_id).
    static void import(Client api, const QJsonObject &remote, QObject *context, Done done);

    // What the bulk runs share with these: the WorkOS user made from a site user (e-mail
    // verified, names from the display name), the update that pulls WorkOS's profile.
    static QJsonObject workosProfile(const QJsonObject &user);
    static QJsonObject pullOperation(qint64 id, const QJsonObject &remote);
    // The first operation's result of a users/batch answer, or its error.
    static Result<QJsonObject> firstResult(const Result<QJsonObject> &answer);
};

} // namespace workos

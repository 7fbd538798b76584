#include "users/UserActions.h"

#include "users/UserFields.h"
#include "users/UserService.h"

#include <QJsonArray>
#include <QPointer>
#include <QRegularExpression>
#include <QUrlQuery>

namespace workos {

namespace {

QJsonArray one(const QJsonObject &operation)
{
    return QJsonArray{operation};
}

QString text(const char *field)
{
    return QLatin1String(field);
}

} // namespace

void UserActions::user(Client api, qint64 id, Need need, QObject *context, Done done)
{
    const QString number = QString::number(id);
    UserService::find(api, number, UserService::By::Id, context, [need, number, done](const Result<QJsonObject> &u) {
        if (!u)
            return done(u.error().code == u"not_found" ? notFound(number) : u.error());
        const QString workosId = UserFields::workosUserId(u.value());
        if (need == Need::Linked && workosId.isEmpty())
            return done(Error{tr("User #%1 is not linked to WorkOS.").arg(number), QStringLiteral("workos_not_linked")});
        if (need == Need::Unlinked && !workosId.isEmpty())
            return done(Error{tr("User #%1 is already linked to WorkOS ID: %2").arg(number, workosId), QStringLiteral("workos_already_linked")});
        done(u);
    });
}

Error UserActions::notFound(const QString &id)
{
    return Error{tr("WordPress user #%1 not found.").arg(id), QStringLiteral("not_found"), 404};
}

void UserActions::workosUser(WorkOS wapi, const QString &idOrEmail, Done done)
{
    const QString key = idOrEmail.trimmed();
    if (key.isEmpty())
        return done(Error{tr("Enter a WorkOS user ID or e-mail address."), QStringLiteral("invalid_input")});
    if (key.contains(QLatin1Char('@'))) {
        static const QRegularExpression address(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]+$"));
        if (!address.match(key).hasMatch() || key.size() > 100)
            return done(Error{tr("“%1” is not a valid e-mail address.").arg(key), QStringLiteral("invalid_email")});
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("email"), key);
        auto found = std::make_shared<QJsonObject>();
        wapi->listUsers(query, [found](const QJsonArray &users) {
            if (!users.isEmpty())
                *found = users.first().toObject();
            return false;
        }, [key, found, done](const Result<int> &listed) {
            if (!listed)
                return done(Error{tr("Failed to fetch WorkOS user: %1").arg(listed.error().message), listed.error().code});
            if (found->isEmpty())
                return done(Error{tr("No WorkOS user has the e-mail address %1.").arg(key), QStringLiteral("workos_user_not_found"), 404});
            if (!found->value(u"email_verified").toBool())
                return done(Error{tr("WorkOS has not verified %1 for user %2: link by the WorkOS user ID if the address is theirs.")
                                      .arg(key, found->value(u"id").toString()),
                                  QStringLiteral("workos_email_not_verified")});
            done(*found);
        });
        return;
    }
    static const QRegularExpression workosId(QStringLiteral("^[A-Za-z0-9_-]{1,128}$"));
    if (!workosId.match(key).hasMatch())
        return done(Error{tr("“%1” is neither a WorkOS user ID nor an e-mail address.").arg(key), QStringLiteral("invalid_input")});
    wapi->getUser(key, [done](const Result<QJsonObject> &remote) {
        if (!remote)
            return done(Error{tr("Failed to fetch WorkOS user: %1").arg(remote.error().message), remote.error().code, remote.error().httpStatus});
        done(remote);
    });
}

void UserActions::link(Client api, WorkOS wapi, qint64 id, const QString &idOrEmail, QObject *context, Done done)
{
    user(api, id, Need::Unlinked, context, [api, wapi, id, idOrEmail, context, done](const Result<QJsonObject> &u) {
        if (!u)
            return done(u.error());
        workosUser(wapi, idOrEmail, [api, id, context, guard = QPointer<QObject>(context), done](const Result<QJsonObject> &remote) {
            if (!guard) // WorkOS answered after the caller went away
                return;
            if (!remote)
                return done(remote.error());
            const QJsonObject op{{QStringLiteral("op"), QStringLiteral("link")}, {QStringLiteral("user_id"), id},
                                 {QStringLiteral("workos_user_id"), remote->value(u"id")}};
            UserService::batch(api, one(op), false, context, [remote = remote.value(), done](const Result<QJsonObject> &answer) {
                const Result<QJsonObject> r = firstResult(answer);
                if (!r)
                    return done(r.error());
                done(remote);
            });
        });
    });
}

void UserActions::unlink(Client api, qint64 id, QObject *context, Done done)
{
    user(api, id, Need::Linked, context, [api, id, context, done](const Result<QJsonObject> &u) {
        if (!u)
            return done(u.error());
        const QJsonObject op{{QStringLiteral("op"), QStringLiteral("unlink")}, {QStringLiteral("user_id"), id}};
        UserService::batch(api, one(op), false, context, [before = u.value(), done](const Result<QJsonObject> &answer) {
            const Result<QJsonObject> r = firstResult(answer);
            if (!r)
                return done(r.error());
            done(before);
        });
    });
}

void UserActions::pull(Client api, WorkOS wapi, qint64 id, QObject *context, Done done)
{
    user(api, id, Need::Linked, context, [api, wapi, id, context, done](const Result<QJsonObject> &u) {
        if (!u)
            return done(u.error());
        wapi->getUser(UserFields::workosUserId(u.value()), [api, id, context, guard = QPointer<QObject>(context), done](const Result<QJsonObject> &remote) {
            if (!guard)
                return;
            if (!remote)
                return done(Error{tr("Failed to fetch WorkOS user: %1").arg(remote.error().message), remote.error().code, remote.error().httpStatus});
            UserService::batch(api, one(pullOperation(id, remote.value())), false, context,
                               [done](const Result<QJsonObject> &answer) { done(firstResult(answer)); });
        });
    });
}

void UserActions::push(Client api, WorkOS wapi, qint64 id, QObject *context, Done done)
{
    user(api, id, Need::Unlinked, context, [api, wapi, id, context, done](const Result<QJsonObject> &u) {
        if (!u)
            return done(u.error());
        wapi->send("POST", QStringLiteral("/user_management/users"), workosProfile(u.value()),
                   [api, id, context, guard = QPointer<QObject>(context), done](const Result<QJsonObject> &made) {
            if (!guard)
                return;
            if (!made)
                return done(made.error());
            const QJsonObject op{{QStringLiteral("op"), QStringLiteral("link")}, {QStringLiteral("user_id"), id},
                                 {QStringLiteral("workos_user_id"), made->value(u"id")}};
            UserService::batch(api, one(op), false, context, [made = made.value(), done](const Result<QJsonObject> &answer) {
                const Result<QJsonObject> r = firstResult(answer);
                if (!r)
                    return done(r.error());
                done(made);
            });
        });
    });
}

void UserActions::import(Client api, const QJsonObject &remote, QObject *context, Done done)
{
    const QString workosId = remote.value(u"id").toString();
    const QString email = remote.value(u"email").toString();
    UserService::find(api, email, UserService::By::Email, context, [api, remote, workosId, email, context, done](const Result<QJsonObject> &existing) {
        QJsonObject op{{QStringLiteral("workos_user_id"), workosId}};
        if (existing && UserFields::workosUserId(existing.value()) == workosId) {
            op.insert(QStringLiteral("op"), QStringLiteral("update"));
            op.insert(QStringLiteral("first_name"), remote.value(u"first_name").toString());
            op.insert(QStringLiteral("last_name"), remote.value(u"last_name").toString());
        } else if (existing) {
            op.insert(QStringLiteral("op"), QStringLiteral("link"));
            op.insert(QStringLiteral("user_id"), existing->value(u"id"));
        } else {
            op.insert(QStringLiteral("op"), QStringLiteral("create"));
            op.insert(QStringLiteral("email"), email);
            op.insert(QStringLiteral("first_name"), remote.value(u"first_name").toString());
            op.insert(QStringLiteral("last_name"), remote.value(u"last_name").toString());
        }
        UserService::batch(api, one(op), false, context, [done](const Result<QJsonObject> &answer) { done(firstResult(answer)); });
    });
}

QJsonObject UserActions::workosProfile(const QJsonObject &user)
{
    QJsonObject profile{{QStringLiteral("email"), user.value(u"email")}, {QStringLiteral("email_verified"), true}};
    const QStringList names = user.value(u"display_name").toString().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (!names.isEmpty())
        profile.insert(QStringLiteral("first_name"), names.first());
    if (names.size() > 1)
        profile.insert(QStringLiteral("last_name"), names.mid(1).join(QLatin1Char(' ')));
    return profile;
}

QJsonObject UserActions::pullOperation(qint64 id, const QJsonObject &remote)
{
    QJsonObject op{{QStringLiteral("op"), QStringLiteral("update")}, {QStringLiteral("user_id"), id}};
    for (const char *field : {"email", "first_name", "last_name"}) {
        const QString value = remote.value(text(field)).toString();
        if (!value.isEmpty()) // WorkOS wins for its non-empty fields
            op.insert(text(field), value.left(100));
    }
    return op;
}

Result<QJsonObject> UserActions::firstResult(const Result<QJsonObject> &answer)
{
    if (!answer)
        return answer.error();
    const QJsonObject r = answer->value(u"results").toArray().first().toObject();
    if (!r.value(u"ok").toBool())
        return Error{r.value(u"error").toObject().value(u"message").toString(), r.value(u"error").toObject().value(u"code").toString()};
    return r;
}

} // namespace workos

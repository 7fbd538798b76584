#include "Emulator.h"
#include "auth/OneTimeCodes.h"
#include "auth/Passwords.h"
#include "auth/Sessions.h"
#include "events/EventBus.h"
#include "http/Errors.h"
#include "http/FormData.h"
#include "http/JsonBody.h"
#include "model/Domain.h"
#include "routes/HostedPages.h"
#include "routes/Routes.h"

#include <QJsonArray>

#include <algorithm>

namespace emu {

namespace {

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QString field(const QJsonObject &body, const char *key)
{
    const QJsonValue v = body.value(QLatin1String(key));
    return v.isString() ? v.toString() : QString();
}

QJsonObject userByEmail(Emulator &emu, const QString &email)
{
    return emu.store().users.findFirst(
        [&](const QJsonObject &u) { return str(u, "email").compare(email, Qt::CaseInsensitive) == 0; });
}

Response userResponse(const QJsonObject &user)
{
    return Response::json(200, QJsonObject{{QStringLiteral("user"), user}});
}

// ------------------------------------------------------------------------- password reset

// 400 password_reset_error with one {code, message} detail (inner codes are UNCONFIRMED in
// production; these are the emulator's, documented in docs/sandbox.md).
Response resetError(const QString &code, const QString &message)
{
    return errors::standard(400, QStringLiteral("password_reset_error"), QStringLiteral("The password could not be reset."),
                            QJsonArray{QJsonObject{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}}});
}

// The token's problem, if it has one.
std::optional<Response> tokenProblem(codes::Check check)
{
    switch (check) {
    case codes::Check::Ok:
        return std::nullopt;
    case codes::Check::Expired:
        return resetError(QStringLiteral("password_reset_token_expired"), QStringLiteral("The password reset token has expired."));
    case codes::Check::Used:
        return resetError(QStringLiteral("password_reset_token_used"), QStringLiteral("The password reset token has already been used."));
    case codes::Check::Unknown:
        break;
    }
    return resetError(QStringLiteral("password_reset_token_invalid"), QStringLiteral("The password reset token is invalid."));
}

codes::Lookup findReset(Emulator &emu, const QString &token)
{
    return codes::find(emu, emu.store().passwordResets,
                       [&](const QJsonObject &r) { return !token.isEmpty() && str(r, "password_reset_token") == token; });
}

// Shared by the API and the hosted reset page. A weak password leaves the token usable.
Outcome confirmReset(Emulator &emu, const QString &token, const QString &newPassword)
{
    const codes::Lookup reset = findReset(emu, token);
    if (auto e = tokenProblem(reset.check))
        return Outcome::fail(*e);
    const QString weak = passwords::weakness(newPassword);
    if (!weak.isEmpty())
        return Outcome::fail(resetError(QStringLiteral("password_too_short"), weak));
    const QString userId = str(reset.record, "user_id");
    if (!emu.store().users.contains(userId))
        return Outcome::fail(*tokenProblem(codes::Check::Unknown));
    codes::consume(emu, emu.store().passwordResets, reset.record);
    domain::setPassword(emu, userId, newPassword);
    // The reset link reached the mailbox, which proves the address (workos-api.md §3.5).
    const QJsonObject user = codes::markEmailVerified(emu, userId);
    emu.events().emitEvent(QStringLiteral("password_reset.succeeded"), codes::eventView(reset.record));
    return {user, std::nullopt};
}

void registerPasswordReset(Emulator &emu, Router &r)
{
    r.post(QStringLiteral("/user_management/password_reset"), Access::ApiKey, [&emu](Request &req) {
        Response error;
        const auto body = jsonBody(req, error);
        if (!body)
            return error;
        const QString email = field(*body, "email").trimmed();
        if (email.isEmpty())
            return errors::fieldRequired(QStringLiteral("email"));
        const QJsonObject user = userByEmail(emu, email);
        if (user.isEmpty())
            return errors::notFound(QStringLiteral("User"), email);
        return Response::json(201, codes::createPasswordReset(emu, user));
    });

    r.get(QStringLiteral("/user_management/password_reset/{id}"), Access::ApiKey, [&emu](Request &req) {
        const QString id = req.params.value(QStringLiteral("id"));
        const QJsonObject reset = emu.store().passwordResets.get(id);
        return reset.isEmpty() ? errors::notFound(QStringLiteral("Password reset"), id) : Response::json(200, codes::publicView(reset));
    });

    r.post(QStringLiteral("/user_management/password_reset/confirm"), Access::ApiKey, [&emu](Request &req) {
        Response error;
        const auto body = jsonBody(req, error);
        if (!body)
            return error;
        if (field(*body, "token").isEmpty())
            return errors::fieldRequired(QStringLiteral("token"));
        if (!body->value(QLatin1String("new_password")).isString())
            return errors::fieldRequired(QStringLiteral("new_password"));
        const Outcome o = confirmReset(emu, field(*body, "token"), field(*body, "new_password"));
        return o.ok() ? userResponse(o.value) : *o.error;
    });

    // Legacy (workos-api.md §3.5): answers the same for known and unknown addresses, so it
    // cannot be used to find accounts; known ones get a reset, readable at /_emulator/emails.
    r.post(QStringLiteral("/user_management/password_reset/send"), Access::ApiKey, [&emu](Request &req) {
        Response error;
        const auto body = jsonBody(req, error);
        if (!body)
            return error;
        const QString email = field(*body, "email").trimmed();
        if (email.isEmpty())
            return errors::fieldRequired(QStringLiteral("email"));
        const QJsonObject user = userByEmail(emu, email);
        if (!user.isEmpty())
            codes::createPasswordReset(emu, user, field(*body, "password_reset_url"));
        return Response::json(200, QJsonObject{});
    });
}

// ------------------------------------------------------------------------- hosted reset page

QString resetForm(const QString &token, const QString &error)
{
    const QString errorHtml = error.isEmpty() ? QString()
                                              : QStringLiteral("<p class=\"error\" id=\"error\" role=\"alert\">%1</p>").arg(pages::escape(error));
    return QStringLiteral("<h1>Choose a new password</h1>%1<form method=\"post\" action=\"/reset-password\" id=\"reset-form\">"
                          "<input type=\"hidden\" name=\"token\" value=\"%2\">"
                          "<label for=\"password\">New password</label>"
                          "<input id=\"password\" name=\"new_password\" type=\"password\" autocomplete=\"new-password\" required autofocus>"
                          "<button id=\"submit\" type=\"submit\">Reset password</button></form>")
        .arg(errorHtml, pages::escape(token));
}

// The message of a password_reset_error answer.
QString resetMessage(const Response &error)
{
    const QJsonArray details = QJsonDocument::fromJson(error.body).object().value(QLatin1String("errors")).toArray();
    return details.first().toObject().value(QLatin1String("message")).toString();
}

// password_reset_url points here by default, so a reset link from the emulator works in a browser.
void registerResetPage(Emulator &emu, Router &r)
{
    r.get(QStringLiteral("/reset-password"), Access::Public, [&emu](Request &req) {
        const QString token = decodeForm(req.query.query(QUrl::FullyEncoded).toUtf8()).value(QStringLiteral("token"));
        if (auto e = tokenProblem(findReset(emu, token).check))
            return pages::error(400, QStringLiteral("Reset link not valid"), resetMessage(*e));
        return Response::html(200, pages::document(QStringLiteral("Reset password"), resetForm(token, {})));
    });
    r.post(QStringLiteral("/reset-password"), Access::Public, [&emu](Request &req) {
        const auto form = decodeForm(req.body);
        const QString token = form.value(QStringLiteral("token"));
        if (auto e = tokenProblem(findReset(emu, token).check))
            return pages::error(400, QStringLiteral("Reset link not valid"), resetMessage(*e));
        const Outcome o = confirmReset(emu, token, form.value(QStringLiteral("new_password")));
        if (!o.ok())
            return Response::html(200, pages::document(QStringLiteral("Reset password"), resetForm(token, resetMessage(*o.error))));
        return Response::html(200, pages::document(QStringLiteral("Password changed"),
                                                   QStringLiteral("<h1>Password changed</h1><p id=\"password-changed\">"
                                                                  "You can now sign in with your new password.</p>")));
    });
}

// ------------------------------------------------------------------------- email verification

Response verificationError(const QString &code, const QString &message)
{
    return errors::standard(400, code, message);
}

Response confirmEmail(Emulator &emu, const QJsonObject &user, const QString &code)
{
    const QString userId = str(user, "id");
    const codes::Lookup found = codes::find(emu, emu.store().emailVerifications,
                                            [&](const QJsonObject &v) { return str(v, "user_id") == userId && str(v, "code") == code; });
    if (found.check == codes::Check::Used)
        return verificationError(QStringLiteral("email_verification_code_previously_used"),
                                 QStringLiteral("The email verification code has already been used."));
    if (user.value(QLatin1String("email_verified")).toBool())
        return verificationError(QStringLiteral("email_previously_verified"), QStringLiteral("The email address is already verified."));
    const QJsonObject request; // a server-to-server call: no browser address or agent to report
    if (found.check != codes::Check::Ok) {
        const Response failure = found.check == codes::Check::Expired
            ? verificationError(QStringLiteral("email_verification_code_expired"), QStringLiteral("The email verification code has expired."))
            : verificationError(QStringLiteral("email_verification_code_incorrect"), QStringLiteral("The email verification code is incorrect."));
        sessions::emitAuthenticationEvent(emu, QStringLiteral("EmailVerification"), request, userId, str(user, "email"),
                                          QJsonDocument::fromJson(failure.body).object());
        return failure;
    }
    codes::consume(emu, emu.store().emailVerifications, found.record);
    const QJsonObject verified = codes::markEmailVerified(emu, userId);
    sessions::emitAuthenticationEvent(emu, QStringLiteral("EmailVerification"), request, userId, str(user, "email"));
    return userResponse(verified);
}

void registerEmailVerification(Emulator &emu, Router &r)
{
    r.post(QStringLiteral("/user_management/users/{id}/email_verification/send"), Access::ApiKey, [&emu](Request &req) {
        const QString id = req.params.value(QStringLiteral("id"));
        const QJsonObject user = emu.store().users.get(id);
        if (user.isEmpty())
            return errors::notFound(QStringLiteral("User"), id);
        if (user.value(QLatin1String("email_verified")).toBool())
            return verificationError(QStringLiteral("email_already_verified"), QStringLiteral("The email address is already verified."));
        codes::createEmailVerification(emu, user);
        return userResponse(user);
    });

    r.post(QStringLiteral("/user_management/users/{id}/email_verification/confirm"), Access::ApiKey, [&emu](Request &req) {
        Response error;
        const auto body = jsonBody(req, error);
        if (!body)
            return error;
        const QString id = req.params.value(QStringLiteral("id"));
        const QJsonObject user = emu.store().users.get(id);
        if (user.isEmpty())
            return errors::notFound(QStringLiteral("User"), id);
        if (field(*body, "code").isEmpty())
            return errors::fieldRequired(QStringLiteral("code"));
        return confirmEmail(emu, user, field(*body, "code"));
    });

    r.get(QStringLiteral("/user_management/email_verification/{id}"), Access::ApiKey, [&emu](Request &req) {
        const QString id = req.params.value(QStringLiteral("id"));
        const QJsonObject v = emu.store().emailVerifications.get(id);
        return v.isEmpty() ? errors::notFound(QStringLiteral("Email verification"), id) : Response::json(200, codes::publicView(v));
    });
}

// ------------------------------------------------------------------------- magic auth

// A code for `email`; an address without a user gets one now (sign-up by magic auth; an
// emulator decision, so MagicAuth.user_id always names a user).
Outcome createMagicAuth(Emulator &emu, const QJsonObject &body)
{
    const QString email = field(body, "email").trimmed();
    if (email.isEmpty())
        return Outcome::fail(errors::fieldRequired(QStringLiteral("email")));
    QJsonObject user = userByEmail(emu, email);
    if (user.isEmpty()) {
        const Outcome created = domain::createUser(emu, QJsonObject{{QStringLiteral("email"), email}}, true);
        if (!created.ok())
            return created;
        user = created.value;
    }
    return {codes::createMagicAuth(emu, user), std::nullopt};
}

void registerMagicAuth(Emulator &emu, Router &r)
{
    r.post(QStringLiteral("/user_management/magic_auth"), Access::ApiKey, [&emu](Request &req) {
        Response error;
        const auto body = jsonBody(req, error);
        if (!body)
            return error;
        const Outcome o = createMagicAuth(emu, *body);
        return o.ok() ? Response::json(201, o.value) : *o.error;
    });
    r.post(QStringLiteral("/user_management/magic_auth/send"), Access::ApiKey, [&emu](Request &req) {
        Response error;
        const auto body = jsonBody(req, error);
        if (!body)
            return error;
        const Outcome o = createMagicAuth(emu, *body);
        return o.ok() ? Response::json(200, QJsonObject{}) : *o.error;
    });
    r.get(QStringLiteral("/user_management/magic_auth/{id}"), Access::ApiKey, [&emu](Request &req) {
        const QString id = req.params.value(QStringLiteral("id"));
        const QJsonObject m = emu.store().magicAuths.get(id);
        return m.isEmpty() ? errors::notFound(QStringLiteral("Magic auth"), id) : Response::json(200, codes::publicView(m));
    });
}

// ------------------------------------------------------------------------- captured emails

// What WorkOS would have emailed, oldest first: the outbox tests read codes and tokens from.
void registerOutbox(Emulator &emu, Router &r)
{
    r.get(QStringLiteral("/_emulator/emails"), Access::Control, [&emu](Request &req) {
        const QString to = req.queryValue(QStringLiteral("email"));
        const QString type = req.queryValue(QStringLiteral("type"));
        QList<QJsonObject> mails;
        auto collect = [&](const Collection &collection, const char *kind) {
            for (const QJsonObject &rec : collection.select()) {
                if ((!to.isEmpty() && str(rec, "email").compare(to, Qt::CaseInsensitive) != 0)
                    || (!type.isEmpty() && type != QLatin1String(kind)))
                    continue;
                QJsonObject mail{{QStringLiteral("type"), QLatin1String(kind)},
                                 {QStringLiteral("id"), rec.value(QLatin1String("id"))},
                                 {QStringLiteral("to"), rec.value(QLatin1String("email"))},
                                 {QStringLiteral("user_id"), rec.value(QLatin1String("user_id"))},
                                 {QStringLiteral("created_at"), rec.value(QLatin1String("created_at"))},
                                 {QStringLiteral("expires_at"), rec.value(QLatin1String("expires_at"))},
                                 {QStringLiteral("used"), rec.contains(QLatin1String("_consumed_at"))}};
                if (rec.contains(QLatin1String("code")))
                    mail.insert(QStringLiteral("code"), rec.value(QLatin1String("code")));
                if (rec.contains(QLatin1String("password_reset_token"))) {
                    mail.insert(QStringLiteral("token"), rec.value(QLatin1String("password_reset_token")));
                    mail.insert(QStringLiteral("url"), rec.value(QLatin1String("password_reset_url")));
                }
                mails.append(mail);
            }
        };
        collect(emu.store().passwordResets, "password_reset");
        collect(emu.store().emailVerifications, "email_verification");
        collect(emu.store().magicAuths, "magic_auth");
        // Ids end in a ULID that is monotonic across all kinds, finer than created_at's milliseconds.
        std::sort(mails.begin(), mails.end(),
                  [](const QJsonObject &a, const QJsonObject &b) { return str(a, "id").right(26) < str(b, "id").right(26); });
        QJsonArray data;
        for (const QJsonObject &m : mails)
            data.append(m);
        return Response::json(200, QJsonObject{{QStringLiteral("data"), data}});
    });
}

} // namespace

// Password reset, email verification, magic auth (workos-api.md §3.5-3.7) and the emulator's
// outbox of what those would have emailed.
void registerPasswordRoutes(Emulator &emu)
{
    Router &r = emu.router();
    registerPasswordReset(emu, r);
    registerResetPage(emu, r);
    registerEmailVerification(emu, r);
    registerMagicAuth(emu, r);
    registerOutbox(emu, r);
}

} // namespace emu

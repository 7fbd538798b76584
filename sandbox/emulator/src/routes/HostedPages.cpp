#include "routes/HostedPages.h"

#include "Emulator.h"
#include "auth/Sessions.h"
#include "http/FormData.h"
#include "model/Domain.h"
#include "model/Ids.h"

#include <QJsonArray>

#include <optional>

namespace emu {

namespace pages {

QString escape(const QString &text)
{
    QString out = text.toHtmlEscaped(); // & < > "
    out.replace(QLatin1Char('\''), QLatin1String("&#39;"));
    return out;
}

QString document(const QString &title, const QString &content)
{
    static const QString css = QStringLiteral(
        "*{box-sizing:border-box}"
        "body{margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;"
        "background:#f4f5f7;color:#1c2024;font:15px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif}"
        "main{width:100%;max-width:400px;margin:24px;background:#fff;border:1px solid #e1e4e8;border-radius:12px;"
        "padding:32px;box-shadow:0 4px 24px rgba(0,0,0,.06)}"
        ".env{display:inline-block;font-size:12px;font-weight:600;letter-spacing:.04em;text-transform:uppercase;"
        "color:#6363f1;background:#eef0ff;border-radius:999px;padding:2px 10px;margin-bottom:12px}"
        "h1{font-size:22px;margin:0 0 20px}"
        "label{display:block;font-weight:500;margin:14px 0 6px}"
        "input[type=email],input[type=password],input[type=text]{width:100%;padding:10px 12px;font:inherit;"
        "border:1px solid #cdd1d6;border-radius:8px}"
        "input:focus{outline:2px solid #6363f1;outline-offset:1px;border-color:#6363f1}"
        "button{width:100%;margin-top:22px;padding:11px;font:inherit;font-weight:600;color:#fff;background:#6363f1;"
        "border:0;border-radius:8px;cursor:pointer}"
        "button:hover{background:#4f4fd6}"
        ".error{color:#b42318;background:#fef3f2;border:1px solid #fecdca;border-radius:8px;padding:10px 12px;margin:0 0 8px}"
        ".org{display:flex;gap:10px;align-items:center;border:1px solid #e1e4e8;border-radius:8px;padding:10px 12px;"
        "margin:8px 0;font-weight:500;cursor:pointer}"
        ".muted{color:#5f6b7a;font-size:14px;margin-top:18px;text-align:center}"
        "a{color:#6363f1}");
    return QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                          "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
                          "<title>%1 · WorkOS Emulator</title><style>%2</style></head>"
                          "<body><main><div class=\"env\" id=\"environment\">WorkOS Emulator</div>%3</main></body></html>\n")
        .arg(escape(title), css, content);
}

Response error(int status, const QString &title, const QString &message)
{
    return Response::html(status, document(title, QStringLiteral("<h1>%1</h1><p class=\"error\" id=\"error\" role=\"alert\">%2</p>")
                                                      .arg(escape(title), escape(message))));
}

} // namespace pages

namespace {

using Params = QHash<QString, QString>;

// What the authorize URL said, carried through every form of the flow in hidden fields; the
// submit handler validates it again, since anyone can post to it.
const char *const kCarried[] = {"client_id",      "redirect_uri",          "response_type", "provider",
                                "connection_id",  "organization_id",       "state",         "code_challenge",
                                "code_challenge_method", "login_hint",     "screen_hint",   "domain_hint"};

const QString kSubmitPath = QStringLiteral("/user_management/authorize/submit");

// A validated authorize request.
struct Flow
{
    Params params;
    QString redirectUri;
    QString organizationId; // the organization the login must end in (organization_id, or the connection's)
    QString authMethod;     // authentication_method of the session: "Password" or "SSO"
};

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QString percent(const QString &s)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(s));
}

// `base` with query parameters appended (after any it already has).
QString withQuery(const QString &base, const QList<std::pair<QString, QString>> &items)
{
    QString url = base;
    QChar separator = base.contains(QLatin1Char('?')) ? QLatin1Char('&') : QLatin1Char('?');
    for (const auto &[key, value] : items) {
        url += separator + percent(key) + QLatin1Char('=') + percent(value);
        separator = QLatin1Char('&');
    }
    return url;
}

// The redirect back to the application: `items` plus the state, untouched, when one was given.
Response redirectBack(const Flow &flow, QList<std::pair<QString, QString>> items)
{
    if (flow.params.contains(QStringLiteral("state")))
        items.append({QStringLiteral("state"), flow.params.value(QStringLiteral("state"))});
    return Response::redirect(withQuery(flow.redirectUri, items));
}

QString authorizeUrl(const Params &params)
{
    QList<std::pair<QString, QString>> items;
    for (const char *key : kCarried) {
        if (params.contains(QLatin1String(key)))
            items.append({QLatin1String(key), params.value(QLatin1String(key))});
    }
    return withQuery(QStringLiteral("/user_management/authorize"), items);
}

// client_id, redirect_uri and response_type fail with a page (the redirect target is not trusted
// yet); everything after that goes back to the application as error + error_description.
std::optional<Flow> validate(Emulator &emu, const Params &p, Response &failure)
{
    const EmulatorConfig &config = emu.config();
    const QString clientId = p.value(QStringLiteral("client_id"));
    const QString redirectUri = p.value(QStringLiteral("redirect_uri"));
    if (clientId.isEmpty()) {
        failure = pages::error(400, QStringLiteral("Invalid sign-in link"), QStringLiteral("The authorization URL has no client_id."));
        return std::nullopt;
    }
    if (clientId != config.clientId) {
        failure = pages::error(400, QStringLiteral("Invalid sign-in link"),
                               QStringLiteral("client_id '%1' does not belong to this environment.").arg(clientId));
        return std::nullopt;
    }
    if (redirectUri.isEmpty()) {
        failure = pages::error(400, QStringLiteral("Invalid sign-in link"), QStringLiteral("The authorization URL has no redirect_uri."));
        return std::nullopt;
    }
    if (!config.redirectUris.contains(redirectUri)) {
        failure = pages::error(400, QStringLiteral("Invalid sign-in link"),
                               QStringLiteral("redirect_uri '%1' is not a registered redirect URI of this environment.").arg(redirectUri));
        return std::nullopt;
    }
    if (p.value(QStringLiteral("response_type")) != u"code") {
        failure = pages::error(400, QStringLiteral("Invalid sign-in link"), QStringLiteral("response_type must be 'code'."));
        return std::nullopt;
    }

    Flow flow{p, redirectUri, {}, QStringLiteral("Password")};
    auto reject = [&](const QString &code, const QString &description) {
        failure = redirectBack(flow, {{QStringLiteral("error"), code}, {QStringLiteral("error_description"), description}});
        return std::nullopt;
    };
    const QString provider = p.value(QStringLiteral("provider"));
    const QString connectionId = p.value(QStringLiteral("connection_id"));
    const QString organizationId = p.value(QStringLiteral("organization_id"));
    if (int(!provider.isEmpty()) + int(!connectionId.isEmpty()) + int(!organizationId.isEmpty()) != 1)
        return reject(QStringLiteral("invalid_request"),
                      QStringLiteral("Exactly one of provider, connection_id or organization_id must be provided."));
    if (!provider.isEmpty() && provider != u"authkit")
        return reject(QStringLiteral("invalid_request"),
                      QStringLiteral("The provider '%1' is not available in the emulator; use provider=authkit.").arg(provider));
    if (!organizationId.isEmpty()) {
        if (!emu.store().organizations.contains(organizationId))
            return reject(QStringLiteral("organization_invalid"), QStringLiteral("Organization '%1' not found.").arg(organizationId));
        flow.organizationId = organizationId;
    }
    if (!connectionId.isEmpty()) {
        const QJsonObject connection = emu.store().connections.get(connectionId);
        if (connection.isEmpty() || str(connection, "state") != u"active")
            return reject(QStringLiteral("connection_invalid"), QStringLiteral("No active connection '%1'.").arg(connectionId));
        flow.organizationId = str(connection, "organization_id");
        flow.authMethod = QStringLiteral("SSO");
    }
    const QString challenge = p.value(QStringLiteral("code_challenge"));
    const QString method = p.value(QStringLiteral("code_challenge_method"));
    if (!challenge.isEmpty() && method != u"S256")
        return reject(QStringLiteral("invalid_request"), QStringLiteral("code_challenge_method must be S256."));
    if (challenge.isEmpty() && !method.isEmpty())
        return reject(QStringLiteral("invalid_request"), QStringLiteral("code_challenge_method was given without code_challenge."));
    return flow;
}

QString hiddenFields(const Flow &flow, const QString &step)
{
    QString out = QStringLiteral("<input type=\"hidden\" name=\"step\" value=\"%1\">").arg(pages::escape(step));
    for (const char *key : kCarried) {
        if (flow.params.contains(QLatin1String(key)))
            out += QStringLiteral("<input type=\"hidden\" name=\"%1\" value=\"%2\">")
                       .arg(QLatin1String(key), pages::escape(flow.params.value(QLatin1String(key))));
    }
    return out;
}

QString errorBlock(const QString &error)
{
    return error.isEmpty() ? QString() : QStringLiteral("<p class=\"error\" id=\"error\" role=\"alert\">%1</p>").arg(pages::escape(error));
}

QString organizationName(Emulator &emu, const QString &id)
{
    return str(emu.store().organizations.get(id), "name");
}

Response signInPage(Emulator &emu, const Flow &flow, const QString &email, const QString &error = {})
{
    const bool sso = flow.authMethod == u"SSO";
    QString subtitle;
    if (!flow.organizationId.isEmpty())
        subtitle = QStringLiteral("<p class=\"muted\" id=\"organization\">%1 %2</p>")
                       .arg(sso ? QStringLiteral("Single sign-on for") : QStringLiteral("Signing in to"),
                            pages::escape(organizationName(emu, flow.organizationId)));
    QString signUp;
    if (!sso) {
        Params params = flow.params;
        params.insert(QStringLiteral("screen_hint"), QStringLiteral("sign-up"));
        signUp = QStringLiteral("<p class=\"muted\">No account yet? <a id=\"sign-up-link\" href=\"%1\">Sign up</a></p>")
                     .arg(pages::escape(authorizeUrl(params)));
    }
    const QString content =
        QStringLiteral("<h1>Sign in</h1>%1%2<form method=\"post\" action=\"%3\" id=\"sign-in-form\">%4"
                       "<label for=\"email\">Email</label>"
                       "<input id=\"email\" name=\"email\" type=\"email\" autocomplete=\"username\" required autofocus value=\"%5\">"
                       "<label for=\"password\">Password</label>"
                       "<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required>"
                       "<button id=\"submit\" type=\"submit\">Sign in</button></form>%6")
            .arg(subtitle, errorBlock(error), kSubmitPath, hiddenFields(flow, QStringLiteral("sign-in")), pages::escape(email), signUp);
    return Response::html(200, pages::document(QStringLiteral("Sign in"), content));
}

Response signUpPage(const Flow &flow, const Params &form, const QString &error = {})
{
    Params params = flow.params;
    params.insert(QStringLiteral("screen_hint"), QStringLiteral("sign-in"));
    const QString content =
        QStringLiteral("<h1>Create an account</h1>%1<form method=\"post\" action=\"%2\" id=\"sign-up-form\">%3"
                       "<label for=\"first-name\">First name</label>"
                       "<input id=\"first-name\" name=\"first_name\" type=\"text\" autocomplete=\"given-name\" value=\"%4\">"
                       "<label for=\"last-name\">Last name</label>"
                       "<input id=\"last-name\" name=\"last_name\" type=\"text\" autocomplete=\"family-name\" value=\"%5\">"
                       "<label for=\"email\">Email</label>"
                       "<input id=\"email\" name=\"email\" type=\"email\" autocomplete=\"username\" required value=\"%6\">"
                       "<label for=\"password\">Password</label>"
                       "<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"new-password\" required>"
                       "<button id=\"submit\" type=\"submit\">Create account</button></form>"
                       "<p class=\"muted\">Already have an account? <a id=\"sign-in-link\" href=\"%7\">Sign in</a></p>")
            .arg(errorBlock(error), kSubmitPath, hiddenFields(flow, QStringLiteral("sign-up")),
                 pages::escape(form.value(QStringLiteral("first_name"))), pages::escape(form.value(QStringLiteral("last_name"))),
                 pages::escape(form.value(QStringLiteral("email"), flow.params.value(QStringLiteral("login_hint")))),
                 pages::escape(authorizeUrl(params)));
    return Response::html(200, pages::document(QStringLiteral("Sign up"), content));
}

Response organizationPage(Emulator &emu, const Flow &flow, const QString &pendingToken, const QStringList &organizationIds,
                          const QString &error = {})
{
    QString choices;
    for (qsizetype i = 0; i < organizationIds.size(); ++i) {
        const QString id = pages::escape(organizationIds.at(i));
        choices += QStringLiteral("<label class=\"org\" for=\"organization-%1\"><input type=\"radio\" name=\"selected_organization\" "
                                  "id=\"organization-%1\" value=\"%1\"%2> %3</label>")
                       .arg(id, i == 0 ? QStringLiteral(" checked") : QString(),
                            pages::escape(organizationName(emu, organizationIds.at(i))));
    }
    const QString content =
        QStringLiteral("<h1>Choose an organization</h1>%1<form method=\"post\" action=\"%2\" id=\"organization-form\">%3"
                       "<input type=\"hidden\" name=\"pending_authentication_token\" value=\"%4\">%5"
                       "<button id=\"submit\" type=\"submit\">Continue</button></form>")
            .arg(errorBlock(error), kSubmitPath, hiddenFields(flow, QStringLiteral("select-organization")), pages::escape(pendingToken),
                 choices);
    return Response::html(200, pages::document(QStringLiteral("Choose an organization"), content));
}

// The end of a successful flow: a single-use code bound to the client, the redirect URI and the
// PKCE challenge, handed to the application in the redirect.
Response issueCode(Emulator &emu, const Flow &flow, const QString &userId, const QString &organizationId, const QString &authMethod)
{
    const QString code = newToken(32);
    emu.store().authorizationCodes.insert(
        code, AuthorizationCode{userId, organizationId, emu.config().clientId, flow.redirectUri,
                                flow.params.value(QStringLiteral("code_challenge")), authMethod,
                                emu.clock().now().addSecs(emu.config().authorizationCodeSeconds)});
    return redirectBack(flow, {{QStringLiteral("code"), code}});
}

// The user is known: settle the organization (fixed by the URL, the only membership, or the
// user's choice on the picker) and issue the code.
Response afterAuthentication(Emulator &emu, const Flow &flow, const QJsonObject &user)
{
    const QString userId = str(user, "id");
    const QList<QJsonObject> memberships = domain::activeMemberships(emu, userId);
    if (!flow.organizationId.isEmpty()) {
        for (const QJsonObject &m : memberships) {
            if (str(m, "organization_id") == flow.organizationId)
                return issueCode(emu, flow, userId, flow.organizationId, flow.authMethod);
        }
        return signInPage(emu, flow, str(user, "email"),
                          QStringLiteral("%1 is not a member of %2.").arg(str(user, "email"), organizationName(emu, flow.organizationId)));
    }
    if (memberships.size() <= 1)
        return issueCode(emu, flow, userId, memberships.isEmpty() ? QString() : str(memberships.first(), "organization_id"),
                         flow.authMethod);
    QStringList organizationIds;
    for (const QJsonObject &m : memberships)
        organizationIds.append(str(m, "organization_id"));
    const QString token = newToken(32);
    emu.store().pendingAuthentications.insert(
        token, PendingAuthentication{userId, organizationIds, flow.authMethod, emu.clock().now().addSecs(10 * 60)});
    return organizationPage(emu, flow, token, organizationIds);
}

QJsonObject userByEmail(Emulator &emu, const QString &email)
{
    return emu.store().users.findFirst(
        [&](const QJsonObject &u) { return str(u, "email").compare(email, Qt::CaseInsensitive) == 0; });
}

Response signIn(Emulator &emu, const Flow &flow, const Params &form)
{
    const QString email = form.value(QStringLiteral("email")).trimmed();
    const QJsonObject user = userByEmail(emu, email);
    if (user.isEmpty() || !domain::checkPassword(emu, str(user, "id"), form.value(QStringLiteral("password")))) {
        sessions::emitAuthenticationEvent(emu, flow.authMethod, {}, str(user, "id"), email,
                                          QJsonObject{{QStringLiteral("code"), QStringLiteral("invalid_credentials")},
                                                      {QStringLiteral("message"), QStringLiteral("Invalid credentials for '%1'.").arg(email)}});
        return signInPage(emu, flow, email, QStringLiteral("Incorrect email or password."));
    }
    return afterAuthentication(emu, flow, user);
}

// The first problem of a failed user creation, in words for the form.
QString creationProblem(const Response &error)
{
    const QJsonObject body = QJsonDocument::fromJson(error.body).object();
    const QJsonArray details = body.value(QLatin1String("errors")).toArray();
    const QString detail = details.isEmpty() ? QString() : details.first().toObject().value(QLatin1String("message")).toString();
    return detail.isEmpty() ? body.value(QLatin1String("message")).toString() : detail;
}

Response signUp(Emulator &emu, const Flow &flow, const Params &form)
{
    if (flow.authMethod != u"Password")
        return pages::error(400, QStringLiteral("Sign-up unavailable"), QStringLiteral("Single sign-on connections do not offer sign-up."));
    if (form.value(QStringLiteral("password")).isEmpty())
        return signUpPage(flow, form, QStringLiteral("Choose a password."));
    QJsonObject body{{QStringLiteral("email"), form.value(QStringLiteral("email")).trimmed()},
                     {QStringLiteral("password"), form.value(QStringLiteral("password"))}};
    for (const char *key : {"first_name", "last_name"}) {
        const QString value = form.value(QLatin1String(key)).trimmed();
        if (!value.isEmpty())
            body.insert(QLatin1String(key), value);
    }
    const Outcome created = domain::createUser(emu, body, true);
    if (!created.ok())
        return signUpPage(flow, form, creationProblem(*created.error));
    // Signing up through an organization's link makes the new user a member of it (an emulator
    // decision; production's rules depend on the organization's settings).
    if (!flow.organizationId.isEmpty())
        domain::createMembership(emu,
                                 QJsonObject{{QStringLiteral("user_id"), str(created.value, "id")},
                                             {QStringLiteral("organization_id"), flow.organizationId}},
                                 true);
    return afterAuthentication(emu, flow, created.value);
}

Response selectOrganization(Emulator &emu, const Flow &flow, const Params &form)
{
    const QString token = form.value(QStringLiteral("pending_authentication_token"));
    const auto it = emu.store().pendingAuthentications.constFind(token);
    if (token.isEmpty() || it == emu.store().pendingAuthentications.constEnd() || it->expiresAt <= emu.clock().now())
        return Response::html(400, pages::document(QStringLiteral("Sign-in expired"),
                                                   QStringLiteral("<h1>Sign-in expired</h1><p class=\"error\" id=\"error\" role=\"alert\">"
                                                                  "This sign-in has expired.</p><p class=\"muted\">"
                                                                  "<a id=\"restart-link\" href=\"%1\">Sign in again</a></p>")
                                                       .arg(pages::escape(authorizeUrl(flow.params)))));
    const PendingAuthentication pending = *it;
    const QString chosen = form.value(QStringLiteral("selected_organization"));
    if (!pending.organizationIds.contains(chosen))
        return organizationPage(emu, flow, token, pending.organizationIds, QStringLiteral("Choose one of your organizations."));
    emu.store().pendingAuthentications.remove(token);
    return issueCode(emu, flow, pending.userId, chosen, pending.authMethod);
}

Params carried(const Params &all)
{
    Params out;
    for (const char *key : kCarried) {
        if (all.contains(QLatin1String(key)))
            out.insert(QLatin1String(key), all.value(QLatin1String(key)));
    }
    return out;
}

} // namespace

void registerHostedPages(Emulator &emu)
{
    Router &r = emu.router();

    // workos-api.md §3.1. The emulator keeps no browser session: every visit shows the form.
    r.get(QStringLiteral("/user_management/authorize"), Access::Public, [&emu](Request &req) {
        // Decoded as a form: SDKs write spaces in state as '+'.
        const Params params = carried(decodeForm(req.query.query(QUrl::FullyEncoded).toUtf8()));
        Response failure;
        const auto flow = validate(emu, params, failure);
        if (!flow)
            return failure;
        if (params.value(QStringLiteral("screen_hint")) == u"sign-up" && flow->authMethod == u"Password")
            return signUpPage(*flow, {});
        return signInPage(emu, *flow, params.value(QStringLiteral("login_hint")));
    });

    r.post(kSubmitPath, Access::Public, [&emu](Request &req) {
        const Params form = decodeForm(req.body);
        Response failure;
        const auto flow = validate(emu, carried(form), failure);
        if (!flow)
            return failure;
        const QString step = form.value(QStringLiteral("step"));
        if (step == u"sign-in")
            return signIn(emu, *flow, form);
        if (step == u"sign-up")
            return signUp(emu, *flow, form);
        if (step == u"select-organization")
            return selectOrganization(emu, *flow, form);
        return pages::error(400, QStringLiteral("Invalid form"), QStringLiteral("Unknown step '%1'.").arg(step));
    });
}

} // namespace emu

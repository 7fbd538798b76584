#pragma once

// An emulator for the AuthKit, token and password suites: in-process on a free port, a small
// seed of its own, driven over real HTTP without following redirects (the tests read them).
#include "Emulator.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTest>
#include <QRegularExpression>
#include <QUrlQuery>

#include <memory>

struct HttpAnswer
{
    int status = 0;
    QByteArray body;
    QJsonObject json;
    QList<QNetworkReply::RawHeaderPair> headers;

    QByteArray header(const QByteArray &name) const
    {
        for (const auto &[k, v] : headers) {
            if (k.compare(name, Qt::CaseInsensitive) == 0)
                return v;
        }
        return {};
    }
    QUrl location() const { return QUrl(QString::fromUtf8(header("Location"))); }
    // A query parameter of the redirect, decoded as a browser or SDK would.
    QString redirectParam(const QString &key) const
    {
        return QUrlQuery(location()).queryItemValue(key, QUrl::FullyDecoded);
    }
    QString text() const { return QString::fromUtf8(body); }
};

using FormFields = QList<std::pair<QString, QString>>;

class AuthHarness
{
public:
    static inline const QString ApiKey = QStringLiteral("sk_test_auth");
    static inline const QString ClientId = QStringLiteral("client_auth_tests");
    static inline const QString RedirectUri = QStringLiteral("http://127.0.0.1:9/callback");
    static inline const QString Password = QStringLiteral("Password123!");

    static emu::EmulatorConfig defaultConfig()
    {
        emu::EmulatorConfig config;
        config.control = true;
        config.apiKeys = {ApiKey};
        config.clientId = ClientId;
        config.redirectUris = {RedirectUri, QStringLiteral("https://app.example.test/auth/callback?tenant=1")};
        return config;
    }

    // ada: one organization (admin); grace: two; solo: none; una: unverified email.
    static QJsonObject defaultSeed()
    {
        return QJsonDocument::fromJson(R"({
          "roles": [{"slug": "admin", "permissions": ["posts:read", "posts:write", "users:manage"]},
                    {"slug": "editor", "permissions": ["posts:read", "posts:write"]},
                    {"slug": "member", "permissions": ["posts:read"]}],
          "organizations": [{"key": "acme", "name": "Acme"}, {"key": "globex", "name": "Globex & <Co>"}],
          "users": [
            {"email": "ada@acme.test", "password": "Password123!", "first_name": "Ada", "last_name": "Lovelace",
             "email_verified": true, "memberships": [{"organization": "acme", "role": "admin"}]},
            {"email": "grace@acme.test", "password": "Password123!", "first_name": "Grace", "email_verified": true,
             "memberships": [{"organization": "acme", "role": "editor"}, {"organization": "globex", "role": "member"}]},
            {"email": "solo@example.test", "password": "Password123!", "email_verified": true},
            {"email": "una@acme.test", "password": "Password123!", "email_verified": false,
             "memberships": [{"organization": "acme", "role": "member"}]}
          ]})")
            .object();
    }

    explicit AuthHarness(const emu::EmulatorConfig &config = defaultConfig(), const QJsonObject &seed = defaultSeed())
    {
        emulator = std::make_unique<emu::Emulator>(config);
        if (emulator->listen() == 0)
            qFatal("emulator did not listen");
        const QString error = emulator->loadSeed(seed);
        if (!error.isEmpty())
            qFatal("seed: %s", qPrintable(error));
        // Seeds may carry environment settings; the tests' own win.
        emulator->config().apiKeys = config.apiKeys;
        emulator->config().clientId = config.clientId;
        emulator->config().redirectUris = config.redirectUris;
    }

    QString base() const { return emulator->baseUrl(); }

    HttpAnswer send(const QByteArray &method, const QString &pathOrUrl, const QByteArray &body = {}, const QByteArray &contentType = {},
                    bool withApiKey = false)
    {
        const QUrl url(pathOrUrl.startsWith(QLatin1String("http")) ? pathOrUrl : base() + pathOrUrl);
        QNetworkRequest request(url);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        if (withApiKey)
            request.setRawHeader("Authorization", "Bearer " + ApiKey.toLatin1());
        if (!contentType.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
        QNetworkReply *reply = nam.sendCustomRequest(request, method, body);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        if (!reply->isFinished())
            loop.exec();
        HttpAnswer a;
        a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        a.body = reply->readAll();
        a.json = QJsonDocument::fromJson(a.body).object();
        a.headers = reply->rawHeaderPairs();
        reply->deleteLater();
        return a;
    }

    HttpAnswer get(const QString &path, bool withApiKey = false) { return send("GET", path, {}, {}, withApiKey); }
    HttpAnswer postJson(const QString &path, const QJsonObject &body, bool withApiKey = true)
    {
        return send("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact), "application/json", withApiKey);
    }
    HttpAnswer postForm(const QString &path, const FormFields &fields)
    {
        return send("POST", path, encodeForm(fields), "application/x-www-form-urlencoded");
    }

    static QByteArray encodeForm(const FormFields &fields)
    {
        QByteArray out;
        for (const auto &[k, v] : fields) {
            if (!out.isEmpty())
                out += '&';
            out += QUrl::toPercentEncoding(k) + '=' + QUrl::toPercentEncoding(v);
        }
        return out;
    }

    // The authorize URL the way an SDK builds it: the defaults plus/overridden by `extra`
    // (an empty value removes a default).
    QString authorizePath(const FormFields &extra = {}) const
    {
        FormFields fields{{QStringLiteral("client_id"), ClientId},
                          {QStringLiteral("redirect_uri"), RedirectUri},
                          {QStringLiteral("response_type"), QStringLiteral("code")},
                          {QStringLiteral("provider"), QStringLiteral("authkit")}};
        for (const auto &[k, v] : extra) {
            fields.removeIf([&](const auto &f) { return f.first == k; });
            if (!v.isNull())
                fields.append({k, v});
        }
        return QStringLiteral("/user_management/authorize?") + QString::fromLatin1(encodeForm(fields));
    }

    // What the browser posts from a rendered page: its hidden fields plus `fields`.
    static FormFields hiddenFields(const QString &html)
    {
        FormFields out;
        static const QRegularExpression re(QStringLiteral("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">"));
        auto it = re.globalMatch(html);
        while (it.hasNext()) {
            const auto m = it.next();
            out.append({m.captured(1), unescape(m.captured(2))});
        }
        return out;
    }
    static QString unescape(QString s)
    {
        s.replace(QLatin1String("&quot;"), QLatin1String("\""));
        s.replace(QLatin1String("&#39;"), QLatin1String("'"));
        s.replace(QLatin1String("&lt;"), QLatin1String("<"));
        s.replace(QLatin1String("&gt;"), QLatin1String(">"));
        s.replace(QLatin1String("&amp;"), QLatin1String("&"));
        return s;
    }

    HttpAnswer submit(const QString &pageHtml, const FormFields &fields)
    {
        return postForm(QStringLiteral("/user_management/authorize/submit"), hiddenFields(pageHtml) + fields);
    }

    // Sign in on the hosted page; the answer is the redirect (or a page).
    HttpAnswer signIn(const QString &email, const QString &password = Password, const FormFields &authorizeExtra = {})
    {
        const HttpAnswer page = get(authorizePath(authorizeExtra));
        if (page.status != 200)
            return page;
        return submit(page.text(), {{QStringLiteral("email"), email}, {QStringLiteral("password"), password}});
    }

    HttpAnswer authenticate(QJsonObject body, bool withSecret = true)
    {
        body.insert(QStringLiteral("client_id"), ClientId);
        if (withSecret)
            body.insert(QStringLiteral("client_secret"), ApiKey);
        return postJson(QStringLiteral("/user_management/authenticate"), body, false);
    }
    HttpAnswer passwordGrant(const QString &email, const QString &password = Password)
    {
        return authenticate(QJsonObject{{QStringLiteral("grant_type"), QStringLiteral("password")},
                                        {QStringLiteral("email"), email},
                                        {QStringLiteral("password"), password}});
    }
    HttpAnswer exchangeCode(const QString &code)
    {
        return authenticate(QJsonObject{{QStringLiteral("grant_type"), QStringLiteral("authorization_code")}, {QStringLiteral("code"), code}});
    }

    QString userId(const QString &email) const
    {
        return emulator->store()
            .users.findFirst([&](const QJsonObject &u) { return u.value(QLatin1String("email")).toString() == email; })
            .value(QLatin1String("id"))
            .toString();
    }
    QString orgId(const QString &name) const
    {
        return emulator->store()
            .organizations.findFirst([&](const QJsonObject &o) { return o.value(QLatin1String("name")).toString() == name; })
            .value(QLatin1String("id"))
            .toString();
    }
    QStringList eventTypes() const
    {
        QStringList out;
        for (const QJsonObject &e : emulator->store().events.select())
            out.append(e.value(QLatin1String("event")).toString());
        return out;
    }
    QJsonObject lastEvent(const QString &type) const
    {
        QJsonObject found;
        for (const QJsonObject &e : emulator->store().events.select()) {
            if (e.value(QLatin1String("event")).toString() == type)
                found = e;
        }
        return found;
    }
    // The newest captured email of a type for an address (GET /_emulator/emails).
    QJsonObject lastEmail(const QString &type, const QString &to)
    {
        const HttpAnswer a = get(QStringLiteral("/_emulator/emails?type=%1&email=%2").arg(type, QString::fromLatin1(QUrl::toPercentEncoding(to))));
        const QJsonArray data = a.json.value(QLatin1String("data")).toArray();
        return data.isEmpty() ? QJsonObject() : data.last().toObject();
    }

    // The three parts of a compact JWS, decoded.
    static QJsonObject jwtPart(const QByteArray &token, int index)
    {
        const QList<QByteArray> parts = token.split('.');
        if (parts.size() != 3)
            return {};
        return QJsonDocument::fromJson(QByteArray::fromBase64(parts.at(index), QByteArray::Base64UrlEncoding)).object();
    }
    static QJsonObject claims(const QString &token) { return jwtPart(token.toLatin1(), 1); }

    std::unique_ptr<emu::Emulator> emulator;
    QNetworkAccessManager nam;
};

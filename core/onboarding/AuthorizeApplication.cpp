#include "onboarding/AuthorizeApplication.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrlQuery>

namespace workos {

namespace {
// Enough for a request line and headers; WordPress's redirect carries everything in the query.
constexpr qint64 kMaxRequest = 16 * 1024;

QByteArray page(const QString &title, const QString &text)
{
    const QByteArray body = QStringLiteral("<!doctype html><meta charset=\"utf-8\"><title>%1</title>"
                                           "<body style=\"font-family:sans-serif;margin:3em\"><h1>%1</h1><p>%2</p></body>")
                                .arg(title.toHtmlEscaped(), text.toHtmlEscaped())
                                .toUtf8();
    return "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nCache-Control: no-store\r\nConnection: close\r\n"
           "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}
} // namespace

AuthorizeApplication::AuthorizeApplication(HttpClient &http, QObject *parent) : QObject(parent), m_http(http) {}

AuthorizeApplication::~AuthorizeApplication() = default;

bool AuthorizeApplication::likelyLocal(const QUrl &siteUrl)
{
    const QString host = siteUrl.host().toLower();
    return host == u"localhost" || host == u"127.0.0.1" || host == u"::1" || host.endsWith(QStringLiteral(".local"))
           || host.endsWith(QStringLiteral(".test")) || host.endsWith(QStringLiteral(".localhost"));
}

void AuthorizeApplication::discover(const QUrl &siteUrl, std::function<void(Result<QUrl>)> done)
{
    HttpRequest index;
    // ?rest_route= works with and without pretty permalinks.
    QUrl url = siteUrl;
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("rest_route"), QStringLiteral("/"));
    url.setQuery(query);
    index.url = url;
    m_http.send(index, this, [done](const HttpResponse &r) {
        if (!r.transportOk() || r.status != 200)
            return done(Error{tr("The site's REST API did not answer (HTTP %1%2).")
                                  .arg(r.status)
                                  .arg(r.transportOk() ? QString() : QStringLiteral(", ") + r.errorString),
                              QStringLiteral("rest_unavailable")});
        const QJsonObject auth = QJsonDocument::fromJson(r.body).object().value(u"authentication").toObject();
        const QString page = auth.value(u"application-passwords").toObject().value(u"endpoints").toObject()
                                 .value(u"authorization").toString();
        if (page.isEmpty())
            return done(Error{tr("The site does not offer Application Passwords (they need https, or a local site, "
                                 "and may be turned off by a plugin). Create one on your profile page instead."),
                              QStringLiteral("application_passwords_unavailable")});
        done(QUrl(page));
    });
}

Result<QUrl> AuthorizeApplication::start(const QUrl &authorizePage, const QString &appName, bool loopback)
{
    stop();
    QUrl url = authorizePage;
    QUrlQuery query(url);
    query.addQueryItem(QStringLiteral("app_name"), appName);
    query.addQueryItem(QStringLiteral("app_id"), m_appId.toString(QUuid::WithoutBraces));
    if (loopback) {
        m_server = new QTcpServer(this);
        if (!m_server->listen(QHostAddress::LocalHost, 0)) {
            const QString why = m_server->errorString();
            stop();
            return Error{tr("Cannot listen on the loopback address: %1").arg(why), QStringLiteral("loopback_failed")};
        }
        connect(m_server, &QTcpServer::newConnection, this, &AuthorizeApplication::onConnection);
        query.addQueryItem(QStringLiteral("success_url"), successUrl().toString());
        QUrl reject = successUrl();
        reject.setPath(QStringLiteral("/rejected"));
        query.addQueryItem(QStringLiteral("reject_url"), reject.toString());
    }
    url.setQuery(query);
    return url;
}

void AuthorizeApplication::stop()
{
    if (m_server) {
        m_server->close();
        m_server->deleteLater();
        m_server = nullptr;
    }
}

bool AuthorizeApplication::isListening() const
{
    return m_server && m_server->isListening();
}

QUrl AuthorizeApplication::successUrl() const
{
    if (!m_server)
        return QUrl();
    return QUrl(QStringLiteral("http://127.0.0.1:%1/authorized").arg(m_server->serverPort()));
}

void AuthorizeApplication::onConnection()
{
    while (m_server && m_server->hasPendingConnections()) {
        QTcpSocket *socket = m_server->nextPendingConnection();
        // The server goes away after the one redirect; the answer must still reach the browser.
        socket->setParent(this);
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket = QPointer<QTcpSocket>(socket)]() {
            if (!socket)
                return;
            if (socket->bytesAvailable() > kMaxRequest) {
                socket->abort();
                return;
            }
            if (!socket->canReadLine())
                return;
            const QList<QByteArray> requestLine = socket->readLine().trimmed().split(' ');
            if (requestLine.size() < 2 || requestLine.at(0) != "GET") {
                socket->write("HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                socket->disconnectFromHost();
                return;
            }
            const QUrl target(QString::fromLatin1(requestLine.at(1)));
            const QUrlQuery query(target);
            if (target.path() == u"/authorized" && query.hasQueryItem(QStringLiteral("password"))) {
                socket->write(page(tr("WorkOS Console is connected"), tr("You can close this window and go back to the console.")));
                socket->disconnectFromHost();
                const QString user = query.queryItemValue(QStringLiteral("user_login"), QUrl::FullyDecoded);
                const QString password = query.queryItemValue(QStringLiteral("password"), QUrl::FullyDecoded);
                const QUrl site(query.queryItemValue(QStringLiteral("site_url"), QUrl::FullyDecoded));
                stop(); // one password, once
                Q_EMIT authorized(user, password, site);
            } else if (target.path() == u"/rejected" || query.queryItemValue(QStringLiteral("success")) == u"false") {
                socket->write(page(tr("Connection refused"), tr("You declined the connection. Go back to the console to try again.")));
                socket->disconnectFromHost();
                stop();
                Q_EMIT rejected();
            } else {
                socket->write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                socket->disconnectFromHost();
            }
        });
    }
}

} // namespace workos

#pragma once

#include "net/HttpClient.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QObject>
#include <QUrl>
#include <QUuid>

class QTcpServer;

namespace workos {

// WordPress's own way to hand an application a password: its "Authorize Application" page
// (wp-admin/authorize-application.php, advertised in the REST index). The admin approves in the
// browser, signed in as themselves; WordPress then sends the browser to our loopback address with
// the new Application Password, which never passes through the clipboard.
//
// WordPress sends passwords only to an https success URL — or to http on sites whose environment
// type is "local" — so the loopback is offered for local sites; elsewhere WordPress shows the new
// password for the admin to paste.
class AuthorizeApplication : public QObject
{
    Q_OBJECT
public:
    explicit AuthorizeApplication(HttpClient &http, QObject *parent = nullptr);
    ~AuthorizeApplication() override;

    // The site's authorization page from its REST index, or an error saying why there is none
    // (Application Passwords off, not https, REST API blocked).
    void discover(const QUrl &siteUrl, std::function<void(Result<QUrl>)> done);

    // The URL to open in the browser. With `loopback`, starts listening on 127.0.0.1 for
    // WordPress's redirect (until stop() or the object goes away).
    Result<QUrl> start(const QUrl &authorizePage, const QString &appName, bool loopback);
    void stop();
    bool isListening() const;
    QUrl successUrl() const;

    // Sites WordPress lets redirect to a plain-http loopback: the same guess the admin would make.
    static bool likelyLocal(const QUrl &siteUrl);

Q_SIGNALS:
    void authorized(const QString &userLogin, const QString &password, const QUrl &siteUrl);
    void rejected();

private:
    void onConnection();

    HttpClient &m_http;
    QTcpServer *m_server = nullptr;
    QUuid m_appId = QUuid::createUuid();
};

} // namespace workos

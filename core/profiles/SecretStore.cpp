#include "profiles/SecretStore.h"

#include "BuildInfo.h"

#include <qt6keychain/keychain.h>

#include <QPointer>

namespace workos {

QString SecretStore::appPasswordKey(const QString &site)
{
    return QStringLiteral("site/%1/wordpress/app-password").arg(site);
}

QString SecretStore::workosKey(const QString &site, const QString &environment, const QString &name)
{
    return QStringLiteral("site/%1/%2/%3").arg(site, environment, name);
}

QStringList SecretStore::keysOfSite(const QString &site)
{
    QStringList keys{appPasswordKey(site)};
    for (const QString &env : {QStringLiteral("production"), QStringLiteral("staging")}) {
        for (const QString &name : {QStringLiteral("api-key"), QStringLiteral("webhook-secret")})
            keys.append(workosKey(site, env, name));
    }
    return keys;
}

SecretStore::SecretStore(QObject *parent) : SecretStore(QString::fromLatin1(build::appId), parent) {}

SecretStore::SecretStore(QString service, QObject *parent) : QObject(parent), m_service(std::move(service)) {}

SecretStore::~SecretStore()
{
    // A job still waiting for the secret service must outlive us: libsecret calls back into it
    // when the answer comes, and a deleted job crashes the console (closing the window while a
    // site check reads its password). Orphaned, it finishes and deletes itself; the callbacks'
    // context is gone by then, so nothing else runs.
    for (QKeychain::Job *job : findChildren<QKeychain::Job *>(Qt::FindDirectChildrenOnly))
        job->setParent(nullptr);
}

Error SecretStore::explain(int keychainError, const QString &detail, const QString &key)
{
    const QString what = tr("The keychain refused “%1”").arg(key);
    switch (static_cast<QKeychain::Error>(keychainError)) {
    case QKeychain::AccessDenied:
        return {tr("%1: access denied (%2). Unlock your keyring (for example by logging in to the "
                   "desktop, or with your keyring manager) and try again.")
                    .arg(what, detail),
                QStringLiteral("keychain_locked")};
    case QKeychain::NoBackendAvailable:
        return {tr("%1: no keychain is available (%2). Install and start a Secret Service provider "
                   "such as gnome-keyring or KWallet.")
                    .arg(what, detail),
                QStringLiteral("keychain_unavailable")};
    case QKeychain::AccessDeniedByUser:
        return {tr("%1: you denied access. Allow the console to use the keychain and try again.").arg(what),
                QStringLiteral("keychain_denied")};
    case QKeychain::NotImplemented:
        return {tr("%1: this platform's keychain is not supported (%2).").arg(what, detail),
                QStringLiteral("keychain_unsupported")};
    default:
        break;
    }
    // On Linux every libsecret/D-Bus failure arrives as OtherError; its text tells them apart.
    if (detail.contains(QStringLiteral("autolaunch D-Bus")) || detail.contains(QStringLiteral("DBUS_SESSION")))
        return {tr("%1: there is no D-Bus session (%2). Run the console inside a desktop session, or "
                   "start one with dbus-run-session and an unlocked gnome-keyring.")
                    .arg(what, detail),
                QStringLiteral("keychain_no_session")};
    if (detail.contains(QStringLiteral("org.freedesktop.secrets")))
        return {tr("%1: no Secret Service is running (%2). Install and start gnome-keyring or KWallet.")
                    .arg(what, detail),
                QStringLiteral("keychain_unavailable")};
    if (detail.contains(QStringLiteral("collection/login")) || detail.contains(QStringLiteral("locked")))
        return {tr("%1: the login keyring does not exist or is locked (%2). Create or unlock it with your "
                   "keyring manager.")
                    .arg(what, detail),
                QStringLiteral("keychain_locked")};
    if (detail == u"Unknown error")
        return {tr("%1: the keychain library failed without a reason. On Linux, install libsecret-1-0 "
                   "(QtKeychain loads it at run time).")
                    .arg(what),
                QStringLiteral("keychain_unavailable")};
    return {tr("%1: %2").arg(what, detail), QStringLiteral("keychain_error")};
}

void SecretStore::run(QKeychain::Job *job, const QString &key, QObject *context,
                      std::function<void(QKeychain::Job *)> onFinished)
{
    job->setAutoDelete(true);
    job->setKey(key);
    QPointer<QObject> guard(context);
    connect(job, &QKeychain::Job::finished, context, [job, guard, onFinished = std::move(onFinished)]() {
        if (guard)
            onFinished(job);
    });
    job->start();
}

void SecretStore::read(const QString &key, QObject *context, std::function<void(Result<QString>)> done)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    run(job, key, context, [job, key, done = std::move(done)](QKeychain::Job *) {
        if (job->error() == QKeychain::EntryNotFound)
            done(QString());
        else if (job->error() != QKeychain::NoError)
            done(explain(job->error(), job->errorString(), key));
        else
            done(job->textData());
    });
}

void SecretStore::write(const QString &key, const QString &secret, QObject *context,
                        std::function<void(Result<void>)> done)
{
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setTextData(secret);
    run(job, key, context, [key, done = std::move(done)](QKeychain::Job *j) {
        if (j->error() != QKeychain::NoError)
            done(explain(j->error(), j->errorString(), key));
        else
            done({});
    });
}

void SecretStore::remove(const QString &key, QObject *context, std::function<void(Result<void>)> done)
{
    run(new QKeychain::DeletePasswordJob(m_service, this), key, context,
        [key, done = std::move(done)](QKeychain::Job *j) {
            // Deleting what is not there leaves the keychain as asked.
            if (j->error() != QKeychain::NoError && j->error() != QKeychain::EntryNotFound)
                done(explain(j->error(), j->errorString(), key));
            else
                done({});
        });
}

} // namespace workos

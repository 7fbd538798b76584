#pragma once

#include "util/Result.h"

#include <QCoreApplication>
#include <QObject>
#include <QString>

#include <functional>

namespace QKeychain {
class Job;
}

namespace workos {

// Secrets (Application Passwords, WorkOS API keys, webhook secrets) in the OS keychain through
// QtKeychain, under keys scoped by site and environment. There is no plaintext fallback: when the
// keychain cannot be used the caller gets an error that says why and what to do.
class SecretStore : public QObject
{
    Q_OBJECT
public:
    // Names of the secrets a site can have.
    static QString appPasswordKey(const QString &site);
    static QString workosKey(const QString &site, const QString &environment, const QString &name);
    // Every key a site may own (keychains cannot be listed, so removal walks this list).
    static QStringList keysOfSite(const QString &site);

    explicit SecretStore(QObject *parent = nullptr);
    explicit SecretStore(QString service, QObject *parent = nullptr); // tests: a private service name
    ~SecretStore() override;

    // A missing entry is not an error: the callback gets an empty string.
    void read(const QString &key, QObject *context, std::function<void(Result<QString>)> done);
    void write(const QString &key, const QString &secret, QObject *context, std::function<void(Result<void>)> done);
    void remove(const QString &key, QObject *context, std::function<void(Result<void>)> done);

    // Turns a QtKeychain error into a message with advice (public for tests).
    static Error explain(int keychainError, const QString &detail, const QString &key);

private:
    // Starts a job for `key`; `onFinished` runs on `context`'s thread unless it is gone.
    void run(QKeychain::Job *job, const QString &key, QObject *context,
             std::function<void(QKeychain::Job *)> onFinished);

    QString m_service;
};

} // namespace workos

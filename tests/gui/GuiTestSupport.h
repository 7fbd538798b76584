#pragma once
// Shared by the GUI tests: an isolated console (its own profile file and keychain service), the
// sandbox site ./test starts, and screenshots saved where ./test collects them.

#include "ConsoleContext.h"
#include "net/HttpClient.h"
#include "profiles/ProfileStore.h"
#include "profiles/SecretStore.h"
#include "site/SiteService.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>
#include <QWidget>

namespace workos::test {

inline QString screenshotPath(const QString &name)
{
    const QString dir = qEnvironmentVariable("WORKOS_TEST_OUTPUT", QDir::tempPath());
    QDir().mkpath(dir);
    return dir + QLatin1Char('/') + name;
}

// Saves what `w` shows now; the tests' screenshots are looked at, and a few kept in docs/.
inline void saveScreenshot(QWidget &w, const QString &name)
{
    const QImage image = w.grab().toImage();
    QVERIFY(!image.isNull());
    QVERIFY(image.save(screenshotPath(name)));
}

// An address where nothing listens: a port the system just gave out and took back.
inline QString closedAddress()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost);
    const quint16 port = server.serverPort();
    server.close();
    return QStringLiteral("http://127.0.0.1:%1").arg(port);
}

// The sandbox's site and emulator, from the files `sandbox/up` writes (./test starts it).
struct Sandbox
{
    QString url;         // the WordPress site
    QString appPassword; // the sandbox admin's Application Password
    QString emulatorUrl;
    QString apiKey;      // the emulator's WorkOS API key
    QString clientId;
    QString webhookSecret;

    // Fails the calling test (QVERIFY) when the sandbox is not running: GUI tests never skip.
    static Sandbox load(bool *ok)
    {
        Sandbox s;
        *ok = false;
        const QString state = qEnvironmentVariable("SANDBOX_STATE");
        s.url = qEnvironmentVariable("SANDBOX_WP_URL");
        if (state.isEmpty() || s.url.isEmpty()) {
            qWarning("SANDBOX_STATE and SANDBOX_WP_URL are not set: run this through ./test, which starts the sandbox");
            return s;
        }
        auto read = [](const QString &path) {
            QFile f(path);
            return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
        };
        auto value = [](const QString &text, const char *name) {
            return QRegularExpression(QLatin1String(name) + QStringLiteral("='([^']+)'")).match(text).captured(1);
        };
        const QString site = read(state + QStringLiteral("/credentials.env"));
        const QString emulator = read(state + QStringLiteral("/emulator/credentials.env"));
        s.appPassword = value(site, "SANDBOX_APP_PASSWORD");
        s.apiKey = value(emulator, "SANDBOX_WORKOS_API_KEY");
        s.clientId = value(emulator, "SANDBOX_WORKOS_CLIENT_ID");
        s.webhookSecret = value(emulator, "SANDBOX_WEBHOOK_SECRET");
        s.emulatorUrl = QStringLiteral("http://127.0.0.1:") + qEnvironmentVariable("SANDBOX_EMULATOR_PORT", QStringLiteral("4100"));
        *ok = !s.appPassword.isEmpty() && !s.apiKey.isEmpty();
        if (!*ok)
            qWarning("The sandbox's credentials files are missing or incomplete under %s", qPrintable(state));
        return s;
    }
};

// Everything a console window needs, isolated: its own profile file and keychain service.
struct ConsoleFixture
{
    QTemporaryDir dir;
    ProfileStore profiles{dir.filePath(QStringLiteral("profiles.sqlite"))};
    SecretStore secrets{QStringLiteral("com.wpworkos.Console.test-") + QUuid::createUuid().toString(QUuid::WithoutBraces)};
    HttpClient http;
    SiteService sites{profiles, secrets, http};
    gui::ConsoleContext context{profiles, secrets, http, sites};

    ConsoleFixture()
    {
        // Journals and activity caches go next to the profiles, never into the tester's own.
        qputenv("WPWORKOS_DATA_DIR", dir.path().toUtf8());
        QVERIFY(profiles.open().ok());
    }

    void storeSecret(const QString &key, const QString &value)
    {
        bool done = false;
        secrets.write(key, value, &http, [&](const Result<void> &r) {
            QVERIFY2(r.ok(), qPrintable(r.error().message));
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
    }

    // A profile and its Application Password, without contacting the site.
    SiteProfile addSite(const QString &name, const QString &url, const QString &environment,
                        const QString &appPassword = QStringLiteral("app pass word"))
    {
        SiteProfile p;
        p.name = name;
        p.url = QUrl(url);
        p.username = QStringLiteral("admin");
        p.environment = environment;
        [&]() { QVERIFY(profiles.addSite(p).ok()); }();
        storeSecret(SecretStore::appPasswordKey(name), appPassword);
        return *profiles.site(name);
    }

    // The sandbox site as the console knows it after onboarding: its Application Password and
    // the emulator's API key for staging (the sandbox's active environment).
    SiteProfile addSandbox(const Sandbox &sandbox, const QString &name = QStringLiteral("sandbox"))
    {
        SiteProfile p = addSite(name, sandbox.url, QStringLiteral("staging"), sandbox.appPassword);
        storeSecret(SecretStore::workosKey(name, QStringLiteral("staging"), QStringLiteral("api-key")), sandbox.apiKey);
        return p;
    }
};

} // namespace workos::test

// The onboarding wizard, driven page by page as an admin would, against the sandbox site and
// its WorkOS emulator — and against a fake site that fails at the last moment.
#include "../support/RawHttpServer.h"
#include "GuiTestSupport.h"
#include "onboarding/AuthorizeApplication.h"
#include "wizard/CheckedPage.h"
#include "wizard/DonePage.h"
#include "wizard/OnboardingWizard.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialog>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRadioButton>
#include <QScopeGuard>
#include <QTest>

using namespace workos;
using workos::gui::OnboardingWizard;
using workos::test::saveScreenshot;

namespace {

template <typename T> T *child(QWidget &w, const char *name)
{
    T *found = w.findChild<T *>(QLatin1String(name));
    if (!found)
        qFatal("no child %s", name);
    return found;
}

void setText(QWidget &w, const char *name, const QString &text)
{
    QLineEdit *edit = child<QLineEdit>(w, name);
    edit->clear();
    QTest::keyClicks(edit, text);
}

QString statusOf(OnboardingWizard &wizard)
{
    QLabel *status = wizard.currentPage()->findChild<QLabel *>(QStringLiteral("checkStatus"));
    return status ? status->text() : QString();
}

// Presses Next and waits until the page changed or the page's check failed.
bool next(OnboardingWizard &wizard)
{
    const int before = wizard.currentId();
    wizard.next();
    auto *checked = qobject_cast<gui::CheckedPage *>(wizard.currentPage());
    if (!QTest::qWaitFor([&]() { return wizard.currentId() != before || !checked || !checked->isChecking(); }, 20000))
        qWarning("the page is still checking after 20 s");
    return wizard.currentId() != before;
}

bool keychainHas(test::ConsoleFixture &f, const QString &key)
{
    bool done = false;
    QString value;
    f.secrets.read(key, &f.http, [&](const Result<QString> &r) {
        value = r ? r.value() : QString();
        done = true;
    });
    if (!QTest::qWaitFor([&]() { return done; }, 10000))
        qFatal("the keychain did not answer");
    return !value.isEmpty();
}

} // namespace

class TestOnboardingWizard : public QObject
{
    Q_OBJECT
private:
    test::Sandbox m_sandbox;
    QNetworkAccessManager m_nam;

    // The sandbox site's admin API as the sandbox admin, outside the console under test.
    QJsonObject siteApi(const QByteArray &method, const QString &route, const QJsonObject &body = {})
    {
        QNetworkRequest request(QUrl(m_sandbox.url + QStringLiteral("/wp-json/workos/v1/admin/") + route));
        request.setRawHeader("Authorization", "Basic " + (QStringLiteral("admin:") + m_sandbox.appPassword).toUtf8().toBase64());
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QNetworkReply *reply = m_nam.sendCustomRequest(request, method, body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson());
        if (!QTest::qWaitFor([reply]() { return reply->isFinished(); }, 20000))
            qFatal("the sandbox site did not answer %s", qPrintable(route));
        reply->deleteLater();
        return QJsonDocument::fromJson(reply->readAll()).object();
    }

    // Puts the staging settings the wizard writes back as they were, for the suites after this one.
    void restoreSettings(const QJsonObject &before)
    {
        QJsonObject back;
        const QJsonObject settings = before.value(u"settings").toObject();
        for (const char *key : {"api_key", "client_id", "organization_id", "environment_id", "login_mode", "allow_password_fallback", "webhook_secret"}) {
            const QJsonObject s = settings.value(QLatin1String(key)).toObject();
            const QString name = QLatin1String(key);
            if (s.value(u"source").toString() == u"default")
                back.insert(name, QJsonValue::Null);
            else if (s.contains(u"value"))
                back.insert(name, s.value(u"value"));
            else if (name == u"api_key") // write-only: the sandbox's own, which the wizard wrote too
                back.insert(name, m_sandbox.apiKey);
            else if (name == u"webhook_secret")
                back.insert(name, m_sandbox.webhookSecret);
        }
        const QJsonObject patched = siteApi("PATCH", QStringLiteral("settings"),
                                            {{QStringLiteral("env"), QStringLiteral("staging")}, {QStringLiteral("settings"), back}});
        QVERIFY2(patched.contains(u"settings"), QJsonDocument(patched).toJson().constData());
    }

    // Fills step 1 with the sandbox site (or what the caller passes) and presses Next.
    bool siteStep(OnboardingWizard &wizard, const QString &url, const QString &password, const QString &name = QStringLiteral("wizard-site"))
    {
        setText(wizard, "siteUrl", url);
        setText(wizard, "siteName", name);
        setText(wizard, "siteUser", QStringLiteral("admin"));
        setText(wizard, "appPassword", password);
        return next(wizard);
    }

private Q_SLOTS:
    void initTestCase()
    {
        bool ok = false;
        m_sandbox = test::Sandbox::load(&ok);
        QVERIFY2(ok, "the sandbox is not running: run this through ./test");
    }

    void refusesBadSiteInput_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("message");
        QTest::newRow("not an address") << QStringLiteral("http://") << QStringLiteral("x") << QStringLiteral("is not a site address");
        QTest::newRow("nothing listening") << QStringLiteral("http://127.0.0.1:1") << QStringLiteral("abcd efgh")
                                           << QStringLiteral("Cannot reach");
        QTest::newRow("wrong password") << QString() << QStringLiteral("wrong pass word 1234") << QStringLiteral("Application Password");
    }

    void refusesBadSiteInput()
    {
        QFETCH(QString, url);
        QFETCH(QString, password);
        QFETCH(QString, message);
        test::ConsoleFixture f;
        OnboardingWizard wizard(f.context);
        wizard.show();
        QVERIFY(!siteStep(wizard, url.isEmpty() ? m_sandbox.url : url, password));
        QCOMPARE(wizard.currentId(), int(OnboardingWizard::SiteAccess));
        QVERIFY2(statusOf(wizard).contains(message), qPrintable(statusOf(wizard)));
        QVERIFY(f.profiles.sites().isEmpty());
        saveScreenshot(wizard, QStringLiteral("wizard-bad-site-%1.png").arg(QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-')));
    }

    void refusesASiteWithoutTheCompanion()
    {
        RawHttpServer plainWordPress; // WordPress without the plugin: the route does not exist
        const QString base = QString::fromLatin1(plainWordPress.start());
        plainWordPress.respond("/wp-json/workos/v1/admin/status", 404,
                               R"({"code":"rest_no_route","message":"No route was found matching the URL and request method.","data":{"status":404}})");
        test::ConsoleFixture f;
        OnboardingWizard wizard(f.context);
        wizard.show();
        QVERIFY(!siteStep(wizard, base, QStringLiteral("abcd efgh ijkl")));
        QVERIFY2(statusOf(wizard).contains(QStringLiteral("Companion")), qPrintable(statusOf(wizard)));
        QVERIFY(f.profiles.sites().isEmpty());
    }

    void refusesWrongWorkOSCredentials()
    {
        test::ConsoleFixture f;
        OnboardingWizard wizard(f.context);
        wizard.show();
        QVERIFY2(siteStep(wizard, m_sandbox.url, m_sandbox.appPassword), qPrintable(statusOf(wizard)));
        QCOMPARE(wizard.currentId(), int(OnboardingWizard::Companion));
        child<QRadioButton>(wizard, "envStaging")->setChecked(true);
        QVERIFY(next(wizard));
        QCOMPARE(wizard.currentId(), int(OnboardingWizard::Credentials));

        setText(wizard, "apiKey", QStringLiteral("not-a-key"));
        setText(wizard, "clientId", m_sandbox.clientId);
        setText(wizard, "environmentId", QStringLiteral("environment_sandbox"));
        QVERIFY(!next(wizard));
        QVERIFY2(statusOf(wizard).contains(QStringLiteral("api_key")), qPrintable(statusOf(wizard)));

        setText(wizard, "apiKey", QStringLiteral("sk_test_wrongwrongwrong"));
        QVERIFY(!next(wizard));
        QVERIFY2(statusOf(wizard).contains(QStringLiteral("WorkOS refused the API key")), qPrintable(statusOf(wizard)));

        setText(wizard, "apiKey", m_sandbox.apiKey);
        setText(wizard, "clientId", QStringLiteral("client_unknown123"));
        QVERIFY(!next(wizard));
        QVERIFY2(statusOf(wizard).contains(QStringLiteral("does not know the client ID")), qPrintable(statusOf(wizard)));
        saveScreenshot(wizard, QStringLiteral("wizard-wrong-client-id.png"));
        QVERIFY(f.profiles.sites().isEmpty());
    }

    // The whole way through against the sandbox, with the values the sandbox already has (the
    // site is shared by other suites), then the console's diagnostics with the signed echo.
    void setsUpTheSandboxSite()
    {
        const QJsonObject before = siteApi("GET", QStringLiteral("settings?env=staging"));
        QVERIFY(before.contains(u"settings"));
        auto restore = qScopeGuard([this, before]() { restoreSettings(before); });
        test::ConsoleFixture f;
        OnboardingWizard wizard(f.context);
        QString added;
        connect(&wizard, &OnboardingWizard::siteAdded, this, [&](const QString &name) { added = name; });
        wizard.show();
        saveScreenshot(wizard, QStringLiteral("wizard-1-site.png"));
        QVERIFY2(siteStep(wizard, m_sandbox.url, m_sandbox.appPassword, QStringLiteral("sandbox")), qPrintable(statusOf(wizard)));

        QVERIFY(child<QLabel>(wizard, "companionFound")->text().contains(QStringLiteral("WorkOS Companion 0.1.0")));
        QVERIFY(child<QRadioButton>(wizard, "envStaging")->isChecked()); // the sandbox's active environment
        saveScreenshot(wizard, QStringLiteral("wizard-2-companion.png"));
        QVERIFY(next(wizard));

        setText(wizard, "apiKey", m_sandbox.apiKey);
        setText(wizard, "clientId", m_sandbox.clientId);
        setText(wizard, "environmentId", QStringLiteral("environment_sandbox"));
        saveScreenshot(wizard, QStringLiteral("wizard-3-credentials.png"));
        QVERIFY2(next(wizard), qPrintable(statusOf(wizard)));

        QCOMPARE(wizard.currentId(), int(OnboardingWizard::Organization));
        auto *orgs = child<QListWidget>(wizard, "orgList");
        QVERIFY(orgs->count() > 0);
        bool found = false;
        for (int i = 0; i < orgs->count(); ++i) {
            if (orgs->item(i)->data(Qt::UserRole).toString() == u"org_01JAACME000000000000000000") {
                orgs->setCurrentRow(i);
                found = true;
            }
        }
        QVERIFY(found);
        QVERIFY(child<QRadioButton>(wizard, "orgExisting")->isChecked());
        saveScreenshot(wizard, QStringLiteral("wizard-4-organization.png"));
        QVERIFY(next(wizard));

        QCOMPARE(wizard.currentId(), int(OnboardingWizard::Webhook));
        const QString webhookUrl = child<QLineEdit>(wizard, "webhookUrl")->text();
        QCOMPARE(webhookUrl, m_sandbox.url + QStringLiteral("/wp-json/workos/v1/webhook"));
        QTest::mouseClick(child<QAbstractButton>(wizard, "copyWebhookUrl"), Qt::LeftButton);
        QCOMPARE(QApplication::clipboard()->text(), webhookUrl);
        setText(wizard, "webhookSecret", QStringLiteral("has a space"));
        QVERIFY(!wizard.currentPage()->isComplete());
        setText(wizard, "webhookSecret", m_sandbox.webhookSecret);
        QVERIFY(wizard.currentPage()->isComplete());
        saveScreenshot(wizard, QStringLiteral("wizard-5-webhook.png"));
        QVERIFY(next(wizard));

        QCOMPARE(wizard.currentId(), int(OnboardingWizard::RoleMapping));
        QTRY_VERIFY_WITH_TIMEOUT(wizard.currentPage()->isComplete(), 15000); // the site's map and WorkOS's roles read
        auto *roleRows = wizard.currentPage()->findChild<QWidget *>(QStringLiteral("roleMapTable"));
        QVERIFY(roleRows);
        auto *preview = wizard.currentPage()->findChild<QLabel *>(QStringLiteral("roleMapPreviewSummary"));
        QVERIFY(preview);
        QTRY_VERIFY_WITH_TIMEOUT(!preview->text().contains(QStringLiteral("No organization")), 15000); // members and administrators read
        saveScreenshot(wizard, QStringLiteral("wizard-6-roles.png"));
        QVERIFY(next(wizard)); // unchanged: the site's map stays as it is

        QCOMPARE(wizard.currentId(), int(OnboardingWizard::SignIn));
        auto *fallback = child<QCheckBox>(wizard, "passwordFallback");
        auto *mode = child<QComboBox>(wizard, "loginMode");
        const bool fallbackBefore = fallback->isChecked();
        const int modeBefore = mode->currentIndex();
        mode->setCurrentIndex(0);
        fallback->setChecked(false);
        QVERIFY(child<QLabel>(wizard, "breakGlassWarning")->isVisible());
        saveScreenshot(wizard, QStringLiteral("wizard-7-sign-in.png"));
        fallback->setChecked(fallbackBefore); // the sandbox's values: other suites rely on them
        mode->setCurrentIndex(modeBefore);
        QVERIFY(next(wizard));

        QCOMPARE(wizard.currentId(), int(OnboardingWizard::Summary));
        const QString summary = child<QLabel>(wizard, "summaryText")->text();
        QVERIFY(summary.contains(QStringLiteral("org_01JAACME000000000000000000")));
        QVERIFY(!summary.contains(m_sandbox.apiKey));         // secrets by their last four only
        QVERIFY(!summary.contains(m_sandbox.webhookSecret));
        QVERIFY(summary.contains(QStringLiteral("Role map: unchanged")));
        QVERIFY(f.profiles.sites().isEmpty());                // nothing written before Apply
        saveScreenshot(wizard, QStringLiteral("wizard-8-summary.png"));
        QVERIFY2(next(wizard), qPrintable(statusOf(wizard)));

        QCOMPARE(wizard.currentId(), int(OnboardingWizard::Done));
        QCOMPARE(added, QStringLiteral("sandbox"));
        QVERIFY(f.profiles.site(QStringLiteral("sandbox")));
        QCOMPARE(f.profiles.site(QStringLiteral("sandbox"))->environment, QStringLiteral("staging"));
        QVERIFY(keychainHas(f, SecretStore::appPasswordKey(QStringLiteral("sandbox"))));
        QVERIFY(keychainHas(f, SecretStore::workosKey(QStringLiteral("sandbox"), QStringLiteral("staging"), QStringLiteral("api-key"))));
        auto *done = qobject_cast<gui::DonePage *>(wizard.currentPage());
        QTRY_VERIFY_WITH_TIMEOUT(!done->isChecking(), 30000);
        const QString checks = child<QLabel>(wizard, "doneChecks")->text();
        QVERIFY2(checks.contains(QStringLiteral("verified")), qPrintable(checks)); // the signed echo went through
        QVERIFY2(!checks.contains(QStringLiteral("not configured")), qPrintable(checks)); // the site signs people in now
        saveScreenshot(wizard, QStringLiteral("wizard-9-done.png"));

        // The optional guided import: the Users page's dry run, scoped to the chosen organization.
        QTest::mouseClick(child<QAbstractButton>(wizard, "importUsersButton"), Qt::LeftButton);
        QDialog *import = nullptr;
        QTRY_VERIFY((import = wizard.findChild<QDialog *>(QStringLiteral("syncRunDialog"))) && import->isVisible());
        QCOMPARE(child<QLineEdit>(*import, "importOrganization")->text(), QStringLiteral("org_01JAACME000000000000000000"));
        QTest::mouseClick(child<QAbstractButton>(*import, "dryRunButton"), Qt::LeftButton);
        auto *plan = child<QLabel>(*import, "planSummary");
        QTRY_VERIFY_WITH_TIMEOUT(!plan->text().isEmpty() && child<QAbstractButton>(*import, "dryRunButton")->isEnabled(), 30000);
        saveScreenshot(*import, QStringLiteral("wizard-10-import-dry-run.png"));
        import->reject();
    }

    // Cancel on every page before Apply: nothing in the console, nothing in the keychain.
    void cancelAtEveryStepWritesNothing()
    {
        QList<int> pages;
        {
            test::ConsoleFixture probe;
            pages = OnboardingWizard(probe.context).pageIds();
        }
        for (int stop : pages) {
            if (stop > OnboardingWizard::Summary)
                break; // after Apply there is nothing left to cancel
            test::ConsoleFixture f;
            OnboardingWizard wizard(f.context);
            wizard.show();
            if (stop > OnboardingWizard::SiteAccess)
                QVERIFY(siteStep(wizard, m_sandbox.url, m_sandbox.appPassword));
            if (stop > OnboardingWizard::Companion)
                QVERIFY(next(wizard));
            if (stop > OnboardingWizard::Credentials) {
                setText(wizard, "apiKey", m_sandbox.apiKey);
                setText(wizard, "clientId", m_sandbox.clientId);
        setText(wizard, "environmentId", QStringLiteral("environment_sandbox"));
                QVERIFY(next(wizard));
            }
            while (wizard.currentId() < stop && wizard.currentId() != -1)
                QVERIFY(next(wizard));
            QCOMPARE(wizard.currentId(), stop);
            QTest::mouseClick(wizard.button(QWizard::CancelButton), Qt::LeftButton);
            QVERIFY(!wizard.isVisible());
            QVERIFY(f.profiles.sites().isEmpty());
            QVERIFY(!keychainHas(f, SecretStore::appPasswordKey(QStringLiteral("wizard-site"))));
        }
    }

    // The site answers every check, then refuses the settings at Apply (the network or the site
    // going away mid-wizard looks the same): a clear message and nothing kept in the console.
    void failureAtApplyKeepsNothing()
    {
        RawHttpServer site;
        const QString base = QString::fromLatin1(site.start());
        QFile fixture(QFINDTESTDATA("../core/data/status-production.json"));
        QVERIFY(fixture.open(QIODevice::ReadOnly));
        QJsonObject status = QJsonDocument::fromJson(fixture.readAll()).object();
        status.insert(QStringLiteral("api_base_url"), QJsonObject{{QStringLiteral("value"), m_sandbox.emulatorUrl}, {QStringLiteral("source"), QStringLiteral("database")}});
        status.insert(QStringLiteral("urls"), QJsonObject{{QStringLiteral("webhook"), QString(base + QStringLiteral("/wp-json/workos/v1/webhook"))}});
        site.respond("/wp-json/workos/v1/admin/status", 200, QJsonDocument(status).toJson());
        site.respond("/wp-json/workos/v1/admin/settings", 503, R"({"code":"http_unavailable","message":"Service Unavailable","data":{"status":503}})");

        test::ConsoleFixture f;
        OnboardingWizard wizard(f.context);
        wizard.show();
        QVERIFY2(siteStep(wizard, base, QStringLiteral("abcd efgh ijkl"), QStringLiteral("flaky")), qPrintable(statusOf(wizard)));
        QVERIFY(next(wizard));
        setText(wizard, "apiKey", m_sandbox.apiKey);
        setText(wizard, "clientId", m_sandbox.clientId);
        setText(wizard, "environmentId", QStringLiteral("environment_sandbox"));
        QVERIFY2(next(wizard), qPrintable(statusOf(wizard)));
        while (wizard.currentId() != int(OnboardingWizard::Summary))
            QVERIFY(next(wizard));
        QVERIFY(!next(wizard));
        QCOMPARE(wizard.currentId(), int(OnboardingWizard::Summary));
        QVERIFY2(statusOf(wizard).contains(QStringLiteral("Nothing was kept")), qPrintable(statusOf(wizard)));
        QVERIFY2(statusOf(wizard).contains(QStringLiteral("503")) || statusOf(wizard).contains(QStringLiteral("Unavailable")),
                 qPrintable(statusOf(wizard)));
        QVERIFY(f.profiles.sites().isEmpty());
        QVERIFY(!keychainHas(f, SecretStore::appPasswordKey(QStringLiteral("flaky"))));
        QVERIFY(!keychainHas(f, SecretStore::workosKey(QStringLiteral("flaky"), QStringLiteral("production"), QStringLiteral("api-key"))));
        saveScreenshot(wizard, QStringLiteral("wizard-apply-failed.png"));
    }

    // WordPress's "Authorize Application" page hands the password to the console's loopback
    // listener; the browser is played by an HTTP request to the success URL WordPress would use.
    void takesThePasswordFromWordPressAuthorization()
    {
        test::ConsoleFixture f;
        OnboardingWizard wizard(f.context);
        QUrl opened;
        wizard.openUrl = [&](const QUrl &url) {
            opened = url;
            return true;
        };
        wizard.show();
        setText(wizard, "siteUrl", m_sandbox.url);
        QTest::mouseClick(child<QAbstractButton>(wizard, "authorizeButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(opened.isValid(), 10000);
        QVERIFY2(opened.path().endsWith(QStringLiteral("/wp-admin/authorize-application.php")), qPrintable(opened.toString()));
        const QUrlQuery query(opened);
        QCOMPARE(query.queryItemValue(QStringLiteral("app_name")), QStringLiteral("WorkOS Console"));
        QUrl success(query.queryItemValue(QStringLiteral("success_url"), QUrl::FullyDecoded));
        QCOMPARE(success.host(), QStringLiteral("127.0.0.1"));

        QUrlQuery approved;
        approved.addQueryItem(QStringLiteral("site_url"), m_sandbox.url);
        approved.addQueryItem(QStringLiteral("user_login"), QStringLiteral("admin"));
        approved.addQueryItem(QStringLiteral("password"), m_sandbox.appPassword);
        success.setQuery(approved);
        QNetworkAccessManager browser;
        QNetworkReply *reply = browser.get(QNetworkRequest(success));
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QVERIFY(reply->readAll().contains("You can close this window"));
        reply->deleteLater();
        QTRY_COMPARE_WITH_TIMEOUT(child<QLineEdit>(wizard, "appPassword")->text(), m_sandbox.appPassword, 5000);
        QCOMPARE(child<QLineEdit>(wizard, "siteUser")->text(), QStringLiteral("admin"));
        QVERIFY2(next(wizard), qPrintable(statusOf(wizard))); // and the password works
    }
};

QTEST_MAIN(TestOnboardingWizard)
#include "tst_onboardingwizard.moc"

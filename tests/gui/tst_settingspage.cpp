// The Settings page against the sandbox site over real HTTP (each tab: values and their sources,
// a save of one field and its review, invalid input refused with nothing written, secrets never
// shown, the organization list, the role map's preview and its demote-every-administrator refusal
// with the forced path, redirects, Revert), and against recorded answers for what the sandbox
// cannot show: settings locked by wp-config.php constants, a role the site no longer has, the
// site's own 409 refusals, a multisite's site mapping. The sandbox site ends as it started.
#include "../support/RawHttpServer.h"
#include "GuiTestSupport.h"
#include "pages/SettingsPage.h"
#include "pages/settings/GeneralSettingsTab.h"
#include "pages/settings/OrganizationTab.h"
#include "pages/settings/UserSettingsTab.h"
#include "site/SiteSettings.h"

#include <QAccessible>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDialog>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>

#include <memory>
#include <type_traits>
#include <vector>

using namespace workos;
using workos::gui::OrganizationTab;
using workos::gui::SettingsPage;
using workos::gui::UserSettingsTab;
using workos::test::saveScreenshot;
using Fixture = workos::test::ConsoleFixture;
using Sandbox = workos::test::Sandbox;

namespace {

const QString kAcme = QStringLiteral("org_01JAACME000000000000000000");

struct Answer
{
    int status = 0;
    QJsonObject json;
};

// The site's management API, called as the tests' own hands (setting up and putting back).
class SiteApi
{
public:
    QString url;
    QString appPassword;
    QNetworkAccessManager nam;

    Answer call(const QByteArray &method, const QString &route, const QJsonObject &body = {}, const QString &query = {})
    {
        QUrl target(url + QStringLiteral("/wp-json/workos/v1/") + route);
        target.setQuery(query);
        QNetworkRequest request(target);
        request.setRawHeader("Authorization", "Basic " + (QStringLiteral("admin:") + appPassword).toUtf8().toBase64());
        QByteArray payload;
        if (method != "GET" && method != "DELETE") {
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
            payload = QJsonDocument(body).toJson(QJsonDocument::Compact);
        }
        QNetworkReply *reply = nam.sendCustomRequest(request, method, payload);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        reply->deleteLater();
        return {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), QJsonDocument::fromJson(reply->readAll()).object()};
    }

    QJsonObject settings(const QString &env = QStringLiteral("staging"))
    {
        return call("GET", QStringLiteral("admin/settings"), {}, QStringLiteral("env=") + env).json;
    }
    QJsonObject setting(const QString &key) { return settings().value(u"settings").toObject().value(key).toObject(); }
};

// A missing widget fails the test without crashing it (cleanupTestCase must still put the site back).
template <typename T>
T *child(QObject *parent, const QString &name)
{
    if (T *found = parent ? parent->findChild<T *>(name) : nullptr)
        return found;
    QTest::qFail(qPrintable(QStringLiteral("no %1 named %2").arg(QLatin1String(T::staticMetaObject.className()), name)), __FILE__, __LINE__);
    if constexpr (std::is_default_constructible_v<T>) {
        static std::vector<std::unique_ptr<QWidget>> stand_ins;
        stand_ins.push_back(std::make_unique<T>());
        return static_cast<T *>(stand_ins.back().get());
    } else {
        qFatal("no %s named %s", T::staticMetaObject.className(), qPrintable(name));
    }
}

QLabel *label(QObject *parent, const QString &name)
{
    return child<QLabel>(parent, name);
}

// The review dialog a Save opened: its lines, then confirmed (or cancelled).
QStringList review(QObject *tab, bool confirm = true)
{
    QDialog *dialog = nullptr;
    if (!QTest::qWaitFor([&]() {
            dialog = tab->findChild<QDialog *>(QStringLiteral("reviewChangesDialog"));
            return dialog && dialog->isVisible();
        }, 5000))
        return {QStringLiteral("(no review dialog)")};
    QStringList lines;
    auto *list = dialog->findChild<QListWidget *>(QStringLiteral("reviewChangesList"));
    for (int i = 0; list && i < list->count(); ++i)
        lines << list->item(i)->text();
    QPushButton *button = dialog->findChild<QPushButton *>(confirm ? QStringLiteral("reviewConfirmButton") : QStringLiteral("reviewCancelButton"));
    QTest::mouseClick(button, Qt::LeftButton);
    return lines;
}

// The controls of `root` the keyboard reaches now that have no accessible name.
QStringList unnamed(QWidget *root)
{
    QStringList out;
    for (QWidget *w : root->findChildren<QWidget *>()) {
        if (!w->isVisibleTo(root) || !w->isEnabled() || !(w->focusPolicy() & Qt::TabFocus) || w->focusProxy()
            || qobject_cast<QTabBar *>(w->parentWidget()))
            continue;
        QAccessibleInterface *a = QAccessible::queryAccessibleInterface(w);
        if (!a || a->text(QAccessible::Name).trimmed().isEmpty())
            out << QStringLiteral("%1 %2").arg(QString::fromLatin1(w->metaObject()->className()), w->objectName());
    }
    return out;
}

// The screenshot once pending layout requests are handled (a text just changed re-wraps).
void shoot(QWidget &widget, const QString &name)
{
    for (int i = 0; i < 3; ++i)
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QCoreApplication::processEvents();
    saveScreenshot(widget, name);
}

// A click on the box itself (a wide check box takes clicks only on its box and text).
void toggle(QCheckBox *box)
{
    QTest::mouseClick(box, Qt::LeftButton, {}, QPoint(8, box->height() / 2));
}

void typeInto(QLineEdit *edit, const QString &text)
{
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, text);
}

// The JSON bodies of the requests `server` received with this method and path.
QList<QJsonObject> bodies(const RawHttpServer &server, const QByteArray &method, const QByteArray &path)
{
    QList<QJsonObject> found;
    for (const RawHttpServer::Request &r : server.requests) {
        if (r.method == method && r.path.split('?').first() == path)
            found << QJsonDocument::fromJson(r.body).object();
    }
    return found;
}

QString readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

} // namespace

class TestSettingsPage : public QObject
{
    Q_OBJECT
private:
    Sandbox m_sandbox;
    SiteApi m_site;
    QJsonObject m_before;          // GET settings (staging) before the tests
    QJsonObject m_beforeRoleMap;
    QJsonObject m_beforeRedirects;
    QList<qint64> m_linked;        // administrators these tests linked to WorkOS
    QHash<qint64, QString> m_memberships; // acme members these tests changed: user → original WorkOS role ("" = none)
    QStringList m_createdOrganizations;

    // A page of the sandbox site, shown and loaded.
    struct Shown
    {
        Fixture fixture;
        std::unique_ptr<SettingsPage> page;
    };

    std::unique_ptr<Shown> show()
    {
        auto shown = std::make_unique<Shown>();
        const SiteProfile site = shown->fixture.addSandbox(m_sandbox);
        shown->page = std::make_unique<SettingsPage>(shown->fixture.context);
        shown->page->resize(1100, 900);
        shown->page->show();
        if (!QTest::qWaitForWindowExposed(shown->page.get()))
            qWarning("the page was not exposed");
        QSignalSpy loaded(shown->page.get(), &SettingsPage::loaded);
        shown->page->showSite(site);
        if (!QTest::qWaitFor([&]() { return !loaded.isEmpty(); }, 20000))
            qWarning("the page did not load");
        return shown;
    }

    static QTabWidget *tabs(SettingsPage *page) { return page->findChild<QTabWidget *>(QStringLiteral("settingsTabs")); }

    // Saves what the Settings tab changed, confirming the review; returns its lines.
    static QStringList saveTab(QWidget *tab, const QString &prefix)
    {
        auto *save = tab->findChild<QPushButton *>(prefix + QStringLiteral("SaveButton"));
        if (!save || !save->isEnabled())
            return {QStringLiteral("(save disabled)")};
        QTest::mouseClick(save, Qt::LeftButton);
        return review(tab);
    }

    void linkAdministrators()
    {
        const QJsonArray admins = m_site.call("GET", QStringLiteral("admin/users"), {}, QStringLiteral("role=administrator&limit=500"))
                                      .json.value(u"users").toArray();
        QJsonArray operations;
        for (const QJsonValue &a : admins) {
            const QJsonObject admin = a.toObject();
            if (!admin.value(u"workos_user_id").toString().isEmpty())
                continue;
            const qint64 id = admin.value(u"id").toInteger();
            operations.append(QJsonObject{{QStringLiteral("op"), QStringLiteral("link")}, {QStringLiteral("user_id"), id},
                                          {QStringLiteral("workos_user_id"), QStringLiteral("user_settingspage_%1").arg(id)}});
            m_linked << id;
        }
        if (operations.isEmpty())
            return;
        const Answer linked = m_site.call("POST", QStringLiteral("admin/users/batch"), {{QStringLiteral("operations"), operations}});
        QCOMPARE(linked.status, 200);
        QCOMPARE(linked.json.value(u"summary").toObject().value(u"failed").toInt(), 0);
    }

    // Makes `userId` a member of Acme with `role`, remembering how to put it back.
    void addMember(qint64 userId, const QString &role)
    {
        if (!m_memberships.contains(userId)) {
            QString original;
            for (const QJsonValue &m : m_site.call("GET", QStringLiteral("admin/orgs/%1/members").arg(kAcme), {}, QStringLiteral("limit=500"))
                                           .json.value(u"items").toArray()) {
                if (m.toObject().value(u"user_id").toInteger() == userId)
                    original = m.toObject().value(u"workos_role").toString();
            }
            m_memberships.insert(userId, original);
        }
        const Answer added = m_site.call("POST", QStringLiteral("admin/orgs/%1/members").arg(kAcme),
                                         {{QStringLiteral("user_id"), userId}, {QStringLiteral("workos_role"), role}});
        QVERIFY2(added.status == 200 || added.status == 201, qPrintable(QString::number(added.status)));
    }

    qint64 firstUserWithRole(const QString &role)
    {
        return m_site.call("GET", QStringLiteral("admin/users"), {}, QStringLiteral("role=%1&limit=1").arg(role))
            .json.value(u"users").toArray().first().toObject().value(u"id").toInteger();
    }

    // The WorkOS organization Acme in the site's cache, and chosen for staging.
    void ensureAcme()
    {
        const Answer cached = m_site.call("POST", QStringLiteral("admin/orgs"),
                                          {{QStringLiteral("id"), kAcme}, {QStringLiteral("name"), QStringLiteral("Acme Corp")},
                                           {QStringLiteral("domains"), QJsonArray{QStringLiteral("acme.test")}}});
        QVERIFY2(cached.status == 200 || cached.status == 201, qPrintable(QString::number(cached.status)));
        if (m_site.setting(QStringLiteral("organization_id")).value(u"value").toString() != kAcme)
            QCOMPARE(m_site.call("PATCH", QStringLiteral("admin/settings"),
                                 {{QStringLiteral("settings"), QJsonObject{{QStringLiteral("organization_id"), kAcme}}}},
                                 QStringLiteral("env=staging")).status, 200);
    }

private Q_SLOTS:
    void initTestCase()
    {
        bool ok = false;
        m_sandbox = Sandbox::load(&ok);
        QVERIFY2(ok, "the sandbox is not running: run this through ./test, or start sandbox/up with SANDBOX_STATE set");
        m_site.url = m_sandbox.url;
        m_site.appPassword = m_sandbox.appPassword;
        m_before = m_site.settings();
        QVERIFY2(m_before.contains(QStringLiteral("settings")), "the sandbox site did not answer GET admin/settings");
        m_beforeRoleMap = m_site.call("GET", QStringLiteral("admin/role-map"), {}, QStringLiteral("env=staging")).json;
        m_beforeRedirects = m_site.call("GET", QStringLiteral("admin/redirects"), {}, QStringLiteral("env=staging")).json;
        // Secrets cannot be read back: only the sandbox's own ones (known here) can be put back.
        const QJsonObject described = m_before.value(u"settings").toObject();
        for (const auto &[key, value] : {std::pair{QStringLiteral("api_key"), m_sandbox.apiKey},
                                         std::pair{QStringLiteral("webhook_secret"), m_sandbox.webhookSecret}}) {
            const QJsonObject entry = described.value(key).toObject();
            QVERIFY2(!entry.value(u"set").toBool() || entry.value(u"last4").toString() == value.right(4),
                     qPrintable(QStringLiteral("%1 holds a value these tests could not put back").arg(key)));
        }
    }

    void cleanupTestCase()
    {
        if (m_before.isEmpty())
            return;
        // The role map first, forced: linked administrators may make the old one "demote all".
        const QJsonObject map = m_beforeRoleMap.value(u"is_default").toBool() ? QJsonObject() : m_beforeRoleMap.value(u"map").toObject();
        QCOMPARE(m_site.call("PUT", QStringLiteral("admin/role-map"), {{QStringLiteral("map"), map}, {QStringLiteral("force"), true}},
                             QStringLiteral("env=staging")).status, 200);
        QCOMPARE(m_site.call("PUT", QStringLiteral("admin/redirects"),
                             {{QStringLiteral("login"), m_beforeRedirects.value(u"login")}, {QStringLiteral("logout"), m_beforeRedirects.value(u"logout")}},
                             QStringLiteral("env=staging")).status, 200);
        for (auto it = m_memberships.cbegin(); it != m_memberships.cend(); ++it) {
            if (it.value().isEmpty())
                m_site.call("DELETE", QStringLiteral("admin/orgs/%1/members/%2").arg(kAcme).arg(it.key()));
            else
                m_site.call("POST", QStringLiteral("admin/orgs/%1/members").arg(kAcme),
                            {{QStringLiteral("user_id"), it.key()}, {QStringLiteral("workos_role"), it.value()}});
        }
        QJsonArray unlink;
        for (const qint64 id : std::as_const(m_linked))
            unlink.append(QJsonObject{{QStringLiteral("op"), QStringLiteral("unlink")}, {QStringLiteral("user_id"), id}});
        if (!unlink.isEmpty())
            QCOMPARE(m_site.call("POST", QStringLiteral("admin/users/batch"), {{QStringLiteral("operations"), unlink}}).status, 200);
        // Every writable setting as it was: its value, or back to its default.
        QJsonObject settings;
        const QJsonObject described = m_before.value(u"settings").toObject();
        for (auto it = described.begin(); it != described.end(); ++it) {
            const QJsonObject entry = it.value().toObject();
            if (!entry.value(u"writable").toBool())
                continue;
            if (entry.value(u"source").toString() != u"database")
                settings.insert(it.key(), QJsonValue::Null);
            else if (it.key() == u"api_key")
                settings.insert(it.key(), m_sandbox.apiKey);
            else if (it.key() == u"webhook_secret")
                settings.insert(it.key(), m_sandbox.webhookSecret);
            else
                settings.insert(it.key(), entry.value(u"value"));
        }
        QCOMPARE(m_site.call("PATCH", QStringLiteral("admin/settings"), {{QStringLiteral("settings"), settings}}, QStringLiteral("env=staging")).status, 200);
        const QJsonObject after = m_site.settings();
        QCOMPARE(after.value(u"settings"), m_before.value(u"settings"));
        QCOMPARE(m_site.call("GET", QStringLiteral("admin/redirects"), {}, QStringLiteral("env=staging")).json, m_beforeRedirects);
        QCOMPARE(m_site.call("GET", QStringLiteral("admin/role-map"), {}, QStringLiteral("env=staging")).json, m_beforeRoleMap);
        // The organizations these tests created in WorkOS go (the site's cache keeps its rows: no route removes them).
        QNetworkAccessManager nam;
        for (const QString &id : std::as_const(m_createdOrganizations)) {
            QNetworkRequest request(QUrl(m_sandbox.emulatorUrl + QStringLiteral("/organizations/") + id));
            request.setRawHeader("Authorization", "Bearer " + m_sandbox.apiKey.toUtf8());
            QNetworkReply *reply = nam.deleteResource(request);
            QEventLoop loop;
            connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
            loop.exec();
            reply->deleteLater();
        }
    }

    // Every field with the site's value and where it comes from; the environment chooser.
    void showsEverySettingWithItsSource()
    {
        auto shown = show();
        SettingsPage *page = shown->page.get();
        QVERIFY2(label(page, QStringLiteral("settingsError"))->isHidden(), qPrintable(label(page, QStringLiteral("settingsError"))->text()));
        QCOMPARE(page->title(), QStringLiteral("Settings"));
        auto *env = child<QComboBox>(page, QStringLiteral("settingsEnvironment"));
        QCOMPARE(env->currentData().toString(), QStringLiteral("staging")); // the console's environment for the site
        QVERIFY(label(page, QStringLiteral("settingsEnvironmentState"))->text().contains(QStringLiteral("The site uses this environment")));

        const QJsonObject described = m_site.settings().value(u"settings").toObject();
        const QJsonObject mode = described.value(u"login_mode").toObject();
        auto *modeBox = child<QComboBox>(page, QStringLiteral("setting_login_mode"));
        QCOMPARE(modeBox->currentData().toString(), mode.value(u"value").toString());
        QCOMPARE(label(page, QStringLiteral("settingSource_login_mode"))->text(), QStringLiteral("Source: ") + mode.value(u"source").toString());
        auto *fallback = child<QCheckBox>(page, QStringLiteral("setting_allow_password_fallback"));
        QCOMPARE(fallback->isChecked(), described.value(u"allow_password_fallback").toObject().value(u"value").toBool());
        const QJsonObject key = described.value(u"api_key").toObject();
        QCOMPARE(label(page, QStringLiteral("secretState_api_key"))->text(),
                 key.value(u"set").toBool() ? QStringLiteral("set, ends in ") + key.value(u"last4").toString() : QStringLiteral("not set"));
        QVERIFY(child<QLineEdit>(page, QStringLiteral("setting_api_key"))->text().isEmpty()); // never filled from the site
        QCOMPARE(child<QLineEdit>(page, QStringLiteral("setting_api_base_url"))->text(),
                 m_site.settings().value(u"site").toObject().value(u"api_base_url").toObject().value(u"value").toString());
        QCOMPARE(child<QSpinBox>(page, QStringLiteral("setting_webhook_tolerance"))->value(), 180);
        QVERIFY(label(page, QStringLiteral("webhookUrl"))->text().endsWith(QStringLiteral("/wp-json/workos/v1/webhook")));
        QVERIFY(label(page, QStringLiteral("settingLock_client_id"))->isHidden());
        QVERIFY(!child<QPushButton>(page, QStringLiteral("generalSaveButton"))->isEnabled()); // nothing changed yet
        page->resize(1100, 1250);
        shoot(*page, QStringLiteral("settings-general.png"));
        // Every control a screen reader reaches has a name, on each tab (the users tab once its people are in).
        QTRY_VERIFY_WITH_TIMEOUT(!label(page, QStringLiteral("roleMapRolesNote"))->text().isEmpty(), 20000);
        for (int i = 0; i < tabs(page)->count(); ++i) {
            tabs(page)->setCurrentIndex(i);
            const QStringList missing = unnamed(page);
            QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral("; "))));
        }
        tabs(page)->setCurrentIndex(0);

        // The other environment: its own values; the site does not use it.
        QSignalSpy loaded(page, &SettingsPage::loaded);
        page->setEnvironment(QStringLiteral("production"));
        QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), 20000);
        QCOMPARE(page->data().environment, QStringLiteral("production"));
        QVERIFY(label(page, QStringLiteral("settingsEnvironmentState"))->text().startsWith(QStringLiteral("Not in use")));
        QVERIFY(child<QPushButton>(page, QStringLiteral("activateEnvironmentButton"))->isVisible());
        const QJsonObject production = m_site.settings(QStringLiteral("production")).value(u"settings").toObject();
        QCOMPARE(modeBox->currentData().toString(), production.value(u"login_mode").toObject().value(u"value").toString());
    }

    // One field changed, reviewed and saved; the site holds it; Revert drops an unsaved edit.
    void savesOneFieldAndRevertsAnother()
    {
        auto shown = show();
        SettingsPage *page = shown->page.get();
        auto *tab = child<QWidget>(page, QStringLiteral("generalSettingsTab"));
        auto *modeBox = child<QComboBox>(page, QStringLiteral("setting_login_mode"));
        const QString before = modeBox->currentData().toString();
        const QString wanted = before == u"headless" ? QStringLiteral("redirect") : QStringLiteral("headless");
        modeBox->setFocus();
        QTest::keyClick(modeBox, before == u"headless" ? Qt::Key_Up : Qt::Key_Down);
        QCOMPARE(modeBox->currentData().toString(), wanted);
        QVERIFY(label(page, QStringLiteral("settingSource_login_mode"))->text().endsWith(QStringLiteral("changed, not saved")));
        QVERIFY(child<QPushButton>(page, QStringLiteral("generalSaveButton"))->isEnabled());
        QCOMPARE(label(page, QStringLiteral("generalSaveStatus"))->text(), QStringLiteral("1 unsaved change(s)"));

        // Cancelling the review writes nothing.
        QTest::mouseClick(child<QPushButton>(page, QStringLiteral("generalSaveButton")), Qt::LeftButton);
        review(tab, false);
        QCOMPARE(m_site.setting(QStringLiteral("login_mode")).value(u"value").toString(), before);

        QSignalSpy loaded(page, &SettingsPage::loaded);
        const QStringList lines = saveTab(tab, QStringLiteral("general"));
        QCOMPARE(lines, QStringList{QStringLiteral("settings.login_mode: \"%1\" → \"%2\"").arg(before, wanted)});
        QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), 20000);
        const QJsonObject saved = m_site.setting(QStringLiteral("login_mode"));
        QCOMPARE(saved.value(u"value").toString(), wanted);
        QCOMPARE(saved.value(u"source").toString(), QStringLiteral("database"));
        QCOMPARE(label(page, QStringLiteral("settingSource_login_mode"))->text(), QStringLiteral("Source: database"));
        QVERIFY(label(page, QStringLiteral("generalSaveStatus"))->text().startsWith(QStringLiteral("Saved 1 change(s)")));
        QVERIFY(!child<QPushButton>(page, QStringLiteral("generalSaveButton"))->isEnabled());

        // An edit reverted never reaches the site.
        auto *audit = child<QCheckBox>(page, QStringLiteral("setting_audit_logging_enabled"));
        const bool auditBefore = audit->isChecked();
        toggle(audit);
        QCOMPARE(audit->isChecked(), !auditBefore);
        QVERIFY(child<QPushButton>(page, QStringLiteral("generalRevertButton"))->isEnabled());
        QTest::mouseClick(child<QPushButton>(page, QStringLiteral("generalRevertButton")), Qt::LeftButton);
        QCOMPARE(audit->isChecked(), auditBefore);
        QVERIFY(!child<QPushButton>(page, QStringLiteral("generalSaveButton"))->isEnabled());
        QCOMPARE(m_site.setting(QStringLiteral("audit_logging_enabled")).value(u"value").toBool(), auditBefore);

        // And back, through the page again.
        modeBox->setFocus();
        QTest::keyClick(modeBox, wanted == u"headless" ? Qt::Key_Up : Qt::Key_Down);
        loaded.clear();
        QCOMPARE(saveTab(tab, QStringLiteral("general")).size(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), 20000);
        QCOMPARE(m_site.setting(QStringLiteral("login_mode")).value(u"value").toString(), before);
    }

    // Every field's rule before sending: the message next to the field, nothing written.
    void refusesInvalidInputAndWritesNothing()
    {
        auto shown = show();
        SettingsPage *page = shown->page.get();
        const QJsonObject settingsBefore = m_site.settings();
        const QJsonObject redirectsBefore = m_site.call("GET", QStringLiteral("admin/redirects"), {}, QStringLiteral("env=staging")).json;
        const QJsonObject roleMapBefore = m_site.call("GET", QStringLiteral("admin/role-map"), {}, QStringLiteral("env=staging")).json;

        typeInto(child<QLineEdit>(page, QStringLiteral("setting_api_key")), QStringLiteral("pk_live_123"));
        QVERIFY(label(page, QStringLiteral("settingError_api_key"))->isVisible());
        QVERIFY2(label(page, QStringLiteral("settingError_api_key"))->text().contains(QStringLiteral("sk_")),
                 qPrintable(label(page, QStringLiteral("settingError_api_key"))->text()));
        typeInto(child<QLineEdit>(page, QStringLiteral("setting_client_id")), QStringLiteral("client-x!"));
        QVERIFY(label(page, QStringLiteral("settingError_client_id"))->text().contains(QStringLiteral("client_")));
        typeInto(child<QLineEdit>(page, QStringLiteral("setting_environment_id")), QStringLiteral("env_1"));
        QVERIFY(label(page, QStringLiteral("settingError_environment_id"))->text().contains(QStringLiteral("environment_")));
        typeInto(child<QLineEdit>(page, QStringLiteral("setting_webhook_secret")), QStringLiteral("has spaces in it"));
        QVERIFY(label(page, QStringLiteral("settingError_webhook_secret"))->isVisible());
        typeInto(child<QLineEdit>(page, QStringLiteral("setting_api_base_url")), QStringLiteral("http://workos.example.com"));
        QVERIFY2(label(page, QStringLiteral("settingError_api_base_url"))->text().contains(QStringLiteral("https")),
                 qPrintable(label(page, QStringLiteral("settingError_api_base_url"))->text()));
        QTest::mouseClick(child<QPushButton>(page, QStringLiteral("generalSaveButton")), Qt::LeftButton);
        QVERIFY(label(page, QStringLiteral("generalSaveError"))->text().startsWith(QStringLiteral("Nothing was sent: 5 field(s)")));
        QVERIFY(!page->findChild<QDialog *>(QStringLiteral("reviewChangesDialog")));
        page->resize(1100, 1250);
        shoot(*page, QStringLiteral("settings-invalid.png"));

        // Organization tab: not an organization ID.
        tabs(page)->setCurrentIndex(1);
        auto *orgTab = child<OrganizationTab>(page, QStringLiteral("organizationTab"));
        typeInto(child<QLineEdit>(orgTab, QStringLiteral("setting_organization_id")), QStringLiteral("acme"));
        QVERIFY(label(orgTab, QStringLiteral("settingError_organization_id"))->text().contains(QStringLiteral("org_")));
        QTest::mouseClick(child<QPushButton>(orgTab, QStringLiteral("organizationSaveButton")), Qt::LeftButton);
        QVERIFY(label(orgTab, QStringLiteral("organizationSaveError"))->text().startsWith(QStringLiteral("Nothing was sent")));

        // Users tab: a redirect to another host, an empty role-map key.
        tabs(page)->setCurrentIndex(2);
        auto *users = child<UserSettingsTab>(page, QStringLiteral("userSettingsTab"));
        QTest::mouseClick(child<QPushButton>(users, QStringLiteral("loginRedirectAddButton")), Qt::LeftButton);
        auto *url = child<QLineEdit>(users, QStringLiteral("loginRedirectUrl"));
        QTest::keyClicks(url, QStringLiteral("http://evil.example/welcome"));
        QVERIFY2(label(users, QStringLiteral("loginRedirectProblems"))->text().contains(QStringLiteral("is not a page of this site")),
                 qPrintable(label(users, QStringLiteral("loginRedirectProblems"))->text()));
        QTest::mouseClick(child<QPushButton>(users, QStringLiteral("logoutRedirectAddButton")), Qt::LeftButton);
        QTest::keyClicks(child<QLineEdit>(users, QStringLiteral("logoutRedirectUrl")), QStringLiteral("//evil.example/"));
        QVERIFY(label(users, QStringLiteral("logoutRedirectProblems"))->isVisible());
        QTest::mouseClick(child<QPushButton>(users, QStringLiteral("roleMapAddButton")), Qt::LeftButton);
        QVERIFY(label(users, QStringLiteral("roleMapProblems"))->text().contains(QStringLiteral("enter a WorkOS role")));
        QTest::mouseClick(child<QPushButton>(users, QStringLiteral("usersSaveButton")), Qt::LeftButton);
        QVERIFY2(label(users, QStringLiteral("usersSaveError"))->text().startsWith(QStringLiteral("Nothing was sent: 3 problem(s)")),
                 qPrintable(label(users, QStringLiteral("usersSaveError"))->text()));
        QVERIFY(!page->findChild<QDialog *>(QStringLiteral("reviewChangesDialog")));

        // GET again: nothing changed.
        QCOMPARE(m_site.settings(), settingsBefore);
        QCOMPARE(m_site.call("GET", QStringLiteral("admin/redirects"), {}, QStringLiteral("env=staging")).json, redirectsBefore);
        QCOMPARE(m_site.call("GET", QStringLiteral("admin/role-map"), {}, QStringLiteral("env=staging")).json, roleMapBefore);
    }

    // The credentials: secrets go in one PATCH, come back only as "set, ends in …", and never
    // appear in the page; the break-glass warning when password fallback goes off.
    void writesSecretsWithoutShowingThemAndWarnsWithoutBreakGlass()
    {
        auto shown = show();
        SettingsPage *page = shown->page.get();
        auto *tab = child<QWidget>(page, QStringLiteral("generalSettingsTab"));
        typeInto(child<QLineEdit>(page, QStringLiteral("setting_api_key")), m_sandbox.apiKey);
        QCOMPARE(child<QLineEdit>(page, QStringLiteral("setting_api_key"))->echoMode(), QLineEdit::Password);
        typeInto(child<QLineEdit>(page, QStringLiteral("setting_client_id")), m_sandbox.clientId);
        typeInto(child<QLineEdit>(page, QStringLiteral("setting_environment_id")), QStringLiteral("environment_sandbox"));
        typeInto(child<QLineEdit>(page, QStringLiteral("setting_webhook_secret")), m_sandbox.webhookSecret);
        QSignalSpy loaded(page, &SettingsPage::loaded);
        const QStringList lines = saveTab(tab, QStringLiteral("general"));
        const QString keyBefore = m_before.value(u"settings").toObject().value(u"api_key").toObject().value(u"set").toBool()
            ? QStringLiteral("set, ends in ") + m_sandbox.apiKey.right(4)
            : QStringLiteral("not set");
        QVERIFY2(lines.contains(QStringLiteral("settings.api_key: %1 → a new value").arg(keyBefore)), qPrintable(lines.join(u'\n')));
        QVERIFY2(lines.join(u'\n').contains(QStringLiteral("settings.environment_id: ")), qPrintable(lines.join(u'\n')));
        QVERIFY(!lines.join(u'\n').contains(m_sandbox.apiKey));
        QVERIFY(!lines.join(u'\n').contains(m_sandbox.webhookSecret));
        QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), 20000);

        const QJsonObject key = m_site.setting(QStringLiteral("api_key"));
        QVERIFY(key.value(u"set").toBool());
        QCOMPARE(key.value(u"last4").toString(), m_sandbox.apiKey.right(4));
        QCOMPARE(m_site.setting(QStringLiteral("client_id")).value(u"value").toString(), m_sandbox.clientId);
        QVERIFY(m_site.settings().value(u"enabled").toBool());
        QCOMPARE(label(page, QStringLiteral("secretState_api_key"))->text(), QStringLiteral("set, ends in ") + m_sandbox.apiKey.right(4));
        QVERIFY(child<QLineEdit>(page, QStringLiteral("setting_api_key"))->text().isEmpty());
        QVERIFY(child<QLineEdit>(page, QStringLiteral("setting_webhook_secret"))->text().isEmpty());
        for (const QLabel *l : page->findChildren<QLabel *>())
            QVERIFY2(!l->text().contains(m_sandbox.apiKey) && !l->text().contains(m_sandbox.webhookSecret), qPrintable(l->objectName()));
        for (const QLineEdit *e : page->findChildren<QLineEdit *>())
            QVERIFY2(!e->text().contains(m_sandbox.apiKey), qPrintable(e->objectName()));

        // Password fallback off with WorkOS configured: single sign-on without a way back.
        auto *advice = label(page, QStringLiteral("signInAdvice"));
        auto *fallback = child<QCheckBox>(page, QStringLiteral("setting_allow_password_fallback"));
        if (!fallback->isChecked())
            toggle(fallback);
        QVERIFY(!advice->property("breakGlassOff").toBool());
        QVERIFY(advice->text().contains(QStringLiteral("fallback=1")));
        toggle(fallback);
        QVERIFY(!fallback->isChecked());
        QVERIFY(advice->isVisible());
        QVERIFY(advice->property("breakGlassOff").toBool());
        QVERIFY2(advice->text().contains(QStringLiteral("Single sign-on without a break-glass path")), qPrintable(advice->text()));
        page->resize(1100, 1250);
        shoot(*page, QStringLiteral("settings-break-glass.png"));
        QTest::mouseClick(child<QPushButton>(page, QStringLiteral("generalRevertButton")), Qt::LeftButton);
    }

    // The site's organization cache: synced from WorkOS, one chosen and saved, its members, and
    // a new one created in WorkOS (then the choice reverted).
    void organizationTabSyncsChoosesAndCreates()
    {
        QVERIFY2(m_site.settings().value(u"enabled").toBool(), "needs the credentials the previous test saved");
        auto shown = show();
        SettingsPage *page = shown->page.get();
        tabs(page)->setCurrentIndex(1);
        auto *tab = child<OrganizationTab>(page, QStringLiteral("organizationTab"));
        QVERIFY(label(tab, QStringLiteral("organizationNotConfigured"))->isHidden());

        QSignalSpy finished(tab, &OrganizationTab::actionFinished);
        QTest::mouseClick(child<QPushButton>(tab, QStringLiteral("syncOrganizationsButton")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 30000);
        QVERIFY2(finished.first().at(1).toBool(), qPrintable(finished.first().at(0).toString()));
        QVERIFY(label(tab, QStringLiteral("organizationActionMessage"))->text().startsWith(QStringLiteral("Synced from WorkOS")));
        auto *list = child<QTableWidget>(tab, QStringLiteral("organizationList"));
        QTRY_VERIFY_WITH_TIMEOUT(!list->findItems(kAcme, Qt::MatchExactly).isEmpty(), 10000);

        // Acme's members, with one this test adds.
        addMember(firstUserWithRole(QStringLiteral("editor")), QStringLiteral("editor"));
        if (QTest::currentTestFailed())
            return;
        QSignalSpy reloaded(page, &SettingsPage::loaded);
        QSignalSpy listed(tab, &OrganizationTab::organizationsLoaded);
        page->reload(false);
        QTRY_VERIFY_WITH_TIMEOUT(!reloaded.isEmpty() && !listed.isEmpty(), 20000);
        list->selectRow(list->findItems(kAcme, Qt::MatchExactly).first()->row());
        auto *table = child<QTableWidget>(tab, QStringLiteral("memberTable"));
        auto *heading = label(tab, QStringLiteral("membersHeading"));
        QTRY_VERIFY2_WITH_TIMEOUT(heading->text().contains(QStringLiteral("member(s) of Acme Corp")), qPrintable(heading->text()), 10000);
        QVERIFY(table->rowCount() > 0);
        bool found = false;
        for (int row = 0; row < table->rowCount(); ++row)
            found = found || (table->item(row, 3)->text() == u"editor" && table->item(row, 4)->text() == u"editor");
        QVERIFY(found);

        // Chosen for staging and saved.
        auto *use = child<QPushButton>(tab, QStringLiteral("useOrganizationButton"));
        auto *field = child<QLineEdit>(tab, QStringLiteral("setting_organization_id"));
        if (field->text() != kAcme) {
            QVERIFY(use->isEnabled());
            QTest::mouseClick(use, Qt::LeftButton);
            QCOMPARE(field->text(), kAcme);
            reloaded.clear();
            const QStringList lines = saveTab(tab, QStringLiteral("organization"));
            QCOMPARE(lines.size(), 1);
            QVERIFY2(lines.first().startsWith(QStringLiteral("settings.organization_id: ")), qPrintable(lines.first()));
            QTRY_VERIFY_WITH_TIMEOUT(!reloaded.isEmpty(), 20000);
        }
        QCOMPARE(m_site.setting(QStringLiteral("organization_id")).value(u"value").toString(), kAcme);
        QTRY_VERIFY(label(tab, QStringLiteral("currentOrganization"))->text().contains(QStringLiteral("Acme Corp")));
        QTRY_VERIFY_WITH_TIMEOUT(heading->text().contains(QStringLiteral("member(s) of Acme Corp")), 10000);
        page->resize(1100, 1250);
        shoot(*page, QStringLiteral("settings-organization.png"));

        // A new organization: created in WorkOS with the console's key, cached, chosen (not saved).
        finished.clear();
        QTest::mouseClick(child<QPushButton>(tab, QStringLiteral("createOrganizationButton")), Qt::LeftButton);
        QDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = tab->findChild<QDialog *>(QStringLiteral("createOrganizationDialog"))) && dialog->isVisible());
        auto *confirm = child<QPushButton>(dialog, QStringLiteral("createOrganizationConfirm"));
        QVERIFY(!confirm->isEnabled()); // no name yet
        const QString name = QStringLiteral("Settings test %1").arg(QDateTime::currentMSecsSinceEpoch());
        QTest::keyClicks(child<QLineEdit>(dialog, QStringLiteral("organizationName")), QStringLiteral("<b>"));
        QVERIFY(!confirm->isEnabled());
        typeInto(child<QLineEdit>(dialog, QStringLiteral("organizationName")), name);
        QVERIFY(confirm->isEnabled());
        QTest::mouseClick(confirm, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 20000);
        QVERIFY2(finished.first().at(1).toBool(), qPrintable(finished.first().at(0).toString()));
        const QString created = field->text();
        QVERIFY(created.startsWith(QLatin1String("org_")) && created != kAcme);
        m_createdOrganizations << created;
        QTRY_VERIFY_WITH_TIMEOUT(!list->findItems(name, Qt::MatchExactly).isEmpty(), 10000);
        QVERIFY(label(tab, QStringLiteral("currentOrganization"))->text().contains(name));
        QVERIFY(child<QPushButton>(tab, QStringLiteral("organizationSaveButton"))->isEnabled());
        QTest::mouseClick(child<QPushButton>(tab, QStringLiteral("organizationRevertButton")), Qt::LeftButton);
        QCOMPARE(field->text(), kAcme);
        QCOMPARE(m_site.setting(QStringLiteral("organization_id")).value(u"value").toString(), kAcme);
    }

    // The role map: WorkOS's roles offered, the preview of whose role changes, the refusal of a
    // map that demotes every administrator, and the forced save after confirmation.
    void roleMapPreviewsAndRefusesToDemoteEveryAdministrator()
    {
        ensureAcme();
        linkAdministrators();
        const qint64 admin = firstUserWithRole(QStringLiteral("administrator"));
        const qint64 editor = firstUserWithRole(QStringLiteral("editor"));
        addMember(admin, QStringLiteral("admin"));
        addMember(editor, QStringLiteral("editor"));
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(m_site.call("PUT", QStringLiteral("admin/role-map"), {{QStringLiteral("map"), QJsonObject()}, {QStringLiteral("force"), true}},
                             QStringLiteral("env=staging")).status, 200);

        auto shown = show();
        SettingsPage *page = shown->page.get();
        tabs(page)->setCurrentIndex(2);
        auto *tab = child<UserSettingsTab>(page, QStringLiteral("userSettingsTab"));
        QTRY_VERIFY_WITH_TIMEOUT(label(tab, QStringLiteral("roleMapPreviewSummary"))->text().contains(QStringLiteral("Acme Corp")), 20000);
        QVERIFY(label(tab, QStringLiteral("roleMapMode"))->text().contains(QStringLiteral("Mode: replace")));
        QVERIFY(label(tab, QStringLiteral("roleMapState"))->text().startsWith(QStringLiteral("Built-in map")));
        QTRY_VERIFY_WITH_TIMEOUT(label(tab, QStringLiteral("roleMapRolesNote"))->text().contains(QStringLiteral("admin, editor, member")), 20000);
        QVERIFY2(label(tab, QStringLiteral("roleMapPreviewSummary"))->text().contains(QStringLiteral("nobody")),
                 qPrintable(label(tab, QStringLiteral("roleMapPreviewSummary"))->text()));
        auto *map = child<QTableWidget>(tab, QStringLiteral("roleMapTable"));
        QCOMPARE(map->rowCount(), 3);
        const auto rowOf = [map](const QString &key) {
            for (int row = 0; row < map->rowCount(); ++row) {
                if (qobject_cast<QComboBox *>(map->cellWidget(row, 0))->currentText() == key)
                    return row;
            }
            return -1;
        };
        const auto setRole = [map](int row, const QString &role) {
            auto *box = qobject_cast<QComboBox *>(map->cellWidget(row, 1));
            box->setCurrentIndex(box->findData(role));
        };
        QVERIFY(qobject_cast<QComboBox *>(map->cellWidget(0, 0))->findText(QStringLiteral("member")) >= 0); // WorkOS's roles offered

        // editor → author: the editor member would become an author.
        setRole(rowOf(QStringLiteral("editor")), QStringLiteral("author"));
        QVERIFY(label(tab, QStringLiteral("roleMapState"))->text().startsWith(QStringLiteral("The site's own map: 3 mapping(s)")));
        auto *preview = child<QTableWidget>(tab, QStringLiteral("roleMapPreview"));
        QTRY_COMPARE(preview->rowCount(), 1);
        QCOMPARE(preview->item(0, 3)->text(), QStringLiteral("author"));
        QCOMPARE(preview->item(0, 2)->text(), QStringLiteral("editor"));
        QVERIFY(label(tab, QStringLiteral("roleMapRefusal"))->isHidden());

        // admin → editor: no administrator keeps the role. Refused before sending.
        setRole(rowOf(QStringLiteral("admin")), QStringLiteral("editor"));
        QVERIFY(label(tab, QStringLiteral("roleMapRefusal"))->isVisible());
        QVERIFY2(label(tab, QStringLiteral("roleMapRefusal"))->text().contains(QStringLiteral("every administrator")),
                 qPrintable(label(tab, QStringLiteral("roleMapRefusal"))->text()));
        auto *force = child<QPushButton>(tab, QStringLiteral("roleMapForceButton"));
        QVERIFY(force->isVisible() && force->isEnabled());
        QCOMPARE(preview->rowCount(), 2);
        page->resize(1100, 1500);
        shoot(*page, QStringLiteral("settings-users-refusal.png"));
        QTest::mouseClick(child<QPushButton>(tab, QStringLiteral("usersSaveButton")), Qt::LeftButton);
        QVERIFY(label(tab, QStringLiteral("usersSaveError"))->text().contains(QStringLiteral("every administrator")));
        QVERIFY(!page->findChild<QDialog *>(QStringLiteral("reviewChangesDialog")));
        QVERIFY(m_site.call("GET", QStringLiteral("admin/role-map"), {}, QStringLiteral("env=staging")).json.value(u"is_default").toBool());

        // "Save anyway…": the review warns, then force goes with the map.
        QSignalSpy loaded(page, &SettingsPage::loaded);
        QTest::mouseClick(force, Qt::LeftButton);
        QDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = tab->findChild<QDialog *>(QStringLiteral("reviewChangesDialog"))) && dialog->isVisible());
        QVERIFY(label(dialog, QStringLiteral("reviewWarning"))->text().contains(QStringLiteral("every administrator")));
        const QStringList lines = review(tab);
        QCOMPARE(lines.size(), 1);
        QVERIFY2(lines.first().startsWith(QStringLiteral("role_map: {} → {")), qPrintable(lines.first()));
        QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), 20000);
        const QJsonObject stored = m_site.call("GET", QStringLiteral("admin/role-map"), {}, QStringLiteral("env=staging")).json;
        QVERIFY(!stored.value(u"is_default").toBool());
        QCOMPARE(stored.value(u"map").toObject().value(u"admin").toString(), QStringLiteral("editor"));
        QCOMPARE(stored.value(u"map").toObject().value(u"editor").toString(), QStringLiteral("author"));

        // Back to the built-in map: the administrator keeps the role, no refusal.
        QCOMPARE(map->rowCount(), 3);
        QTest::mouseClick(child<QPushButton>(tab, QStringLiteral("roleMapBuiltInButton")), Qt::LeftButton);
        QVERIFY(label(tab, QStringLiteral("roleMapState"))->text().startsWith(QStringLiteral("Built-in map")));
        QVERIFY(label(tab, QStringLiteral("roleMapRefusal"))->isHidden());
        loaded.clear();
        QCOMPARE(saveTab(tab, QStringLiteral("users")), QStringList{QStringLiteral("role_map: {\"admin\":\"editor\",\"editor\":\"author\",\"member\":\"subscriber\"} → {}")});
        QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), 20000);
        QVERIFY(m_site.call("GET", QStringLiteral("admin/role-map"), {}, QStringLiteral("env=staging")).json.value(u"is_default").toBool());
    }

    // Login and logout redirects: checked as the site checks them, saved, and removed again.
    void redirectsAreCheckedSavedAndRemoved()
    {
        auto shown = show();
        SettingsPage *page = shown->page.get();
        tabs(page)->setCurrentIndex(2);
        auto *tab = child<UserSettingsTab>(page, QStringLiteral("userSettingsTab"));
        QTest::mouseClick(child<QPushButton>(tab, QStringLiteral("loginRedirectAddButton")), Qt::LeftButton);
        auto *login = child<QTableWidget>(tab, QStringLiteral("loginRedirectTable"));
        const int row = login->rowCount() - 1;
        auto *url = qobject_cast<QLineEdit *>(login->cellWidget(row, 1));
        QTest::keyClicks(url, QStringLiteral("javascript:alert(1)"));
        QVERIFY(label(tab, QStringLiteral("loginRedirectProblems"))->isVisible());
        typeInto(url, QStringLiteral("/welcome/"));
        QVERIFY(label(tab, QStringLiteral("loginRedirectProblems"))->isHidden());
        qobject_cast<QCheckBox *>(login->cellWidget(row, 2))->setChecked(true);

        QTest::mouseClick(child<QPushButton>(tab, QStringLiteral("logoutRedirectAddButton")), Qt::LeftButton);
        auto *logout = child<QTableWidget>(tab, QStringLiteral("logoutRedirectTable"));
        auto *role = qobject_cast<QComboBox *>(logout->cellWidget(logout->rowCount() - 1, 0));
        role->setCurrentIndex(role->findData(QStringLiteral("subscriber")));
        auto *logoutUrl = qobject_cast<QLineEdit *>(logout->cellWidget(logout->rowCount() - 1, 1));
        QTest::keyClicks(logoutUrl, m_sandbox.url + QStringLiteral("/goodbye/"));
        QVERIFY2(label(tab, QStringLiteral("logoutRedirectProblems"))->isHidden(), qPrintable(label(tab, QStringLiteral("logoutRedirectProblems"))->text()));

        QSignalSpy loaded(page, &SettingsPage::loaded);
        const QStringList lines = saveTab(tab, QStringLiteral("users"));
        QCOMPARE(lines.size(), 2);
        QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), 20000);
        const QJsonObject saved = m_site.call("GET", QStringLiteral("admin/redirects"), {}, QStringLiteral("env=staging")).json;
        QCOMPARE(saved.value(u"login").toObject().value(u"__default__").toObject(),
                 (QJsonObject{{QStringLiteral("url"), QStringLiteral("/welcome/")}, {QStringLiteral("first_login_only"), true}}));
        QCOMPARE(saved.value(u"logout").toObject().value(u"subscriber").toString(), m_sandbox.url + QStringLiteral("/goodbye/"));
        page->resize(1100, 1500);
        shoot(*page, QStringLiteral("settings-users.png"));

        // Removed again, through the page.
        for (QTableWidget *t : {login, logout}) {
            while (t->rowCount() > 0)
                QTest::mouseClick(qobject_cast<QWidget *>(t->cellWidget(0, t->columnCount() - 1)), Qt::LeftButton);
        }
        loaded.clear();
        saveTab(tab, QStringLiteral("users"));
        QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), 20000);
        const QJsonObject after = m_site.call("GET", QStringLiteral("admin/redirects"), {}, QStringLiteral("env=staging")).json;
        QCOMPARE(after.value(u"login").toObject(), QJsonObject());
        QCOMPARE(after.value(u"logout").toObject(), QJsonObject());
    }

    // A site that does not answer: named in the page, nothing to edit.
    void anUnreachableSiteIsNamed()
    {
        Fixture f;
        const SiteProfile site = f.addSite(QStringLiteral("offline"), QStringLiteral("http://127.0.0.1:1"), QStringLiteral("production"));
        SettingsPage page(f.context);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QSignalSpy loaded(&page, &SettingsPage::loaded);
        page.showSite(site);
        QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), 30000);
        QVERIFY(label(&page, QStringLiteral("settingsError"))->isVisible());
        QVERIFY2(label(&page, QStringLiteral("settingsError"))->text().startsWith(QStringLiteral("Cannot reach http://127.0.0.1:1")),
                 qPrintable(label(&page, QStringLiteral("settingsError"))->text()));
        QVERIFY(!child<QWidget>(&page, QStringLiteral("generalSettingsTab"))->isEnabled());
        QCOMPARE(child<QComboBox>(&page, QStringLiteral("settingsEnvironment"))->currentData().toString(), QStringLiteral("production"));
    }

    // What the sandbox cannot show, from recorded answers: settings locked by constants, a role
    // the site does not have, the site's own refusals, and a multisite's site mapping.
    void showsLockedSettingsAndTheSitesRefusals()
    {
        const QString data = QFINDTESTDATA("../cli/data/companion/settings.json");
        QJsonObject settings = QJsonDocument::fromJson(readFile(data).toUtf8()).object();
        QJsonObject described = settings.value(u"settings").toObject();
        described.insert(QStringLiteral("client_id"), QJsonObject{{QStringLiteral("source"), QStringLiteral("constant")},
                                                                  {QStringLiteral("constant"), QStringLiteral("WORKOS_STAGING_CLIENT_ID")},
                                                                  {QStringLiteral("value"), QStringLiteral("client_locked")},
                                                                  {QStringLiteral("writable"), false}});
        described.insert(QStringLiteral("api_key"), QJsonObject{{QStringLiteral("source"), QStringLiteral("constant")},
                                                                {QStringLiteral("constant"), QStringLiteral("WORKOS_API_KEY")},
                                                                {QStringLiteral("set"), true}, {QStringLiteral("last4"), QStringLiteral("9Xy2")},
                                                                {QStringLiteral("writable"), false}});
        settings.insert(QStringLiteral("settings"), described);
        QJsonObject roleMap = QJsonDocument::fromJson(readFile(QFINDTESTDATA("../cli/data/companion/role-map.json")).toUtf8()).object();
        roleMap.insert(QStringLiteral("map"), QJsonObject{{QStringLiteral("admin"), QStringLiteral("ghost")}, {QStringLiteral("member"), QStringLiteral("subscriber")}});
        roleMap.insert(QStringLiteral("is_default"), false);
        QJsonObject status = QJsonDocument::fromJson(readFile(QFINDTESTDATA("../cli/data/companion/status.json")).toUtf8()).object();
        QJsonObject wordpress = status.value(u"wordpress").toObject();
        wordpress.insert(QStringLiteral("multisite"), true);
        status.insert(QStringLiteral("wordpress"), wordpress);
        const QByteArray compact = QJsonDocument(settings).toJson(QJsonDocument::Compact);

        RawHttpServer server;
        const QByteArray base = server.start();
        const QByteArray api = "/wp-json/workos/v1/admin/";
        server.respond(api + "settings", 200, compact);
        server.respond(api + "role-map", 200, QJsonDocument(roleMap).toJson(QJsonDocument::Compact));
        server.respond(api + "redirects", 200, "{\"environment\":\"staging\",\"login\":{},\"logout\":{}}");
        server.respond(api + "status", 200, QJsonDocument(status).toJson(QJsonDocument::Compact));
        server.respond(api + "users", 200, "{\"users\":[{\"id\":1,\"login\":\"admin\",\"display_name\":\"Admin\",\"roles\":[\"administrator\"],\"workos_user_id\":\"user_1\"}],\"next_after\":null}");
        server.respond(api + "orgs", 200, "{\"items\":[{\"id\":\"org_01JAACME000000000000000000\",\"local_id\":1,\"name\":\"Acme Corp\",\"domains\":[\"acme.test\"],\"member_count\":0,\"sites\":[{\"site_id\":1,\"is_primary\":true}]}],\"total\":1,\"limit\":500,\"offset\":0}");
        server.respond(api + "orgs/org_01JAACME000000000000000000/sites", 200, "{\"org_id\":\"org_01JAACME000000000000000000\",\"sites\":[{\"site_id\":1,\"is_primary\":true}]}");
        server.respond(api + "orgs/org_01JAACME000000000000000000/members", 200, "{\"items\":[],\"total\":0,\"limit\":500,\"offset\":0}");
        server.respond(api + "network/sites", 200, "{\"network_id\":1,\"sites\":[{\"id\":1,\"url\":\"http://n.test/\",\"name\":\"Main\"},{\"id\":2,\"url\":\"http://n.test/acme/\",\"name\":\"Acme\"}],\"next_after\":null}");

        Fixture f;
        const SiteProfile site = f.addSite(QStringLiteral("recorded"), QString::fromLatin1(base), QStringLiteral("staging"));
        SettingsPage page(f.context);
        page.resize(1100, 1250);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QSignalSpy loaded(&page, &SettingsPage::loaded);
        page.showSite(site);
        QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), 20000);
        QVERIFY2(label(&page, QStringLiteral("settingsError"))->isHidden(), qPrintable(label(&page, QStringLiteral("settingsError"))->text()));

        // Locked: read-only, a lock, the constant's name; the secret too.
        auto *client = child<QLineEdit>(&page, QStringLiteral("setting_client_id"));
        QCOMPARE(client->text(), QStringLiteral("client_locked"));
        QVERIFY(client->isReadOnly());
        QVERIFY(label(&page, QStringLiteral("settingLock_client_id"))->isVisible());
        QCOMPARE(label(&page, QStringLiteral("settingSource_client_id"))->text(),
                 QStringLiteral("Source: constant WORKOS_STAGING_CLIENT_ID in wp-config.php"));
        QVERIFY(child<QLineEdit>(&page, QStringLiteral("setting_api_key"))->isReadOnly());
        QCOMPARE(label(&page, QStringLiteral("secretState_api_key"))->text(), QStringLiteral("set, ends in 9Xy2"));
        QVERIFY(label(&page, QStringLiteral("settingLock_api_key"))->isVisible());
        QVERIFY(label(&page, QStringLiteral("settingLock_environment_id"))->isHidden());
        shoot(page, QStringLiteral("settings-locked.png"));

        // The site's 409: a constant defined since the page loaded. Shown at the field; nothing else sent.
        typeInto(child<QLineEdit>(&page, QStringLiteral("setting_environment_id")), QStringLiteral("environment_new"));
        server.respondOnce(api + "settings", 409,
                           "{\"code\":\"workos_setting_locked\",\"message\":\"environment_id is set by the constant WORKOS_ENVIRONMENT_ID in wp-config.php; change it there.\",\"data\":{\"status\":409,\"setting\":\"environment_id\",\"constant\":\"WORKOS_ENVIRONMENT_ID\"}}");
        auto *general = child<QWidget>(&page, QStringLiteral("generalSettingsTab"));
        QVERIFY(saveTab(general, QStringLiteral("general")).size() == 1);
        QTRY_VERIFY(label(&page, QStringLiteral("settingError_environment_id"))->isVisible());
        QVERIFY(label(&page, QStringLiteral("settingError_environment_id"))->text().contains(QStringLiteral("WORKOS_ENVIRONMENT_ID")));
        QVERIFY(label(&page, QStringLiteral("generalSaveError"))->text().startsWith(QStringLiteral("The site refused the changes; nothing was saved.")));
        const QList<QJsonObject> patches = bodies(server, "PATCH", api + "settings");
        QCOMPARE(patches.size(), 1); // one PATCH, with the one change
        QCOMPARE(patches.first(), (QJsonObject{{QStringLiteral("settings"), QJsonObject{{QStringLiteral("environment_id"), QStringLiteral("environment_new")}}}}));

        // A role the site does not have: shown, refused before sending.
        tabs(&page)->setCurrentIndex(2);
        auto *users = child<UserSettingsTab>(&page, QStringLiteral("userSettingsTab"));
        QVERIFY2(label(users, QStringLiteral("roleMapProblems"))->text().contains(QStringLiteral("“ghost” is not a WordPress role on this site.")),
                 qPrintable(label(users, QStringLiteral("roleMapProblems"))->text()));
        auto *map = child<QTableWidget>(users, QStringLiteral("roleMapTable"));
        auto *ghost = qobject_cast<QComboBox *>(map->cellWidget(0, 1));
        QCOMPARE(ghost->currentText(), QStringLiteral("ghost (not a role on this site)"));
        // A fix (and "member" keeps administrators: the console sees nobody demoted), then the
        // site's own refusal (its memberships outran the console's): the force path opens.
        ghost->setCurrentIndex(ghost->findData(QStringLiteral("editor")));
        auto *member = qobject_cast<QComboBox *>(map->cellWidget(1, 1));
        member->setCurrentIndex(member->findData(QStringLiteral("administrator")));
        QVERIFY(label(users, QStringLiteral("roleMapProblems"))->isHidden());
        QVERIFY(label(users, QStringLiteral("roleMapRefusal"))->isHidden());
        server.respondOnce(api + "role-map", 409,
                           "{\"code\":\"workos_role_map_demotes_all_administrators\",\"message\":\"With this map every administrator of the site would lose the administrator role at their next WorkOS sign-in.\",\"data\":{\"status\":409,\"administrators\":[1]}}");
        QCOMPARE(saveTab(users, QStringLiteral("users")).size(), 1);
        QTRY_VERIFY(label(users, QStringLiteral("roleMapRefusal"))->isVisible());
        QTRY_VERIFY(label(users, QStringLiteral("roleMapRefusal"))->text().contains(QStringLiteral("(admin)")));
        QVERIFY(child<QPushButton>(users, QStringLiteral("roleMapForceButton"))->isVisible());
        QVERIFY(label(users, QStringLiteral("usersSaveError"))->text().contains(QStringLiteral("every administrator")));
        QList<QJsonObject> puts = bodies(server, "PUT", api + "role-map");
        QCOMPARE(puts.size(), 1);
        QCOMPARE(puts.first().value(u"force").toBool(), false);
        shoot(page, QStringLiteral("settings-site-refusal.png"));
        // Insisting sends force: true.
        QSignalSpy reloaded(&page, &SettingsPage::loaded);
        QSignalSpy listed(child<OrganizationTab>(&page, QStringLiteral("organizationTab")), &OrganizationTab::organizationsLoaded);
        QTest::mouseClick(child<QPushButton>(users, QStringLiteral("roleMapForceButton")), Qt::LeftButton);
        review(users);
        QTRY_VERIFY_WITH_TIMEOUT(!reloaded.isEmpty(), 20000);
        QTRY_COMPARE(bodies(server, "PUT", api + "role-map").size(), 2);
        puts = bodies(server, "PUT", api + "role-map");
        QCOMPARE(puts.last().value(u"force").toBool(), true);
        QCOMPARE(puts.last().value(u"map").toObject(),
                 (QJsonObject{{QStringLiteral("admin"), QStringLiteral("editor")}, {QStringLiteral("member"), QStringLiteral("administrator")}}));

        // Multisite: the organization's sites, every site of the network offered.
        tabs(&page)->setCurrentIndex(1);
        auto *orgs = child<OrganizationTab>(&page, QStringLiteral("organizationTab"));
        auto *sites = child<QTableWidget>(orgs, QStringLiteral("organizationSites"));
        QVERIFY(sites->isVisible());
        auto *list = child<QTableWidget>(orgs, QStringLiteral("organizationList"));
        QTRY_VERIFY_WITH_TIMEOUT(!listed.isEmpty(), 20000); // the list as reloaded after the save
        QCOMPARE(list->rowCount(), 1);
        list->selectRow(0);
        QTRY_COMPARE(sites->rowCount(), 2);
        QVERIFY(qobject_cast<QCheckBox *>(sites->cellWidget(0, 1))->isChecked());
        QVERIFY(!qobject_cast<QCheckBox *>(sites->cellWidget(1, 1))->isChecked());
        shoot(page, QStringLiteral("settings-multisite.png"));

        // Acme on both sites, the second primary: one PUT with exactly that.
        auto *save = child<QPushButton>(orgs, QStringLiteral("saveSitesButton"));
        QVERIFY(!save->isEnabled());
        qobject_cast<QCheckBox *>(sites->cellWidget(1, 1))->setChecked(true);
        qobject_cast<QAbstractButton *>(sites->cellWidget(1, 2))->setChecked(true);
        QVERIFY(save->isEnabled());
        QTest::mouseClick(save, Qt::LeftButton);
        QTRY_COMPARE(bodies(server, "PUT", api + "orgs/org_01JAACME000000000000000000/sites").size(), 1);
        QCOMPARE(bodies(server, "PUT", api + "orgs/org_01JAACME000000000000000000/sites").first(),
                 (QJsonObject{{QStringLiteral("sites"), QJsonArray{QJsonObject{{QStringLiteral("site_id"), 1}, {QStringLiteral("primary"), false}},
                                                                     QJsonObject{{QStringLiteral("site_id"), 2}, {QStringLiteral("primary"), true}}}}}));
        QTRY_VERIFY(label(orgs, QStringLiteral("organizationSitesMessage"))->text().startsWith(QStringLiteral("Saved")));
        // The primary site not among the chosen ones: refused before sending.
        QTRY_VERIFY(sites->rowCount() == 2 && !qobject_cast<QCheckBox *>(sites->cellWidget(1, 1))->isChecked()); // as the site answered
        qobject_cast<QAbstractButton *>(sites->cellWidget(1, 2))->setChecked(true);
        QVERIFY(save->isEnabled());
        QTest::mouseClick(save, Qt::LeftButton);
        QVERIFY(label(orgs, QStringLiteral("organizationSitesMessage"))->text().startsWith(QStringLiteral("Nothing was sent")));
        QCOMPARE(bodies(server, "PUT", api + "orgs/org_01JAACME000000000000000000/sites").size(), 1);
    }
};

QTEST_MAIN(TestSettingsPage)
#include "tst_settingspage.moc"

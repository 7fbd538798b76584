// wpworkos against the real sandbox WordPress site that ./test starts (SANDBOX_STATE, SANDBOX_WP_URL).
#include "CliRunner.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSet>
#include <QDateTime>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

class TestCliSandbox : public QObject
{
    Q_OBJECT
private:
    QString m_url;
    QByteArray m_appPassword;
    QString m_apiKey;        // the emulator's (emulator/credentials.env)
    QString m_webhookSecret;
    QNetworkAccessManager m_nam;

    QStringList addArgs(const QString &name) const
    {
        return {QStringLiteral("site"), QStringLiteral("add"), name, QStringLiteral("--url"), m_url,
                QStringLiteral("--user"), QStringLiteral("admin"), QStringLiteral("--password-stdin")};
    }

    // The sandbox site added as "sandbox" and, with `withKey`, the emulator's API key stored for staging.
    void addSandbox(CliRunner &cli, bool withKey = true) const
    {
        QCOMPARE(cli.run(addArgs(QStringLiteral("sandbox")), m_appPassword + '\n').exitCode, 0);
        if (withKey)
            storeKey(cli);
    }

    void storeKey(CliRunner &cli) const
    {
        QCOMPARE(cli.run({QStringLiteral("--env"), QStringLiteral("staging"), QStringLiteral("site"), QStringLiteral("secret"),
                          QStringLiteral("sandbox"), QStringLiteral("api-key"), QStringLiteral("--secret-stdin")},
                         m_apiKey.toUtf8() + '\n').exitCode, 0);
    }

    // A call to the sandbox's emulator (its API with the API key, or its control API): status and JSON.
    std::pair<int, QJsonObject> emulator(const QByteArray &method, const QString &path, const QJsonObject &body = {})
    {
        QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(qEnvironmentVariable("SANDBOX_EMULATOR_PORT")) + path));
        request.setRawHeader("Authorization", "Bearer " + m_apiKey.toUtf8());
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QNetworkReply *reply = m_nam.sendCustomRequest(request, method, QJsonDocument(body).toJson(QJsonDocument::Compact));
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        reply->deleteLater();
        return {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), QJsonDocument::fromJson(reply->readAll()).object()};
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString state = qEnvironmentVariable("SANDBOX_STATE");
        m_url = qEnvironmentVariable("SANDBOX_WP_URL");
        QVERIFY2(!state.isEmpty() && !m_url.isEmpty(),
                 "SANDBOX_STATE and SANDBOX_WP_URL are not set: run this through ./test, which starts the sandbox");
        QFile credentials(state + QStringLiteral("/credentials.env"));
        QVERIFY2(credentials.open(QIODevice::ReadOnly), qPrintable(credentials.fileName()));
        const auto match = QRegularExpression(QStringLiteral("SANDBOX_APP_PASSWORD='([^']+)'"))
                               .match(QString::fromUtf8(credentials.readAll()));
        QVERIFY(match.hasMatch());
        m_appPassword = match.captured(1).toUtf8();
        QFile emulatorCredentials(state + QStringLiteral("/emulator/credentials.env"));
        QVERIFY2(emulatorCredentials.open(QIODevice::ReadOnly), qPrintable(emulatorCredentials.fileName()));
        const QString text = QString::fromUtf8(emulatorCredentials.readAll());
        m_apiKey = QRegularExpression(QStringLiteral("SANDBOX_WORKOS_API_KEY='([^']+)'")).match(text).captured(1);
        m_webhookSecret = QRegularExpression(QStringLiteral("SANDBOX_WEBHOOK_SECRET='([^']+)'")).match(text).captured(1);
        QVERIFY(!m_apiKey.isEmpty() && !m_webhookSecret.isEmpty());
    }

    void addsTheSiteAndShowsItsStatus()
    {
        CliRunner cli;
        const CliResult add = cli.run(addArgs(QStringLiteral("sandbox")), m_appPassword + '\n');
        QVERIFY2(add.exitCode == 0, qPrintable(add.err));
        QVERIFY2(add.out.contains(QStringLiteral("Success: Added site 'sandbox'")), qPrintable(add.out));
        QVERIFY(add.out.contains(QStringLiteral("WorkOS Companion 0.1.0 on WordPress")));

        const CliResult table = cli.run({QStringLiteral("status")});
        QVERIFY2(table.exitCode == 0, qPrintable(table.err));
        QVERIFY(table.out.contains(QRegularExpression(QStringLiteral("\\| plugin_version +\\| 0\\.1\\.0 +\\| constant"))));
        QVERIFY(table.out.contains(QRegularExpression(QStringLiteral("\\| db_version +\\| 4 +\\| database"))));

        const CliResult json = cli.run({QStringLiteral("status"), QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(json.exitCode, 0);
        QHash<QString, QString> values;
        for (const auto &row : QJsonDocument::fromJson(json.out.toUtf8()).array())
            values.insert(row[QStringLiteral("setting")].toString(), row[QStringLiteral("value")].toString());
        QCOMPARE(values.value(QStringLiteral("plugin_version")), QStringLiteral("0.1.0"));
        QCOMPARE(values.value(QStringLiteral("enabled")), QStringLiteral("no"));
        QVERIFY(values.value(QStringLiteral("wordpress_version")).startsWith(QStringLiteral("6.")));
        // The sandbox points the site at its WorkOS emulator (option workos_api_base_url).
        QCOMPARE(values.value(QStringLiteral("api_base_url")),
                 QStringLiteral("http://127.0.0.1:") + qEnvironmentVariable("SANDBOX_EMULATOR_PORT", QStringLiteral("4100")));
        QVERIFY(!json.out.contains(QString::fromUtf8(m_appPassword))); // never printed
    }

    void wrongPasswordIsRefusedAndNothingIsKept()
    {
        CliRunner cli;
        const CliResult add = cli.run(addArgs(QStringLiteral("wrong")), "aaaa bbbb cccc dddd eeee ffff\n");
        QCOMPARE(add.exitCode, 1);
        QVERIFY2(add.err.contains(QStringLiteral("refused the Application Password of user “admin”")), qPrintable(add.err));
        QVERIFY2(add.err.contains(QStringLiteral("401")), qPrintable(add.err));
        QCOMPARE(cli.run({QStringLiteral("site"), QStringLiteral("list"), QStringLiteral("--format=ids")}).out,
                 QStringLiteral("\n"));
    }

    void aSiteWithoutTheCompanionIsNamed()
    {
        // The site's REST API answers, but no WorkOS route exists under this path.
        CliRunner cli;
        const CliResult add = cli.run({QStringLiteral("site"), QStringLiteral("add"), QStringLiteral("sub"),
                                       QStringLiteral("--url"), m_url + QStringLiteral("/no-such-blog"),
                                       QStringLiteral("--user"), QStringLiteral("admin"),
                                       QStringLiteral("--password-stdin")},
                                      m_appPassword + '\n');
        QCOMPARE(add.exitCode, 1);
        QVERIFY2(add.err.startsWith(QStringLiteral("Error: ")), qPrintable(add.err));
        QVERIFY2(add.err.contains(m_url + QStringLiteral("/no-such-blog")), qPrintable(add.err));
    }

    // config export → edit → diff → apply --dry-run (nothing) → apply --yes → diff is empty →
    // the original document applied back. The served site ends as it started.
    void configRoundTripsThroughADocument()
    {
        CliRunner cli;
        QCOMPARE(cli.run(addArgs(QStringLiteral("sandbox")), m_appPassword + '\n').exitCode, 0);
        QTemporaryDir dir;
        const QString original = dir.filePath(QStringLiteral("original.json"));
        const CliResult exported = cli.run({QStringLiteral("config"), QStringLiteral("export"), QStringLiteral("--output"), original});
        QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
        QFile file(original);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QJsonObject doc = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(doc.value(u"format").toString(), QStringLiteral("wpworkos-config"));
        QVERIFY(!doc.value(u"settings").toObject().contains(u"api_key"));     // never a secret
        QVERIFY(!doc.value(u"settings").toObject().contains(u"webhook_secret"));

        QJsonObject settings = doc.value(u"settings").toObject();
        const QString mode = settings.value(u"login_mode").toString();
        settings.insert(QStringLiteral("login_mode"), mode == QLatin1String("headless") ? QStringLiteral("redirect") : QStringLiteral("headless"));
        doc.insert(QStringLiteral("settings"), settings);
        doc.insert(QStringLiteral("redirects"), QJsonObject{{QStringLiteral("login"), QJsonObject()},
                                                            {QStringLiteral("logout"), QJsonObject{{QStringLiteral("subscriber"), QStringLiteral("/bye/")}}}});
        const QString edited = dir.filePath(QStringLiteral("edited.json"));
        QFile out(edited);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QJsonDocument(doc).toJson());
        out.close();

        const CliResult dry = cli.run({QStringLiteral("config"), QStringLiteral("apply"), edited, QStringLiteral("--dry-run")});
        QVERIFY2(dry.exitCode == 0, qPrintable(dry.err));
        QVERIFY2(dry.out.contains(QStringLiteral("settings.login_mode: \"%1\" → ").arg(mode)), qPrintable(dry.out));
        QVERIFY(dry.out.contains(QStringLiteral("redirects.logout: {} → {\"subscriber\":\"/bye/\"}")));
        const CliResult stillSame = cli.run({QStringLiteral("config"), QStringLiteral("diff"), edited, QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(QJsonDocument::fromJson(stillSame.out.toUtf8()).array().size(), 2); // the dry run changed nothing

        const CliResult refused = cli.run({QStringLiteral("config"), QStringLiteral("apply"), edited});
        QCOMPARE(refused.exitCode, 1); // no terminal, no --yes: nothing applied
        QVERIFY(refused.err.contains(QStringLiteral("Confirmation needed")));

        const CliResult applied = cli.run({QStringLiteral("config"), QStringLiteral("apply"), edited, QStringLiteral("--yes")});
        QVERIFY2(applied.exitCode == 0, qPrintable(applied.err));
        QVERIFY(applied.out.contains(QStringLiteral("Success: Applied 2 change(s) to 1 site(s).")));
        const CliResult after = cli.run({QStringLiteral("config"), QStringLiteral("diff"), edited});
        QVERIFY2(after.out.contains(QStringLiteral("no changes")), qPrintable(after.out));

        QCOMPARE(cli.run({QStringLiteral("config"), QStringLiteral("apply"), original, QStringLiteral("--yes")}).exitCode, 0);
        QVERIFY(cli.run({QStringLiteral("config"), QStringLiteral("diff"), original}).out.contains(QStringLiteral("no changes")));
    }

    void configRefusesDocumentsWithSecretsOrTheWrongShape()
    {
        CliRunner cli;
        QCOMPARE(cli.run(addArgs(QStringLiteral("sandbox")), m_appPassword + '\n').exitCode, 0);
        QTemporaryDir dir;
        const auto write = [&](const QByteArray &text) {
            const QString path = dir.filePath(QStringLiteral("doc.json"));
            QFile f(path);
            if (!f.open(QIODevice::WriteOnly))
                qFatal("cannot write");
            f.write(text);
            return path;
        };
        const CliResult secret = cli.run({QStringLiteral("config"), QStringLiteral("apply"), QStringLiteral("--yes"),
                                          write(R"({"format":"wpworkos-config","version":1,"settings":{"api_key":"sk_test_x"}})")});
        QCOMPARE(secret.exitCode, 1);
        QVERIFY2(secret.err.contains(QStringLiteral("secret \"api_key\"")), qPrintable(secret.err));
        QCOMPARE(cli.run({QStringLiteral("config"), QStringLiteral("diff"), write("[1,2]")}).exitCode, 1);
        QCOMPARE(cli.run({QStringLiteral("config"), QStringLiteral("diff"), write(R"({"format":"other","version":1})")}).exitCode, 1);
        QCOMPARE(cli.run({QStringLiteral("config"), QStringLiteral("diff"), dir.filePath(QStringLiteral("missing.json"))}).exitCode, 1);
        const CliResult badValue = cli.run({QStringLiteral("config"), QStringLiteral("apply"), QStringLiteral("--yes"),
                                            write(R"({"format":"wpworkos-config","version":1,"settings":{"login_mode":"custom"}})")});
        QCOMPARE(badValue.exitCode, 1); // the companion refuses it, and says which
        QVERIFY2(badValue.err.contains(QStringLiteral("login_mode")), qPrintable(badValue.err));
        QCOMPARE(cli.run({QStringLiteral("config"), QStringLiteral("frobnicate")}).exitCode, 2);
    }

    void changelogComesFromTheSitesCompanion()
    {
        CliRunner cli;
        QCOMPARE(cli.run(addArgs(QStringLiteral("sandbox")), m_appPassword + '\n').exitCode, 0);
        const CliResult all = cli.run({QStringLiteral("changelog")});
        QVERIFY2(all.exitCode == 0, qPrintable(all.err));
        QVERIFY(all.out.startsWith(QStringLiteral("## Unreleased")));
        QVERIFY(all.out.contains(QStringLiteral("## 0.1.0 - ")));
        const CliResult newer = cli.run({QStringLiteral("changelog"), QStringLiteral("--since"), QStringLiteral("0.1.0"),
                                         QStringLiteral("--format"), QStringLiteral("json")});
        const QJsonArray releases = QJsonDocument::fromJson(newer.out.toUtf8()).array();
        QCOMPARE(releases.size(), 1);
        QCOMPARE(releases.first()[QStringLiteral("version")].toString(), QStringLiteral("Unreleased"));
        QCOMPARE(cli.run({QStringLiteral("changelog"), QStringLiteral("--since"), QStringLiteral("latest")}).exitCode, 2);
    }

    // The console's own checks, the site's, and the webhook echo signed with the secret the
    // console holds: right secret verified, wrong secret refused with advice.
    void diagnosticsProveTheWebhookPath()
    {
        const QString state = qEnvironmentVariable("SANDBOX_STATE");
        const auto configure = [&](const QStringList &pairs) {
            QProcess php;
            php.start(QStringLiteral("php"), QStringList{QStringLiteral(WORKOS_SOURCE_DIR "/sandbox/lib/wordpress/configure-workos.php"),
                                                        state + QStringLiteral("/site"), m_url} + pairs);
            QVERIFY(php.waitForFinished(60000));
            QCOMPARE(php.exitCode(), 0);
        };
        const QString secret = m_webhookSecret;
        configure({}); // staging enabled against the emulator, with its webhook secret

        CliRunner cli;
        QCOMPARE(cli.run(addArgs(QStringLiteral("sandbox")), m_appPassword + '\n').exitCode, 0);
        const auto echoRow = [&]() {
            const CliResult r = cli.run({QStringLiteral("--env"), QStringLiteral("staging"), QStringLiteral("diagnostics"), QStringLiteral("--format"), QStringLiteral("json")});
            QJsonObject found;
            for (const auto &row : QJsonDocument::fromJson(r.out.toUtf8()).array()) {
                if (row[QStringLiteral("check")].toString() == QLatin1String("webhook_echo"))
                    found = row.toObject();
            }
            return std::pair{r, found};
        };
        auto [first, untried] = echoRow();
        QCOMPARE(untried.value(u"status").toString(), QStringLiteral("warn")); // no secret in the console yet
        QVERIFY(first.out.contains(QStringLiteral("\"check\":\"schema_version\"")));  // the site's own checks are there

        const QStringList store{QStringLiteral("--env"), QStringLiteral("staging"), QStringLiteral("site"), QStringLiteral("secret"),
                                QStringLiteral("sandbox"), QStringLiteral("webhook-secret"), QStringLiteral("--secret-stdin")};
        QCOMPARE(cli.run(store, secret.toUtf8() + '\n').exitCode, 0);
        auto [second, verified] = echoRow();
        QVERIFY2(verified.value(u"status").toString() == QLatin1String("pass"), qPrintable(second.out));

        QCOMPARE(cli.run(store, "whsec_not_the_right_one\n").exitCode, 0);
        auto [third, refused] = echoRow();
        QCOMPARE(third.exitCode, 1);
        QCOMPARE(refused.value(u"status").toString(), QStringLiteral("fail"));
        QVERIFY(refused.value(u"advice").toString().contains(QStringLiteral("differ")));
        configure({QStringLiteral("enabled=0")});
    }

    // org commands as `wp workos org` prints them: WorkOS's organizations through the console's own
    // key (--source=remote, sync), then the site's cache and its members.
    void orgCommandsReadWorkOSAndTheSitesCache()
    {
        CliRunner cli;
        addSandbox(cli, false);
        const QString env = QStringLiteral("staging");

        const CliResult noKey = cli.run({QStringLiteral("--env"), env, QStringLiteral("org"), QStringLiteral("list"), QStringLiteral("--source=remote")});
        QCOMPARE(noKey.exitCode, 1);
        QVERIFY2(noKey.err.contains(QStringLiteral("WorkOS is not configured in the console")), qPrintable(noKey.err));
        storeKey(cli);

        const CliResult remote = cli.run({QStringLiteral("--env"), env, QStringLiteral("org"), QStringLiteral("list"), QStringLiteral("--source=remote"),
                                          QStringLiteral("--format"), QStringLiteral("csv")});
        QVERIFY2(remote.exitCode == 0, qPrintable(remote.err));
        QVERIFY(remote.out.startsWith(QStringLiteral("id,name\n")));
        QVERIFY(remote.out.contains(QStringLiteral("org_01JAACME000000000000000000,Acme Corp")));

        const CliResult synced = cli.run({QStringLiteral("--env"), env, QStringLiteral("org"), QStringLiteral("sync"), QStringLiteral("org_01JAACME000000000000000000")});
        QVERIFY2(synced.exitCode == 0, qPrintable(synced.err));
        const auto localId = QRegularExpression(QStringLiteral("Synced organization org_01JAACME000000000000000000 \\(local ID: (\\d+)\\)\\.")).match(synced.out);
        QVERIFY2(localId.hasMatch(), qPrintable(synced.out));
        const QString id = localId.captured(1);

        const CliResult got = cli.run({QStringLiteral("org"), QStringLiteral("get"), id, QStringLiteral("--format"), QStringLiteral("json")});
        const QJsonObject org = QJsonDocument::fromJson(got.out.toUtf8()).array().first().toObject();
        QCOMPARE(org.value(u"workos_org_id").toString(), QStringLiteral("org_01JAACME000000000000000000"));
        QCOMPARE(org.value(u"domains").toString(), QStringLiteral("acme.test"));

        const CliResult added = cli.run({QStringLiteral("org"), QStringLiteral("add-member"), id, QStringLiteral("2"), QStringLiteral("--role"), QStringLiteral("editor")});
        QVERIFY2(added.out.contains(QStringLiteral("Success: Added user #2 (editor@sandbox.test) to organization 'Acme Corp' with role 'editor'.")), qPrintable(added.out + added.err));
        const CliResult members = cli.run({QStringLiteral("org"), QStringLiteral("members"), QStringLiteral("org_01JAACME000000000000000000"),
                                           QStringLiteral("--by=workos_id"), QStringLiteral("--format"), QStringLiteral("csv")});
        QVERIFY2(members.out.startsWith(QStringLiteral("user_id,user_login,user_email,workos_role,wp_role,joined_at\n")), qPrintable(members.out));
        QVERIFY(members.out.contains(QStringLiteral("\n2,editor,editor@sandbox.test,editor,editor,")));
        QCOMPARE(cli.run({QStringLiteral("org"), QStringLiteral("remove-member"), id, QStringLiteral("2")}).exitCode, 1); // no terminal, no --yes
        const CliResult removed = cli.run({QStringLiteral("org"), QStringLiteral("remove-member"), id, QStringLiteral("2"), QStringLiteral("--yes")});
        QVERIFY(removed.out.contains(QStringLiteral("Success: Removed user #2 from organization 'Acme Corp'.")));

        const CliResult missing = cli.run({QStringLiteral("org"), QStringLiteral("get"), QStringLiteral("999999")});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY(missing.err.contains(QStringLiteral("Error: Organization not found.")));
        QCOMPARE(cli.run({QStringLiteral("org"), QStringLiteral("get"), id, QStringLiteral("--by=name")}).exitCode, 2);
    }

    // user commands as `wp workos user` prints them; link/import ask WorkOS with the console's key.
    void userCommandsListLinkImportAndUnlink()
    {
        CliRunner cli;
        addSandbox(cli);
        const QString env = QStringLiteral("staging");

        // The seed's own example: unlinked subscribers.
        const CliResult list = cli.run({QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--unlinked"), QStringLiteral("--role=subscriber"),
                                        QStringLiteral("--format"), QStringLiteral("csv")});
        QVERIFY2(list.exitCode == 0, qPrintable(list.err));
        QVERIFY(list.out.startsWith(QStringLiteral("ID,user_login,user_email,role,workos_user_id,linked\n")));
        QVERIFY(list.out.contains(QStringLiteral(",rroe,rroe@sandbox.test,subscriber,,no\n")));
        const CliResult ids = cli.run({QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--role=editor"), QStringLiteral("--format"), QStringLiteral("ids")});
        QVERIFY(QRegularExpression(QStringLiteral("^\\d+( \\d+)*\\s*$")).match(ids.out).hasMatch());

        const CliResult rroe = cli.run({QStringLiteral("user"), QStringLiteral("get"), QStringLiteral("rroe@sandbox.test"), QStringLiteral("--by=email"),
                                        QStringLiteral("--format"), QStringLiteral("json")});
        const QJsonObject row = QJsonDocument::fromJson(rroe.out.toUtf8()).array().first().toObject();
        QCOMPARE(row.value(u"workos_user_id").toString(), QStringLiteral("(none)"));
        QCOMPARE(row.value(u"last_synced_at").toString(), QStringLiteral("(never)"));
        QCOMPARE(row.value(u"is_deactivated").toString(), QStringLiteral("no"));
        const QString wpId = row.value(u"wp_user_id").toString();

        // A WorkOS user of this test's own links to rroe, then unlinks.
        const CliResult imported = cli.run({QStringLiteral("--env"), env, QStringLiteral("user"), QStringLiteral("link"), wpId, QStringLiteral("user_does_not_exist")});
        QCOMPARE(imported.exitCode, 1);
        QVERIFY2(imported.err.contains(QStringLiteral("Failed to fetch WorkOS user:")), qPrintable(imported.err));
        const QString workosUser = emulator("POST", QStringLiteral("/user_management/users"),
                                            {{QStringLiteral("email"), QStringLiteral("link-%1@example.test").arg(QDateTime::currentMSecsSinceEpoch())}})
                                       .second.value(u"id").toString();
        QVERIFY(workosUser.startsWith(QLatin1String("user_")));
        const CliResult linked = cli.run({QStringLiteral("--env"), env, QStringLiteral("user"), QStringLiteral("link"), wpId, workosUser});
        QVERIFY2(linked.out.contains(QStringLiteral("Success: Linked WordPress user #%1 to WorkOS user %2.").arg(wpId, workosUser)), qPrintable(linked.out + linked.err));
        const CliResult again = cli.run({QStringLiteral("--env"), env, QStringLiteral("user"), QStringLiteral("link"), wpId, workosUser});
        QVERIFY(again.err.contains(QStringLiteral("Error: User #%1 is already linked to WorkOS ID: %2").arg(wpId, workosUser)));
        QCOMPARE(cli.run({QStringLiteral("user"), QStringLiteral("unlink"), wpId}).exitCode, 1); // no terminal, no --yes
        const CliResult unlinked = cli.run({QStringLiteral("user"), QStringLiteral("unlink"), wpId, QStringLiteral("--yes")});
        QVERIFY(unlinked.out.contains(QStringLiteral("Success: Unlinked WordPress user #%1 from WorkOS.").arg(wpId)));
        QVERIFY(cli.run({QStringLiteral("user"), QStringLiteral("unlink"), wpId, QStringLiteral("--yes")}).err.contains(QStringLiteral("is not linked to WorkOS")));

        const CliResult missing = cli.run({QStringLiteral("user"), QStringLiteral("get"), QStringLiteral("99999999")});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY(missing.err.contains(QStringLiteral("Error: User not found.")));
        QCOMPARE(cli.run({QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--fields=ID,password")}).exitCode, 2);
    }

    // An import links an existing account only as the companion's sign-in would: never an
    // administrator's, never on an address WorkOS has not verified. Both are skipped with the
    // reason (dry run and run), and the accounts stay unlinked.
    void syncImportNeverHandsOverAnAdministratorOrAnUnverifiedAddress()
    {
        const QString tag = QString::number(QDateTime::currentMSecsSinceEpoch());
        const QString org = emulator("POST", QStringLiteral("/organizations"), {{QStringLiteral("name"), QString(QStringLiteral("Takeover ") + tag)}})
                                .second.value(u"id").toString();
        QVERIFY(org.startsWith(QLatin1String("org_")));
        const std::pair<const char *, bool> people[] = {{"admin@sandbox.test", true}, {"rroe@sandbox.test", false}};
        for (const auto &[email, verified] : people) {
            const auto created = emulator("POST", QStringLiteral("/user_management/users"),
                                          {{QStringLiteral("email"), QLatin1String(email)}, {QStringLiteral("email_verified"), verified}});
            const QString id = created.second.value(u"id").toString();
            QVERIFY2(id.startsWith(QLatin1String("user_")), QJsonDocument(created.second).toJson().constData());
            QVERIFY(!emulator("POST", QStringLiteral("/user_management/organization_memberships"),
                              {{QStringLiteral("user_id"), id}, {QStringLiteral("organization_id"), org}}).second.value(u"id").toString().isEmpty());
        }
        CliRunner cli;
        addSandbox(cli);
        const QStringList import{QStringLiteral("--env"), QStringLiteral("staging"), QStringLiteral("sync"), QStringLiteral("import"),
                                 QStringLiteral("--organization_id=") + org, QStringLiteral("--yes")};
        const CliResult dry = cli.run(import + QStringList{QStringLiteral("--dry-run")});
        QVERIFY2(dry.exitCode == 0, qPrintable(dry.out + dry.err));
        const QString report = cli.dataDir() + QStringLiteral("/takeover.csv");
        const CliResult run = cli.run(import + QStringList{QStringLiteral("--report"), report});
        QVERIFY2(run.out.contains(QStringLiteral("Success: Imported: 0 imported, 0 failed, 2 skipped.")), qPrintable(run.out + run.err));
        QFile csv(report);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QString rows = QString::fromUtf8(csv.readAll());
        QVERIFY2(rows.contains(QStringLiteral("is an administrator: never linked automatically")), qPrintable(rows));
        QVERIFY2(rows.contains(QStringLiteral("WorkOS has not verified it")), qPrintable(rows));
        for (const char *email : {"admin@sandbox.test", "rroe@sandbox.test"}) {
            const CliResult user = cli.run({QStringLiteral("user"), QStringLiteral("get"), QLatin1String(email), QStringLiteral("--by=email"),
                                            QStringLiteral("--format"), QStringLiteral("json")});
            QCOMPARE(QJsonDocument::fromJson(user.out.toUtf8()).array().first().toObject().value(u"workos_user_id").toString(),
                     QStringLiteral("(none)"));
        }
    }

    // sync import of 300 WorkOS users in batches of 25, killed with SIGKILL once a batch is
    // journaled, then run again: it resumes, nothing is created twice, and the counts add up.
    void syncImportSurvivesKillNine()
    {
        const QString state = qEnvironmentVariable("SANDBOX_STATE");

        // 300 WorkOS users in an organization of their own, so the import can be scoped to them.
        const auto workos = [&](const QByteArray &method, const QString &path, const QJsonObject &body) {
            return emulator(method, path, body).second;
        };
        const QString tag = QString::number(QDateTime::currentMSecsSinceEpoch());
        const QString org = workos("POST", QStringLiteral("/organizations"), QJsonObject{{QStringLiteral("name"), QString(QStringLiteral("Kill Nine ") + tag)}}).value(u"id").toString();
        QVERIFY(org.startsWith(QLatin1String("org_")));
        QSet<QString> workosIds;
        for (int i = 0; i < 300; ++i) {
            const QString id = workos("POST", QStringLiteral("/user_management/users"),
                                      QJsonObject{{QStringLiteral("email"), QStringLiteral("k9-%1-%2@example.test").arg(tag).arg(i)},
                                                  {QStringLiteral("first_name"), QStringLiteral("K")}, {QStringLiteral("email_verified"), true}}).value(u"id").toString();
            QVERIFY(!workos("POST", QStringLiteral("/user_management/organization_memberships"),
                            QJsonObject{{QStringLiteral("user_id"), id}, {QStringLiteral("organization_id"), org}}).value(u"id").toString().isEmpty());
            workosIds.insert(id);
        }

        CliRunner cli;
        addSandbox(cli);
        const QStringList import{QStringLiteral("--env"), QStringLiteral("staging"), QStringLiteral("sync"), QStringLiteral("import"),
                                 QStringLiteral("--organization_id=") + org, QStringLiteral("--batch-size"), QStringLiteral("25"), QStringLiteral("--yes")};

        // First run, killed as soon as the journal holds one finished batch.
        QProcess first;
        first.setProcessEnvironment(cli.environment());
        first.start(QStringLiteral(WPWORKOS_BIN), import);
        QVERIFY(first.waitForStarted());
        const QString journalPath = cli.dataDir() + QStringLiteral("/journal.sqlite");
        int done = 0;
        QVERIFY2(QTest::qWaitFor([&]() {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("peek"));
            db.setDatabaseName(journalPath);
            if (db.open()) {
                QSqlQuery q(db);
                if (q.exec(QStringLiteral("SELECT COUNT(*) FROM items WHERE state = 1")) && q.next())
                    done = q.value(0).toInt();
            }
            db.close();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(QStringLiteral("peek"));
            return done > 0 || first.state() == QProcess::NotRunning;
        }, 60000), "no batch was journaled");
        QVERIFY2(first.state() == QProcess::Running, "the import finished before it could be killed; make it bigger");
        first.kill(); // SIGKILL: no cleanup of any kind
        QVERIFY(first.waitForFinished());
        QVERIFY(done > 0 && done < 300);

        // Second run: resumes and finishes.
        const CliResult second = cli.run(import);
        QVERIFY2(second.exitCode == 0, qPrintable(second.out + second.err));
        QVERIFY2(second.out.contains(QStringLiteral("Resuming the import")), qPrintable(second.out));
        // The finished run's counts add up to its plan. Users the site linked on its own meanwhile
        // (the emulator's user.created webhooks reach it) count as skipped, as already linked.
        const auto summary = QRegularExpression(QStringLiteral("Success: Imported: (\\d+) imported, (\\d+) failed, (\\d+) skipped\\.")).match(second.out);
        QVERIFY2(summary.hasMatch(), qPrintable(second.out + second.err));
        QCOMPARE(summary.captured(2).toInt(), 0);
        QVERIFY2(summary.captured(1).toInt() + summary.captured(3).toInt() == 300 && summary.captured(1).toInt() >= done,
                 qPrintable(second.out + second.err));

        // The site: each of the 300 WorkOS users linked to exactly one WordPress user.
        QHash<QString, int> linked;
        const CliResult list = cli.run({QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--linked"),
                                        QStringLiteral("--fields=ID,workos_user_id"), QStringLiteral("--format"), QStringLiteral("json")});
        for (const auto &row : QJsonDocument::fromJson(list.out.toUtf8()).array())
            ++linked[row[QStringLiteral("workos_user_id")].toString()];
        for (const QString &id : workosIds)
            QVERIFY2(linked.value(id) == 1, qPrintable(id + QStringLiteral(" linked %1 time(s)").arg(linked.value(id))));

        // A third run has nothing left to do.
        const CliResult third = cli.run(import);
        QVERIFY(third.out.contains(QStringLiteral("Success: Imported: 0 imported, 0 failed, 300 skipped.")));

        QProcess php;
        php.start(QStringLiteral("php"), {QStringLiteral("-r"), QStringLiteral("$_SERVER['HTTP_HOST']='%1'; $_SERVER['REQUEST_URI']='/'; require '%2/site/wp-load.php';"
                                                                               " require_once ABSPATH . 'wp-admin/includes/user.php';"
                                                                               " foreach (get_users(array('search' => 'k9-%3-*', 'search_columns' => array('user_email'), 'fields' => 'ID')) as $id) { wp_delete_user((int) $id); }")
                                                        .arg(QUrl(m_url).authority(), state, tag)});
        QVERIFY(php.waitForFinished(120000));
        QCOMPARE(php.exitCode(), 0);
    }

    // sync push as `wp workos sync push`: the unlinked contributor becomes a WorkOS user and is
    // linked; a second push finds nobody; then the link is taken back.
    void syncPushMakesWorkOSUsersAndLinksThem()
    {
        CliRunner cli;
        addSandbox(cli);
        const QString env = QStringLiteral("staging");
        const QStringList push{QStringLiteral("--env"), env, QStringLiteral("sync"), QStringLiteral("push"), QStringLiteral("--role=contributor")};
        // A contributor an earlier run pushed can have been linked again by the emulator's late
        // user.created webhook (verified address): start from an unlinked one.
        const auto contributorRow = [&]() {
            const CliResult got = cli.run({QStringLiteral("user"), QStringLiteral("get"), QStringLiteral("contributor@sandbox.test"), QStringLiteral("--by=email"),
                                           QStringLiteral("--format"), QStringLiteral("json")});
            return QJsonDocument::fromJson(got.out.toUtf8()).array().first().toObject();
        };
        if (contributorRow().value(u"workos_user_id").toString() != QLatin1String("(none)"))
            QCOMPARE(cli.run({QStringLiteral("user"), QStringLiteral("unlink"), contributorRow().value(u"wp_user_id").toString(), QStringLiteral("--yes")}).exitCode, 0);

        const CliResult dry = cli.run(push + QStringList{QStringLiteral("--dry-run")});
        QVERIFY2(dry.out.contains(QStringLiteral("Dry run: would push 1 unlinked user(s) to WorkOS.")), qPrintable(dry.out + dry.err));
        QCOMPARE(cli.run(push).exitCode, 1); // no terminal, no --yes
        const CliResult pushed = cli.run(push + QStringList{QStringLiteral("--yes")});
        QVERIFY2(pushed.out.contains(QStringLiteral("Success: 1 synced, 0 failed, 0 skipped.")), qPrintable(pushed.out + pushed.err));
        QVERIFY(cli.run(push + QStringList{QStringLiteral("--yes")}).out.contains(QStringLiteral("Success: No unlinked users found.")));

        const QJsonObject row = contributorRow();
        QVERIFY(row.value(u"workos_user_id").toString().startsWith(QLatin1String("user_")));
        const CliResult pullDry = cli.run({QStringLiteral("--env"), env, QStringLiteral("sync"), QStringLiteral("pull"), QStringLiteral("--dry-run")});
        QVERIFY2(pullDry.out.contains(QStringLiteral("Dry run: would re-sync ")), qPrintable(pullDry.out + pullDry.err));
        QCOMPARE(cli.run({QStringLiteral("user"), QStringLiteral("unlink"), row.value(u"wp_user_id").toString(), QStringLiteral("--yes")}).exitCode, 0);
    }

    // WorkOS misbehaving under the CLI (the emulator's fault injection): a 429 with Retry-After is
    // waited out; persistent 500s end in a clear error naming WorkOS, exit 1.
    void workosFaultsReachTheAdminAsClearOutcomes()
    {
        const auto control = [&](const QByteArray &method, const QJsonObject &body) {
            return emulator(method, QStringLiteral("/_emulator/faults"), body).first;
        };
        CliRunner cli;
        addSandbox(cli);
        const QString env = QStringLiteral("staging");
        const QStringList remote{QStringLiteral("--env"), env, QStringLiteral("org"), QStringLiteral("list"), QStringLiteral("--source=remote"),
                                 QStringLiteral("--format"), QStringLiteral("csv")};

        QCOMPARE(control("POST", {{QStringLiteral("path"), QStringLiteral("/organizations")}, {QStringLiteral("status"), 429},
                                  {QStringLiteral("retry_after"), 1}, {QStringLiteral("count"), 1}}), 201);
        QElapsedTimer clock;
        clock.start();
        const CliResult waited = cli.run(remote);
        QVERIFY2(waited.exitCode == 0, qPrintable(waited.err));
        QVERIFY(waited.out.contains(QStringLiteral("org_01JAACME000000000000000000,Acme Corp")));
        QVERIFY(clock.elapsed() >= 900); // it waited as asked

        QCOMPARE(control("POST", {{QStringLiteral("path"), QStringLiteral("/organizations")}, {QStringLiteral("status"), 500}, {QStringLiteral("count"), 10}}), 201);
        const CliResult broken = cli.run(remote);
        control("DELETE", {});
        QCOMPARE(broken.exitCode, 1);
        QVERIFY2(broken.err.contains(QStringLiteral("Error: WorkOS had a problem (500)")), qPrintable(broken.err));
        QVERIFY(broken.out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliSandbox)
#include "tst_cli_sandbox.moc"

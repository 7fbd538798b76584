// workos-emulator: a local, stateful WorkOS for the sandbox, tests and demos.
// Prints its base URL on the first line of stdout once it listens.
#include "Emulator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("workos-emulator"));
    QCoreApplication::setApplicationVersion(QStringLiteral("0.1.0"));

    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("A local WorkOS emulator (API, AuthKit pages, JWKS, signed webhooks)."));
    p.addHelpOption();
    p.addVersionOption();
    const QCommandLineOption host(QStringLiteral("host"), QStringLiteral("Address to listen on (default 127.0.0.1)."),
                                  QStringLiteral("address"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption port(QStringLiteral("port"), QStringLiteral("Port (default 0: any free port)."),
                                  QStringLiteral("port"), QStringLiteral("0"));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("Seed file (default: the built-in demo seed)."),
                                  QStringLiteral("file"));
    const QCommandLineOption empty(QStringLiteral("empty"), QStringLiteral("Start with no data instead of the demo seed."));
    const QCommandLineOption control(QStringLiteral("control"), QStringLiteral("Serve the test-control API under /_emulator."));
    const QCommandLineOption webhook(QStringLiteral("webhook"), QStringLiteral("Register a webhook endpoint."), QStringLiteral("url"));
    const QCommandLineOption webhookSecret(QStringLiteral("webhook-secret"), QStringLiteral("Secret of --webhook."),
                                           QStringLiteral("secret"));
    const QCommandLineOption apiKey(QStringLiteral("api-key"), QStringLiteral("Accepted API key (repeatable; default sk_test_sandbox)."),
                                    QStringLiteral("key"));
    const QCommandLineOption clientId(QStringLiteral("client-id"), QStringLiteral("Client ID (default client_sandbox)."),
                                      QStringLiteral("id"));
    const QCommandLineOption redirectUri(QStringLiteral("redirect-uri"), QStringLiteral("Allowed redirect URI (repeatable)."),
                                         QStringLiteral("uri"));
    const QCommandLineOption keyFile(QStringLiteral("key-file"), QStringLiteral("PEM file of the signing key (created if missing)."),
                                     QStringLiteral("file"));
    const QCommandLineOption issuer(QStringLiteral("issuer"), QStringLiteral("Access-token issuer (default <base>/user_management/<client id>)."),
                                    QStringLiteral("iss"));
    const QCommandLineOption requireVerification(QStringLiteral("require-email-verification"),
                                                 QStringLiteral("Users with an unverified email must verify it to sign in."));
    const QCommandLineOption tokenSeconds(QStringLiteral("token-lifetime"), QStringLiteral("Access-token lifetime in seconds (default 300)."),
                                          QStringLiteral("seconds"));
    for (const auto &o : {host, port, seed, empty, control, webhook, webhookSecret, apiKey, clientId, redirectUri, keyFile, issuer,
                          tokenSeconds, requireVerification})
        p.addOption(o);
    p.process(app);

    auto fail = [](const QString &message) {
        std::fprintf(stderr, "workos-emulator: %s\n", qPrintable(message));
        return 1;
    };
    if (p.isSet(webhook) != p.isSet(webhookSecret))
        return fail(QStringLiteral("--webhook and --webhook-secret go together"));

    emu::EmulatorConfig config;
    config.control = p.isSet(control);
    if (p.isSet(apiKey))
        config.apiKeys = p.values(apiKey);
    if (p.isSet(clientId))
        config.clientId = p.value(clientId);
    config.redirectUris = p.values(redirectUri);
    config.signingKeyFile = p.value(keyFile);
    config.issuer = p.value(issuer);
    config.requireEmailVerification = p.isSet(requireVerification);
    if (p.isSet(tokenSeconds))
        config.accessTokenSeconds = p.value(tokenSeconds).toInt();

    emu::Emulator emulator(config);
    const QHostAddress address(p.value(host));
    if (address.isNull())
        return fail(QStringLiteral("--host %1 is not an IP address").arg(p.value(host)));
    if (emulator.listen(address, static_cast<quint16>(p.value(port).toUInt())) == 0)
        return fail(QStringLiteral("cannot listen on %1:%2 (is the port in use?)").arg(p.value(host), p.value(port)));

    QJsonObject seedData;
    if (p.isSet(seed)) {
        QFile file(p.value(seed));
        if (!file.open(QIODevice::ReadOnly))
            return fail(QStringLiteral("cannot read the seed file %1: %2").arg(p.value(seed), file.errorString()));
        QJsonParseError parseError{};
        const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
        if (!doc.isObject())
            return fail(QStringLiteral("the seed file %1 is not a JSON object: %2").arg(p.value(seed), parseError.errorString()));
        seedData = doc.object();
    } else if (!p.isSet(empty)) {
        seedData = emu::Emulator::defaultSeed();
    }
    // The command line wins over the seed's environment.
    QJsonObject environment = seedData.value(QLatin1String("environment")).toObject();
    if (p.isSet(apiKey))
        environment.remove(QStringLiteral("api_keys"));
    if (p.isSet(clientId))
        environment.remove(QStringLiteral("client_id"));
    seedData.insert(QStringLiteral("environment"), environment);
    if (p.isSet(webhook)) {
        // Part of the seed, so that a reset through the control API keeps the endpoint.
        QJsonArray hooks = seedData.value(QLatin1String("webhooks")).toArray();
        hooks.append(QJsonObject{{QStringLiteral("url"), p.value(webhook)}, {QStringLiteral("secret"), p.value(webhookSecret)}});
        seedData.insert(QStringLiteral("webhooks"), hooks);
    }
    const QString error = emulator.loadSeed(seedData);
    if (!error.isEmpty())
        return fail(error);

    std::printf("%s\n", qPrintable(emulator.baseUrl()));
    std::fflush(stdout);
    return app.exec();
}

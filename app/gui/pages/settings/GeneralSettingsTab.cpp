#include "pages/settings/GeneralSettingsTab.h"

#include "pages/settings/ChangeReviewDialog.h"
#include "pages/settings/SaveBar.h"
#include "site/SettingRules.h"
#include "site/SiteConfig.h"
#include "site/SiteSettings.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

namespace workos::gui {

namespace {

QLabel *selectableLabel(const QString &name, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    return label;
}

} // namespace

GeneralSettingsTab::GeneralSettingsTab(ConsoleContext &context, QWidget *parent)
    : SettingsTab(context, parent), m_callbackUrl(selectableLabel(QStringLiteral("callbackUrl"), this)),
      m_webhookUrl(selectableLabel(QStringLiteral("webhookUrl"), this)),
      m_environmentIdHint(selectableLabel(QStringLiteral("environmentIdHint"), this)),
      m_signInAdvice(selectableLabel(QStringLiteral("signInAdvice"), this)), m_saveBar(new SaveBar(QStringLiteral("general"), this))
{
    setObjectName(QStringLiteral("generalSettingsTab"));
    auto *content = new QWidget(this);
    auto *column = new QVBoxLayout(content);

    // Advice under a form goes below it, not in a row: QFormLayout sizes wrapped text badly.
    auto *credentials = new QGroupBox(tr("WorkOS credentials"), content);
    auto *credentialsColumn = new QVBoxLayout(credentials);
    auto *credentialsForm = new QFormLayout;
    credentialsColumn->addLayout(credentialsForm);
    addField(credentialsForm, tr("API &key:"), QStringLiteral("api_key"), SettingField::Kind::Secret);
    addField(credentialsForm, tr("&Client ID:"), QStringLiteral("client_id"), SettingField::Kind::Text)
        ->setPlaceholder(QStringLiteral("client_…"));
    addField(credentialsForm, tr("E&nvironment ID:"), QStringLiteral("environment_id"), SettingField::Kind::Text)
        ->setPlaceholder(QStringLiteral("environment_…"));
    m_environmentIdHint->setStyleSheet(QStringLiteral("QLabel { color: #8a5a00; }"));
    m_environmentIdHint->hide();
    credentialsForm->addRow(tr("Redirect URI:"), m_callbackUrl);
    credentialsColumn->addWidget(m_environmentIdHint);
    m_callbackUrl->setToolTip(tr("Add this address to the redirect URIs of your WorkOS application."));
    column->addWidget(credentials);

    auto *webhooks = new QGroupBox(tr("Webhooks"), content);
    auto *webhooksForm = new QFormLayout(webhooks);
    webhooksForm->addRow(tr("Endpoint:"), m_webhookUrl);
    m_webhookUrl->setToolTip(tr("Create a webhook endpoint with this address in the WorkOS dashboard."));
    addField(webhooksForm, tr("&Webhook secret:"), QStringLiteral("webhook_secret"), SettingField::Kind::Secret);
    addField(webhooksForm, tr("&Tolerance:"), QStringLiteral("webhook_tolerance"), SettingField::Kind::Number, true)
        ->setRange(1, 3600, tr(" s"));
    column->addWidget(webhooks);

    auto *signIn = new QGroupBox(tr("Sign-in"), content);
    auto *signInColumn = new QVBoxLayout(signIn);
    auto *signInForm = new QFormLayout;
    signInColumn->addLayout(signInForm);
    SettingField *mode = addField(signInForm, tr("&Login mode:"), QStringLiteral("login_mode"), SettingField::Kind::Choice);
    mode->addChoice(QStringLiteral("redirect"), tr("Hosted AuthKit page (redirect)"));
    mode->addChoice(QStringLiteral("headless"), tr("WordPress login form, checked by WorkOS (headless)"));
    addField(signInForm, tr("Password &fallback:"), QStringLiteral("allow_password_fallback"), SettingField::Kind::Flag)
        ->setFlagText(tr("Allow WordPress passwords next to WorkOS (wp-login.php?fallback=1)"));
    m_signInAdvice->setTextFormat(Qt::RichText);
    signInColumn->addWidget(m_signInAdvice);
    column->addWidget(signIn);

    auto *logging = new QGroupBox(tr("Logging"), content);
    auto *loggingForm = new QFormLayout(logging);
    addField(loggingForm, tr("A&udit logging:"), QStringLiteral("audit_logging_enabled"), SettingField::Kind::Flag)
        ->setFlagText(tr("Send WordPress events to WorkOS Audit Logs"));
    addField(loggingForm, tr("Acti&vity log:"), QStringLiteral("enable_activity_log"), SettingField::Kind::Flag)
        ->setFlagText(tr("Keep the site's local activity log"));
    column->addWidget(logging);

    auto *site = new QGroupBox(tr("Site-wide (both environments)"), content);
    auto *siteForm = new QFormLayout(site);
    addField(siteForm, tr("WorkOS A&PI address:"), QStringLiteral("api_base_url"), SettingField::Kind::Text, true)
        ->setPlaceholder(QStringLiteral("https://api.workos.com"));
    column->addWidget(site);
    column->addStretch(1);

    placeContent(content, m_saveBar);

    connect(m_saveBar, &SaveBar::saveRequested, this, &GeneralSettingsTab::save);
    connect(m_saveBar, &SaveBar::revertRequested, this, &GeneralSettingsTab::revert);
    setEnabled(false); // until the site's settings are loaded
}

SettingField *GeneralSettingsTab::addField(QFormLayout *form, const QString &label, const QString &key,
                                           SettingField::Kind kind, bool siteWide)
{
    auto *field = new SettingField(key, kind, this);
    auto *name = new QLabel(label, this);
    name->setBuddy(field->editor());
    field->editor()->setAccessibleName(QString(label).remove(QLatin1Char('&')).remove(QLatin1Char(':')));
    form->addRow(name, field);
    if (siteWide) {
        field->setRule([key](const QJsonValue &v) { return SiteSettings::siteProblem(key, v); });
        m_siteFields.insert(key, field);
    } else {
        field->setRule([key](const QJsonValue &v) { return SettingRules::problem(key, v); });
        m_fields.insert(key, field);
    }
    connect(field, &SettingField::edited, this, &GeneralSettingsTab::updateState);
    return field;
}

void GeneralSettingsTab::load(const SettingsData &loaded, bool discardEdits)
{
    m_data = loaded;
    for (auto it = m_fields.begin(); it != m_fields.end(); ++it)
        it.value()->setEntry(loaded.setting(it.key()), discardEdits);
    for (auto it = m_siteFields.begin(); it != m_siteFields.end(); ++it)
        it.value()->setEntry(loaded.siteSetting(it.key()), discardEdits);
    const QJsonObject urls = loaded.status.raw.value(u"urls").toObject();
    m_callbackUrl->setText(urls.value(u"callback").toString(tr("(unknown)")));
    m_webhookUrl->setText(urls.value(u"webhook").toString(tr("(unknown)")));
    if (discardEdits)
        m_saveBar->showError(QString()); // an outcome stays until the next change
    setEnabled(true);
    updateState();
}

bool GeneralSettingsTab::hasUnsavedChanges() const
{
    return !modified().isEmpty();
}

QList<SettingField *> GeneralSettingsTab::modified() const
{
    QList<SettingField *> fields;
    for (SettingField *f : m_fields)
        if (f->isModified())
            fields << f;
    for (SettingField *f : m_siteFields)
        if (f->isModified())
            fields << f;
    return fields;
}

void GeneralSettingsTab::updateState()
{
    m_saveBar->setChangeCount(static_cast<int>(modified().size()));
    updateSignInAdvice();
    Q_EMIT unsavedChangesChanged();
}

void GeneralSettingsTab::updateSignInAdvice()
{
    // Enabled once saved: an API key (kept or new), a client ID and an environment ID.
    const SettingField *key = m_fields.value(QStringLiteral("api_key"));
    const bool hasKey = key->isModified() || m_data.setting(QStringLiteral("api_key")).value(u"set").toBool();
    const bool hasClient = !m_fields.value(QStringLiteral("client_id"))->value().toString().isEmpty();
    const bool hasEnvironment = !m_fields.value(QStringLiteral("environment_id"))->value().toString().isEmpty();
    const bool enabled = hasKey && hasClient && hasEnvironment;
    m_environmentIdHint->setText(tr("WorkOS needs the environment ID too: without it the site does not use WorkOS for sign-in."));
    m_environmentIdHint->setVisible(hasKey && hasClient && !hasEnvironment);

    const bool fallback = m_fields.value(QStringLiteral("allow_password_fallback"))->value().toBool();
    const bool headless = m_fields.value(QStringLiteral("login_mode"))->value().toString() == u"headless";
    QString text;
    QString style = QStringLiteral("QLabel { color: palette(text); }");
    if (!fallback && enabled) {
        // The lock-out peers' users complain about: single sign-on with no way back.
        text = tr("<b>Single sign-on without a break-glass path.</b> With password fallback off, WordPress passwords stop "
                  "working: %1. If WorkOS is unreachable or misconfigured, nobody can sign in to wp-admin until password "
                  "fallback is turned on again — from this console, which keeps working through its Application Password.")
                   .arg(headless ? tr("the login form accepts only passwords WorkOS confirms")
                                 : tr("wp-login.php sends everyone to WorkOS"));
        style = QStringLiteral("QLabel { color: #b3261e; background: #fdecea; border: 1px solid #f2b8b5; "
                               "border-radius: 4px; padding: 6px; }");
    } else if (!fallback) {
        text = tr("Password fallback is off, but WorkOS is not configured for this environment yet: WordPress passwords "
                  "keep working until it is.");
    } else if (enabled) {
        text = tr("Password sign-in stays available next to WorkOS at wp-login.php?fallback=1: a break-glass path while "
                  "WorkOS sign-in is new. Once it works, consider turning it off so nobody signs in around single sign-on.");
    }
    m_signInAdvice->setText(text);
    m_signInAdvice->setStyleSheet(style);
    m_signInAdvice->setProperty("breakGlassOff", !fallback && enabled);
    m_signInAdvice->setVisible(!text.isEmpty());
}

void GeneralSettingsTab::revert()
{
    for (SettingField *f : m_fields)
        f->revert();
    for (SettingField *f : m_siteFields)
        f->revert();
    m_saveBar->clearMessages();
    updateState();
}

void GeneralSettingsTab::save()
{
    const QList<SettingField *> fields = modified();
    int wrong = 0;
    for (SettingField *f : fields) {
        const QString problem = f->problem();
        f->showError(problem);
        wrong += problem.isEmpty() ? 0 : 1;
    }
    if (wrong > 0) {
        m_saveBar->showError(tr("Nothing was sent: %n field(s) need fixing first (marked in red).", nullptr, wrong));
        return;
    }
    QJsonObject settings;
    QJsonObject documented; // what SiteConfig's document carries: not the secrets
    QJsonObject site;
    QStringList lines;
    for (SettingField *f : fields) {
        if (m_siteFields.value(f->key()) == f) {
            site.insert(f->key(), f->value());
            lines << SiteConfig::line({QStringLiteral("site.") + f->key(), f->siteValue(), f->value()});
            continue;
        }
        settings.insert(f->key(), f->value());
        if (f->kind() == SettingField::Kind::Secret) {
            const QJsonObject entry = m_data.setting(f->key());
            const QString before = !entry.value(u"set").toBool() ? tr("not set")
                                                                  : tr("set, ends in %1").arg(entry.value(u"last4").toString());
            lines << tr("settings.%1: %2 → a new value").arg(f->key(), before);
        } else {
            documented.insert(f->key(), f->value());
        }
    }
    for (const ConfigChange &change : SiteConfig::diff(m_data.answers.document(), QJsonObject{{QStringLiteral("settings"), documented}}))
        lines << SiteConfig::line(change);
    if (lines.isEmpty())
        return;
    auto *review = new ChangeReviewDialog(m_data.site.name, m_data.environment, lines, QString(), tr("&Write to site"), this);
    review->setAttribute(Qt::WA_DeleteOnClose);
    connect(review, &QDialog::accepted, this, [this, settings, site, count = static_cast<int>(lines.size())]() {
        write(settings, site, count);
    });
    review->open();
}

void GeneralSettingsTab::write(const QJsonObject &settings, const QJsonObject &site, int count)
{
    if (!m_data.client)
        return;
    m_saveBar->clearMessages();
    m_saveBar->setBusy(true);
    auto client = m_data.client;
    SiteSettings::patch(*client, m_data.environment, settings, site, this, [this, client, count](const Result<QJsonObject> &answer) {
        m_saveBar->setBusy(false);
        if (!answer)
            return showRefusal(answer.error());
        const QString message = tr("Saved %n change(s) to the %1 environment.", nullptr, count).arg(m_data.environment);
        m_saveBar->showDone(message);
        Q_EMIT saved(message);
    });
}

void GeneralSettingsTab::showRefusal(const Error &error)
{
    const QString key = SettingField::keyNamedBy(error);
    if (SettingField *field = m_fields.value(key, m_siteFields.value(key)))
        field->showError(error.message);
    m_saveBar->showError(tr("The site refused the changes; nothing was saved. %1").arg(error.message));
}

} // namespace workos::gui

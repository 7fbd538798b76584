#include "pages/SettingsPage.h"

#include "pages/settings/GeneralSettingsTab.h"
#include "pages/settings/OrganizationTab.h"
#include "pages/settings/UserSettingsTab.h"
#include "site/SiteService.h"
#include "site/SiteSettings.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <memory>

namespace workos::gui {

SettingsPage::SettingsPage(ConsoleContext &context, QWidget *parent)
    : SitePage(context, parent), m_environment(new QComboBox(this)), m_environmentState(new QLabel(this)),
      m_activate(new QPushButton(tr("&Activate…"), this)), m_status(new QLabel(this)), m_error(new QLabel(this)),
      m_tabs(new QTabWidget(this)), m_general(new GeneralSettingsTab(context, this)), m_organization(new OrganizationTab(context, this)),
      m_users(new UserSettingsTab(context, this))
{
    setObjectName(QStringLiteral("settingsPage"));
    m_environment->setObjectName(QStringLiteral("settingsEnvironment"));
    m_environment->addItem(tr("Production"), QStringLiteral("production"));
    m_environment->addItem(tr("Staging"), QStringLiteral("staging"));
    m_environment->setToolTip(tr("The WorkOS environment whose settings you edit; the site may use the other one."));
    m_environmentState->setObjectName(QStringLiteral("settingsEnvironmentState"));
    m_environmentState->setWordWrap(true);
    m_activate->setObjectName(QStringLiteral("activateEnvironmentButton"));
    m_activate->setToolTip(tr("Make the site use this environment for sign-in, webhooks and everything else"));
    m_activate->hide();
    m_status->setObjectName(QStringLiteral("settingsStatus"));
    m_error->setObjectName(QStringLiteral("settingsError"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(QStringLiteral("QLabel { color: #b3261e; }"));
    m_error->hide();
    m_tabs->setObjectName(QStringLiteral("settingsTabs"));
    m_tabs->addTab(m_general, tr("Settings"));
    m_tabs->addTab(m_organization, tr("Organization"));
    m_tabs->addTab(m_users, tr("Users"));

    auto *label = new QLabel(tr("&Environment:"), this);
    label->setBuddy(m_environment);
    auto *top = new QHBoxLayout;
    top->addWidget(label);
    top->addWidget(m_environment);
    top->addWidget(m_environmentState, 1);
    top->addWidget(m_activate);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_status);
    layout->addWidget(m_error);
    layout->addWidget(m_tabs, 1);

    connect(m_environment, &QComboBox::activated, this, &SettingsPage::switchEnvironment);
    connect(m_activate, &QPushButton::clicked, this, &SettingsPage::activateEnvironment);
    for (SettingsTab *tab : {static_cast<SettingsTab *>(m_general), static_cast<SettingsTab *>(m_organization),
                             static_cast<SettingsTab *>(m_users)}) {
        connect(tab, &SettingsTab::saved, this, [this, tab](const QString &text) {
            if (!text.isEmpty())
                Q_EMIT message(text);
            // Every tab shows what the site holds now; the one that saved drops its (saved) edits.
            load(false, tab);
        });
    }
}

QString SettingsPage::title() const
{
    return tr("Settings");
}

QString SettingsPage::environment() const
{
    return m_environment->currentData().toString();
}

void SettingsPage::showSite(const SiteProfile &site)
{
    const bool another = site.name != m_site.name || site.environment != m_site.environment || m_shownIndex < 0;
    m_site = site;
    if (another) {
        m_environment->setCurrentIndex(std::max(0, m_environment->findData(site.environment)));
        m_shownIndex = m_environment->currentIndex();
        m_data = SettingsData();
    }
    reload(another);
}

void SettingsPage::setEnvironment(const QString &environment)
{
    const int index = m_environment->findData(environment);
    if (index < 0)
        return;
    m_environment->setCurrentIndex(index);
    switchEnvironment(index);
}

bool SettingsPage::hasUnsavedChanges() const
{
    return m_general->hasUnsavedChanges() || m_organization->hasUnsavedChanges() || m_users->hasUnsavedChanges();
}

void SettingsPage::switchEnvironment(int index)
{
    if (index == m_shownIndex)
        return;
    if (!hasUnsavedChanges()) {
        m_shownIndex = index;
        return reload(true);
    }
    // Keep showing the environment the edits belong to until the admin decides.
    m_environment->setCurrentIndex(m_shownIndex);
    auto *ask = new QMessageBox(QMessageBox::Question, tr("Unsaved changes"),
                                tr("The %1 settings have changes that are not saved. Discard them and show %2?")
                                    .arg(m_environment->itemText(m_shownIndex), m_environment->itemText(index)),
                                QMessageBox::Cancel, this);
    ask->setObjectName(QStringLiteral("discardChangesQuestion"));
    QPushButton *discard = ask->addButton(tr("&Discard changes"), QMessageBox::DestructiveRole);
    ask->setDefaultButton(QMessageBox::Cancel);
    ask->setAttribute(Qt::WA_DeleteOnClose);
    connect(ask, &QMessageBox::finished, this, [this, ask, discard, index]() {
        if (ask->clickedButton() != discard)
            return;
        m_environment->setCurrentIndex(index);
        m_shownIndex = index;
        reload(true);
    });
    ask->open();
}

void SettingsPage::reload(bool discardEdits)
{
    load(discardEdits, nullptr);
}

void SettingsPage::load(bool discardEdits, SettingsTab *origin)
{
    if (m_site.name.isEmpty())
        return;
    const quint64 generation = ++m_generation;
    const QString env = environment();
    m_loading = true;
    m_status->setText(tr("Loading the %1 settings of %2…").arg(env, m_site.name));
    m_status->show();
    m_context.sites.withClient(m_site, this, [this, generation, env, discardEdits, origin](const Result<std::shared_ptr<CompanionClient>> &client) {
        if (generation != m_generation)
            return;
        auto fail = [this](const Error &error) {
            m_loading = false;
            m_status->setText(m_data.client ? tr("Showing what was loaded before.") : QString());
            m_status->setVisible(!m_status->text().isEmpty());
            m_error->setText(error.message);
            m_error->show();
            Q_EMIT loaded();
        };
        if (!client)
            return fail(client.error());
        auto keep = client.value();
        SiteConfig::fetchAnswers(*keep, env, this, [this, generation, keep, env, discardEdits, origin, fail](const Result<SiteConfig::Answers> &answers) {
            if (generation != m_generation)
                return;
            if (!answers)
                return fail(answers.error());
            m_context.sites.fetchStatus(m_site, this, [this, generation, keep, env, discardEdits, origin, answers](const Result<SiteStatus> &status) {
                if (generation != m_generation)
                    return;
                SettingsData fresh;
                fresh.site = m_site;
                fresh.environment = env;
                fresh.client = keep;
                fresh.answers = answers.value();
                // Without its status the page still works; redirects are then checked against the profile's address.
                fresh.hasStatus = status.ok();
                if (status)
                    fresh.status = status.value();
                showLoaded(fresh, discardEdits, origin);
            });
        });
    });
}

void SettingsPage::showLoaded(const SettingsData &fresh, bool discardEdits, SettingsTab *origin)
{
    m_data = fresh;
    m_loading = false;
    m_error->hide();
    m_status->hide();
    for (SettingsTab *tab : {static_cast<SettingsTab *>(m_general), static_cast<SettingsTab *>(m_organization),
                             static_cast<SettingsTab *>(m_users)})
        tab->load(fresh, discardEdits || tab == origin);
    updateEnvironmentState();
    Q_EMIT loaded();
}

void SettingsPage::updateEnvironmentState()
{
    const QJsonObject active = m_data.siteSetting(QStringLiteral("active_environment"));
    const QString activeName = active.value(u"value").toString();
    const bool locked = !active.value(u"writable").toBool(true);
    QString text;
    if (m_data.isActive())
        text = tr("The site uses this environment.");
    else
        text = tr("Not in use: the site uses %1.").arg(activeName);
    if (locked)
        text += QLatin1Char(' ') + tr("Chosen by the constant %1 in wp-config.php.").arg(active.value(u"constant").toString());
    m_environmentState->setText(text);
    m_environmentState->setStyleSheet(m_data.isActive() ? QStringLiteral("QLabel { color: #1e6b2e; }") : QStringLiteral("QLabel { color: #8a5a00; }"));
    m_activate->setVisible(!m_data.isActive());
    m_activate->setEnabled(!locked && m_data.client);
    m_activate->setToolTip(locked ? tr("WORKOS_ENVIRONMENT in wp-config.php decides; change it there.")
                                  : tr("Make the site use this environment for sign-in, webhooks and everything else"));
}

void SettingsPage::activateEnvironment()
{
    if (!m_data.client)
        return;
    const QString env = m_data.environment;
    auto *ask = new QMessageBox(QMessageBox::Question, tr("Activate %1").arg(env),
                                tr("Make %1 the environment “%2” uses? Sign-in, webhooks and directory sync switch to its "
                                   "credentials at once.")
                                    .arg(env, m_site.name),
                                QMessageBox::Cancel, this);
    ask->setObjectName(QStringLiteral("activateEnvironmentQuestion"));
    if (env == u"production")
        ask->setInformativeText(tr("Production: real people sign in with it."));
    QPushButton *activate = ask->addButton(tr("&Activate %1").arg(env), QMessageBox::AcceptRole);
    activate->setObjectName(QStringLiteral("activateEnvironmentConfirm"));
    ask->setDefaultButton(QMessageBox::Cancel);
    ask->setAttribute(Qt::WA_DeleteOnClose);
    connect(ask, &QMessageBox::finished, this, [this, ask, activate, env]() {
        if (ask->clickedButton() != activate)
            return;
        auto client = m_data.client;
        SiteSettings::patch(*client, env, {}, QJsonObject{{QStringLiteral("active_environment"), env}}, this,
                            [this, client, env](const Result<QJsonObject> &answer) {
            if (!answer) {
                m_error->setText(tr("The site did not switch to %1: %2").arg(env, answer.error().message));
                m_error->show();
                return;
            }
            Q_EMIT message(tr("The site now uses %1.").arg(env));
            reload(false);
        });
    });
    ask->open();
}

} // namespace workos::gui

#include "pages/settings/UserSettingsTab.h"

#include "orgs/OrgService.h"
#include "pages/settings/ChangeReviewDialog.h"
#include "pages/settings/RedirectTable.h"
#include "pages/settings/RoleMapEditor.h"
#include "pages/settings/SaveBar.h"
#include "pages/settings/SettingField.h"
#include "site/SettingRules.h"
#include "site/SiteConfig.h"
#include "site/SiteService.h"
#include "users/UserService.h"
#include "workos/WorkOSClient.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

#include <memory>

namespace workos::gui {

namespace {

// Every user of one role, all pages.
void usersWithRole(std::shared_ptr<CompanionClient> client, const QString &role, QObject *context,
                   std::function<void(Result<QJsonArray>)> done)
{
    UserFilter filter;
    filter.role = role;
    auto users = std::make_shared<QJsonArray>();
    UserService::list(std::move(client), filter, context, [users](const QJsonArray &page) {
        for (const QJsonValue &u : page)
            users->append(u);
        return true;
    }, [users, done = std::move(done)](const Result<int> &r) {
        if (!r)
            return done(r.error());
        done(*users);
    });
}

} // namespace

UserSettingsTab::UserSettingsTab(ConsoleContext &context, QWidget *parent)
    : SettingsTab(context, parent), m_roleMap(new RoleMapEditor(this)), m_login(new RedirectTable(RedirectTable::Kind::Login, this)),
      m_logout(new RedirectTable(RedirectTable::Kind::Logout, this)), m_peopleError(new QLabel(this)),
      m_saveBar(new SaveBar(QStringLiteral("users"), this))
{
    setObjectName(QStringLiteral("userSettingsTab"));
    auto *content = new QWidget(this);
    auto *column = new QVBoxLayout(content);

    auto *deprovision = new QGroupBox(tr("When WorkOS removes a user"), content);
    auto *form = new QFormLayout(deprovision);
    SettingField *action = addField(form, tr("&Deprovision action:"), QStringLiteral("deprovision_action"));
    action->addChoice(QStringLiteral("deactivate"), tr("Deactivate (no sign-in, content kept)"));
    action->addChoice(QStringLiteral("demote"), tr("Demote to Subscriber"));
    action->addChoice(QStringLiteral("delete"), tr("Delete user (reassign content)"));
    // The people who can receive content arrive later (loadPeople); "nobody" is always a choice.
    addField(form, tr("Reassign &content to:"), QStringLiteral("reassign_user"))->addChoice(qint64(0), nobody());
    column->addWidget(deprovision);

    m_peopleError->setObjectName(QStringLiteral("usersTabError"));
    m_peopleError->setWordWrap(true);
    m_peopleError->setStyleSheet(QStringLiteral("QLabel { color: #b3261e; }"));
    m_peopleError->hide();
    column->addWidget(m_peopleError);

    auto *roles = new QGroupBox(tr("Role mapping"), content);
    auto *rolesLayout = new QVBoxLayout(roles);
    rolesLayout->addWidget(m_roleMap);
    column->addWidget(roles);

    auto *login = new QGroupBox(tr("Login redirects"), content);
    (new QVBoxLayout(login))->addWidget(m_login);
    column->addWidget(login);
    auto *logout = new QGroupBox(tr("Logout redirects"), content);
    (new QVBoxLayout(logout))->addWidget(m_logout);
    column->addWidget(logout);
    column->addStretch(1);

    placeContent(content, m_saveBar);

    connect(m_roleMap, &RoleMapEditor::changed, this, &UserSettingsTab::updateState);
    connect(m_roleMap, &RoleMapEditor::forceRequested, this, [this]() { save(true); });
    connect(m_login, &RedirectTable::changed, this, &UserSettingsTab::updateState);
    connect(m_logout, &RedirectTable::changed, this, &UserSettingsTab::updateState);
    connect(m_saveBar, &SaveBar::saveRequested, this, [this]() { save(false); });
    connect(m_saveBar, &SaveBar::revertRequested, this, &UserSettingsTab::revert);
    setEnabled(false);
}

QString UserSettingsTab::nobody()
{
    return tr("Nobody (with “Delete user”, their content goes too)");
}

SettingField *UserSettingsTab::addField(QFormLayout *form, const QString &label, const QString &key)
{
    auto *field = new SettingField(key, SettingField::Kind::Choice, this);
    auto *name = new QLabel(label, this);
    name->setBuddy(field->editor());
    field->editor()->setAccessibleName(QString(label).remove(QLatin1Char('&')).remove(QLatin1Char(':')));
    field->setRule([key](const QJsonValue &v) { return SettingRules::problem(key, v); });
    form->addRow(name, field);
    m_fields.insert(key, field);
    connect(field, &SettingField::edited, this, &UserSettingsTab::updateState);
    return field;
}

void UserSettingsTab::load(const SettingsData &loaded, bool discardEdits)
{
    const bool organizationChanged = loaded.organizationId() != m_data.organizationId() || loaded.site.name != m_data.site.name;
    m_data = loaded;
    ++m_generation;
    for (auto it = m_fields.begin(); it != m_fields.end(); ++it)
        it.value()->setEntry(loaded.setting(it.key()), discardEdits);
    m_roleMap->load(loaded.answers.roleMap, loaded.wordpressRoles(), discardEdits);
    m_login->load(loaded.answers.redirects.value(u"login").toObject(), loaded.wordpressRoles(), loaded.homeUrl(), discardEdits);
    m_logout->load(loaded.answers.redirects.value(u"logout").toObject(), loaded.wordpressRoles(), loaded.homeUrl(), discardEdits);
    if (discardEdits)
        m_saveBar->showError(QString()); // an outcome stays until the next change
    if (organizationChanged)
        m_roleMap->setPeople(QString(), {}, {});
    setEnabled(true);
    updateState();
    loadPeople();
    loadWorkOSRoles();
}

void UserSettingsTab::loadPeople()
{
    if (!m_data.client)
        return;
    const quint64 generation = m_generation;
    auto client = m_data.client;
    const QString organization = m_data.organizationId();
    auto failed = [this, generation](const QString &what, const Error &error) {
        if (generation != m_generation)
            return;
        m_peopleError->setText(tr("Could not load %1: %2").arg(what, error.message));
        m_peopleError->show();
    };
    m_peopleError->hide();
    usersWithRole(client, QStringLiteral("administrator"), this, [=](const Result<QJsonArray> &admins) {
        if (generation != m_generation)
            return;
        if (!admins)
            return failed(tr("the administrators"), admins.error());
        m_administrators = admins.value();
        usersWithRole(client, QStringLiteral("editor"), this, [=](const Result<QJsonArray> &editors) {
            if (generation != m_generation)
                return;
            QJsonArray candidates = m_administrators;
            for (const QJsonValue &e : editors ? editors.value() : QJsonArray())
                candidates.append(e);
            setReassignChoices(candidates);
            if (!editors)
                failed(tr("the editors"), editors.error());
            if (organization.isEmpty()) {
                m_roleMap->setPeople(QString(), {}, m_administrators);
                return Q_EMIT peopleLoaded();
            }
            OrgService::find(client, organization, OrgService::By::WorkOSId, this, [=](const Result<QJsonObject> &org) {
                if (generation != m_generation)
                    return;
                if (!org) {
                    // Not cached on the site yet: no members to preview.
                    m_roleMap->setPeople(organization, {}, m_administrators);
                    if (org.error().code != u"not_found")
                        failed(tr("the organization"), org.error());
                    return Q_EMIT peopleLoaded();
                }
                const QString name = org->value(u"name").toString(organization);
                OrgService::members(client, organization, this, [=](const Result<QJsonArray> &members) {
                    if (generation != m_generation)
                        return;
                    if (!members)
                        failed(tr("the organization's members"), members.error());
                    m_roleMap->setPeople(name, members ? members.value() : QJsonArray(), m_administrators);
                    Q_EMIT peopleLoaded();
                });
            });
        });
    });
}

void UserSettingsTab::loadWorkOSRoles()
{
    const QString organization = m_data.organizationId();
    if (organization.isEmpty()) {
        m_roleMap->setWorkOSRoles({}, tr("Choose the environment's organization (Organization tab) to pick from its WorkOS roles; "
                                         "meanwhile type role slugs or directory group names."));
        return;
    }
    const quint64 generation = m_generation;
    m_roleMap->setWorkOSRoles({}, tr("Fetching the WorkOS roles of %1…").arg(organization));
    m_context.sites.withWorkOS(m_data.site, m_data.environment, this,
                               [this, generation, organization](const Result<std::shared_ptr<WorkOSClient>> &workos) {
        if (generation != m_generation)
            return;
        if (!workos) {
            m_roleMap->setWorkOSRoles({}, tr("Type WorkOS role slugs or directory group names. %1").arg(workos.error().message));
            return;
        }
        auto api = workos.value();
        api->listOrganizationRoles(organization, [this, api, generation, organization](const Result<QJsonObject> &roles) {
            if (generation != m_generation)
                return;
            if (!roles) {
                m_roleMap->setWorkOSRoles({}, tr("Type WorkOS role slugs or directory group names: %1").arg(roles.error().message));
                return;
            }
            QStringList slugs;
            for (const QJsonValue &r : roles->value(u"data").toArray())
                slugs << r.toObject().value(u"slug").toString();
            m_roleMap->setWorkOSRoles(slugs, tr("WorkOS roles of %1: %2. Directory group names can be typed too.")
                                                 .arg(organization, slugs.join(QStringLiteral(", "))));
        });
    });
}

void UserSettingsTab::setReassignChoices(const QJsonArray &users)
{
    SettingField *field = m_fields.value(QStringLiteral("reassign_user"));
    const bool edited = field->isModified();
    const QJsonValue chosen = field->value();
    field->clearChoices();
    field->addChoice(qint64(0), nobody());
    for (const QJsonValue &value : users) {
        const QJsonObject u = value.toObject();
        field->addChoice(u.value(u"id").toInteger(), tr("%1 — %2 (#%3)")
                                                         .arg(u.value(u"login").toString(), u.value(u"display_name").toString())
                                                         .arg(u.value(u"id").toInteger()));
    }
    field->setEntry(m_data.setting(QStringLiteral("reassign_user")), true);
    if (edited)
        field->setValue(chosen);
}

bool UserSettingsTab::hasUnsavedChanges() const
{
    return !SiteConfig::diff(m_data.answers.document(), wantedDocument()).isEmpty();
}

QJsonObject UserSettingsTab::wantedDocument() const
{
    QJsonObject settings;
    for (SettingField *f : m_fields) {
        if (f->isModified())
            settings.insert(f->key(), f->value());
    }
    return QJsonObject{{QStringLiteral("settings"), settings},
                       {QStringLiteral("role_map"), m_roleMap->wantedMap()},
                       {QStringLiteral("redirects"),
                        QJsonObject{{QStringLiteral("login"), m_login->wanted()}, {QStringLiteral("logout"), m_logout->wanted()}}}};
}

void UserSettingsTab::updateState()
{
    if (!m_data.client)
        return;
    m_saveBar->setChangeCount(static_cast<int>(SiteConfig::diff(m_data.answers.document(), wantedDocument()).size()));
    Q_EMIT unsavedChangesChanged();
}

void UserSettingsTab::revert()
{
    for (SettingField *f : m_fields)
        f->revert();
    m_roleMap->revert();
    m_login->revert();
    m_logout->revert();
    m_saveBar->clearMessages();
    updateState();
}

void UserSettingsTab::save(bool force)
{
    QStringList problems;
    for (SettingField *f : m_fields) {
        const QString p = f->problem();
        f->showError(p);
        if (!p.isEmpty())
            problems << p;
    }
    problems << m_roleMap->problems() << m_login->problems() << m_logout->problems();
    if (!problems.isEmpty()) {
        m_saveBar->showError(tr("Nothing was sent: %n problem(s) need fixing first (marked in red).", nullptr,
                                static_cast<int>(problems.size())));
        return;
    }
    const QJsonObject wanted = wantedDocument();
    const QList<ConfigChange> changes = SiteConfig::diff(m_data.answers.document(), wanted);
    if (changes.isEmpty())
        return;
    bool mapChanges = false;
    QStringList lines;
    for (const ConfigChange &c : changes) {
        lines << SiteConfig::line(c);
        mapChanges = mapChanges || c.path == u"role_map";
    }
    const bool demotes = mapChanges && m_roleMap->demotesEveryAdministrator();
    if (demotes && !force) {
        m_saveBar->showError(tr("Nothing was sent: the role map would take the administrator role from every administrator. "
                                "Map a WorkOS role to Administrator, or use “Save anyway…” next to the map."));
        return;
    }
    const QString warning = demotes ? tr("This role map takes the administrator role from every administrator (%1) at their "
                                         "next WorkOS sign-in. Only save it if another way to administer the site exists.")
                                          .arg(m_roleMap->administratorLogins().join(QStringLiteral(", ")))
                                    : QString();
    auto *review = new ChangeReviewDialog(m_data.site.name, m_data.environment, lines, warning,
                                          demotes ? tr("Save an&yway") : tr("&Write to site"), this);
    review->setAttribute(Qt::WA_DeleteOnClose);
    connect(review, &QDialog::accepted, this, [this, wanted, demotes, count = static_cast<int>(lines.size())]() {
        write(wanted, demotes, count);
    });
    review->open();
}

void UserSettingsTab::write(const QJsonObject &wanted, bool force, int count)
{
    if (!m_data.client)
        return;
    m_saveBar->clearMessages();
    m_saveBar->setBusy(true);
    auto client = m_data.client;
    SiteConfig::apply(*client, m_data.environment, m_data.answers.document(), wanted, force, this,
                      [this, client, count](const Result<QList<ConfigChange>> &applied) {
        m_saveBar->setBusy(false);
        if (!applied)
            return showRefusal(applied.error());
        const QString message = tr("Saved %n change(s) to the %1 environment.", nullptr, count).arg(m_data.environment);
        m_saveBar->showDone(message);
        Q_EMIT saved(message);
    });
}

void UserSettingsTab::showRefusal(const Error &error)
{
    if (error.code == u"workos_role_map_demotes_all_administrators")
        m_roleMap->showSiteRefusal(error);
    const QString map = error.data.value(u"map").toString();
    const QString role = error.data.value(u"role").toString();
    if (map == u"login")
        m_login->showSiteRefusal(role, error.message);
    else if (map == u"logout")
        m_logout->showSiteRefusal(role, error.message);
    if (SettingField *field = m_fields.value(SettingField::keyNamedBy(error)))
        field->showError(error.message);
    m_saveBar->showError(tr("The site refused the changes: %1").arg(error.message));
}

} // namespace workos::gui

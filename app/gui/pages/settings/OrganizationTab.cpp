#include "pages/settings/OrganizationTab.h"

#include "orgs/OrgService.h"
#include "pages/settings/ChangeReviewDialog.h"
#include "pages/settings/CreateOrganizationDialog.h"
#include "pages/settings/SaveBar.h"
#include "site/SettingRules.h"
#include "site/SiteConfig.h"
#include "site/SiteService.h"
#include "widgets/JobBar.h"
#include "workos/WorkOSClient.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QDateTime>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace workos::gui {

namespace {

enum ListColumn { NameColumn = 0, IdColumn = 1, DomainsColumn = 2, MembersColumn = 3 };

QString joined(const QJsonValue &array)
{
    QStringList items;
    for (const QJsonValue &v : array.toArray())
        items << v.toString();
    return items.join(QStringLiteral(", "));
}

QTableWidget *readOnlyTable(const QString &name, const QStringList &headers, QWidget *parent)
{
    auto *table = new QTableWidget(0, static_cast<int>(headers.size()), parent);
    table->setObjectName(name);
    table->setHorizontalHeaderLabels(headers);
    table->horizontalHeader()->setStretchLastSection(true);
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setAlternatingRowColors(true);
    return table;
}

QLabel *wrapping(const QString &name, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

OrganizationTab::OrganizationTab(ConsoleContext &context, QWidget *parent)
    : SettingsTab(context, parent), m_notConfigured(wrapping(QStringLiteral("organizationNotConfigured"), this)),
      m_details(wrapping(QStringLiteral("currentOrganization"), this)),
      m_list(readOnlyTable(QStringLiteral("organizationList"), {tr("Name"), tr("WorkOS ID"), tr("Domains"), tr("Members")}, this)),
      m_use(new QPushButton(tr("&Use this organization"), this)), m_sync(new QPushButton(tr("S&ync from WorkOS"), this)),
      m_create(new QPushButton(tr("&Create organization…"), this)), m_job(new JobBar(this)),
      m_actionMessage(wrapping(QStringLiteral("organizationActionMessage"), this)),
      m_membersHeading(wrapping(QStringLiteral("membersHeading"), this)),
      m_members(readOnlyTable(QStringLiteral("memberTable"),
                              {tr("User"), tr("E-mail"), tr("WordPress roles"), tr("WorkOS role"), tr("Mapped role"), tr("Joined")}, this)),
      m_sitesGroup(new QGroupBox(tr("Sites of the network this organization belongs to"), this)),
      m_sites(new QTableWidget(0, 3, this)), m_primary(new QButtonGroup(this)), m_saveSites(new QPushButton(tr("Save site &mapping"), this)),
      m_sitesMessage(wrapping(QStringLiteral("organizationSitesMessage"), this)), m_saveBar(new SaveBar(QStringLiteral("organization"), this))
{
    setObjectName(QStringLiteral("organizationTab"));
    auto *content = new QWidget(this);
    auto *column = new QVBoxLayout(content);

    m_notConfigured->setStyleSheet(QStringLiteral("QLabel { color: #8a5a00; }"));
    m_notConfigured->hide();
    column->addWidget(m_notConfigured);

    auto *current = new QGroupBox(tr("This environment's organization"), content);
    auto *form = new QFormLayout(current);
    addField(form, tr("Organization &ID:"), QStringLiteral("organization_id"), SettingField::Kind::Text)->setPlaceholder(QStringLiteral("org_…"));
    m_details->setWordWrap(false); // two short lines; QFormLayout sizes wrapped text badly
    form->addRow(QString(), m_details);
    addField(form, tr("Enti&tlement gate:"), QStringLiteral("entitlement_gate_enabled"), SettingField::Kind::Flag)
        ->setFlagText(tr("Only active members of the organization may sign in"));
    column->addWidget(current);

    auto *cached = new QGroupBox(tr("Organizations cached on the site"), content);
    auto *cachedLayout = new QVBoxLayout(cached);
    m_list->setAccessibleName(tr("Organizations"));
    m_list->setMinimumHeight(140);
    m_use->setObjectName(QStringLiteral("useOrganizationButton"));
    m_sync->setObjectName(QStringLiteral("syncOrganizationsButton"));
    m_sync->setToolTip(tr("The site copies WorkOS's organizations into its cache with its own API key"));
    m_create->setObjectName(QStringLiteral("createOrganizationButton"));
    m_create->setToolTip(tr("Create an organization in WorkOS with the console's API key"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_use);
    buttons->addStretch(1);
    buttons->addWidget(m_sync);
    buttons->addWidget(m_create);
    cachedLayout->addWidget(m_list);
    cachedLayout->addLayout(buttons);
    cachedLayout->addWidget(m_job);
    cachedLayout->addWidget(m_actionMessage);
    column->addWidget(cached);

    auto *members = new QGroupBox(tr("Members"), content);
    auto *membersLayout = new QVBoxLayout(members);
    m_members->setAccessibleName(tr("Members of the selected organization"));
    m_members->setMinimumHeight(140);
    membersLayout->addWidget(m_membersHeading);
    membersLayout->addWidget(m_members);
    column->addWidget(members);

    m_sites->setObjectName(QStringLiteral("organizationSites"));
    m_sites->setAccessibleName(tr("Sites of the organization"));
    m_sites->setHorizontalHeaderLabels({tr("Site"), tr("Belongs to it"), tr("Primary")});
    m_sites->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_sites->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_sites->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_sites->verticalHeader()->hide();
    m_sites->setSelectionMode(QAbstractItemView::NoSelection);
    m_saveSites->setObjectName(QStringLiteral("saveSitesButton"));
    m_primary->setExclusive(true);
    auto *sitesLayout = new QVBoxLayout(m_sitesGroup);
    sitesLayout->addWidget(m_sites);
    auto *sitesButtons = new QHBoxLayout;
    sitesButtons->addWidget(m_sitesMessage, 1);
    sitesButtons->addWidget(m_saveSites);
    sitesLayout->addLayout(sitesButtons);
    m_sitesGroup->setParent(content);
    m_sitesGroup->hide();
    column->addWidget(m_sitesGroup);
    column->addStretch(1);

    placeContent(content, m_saveBar);

    connect(m_list, &QTableWidget::itemSelectionChanged, this, &OrganizationTab::showSelected);
    connect(m_list, &QTableWidget::itemDoubleClicked, this, &OrganizationTab::useSelected);
    connect(m_use, &QPushButton::clicked, this, &OrganizationTab::useSelected);
    connect(m_sync, &QPushButton::clicked, this, &OrganizationTab::syncFromWorkOS);
    connect(m_create, &QPushButton::clicked, this, &OrganizationTab::createOrganization);
    connect(m_saveSites, &QPushButton::clicked, this, &OrganizationTab::saveSites);
    connect(m_job, &JobBar::cancelRequested, this, [this]() {
        ++m_syncGeneration; // the site finishes its page; the console stops waiting
        finishAction(tr("Sync canceled: the site keeps what it copied so far."), false);
    });
    connect(m_saveBar, &SaveBar::saveRequested, this, &OrganizationTab::save);
    connect(m_saveBar, &SaveBar::revertRequested, this, &OrganizationTab::revert);
    setEnabled(false);
}

SettingField *OrganizationTab::addField(QFormLayout *form, const QString &label, const QString &key, SettingField::Kind kind)
{
    auto *field = new SettingField(key, kind, this);
    auto *name = new QLabel(label, this);
    name->setBuddy(field->editor());
    field->editor()->setAccessibleName(QString(label).remove(QLatin1Char('&')).remove(QLatin1Char(':')));
    field->setRule([key](const QJsonValue &v) { return SettingRules::problem(key, v); });
    form->addRow(name, field);
    m_fields.insert(key, field);
    connect(field, &SettingField::edited, this, [this, key]() {
        if (key == u"organization_id") {
            showDetails();
            selectId(m_fields.value(key)->value().toString());
        }
        updateState();
    });
    return field;
}

void OrganizationTab::load(const SettingsData &loaded, bool discardEdits)
{
    m_data = loaded;
    ++m_generation;
    m_membersFor = QStringLiteral("\n"); // members are listed again
    for (auto it = m_fields.begin(); it != m_fields.end(); ++it)
        it.value()->setEntry(loaded.setting(it.key()), discardEdits);
    m_notConfigured->setText(tr("WorkOS is not configured for the %1 environment on the site yet (API key, client ID and "
                                "environment ID, on the Settings tab): the list shows the site's cache, and Sync needs the site's "
                                "credentials.")
                                 .arg(loaded.environment));
    m_notConfigured->setVisible(!loaded.enabled());
    m_sitesGroup->setVisible(loaded.multisite());
    if (discardEdits)
        m_saveBar->showError(QString()); // an outcome stays until the next change
    setEnabled(true);
    updateState();
    showDetails();
    m_networkSites = {};
    if (loaded.multisite() && loaded.client) {
        const quint64 generation = m_generation;
        OrgService::networkSites(loaded.client, this, [this, generation](const Result<QJsonArray> &sites) {
            if (generation != m_generation)
                return;
            if (!sites)
                m_sitesMessage->setText(tr("The network's sites cannot be listed (%1): only the mapped site IDs are shown.")
                                            .arg(sites.error().message));
            m_networkSites = sites ? sites.value() : QJsonArray();
            loadSites(selectedId());
        });
    }
    // The admin's selection stays across reloads; at first, the environment's organization.
    const QString selected = selectedId();
    loadOrganizations(selected.isEmpty() ? m_fields.value(QStringLiteral("organization_id"))->value().toString() : selected);
}

void OrganizationTab::loadOrganizations(const QString &select)
{
    if (!m_data.client)
        return;
    const quint64 generation = m_generation;
    OrgService::listAll(m_data.client, this, [this, generation, select](const Result<QJsonArray> &orgs) {
        if (generation != m_generation)
            return;
        if (!orgs) {
            m_actionMessage->setStyleSheet(QStringLiteral("QLabel { color: #b3261e; }"));
            m_actionMessage->setText(tr("Cannot list the site's organizations: %1").arg(orgs.error().message));
            return;
        }
        m_organizations = orgs.value();
        showOrganizations();
        selectId(select);
        showDetails();
        Q_EMIT organizationsLoaded();
    });
}

void OrganizationTab::showOrganizations()
{
    const QSignalBlocker block(m_list);
    m_list->setRowCount(0);
    for (const QJsonValue &value : m_organizations) {
        const QJsonObject org = value.toObject();
        const int row = m_list->rowCount();
        m_list->insertRow(row);
        m_list->setItem(row, NameColumn, new QTableWidgetItem(org.value(u"name").toString()));
        m_list->setItem(row, IdColumn, new QTableWidgetItem(org.value(u"id").toString()));
        m_list->setItem(row, DomainsColumn, new QTableWidgetItem(joined(org.value(u"domains"))));
        auto *count = new QTableWidgetItem;
        count->setData(Qt::DisplayRole, org.value(u"member_count").toInt());
        m_list->setItem(row, MembersColumn, count);
    }
    m_list->resizeColumnsToContents();
    if (m_organizations.isEmpty())
        m_actionMessage->setText(tr("The site has no organizations cached yet: sync them from WorkOS, or create one."));
}

QString OrganizationTab::selectedId() const
{
    const auto rows = m_list->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return {};
    return m_list->item(rows.first().row(), IdColumn)->text();
}

void OrganizationTab::selectId(const QString &id)
{
    for (int row = 0; row < m_list->rowCount(); ++row) {
        if (m_list->item(row, IdColumn)->text() == id) {
            if (selectedId() != id)
                m_list->selectRow(row);
            return showSelected();
        }
    }
    m_list->clearSelection();
    showSelected();
}

void OrganizationTab::updateUseButton()
{
    const SettingField *field = m_fields.value(QStringLiteral("organization_id"));
    const QString id = selectedId();
    m_use->setEnabled(!id.isEmpty() && id != field->value().toString() && field->isWritable());
}

void OrganizationTab::showSelected()
{
    updateUseButton();
    const QString id = selectedId();
    if (id == m_membersFor)
        return;
    m_membersFor = id;
    m_members->setRowCount(0);
    const quint64 generation = ++m_memberGeneration;
    if (id.isEmpty()) {
        m_membersHeading->setText(tr("Select an organization to see its members."));
        return;
    }
    QString name = id;
    for (const QJsonValue &v : m_organizations) {
        if (v.toObject().value(u"id").toString() == id)
            name = v.toObject().value(u"name").toString(id);
    }
    m_membersHeading->setText(tr("Members of %1 (loading…)").arg(name));
    OrgService::members(m_data.client, id, this, [this, generation, name](const Result<QJsonArray> &members) {
        if (generation != m_memberGeneration)
            return;
        if (!members) {
            m_membersHeading->setText(tr("Members of %1 cannot be listed: %2").arg(name, members.error().message));
            return;
        }
        for (const QJsonValue &value : members.value()) {
            const QJsonObject m = value.toObject();
            const int row = m_members->rowCount();
            m_members->insertRow(row);
            const QString user = m.value(u"user_exists").toBool(true) ? m.value(u"user_login").toString()
                                                                     : tr("#%1 (deleted)").arg(m.value(u"user_id").toInteger());
            const QStringList cells{user, m.value(u"user_email").toString(), joined(m.value(u"roles")),
                                    m.value(u"workos_role").toString(), m.value(u"wp_role").toString(),
                                    QLocale().toString(QDateTime::fromString(m.value(u"joined_at").toString(), Qt::ISODate).toLocalTime(),
                                                       QLocale::ShortFormat)};
            for (int column = 0; column < cells.size(); ++column)
                m_members->setItem(row, column, new QTableWidgetItem(cells.at(column)));
        }
        m_members->resizeColumnsToContents();
        m_membersHeading->setText(tr("%n member(s) of %1, as cached on the site:", nullptr, static_cast<int>(members->size())).arg(name));
        Q_EMIT membersLoaded();
    });
    loadSites(id);
}

void OrganizationTab::showDetails()
{
    const QString id = m_fields.value(QStringLiteral("organization_id"))->value().toString();
    if (id.isEmpty()) {
        m_details->setText(tr("No organization is chosen for this environment."));
        return;
    }
    for (const QJsonValue &v : m_organizations) {
        const QJsonObject org = v.toObject();
        if (org.value(u"id").toString() != id)
            continue;
        const QString domains = joined(org.value(u"domains"));
        m_details->setText(tr("<b>%1</b> — %2<br>Domains: %3 · %n member(s) · in the site's cache since %4", nullptr,
                              org.value(u"member_count").toInt())
                               .arg(org.value(u"name").toString().toHtmlEscaped(), id.toHtmlEscaped(),
                                    domains.isEmpty() ? tr("none") : domains.toHtmlEscaped(),
                                    QLocale().toString(QDateTime::fromString(org.value(u"created_at").toString(), Qt::ISODate).toLocalTime(),
                                                       QLocale::ShortFormat)));
        return;
    }
    m_details->setText(tr("%1 is not in the site's cache: sync from WorkOS to see its name and members.").arg(id.toHtmlEscaped()));
}

void OrganizationTab::useSelected()
{
    const QString id = selectedId();
    if (!id.isEmpty())
        m_fields.value(QStringLiteral("organization_id"))->setValue(id);
}

bool OrganizationTab::hasUnsavedChanges() const
{
    for (const SettingField *f : m_fields)
        if (f->isModified())
            return true;
    return false;
}

void OrganizationTab::updateState()
{
    int changes = 0;
    for (const SettingField *f : m_fields)
        changes += f->isModified() ? 1 : 0;
    m_saveBar->setChangeCount(changes);
    updateUseButton();
    Q_EMIT unsavedChangesChanged();
}

void OrganizationTab::revert()
{
    for (SettingField *f : m_fields)
        f->revert();
    m_saveBar->clearMessages();
    selectId(m_fields.value(QStringLiteral("organization_id"))->value().toString());
    showDetails();
    updateState();
}

void OrganizationTab::save()
{
    QJsonObject settings;
    int wrong = 0;
    for (SettingField *f : m_fields) {
        if (!f->isModified())
            continue;
        const QString problem = f->problem();
        f->showError(problem);
        wrong += problem.isEmpty() ? 0 : 1;
        settings.insert(f->key(), f->value());
    }
    if (wrong > 0) {
        m_saveBar->showError(tr("Nothing was sent: %n field(s) need fixing first (marked in red).", nullptr, wrong));
        return;
    }
    const QJsonObject wanted{{QStringLiteral("settings"), settings}};
    const QJsonObject current = m_data.answers.document();
    QStringList lines;
    for (const ConfigChange &c : SiteConfig::diff(current, wanted))
        lines << SiteConfig::line(c);
    if (lines.isEmpty())
        return;
    auto *review = new ChangeReviewDialog(m_data.site.name, m_data.environment, lines, QString(), tr("&Write to site"), this);
    review->setAttribute(Qt::WA_DeleteOnClose);
    connect(review, &QDialog::accepted, this, [this, current, wanted, count = static_cast<int>(lines.size())]() {
        m_saveBar->clearMessages();
        m_saveBar->setBusy(true);
        auto client = m_data.client;
        SiteConfig::apply(*client, m_data.environment, current, wanted, false, this,
                          [this, client, count](const Result<QList<ConfigChange>> &applied) {
            m_saveBar->setBusy(false);
            if (!applied) {
                if (SettingField *field = m_fields.value(SettingField::keyNamedBy(applied.error())))
                    field->showError(applied.error().message);
                return m_saveBar->showError(tr("The site refused the changes; nothing was saved. %1").arg(applied.error().message));
            }
            const QString message = tr("Saved %n change(s) to the %1 environment.", nullptr, count).arg(m_data.environment);
            m_saveBar->showDone(message);
            Q_EMIT saved(message);
        });
    });
    review->open();
}

void OrganizationTab::syncFromWorkOS()
{
    if (!m_data.client || m_job->isRunning())
        return;
    const quint64 generation = ++m_syncGeneration;
    m_sync->setEnabled(false);
    m_actionMessage->clear();
    m_job->start(tr("The site is copying WorkOS's organizations…"));
    OrgService::syncFromWorkOS(m_data.client, this, [this, generation](const Result<QJsonObject> &report) {
        if (generation != m_syncGeneration)
            return;
        if (!report)
            return finishAction(tr("Sync from WorkOS failed: %1").arg(report.error().message), false);
        const int failed = static_cast<int>(report->value(u"failed").toArray().size());
        QString message = tr("Synced from WorkOS: %1 new, %2 updated, %3 unchanged.")
                              .arg(report->value(u"created").toInt())
                              .arg(report->value(u"updated").toInt())
                              .arg(report->value(u"unchanged").toInt());
        if (failed > 0)
            message += QLatin1Char(' ') + tr("%n could not be stored.", nullptr, failed);
        finishAction(message, failed == 0);
        loadOrganizations(selectedId());
    });
}

void OrganizationTab::createOrganization()
{
    auto *dialog = new CreateOrganizationDialog(m_data.environment, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog]() {
        const QString name = dialog->name();
        m_create->setEnabled(false);
        m_actionMessage->clear();
        m_job->start(tr("Creating “%1” in WorkOS…").arg(name));
        const SettingsData target = m_data;
        m_context.sites.withWorkOS(target.site, target.environment, this, [this, target, name](const Result<std::shared_ptr<WorkOSClient>> &workos) {
            if (!workos)
                return finishAction(tr("Cannot create the organization: %1").arg(workos.error().message), false);
            auto api = workos.value();
            api->createOrganization(name, {}, [this, api, target, name](const Result<QJsonObject> &created) {
                if (!created)
                    return finishAction(tr("WorkOS did not create “%1”: %2").arg(name, created.error().message), false);
                const QString id = created->value(u"id").toString();
                OrgService::cacheFromWorkOS(target.client, created.value(), this, [this, id, name](const Result<QJsonObject> &cached) {
                    if (!cached)
                        return finishAction(tr("Created “%1” in WorkOS (%2), but the site did not cache it: %3")
                                                .arg(name, id, cached.error().message),
                                            false);
                    finishAction(tr("Created “%1” in WorkOS (%2). Save to make it this environment's organization.").arg(name, id), true);
                    m_fields.value(QStringLiteral("organization_id"))->setValue(id);
                    loadOrganizations(id);
                });
            });
        });
    });
    dialog->open();
}

void OrganizationTab::finishAction(const QString &message, bool ok)
{
    m_job->finish();
    m_sync->setEnabled(true);
    m_create->setEnabled(true);
    m_actionMessage->setStyleSheet(ok ? QStringLiteral("QLabel { color: #1e6b2e; }") : QStringLiteral("QLabel { color: #b3261e; }"));
    m_actionMessage->setText(message);
    Q_EMIT actionFinished(message, ok);
}

void OrganizationTab::loadSites(const QString &id)
{
    if (!m_data.multisite())
        return;
    m_sites->setRowCount(0);
    for (QAbstractButton *b : m_primary->buttons())
        m_primary->removeButton(b);
    m_saveSites->setEnabled(false);
    if (id.isEmpty() || !m_data.client)
        return;
    const quint64 generation = m_memberGeneration;
    OrgService::sites(m_data.client, id, this, [this, generation](const Result<QJsonArray> &mapped) {
        if (generation != m_memberGeneration)
            return;
        if (!mapped) {
            m_sitesMessage->setText(tr("Cannot read the organization's sites: %1").arg(mapped.error().message));
            return;
        }
        // Every site of the network (when the console may list them), plus any mapped one it could not.
        QList<std::pair<qint64, QString>> sites;
        for (const QJsonValue &s : m_networkSites)
            sites.append({s.toObject().value(u"id").toInteger(),
                          tr("%1 — %2").arg(s.toObject().value(u"name").toString(), s.toObject().value(u"url").toString())});
        for (const QJsonValue &m : mapped.value()) {
            const qint64 siteId = m.toObject().value(u"site_id").toInteger();
            if (std::none_of(sites.cbegin(), sites.cend(), [siteId](const auto &s) { return s.first == siteId; }))
                sites.append({siteId, tr("Site #%1").arg(siteId)});
        }
        for (const auto &[siteId, label] : sites) {
            const int row = m_sites->rowCount();
            m_sites->insertRow(row);
            auto *item = new QTableWidgetItem(label);
            item->setData(Qt::UserRole, siteId);
            m_sites->setItem(row, 0, item);
            bool linked = false;
            bool primary = false;
            for (const QJsonValue &m : mapped.value()) {
                if (m.toObject().value(u"site_id").toInteger() == siteId) {
                    linked = true;
                    primary = m.toObject().value(u"is_primary").toBool();
                }
            }
            auto *member = new QCheckBox(m_sites);
            member->setObjectName(QStringLiteral("organizationSiteLinked"));
            member->setAccessibleName(tr("%1 belongs to the organization").arg(label));
            member->setChecked(linked);
            auto *first = new QRadioButton(m_sites);
            first->setObjectName(QStringLiteral("organizationSitePrimary"));
            first->setAccessibleName(tr("%1 is the primary site").arg(label));
            m_primary->addButton(first, row);
            first->setChecked(primary);
            connect(member, &QCheckBox::toggled, this, [this]() { m_saveSites->setEnabled(true); });
            connect(first, &QRadioButton::toggled, this, [this]() { m_saveSites->setEnabled(true); });
            m_sites->setCellWidget(row, 1, member);
            m_sites->setCellWidget(row, 2, first);
        }
    });
}

void OrganizationTab::saveSites()
{
    const QString id = selectedId();
    QJsonArray sites;
    bool primaryLinked = false;
    for (int row = 0; row < m_sites->rowCount(); ++row) {
        const auto *member = qobject_cast<QCheckBox *>(m_sites->cellWidget(row, 1));
        const auto *first = qobject_cast<QRadioButton *>(m_sites->cellWidget(row, 2));
        if (!member || !member->isChecked())
            continue;
        primaryLinked = primaryLinked || (first && first->isChecked());
        sites.append(QJsonObject{{QStringLiteral("site_id"), m_sites->item(row, 0)->data(Qt::UserRole).toLongLong()},
                                 {QStringLiteral("primary"), first && first->isChecked()}});
    }
    // The site's own rule (PUT orgs/{id}/sites): at least one site, exactly one primary among them.
    if (sites.isEmpty() || !primaryLinked) {
        m_sitesMessage->setStyleSheet(QStringLiteral("QLabel { color: #b3261e; }"));
        m_sitesMessage->setText(tr("Nothing was sent: the organization needs at least one site, and its primary site among them."));
        return;
    }
    m_saveSites->setEnabled(false);
    OrgService::setSites(m_data.client, id, sites, this, [this, id](const Result<QJsonArray> &saved) {
        m_sitesMessage->setStyleSheet(saved ? QStringLiteral("QLabel { color: #1e6b2e; }") : QStringLiteral("QLabel { color: #b3261e; }"));
        m_sitesMessage->setText(saved ? tr("Saved: the organization belongs to %n site(s).", nullptr, static_cast<int>(saved->size()))
                                      : tr("The site refused the mapping: %1").arg(saved.error().message));
        if (!saved)
            m_saveSites->setEnabled(true);
        loadSites(id);
    });
}

} // namespace workos::gui

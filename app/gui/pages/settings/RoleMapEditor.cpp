#include "pages/settings/RoleMapEditor.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSet>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace workos::gui {

namespace {

enum Column { WorkOSRole = 0, WordPressRole = 1, RemoveButton = 2 };

const QString kBadCell = QStringLiteral("QComboBox { border: 1px solid #b3261e; }");
const QString kRed = QStringLiteral("QLabel { color: #b3261e; }");

} // namespace

RoleMapEditor::RoleMapEditor(QWidget *parent)
    : QWidget(parent), m_state(new QLabel(this)), m_table(new QTableWidget(0, 3, this)), m_rolesNote(new QLabel(this)),
      m_problems(new QLabel(this)), m_refusal(new QLabel(this)), m_force(new QPushButton(tr("Save an&yway…"), this)),
      m_previewSummary(new QLabel(this)), m_preview(new QTableWidget(0, 5, this))
{
    setObjectName(QStringLiteral("roleMapEditor"));
    // The companion has one way to apply a map; saying so keeps nobody guessing.
    auto *mode = new QLabel(tr("<b>Mode: replace.</b> When a member signs in or is synced, their WordPress roles are "
                               "<i>replaced</i> by the one role their WorkOS role maps to; a WorkOS role the map does not "
                               "name gets the “member” mapping (else Subscriber). The site never demotes its last "
                               "administrator."),
                            this);
    mode->setObjectName(QStringLiteral("roleMapMode"));
    mode->setWordWrap(true);
    m_state->setObjectName(QStringLiteral("roleMapState"));

    m_table->setObjectName(QStringLiteral("roleMapTable"));
    m_table->setAccessibleName(tr("Role map"));
    m_table->setHorizontalHeaderLabels({tr("WorkOS role or directory group"), tr("WordPress role"), QString()});
    m_table->horizontalHeader()->setSectionResizeMode(WorkOSRole, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(WordPressRole, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(RemoveButton, QHeaderView::ResizeToContents);
    m_table->verticalHeader()->hide();
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setMinimumHeight(150);

    auto *add = new QPushButton(tr("Add &mapping"), this);
    add->setObjectName(QStringLiteral("roleMapAddButton"));
    auto *builtIn = new QPushButton(tr("Use &built-in map"), this);
    builtIn->setObjectName(QStringLiteral("roleMapBuiltInButton"));
    builtIn->setToolTip(tr("admin → Administrator, editor → Editor, member → Subscriber; nothing stored on the site"));
    connect(add, &QPushButton::clicked, this, [this]() {
        addRow();
        // Focus the new row's WorkOS role, ready to type.
        if (auto *combo = qobject_cast<QComboBox *>(m_table->cellWidget(m_table->rowCount() - 1, WorkOSRole)))
            combo->setFocus();
    });
    connect(builtIn, &QPushButton::clicked, this, &RoleMapEditor::useBuiltInMap);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(builtIn);
    buttons->addStretch(1);

    m_rolesNote->setObjectName(QStringLiteral("roleMapRolesNote"));
    m_rolesNote->setWordWrap(true);
    m_rolesNote->setStyleSheet(QStringLiteral("QLabel { color: palette(mid); }"));
    m_problems->setObjectName(QStringLiteral("roleMapProblems"));
    m_problems->setWordWrap(true);
    m_problems->setStyleSheet(kRed);
    m_problems->hide();
    m_refusal->setObjectName(QStringLiteral("roleMapRefusal"));
    m_refusal->setWordWrap(true);
    m_refusal->setStyleSheet(QStringLiteral("QLabel { color: #b3261e; background: #fdecea; border: 1px solid #f2b8b5; "
                                            "border-radius: 4px; padding: 6px; }"));
    m_refusal->hide();
    m_force->setObjectName(QStringLiteral("roleMapForceButton"));
    m_force->setToolTip(tr("Write this map although no administrator keeps the role; you confirm first."));
    m_force->hide();
    connect(m_force, &QPushButton::clicked, this, &RoleMapEditor::forceRequested);
    auto *refusalRow = new QHBoxLayout;
    refusalRow->addWidget(m_refusal, 1);
    refusalRow->addWidget(m_force, 0, Qt::AlignTop);

    m_previewSummary->setObjectName(QStringLiteral("roleMapPreviewSummary"));
    m_previewSummary->setWordWrap(true);
    m_preview->setObjectName(QStringLiteral("roleMapPreview"));
    m_preview->setAccessibleName(tr("Whose role changes"));
    m_preview->setHorizontalHeaderLabels({tr("User"), tr("WordPress roles now"), tr("WorkOS role"), tr("Becomes"), tr("Note")});
    for (int column = 0; column < 4; ++column)
        m_preview->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_preview->horizontalHeader()->setStretchLastSection(true);
    m_preview->verticalHeader()->hide();
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_preview->setMinimumHeight(110);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(mode);
    layout->addWidget(m_state);
    layout->addWidget(m_table);
    layout->addLayout(buttons);
    layout->addWidget(m_rolesNote);
    layout->addWidget(m_problems);
    layout->addLayout(refusalRow);
    layout->addWidget(m_previewSummary);
    layout->addWidget(m_preview);
}

void RoleMapEditor::load(const QJsonObject &answer, const QList<std::pair<QString, QString>> &wordpressRoles, bool discardEdits)
{
    const bool keep = !discardEdits && isModified();
    const QList<std::pair<QString, QString>> edited = rows();
    const bool editedBuiltIn = m_builtIn;
    m_answer = answer;
    m_wordpressRoles = wordpressRoles;
    m_siteRefusal = Error();
    if (keep) {
        m_loading = true;
        m_table->setRowCount(0);
        for (const auto &[key, value] : edited)
            addRow(key, value);
        m_builtIn = editedBuiltIn;
        m_loading = false;
        update();
    } else {
        revert();
    }
}

void RoleMapEditor::revert()
{
    m_builtIn = m_answer.value(u"is_default").toBool(true);
    m_siteRefusal = Error();
    setRows(m_answer.value(u"map").toObject());
}

void RoleMapEditor::useBuiltInMap()
{
    m_siteRefusal = Error();
    setRows(m_answer.value(u"default_map").toObject());
    m_builtIn = true;
    update();
}

void RoleMapEditor::setRows(const QJsonObject &map)
{
    m_loading = true;
    m_table->setRowCount(0);
    for (auto it = map.begin(); it != map.end(); ++it)
        addRow(it.key(), it.value().toString());
    m_loading = false;
    update();
}

void RoleMapEditor::addRow(const QString &workosRole, const QString &wordpressRole)
{
    const int row = m_table->rowCount();
    m_table->insertRow(row);

    auto *key = new QComboBox(m_table);
    key->setObjectName(QStringLiteral("roleMapWorkOSRole"));
    key->setEditable(true);
    key->setInsertPolicy(QComboBox::NoInsert);
    key->addItems(m_workosRoles);
    key->setEditText(workosRole);
    key->lineEdit()->setPlaceholderText(tr("admin, member, a directory group…"));
    key->setAccessibleName(tr("WorkOS role of row %1").arg(row + 1));
    connect(key, &QComboBox::editTextChanged, this, &RoleMapEditor::onEdited);

    auto *value = new QComboBox(m_table);
    value->setObjectName(QStringLiteral("roleMapWordPressRole"));
    value->setAccessibleName(tr("WordPress role of row %1").arg(row + 1));
    for (const auto &[slug, name] : m_wordpressRoles)
        value->addItem(name, slug);
    int index = value->findData(wordpressRole);
    if (index < 0 && !wordpressRole.isEmpty()) {
        // Kept so the admin sees it, refused by validate(): the site no longer has this role.
        value->addItem(tr("%1 (not a role on this site)").arg(wordpressRole), wordpressRole);
        index = value->count() - 1;
    }
    value->setCurrentIndex(index >= 0 ? index : std::max(0, value->findData(QStringLiteral("subscriber"))));
    connect(value, &QComboBox::currentIndexChanged, this, &RoleMapEditor::onEdited);

    auto *remove = new QToolButton(m_table);
    remove->setObjectName(QStringLiteral("roleMapRemoveRow"));
    remove->setText(tr("Remove"));
    remove->setAccessibleName(tr("Remove row %1").arg(row + 1));
    connect(remove, &QToolButton::clicked, this, [this, remove]() { removeRow(remove); });

    m_table->setCellWidget(row, WorkOSRole, key);
    m_table->setCellWidget(row, WordPressRole, value);
    m_table->setCellWidget(row, RemoveButton, remove);
    // The header sizes the column by its own text, not by the button in the cells.
    m_table->horizontalHeader()->setMinimumSectionSize(0);
    m_table->horizontalHeader()->resizeSection(RemoveButton, std::max(m_table->horizontalHeader()->sectionSize(RemoveButton),
                                                                      remove->sizeHint().width() + 4));
    onEdited();
}

void RoleMapEditor::removeRow(QWidget *button)
{
    for (int row = 0; row < m_table->rowCount(); ++row) {
        if (m_table->cellWidget(row, RemoveButton) == button) {
            m_table->removeRow(row);
            break;
        }
    }
    onEdited();
}

void RoleMapEditor::onEdited()
{
    if (m_loading)
        return;
    // Any edit makes it a map of the site's own, stored as shown.
    m_builtIn = false;
    m_siteRefusal = Error();
    update();
}

QList<std::pair<QString, QString>> RoleMapEditor::rows() const
{
    QList<std::pair<QString, QString>> entries;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const auto *key = qobject_cast<QComboBox *>(m_table->cellWidget(row, WorkOSRole));
        const auto *value = qobject_cast<QComboBox *>(m_table->cellWidget(row, WordPressRole));
        if (key && value)
            entries.append({key->currentText().trimmed(), value->currentData().toString()});
    }
    return entries;
}

RoleMap RoleMapEditor::wantedRoleMap() const
{
    if (m_builtIn)
        return RoleMap();
    QMap<QString, QString> entries;
    for (const auto &[key, value] : rows())
        entries.insert(key, value);
    return RoleMap(entries);
}

QJsonObject RoleMapEditor::wantedMap() const
{
    return wantedRoleMap().toJson();
}

bool RoleMapEditor::isModified() const
{
    const QJsonObject stored = m_answer.value(u"is_default").toBool(true) ? QJsonObject() : m_answer.value(u"map").toObject();
    return wantedMap() != stored;
}

QStringList RoleMapEditor::problems() const
{
    QStringList found;
    if (m_builtIn)
        return found;
    QSet<QString> seen;
    const auto entries = rows();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QString &key = entries.at(i).first;
        if (key.isEmpty())
            found << tr("Row %1: enter a WorkOS role or directory group name, or remove the row.").arg(i + 1);
        else if (seen.contains(key))
            found << tr("“%1” is mapped twice: keep one row.").arg(key);
        seen.insert(key);
    }
    QStringList slugs;
    for (const auto &role : m_wordpressRoles)
        slugs << role.first;
    for (const RoleMap::Problem &p : wantedRoleMap().validate(slugs))
        found << p.message;
    return found;
}

bool RoleMapEditor::demotesEveryAdministrator() const
{
    if (!isModified())
        return false; // not sent: the site keeps what it has
    if (m_siteRefusal.code == u"workos_role_map_demotes_all_administrators")
        return true;
    return wantedRoleMap().demotesEveryAdministrator(m_administrators, m_members);
}

QStringList RoleMapEditor::administratorLogins() const
{
    QStringList logins;
    const QJsonArray named = m_siteRefusal.data.value(u"administrators").toArray();
    for (const QJsonValue &admin : m_administrators) {
        const QJsonObject a = admin.toObject();
        if (named.isEmpty() || named.contains(a.value(u"id")))
            logins << a.value(u"login").toString();
    }
    if (logins.isEmpty()) {
        for (const QJsonValue &id : named)
            logins << QStringLiteral("#%1").arg(id.toInteger());
    }
    return logins;
}

void RoleMapEditor::showSiteRefusal(const Error &error)
{
    m_siteRefusal = error;
    update();
}

void RoleMapEditor::setWorkOSRoles(const QStringList &slugs, const QString &note)
{
    m_workosRoles = slugs;
    m_rolesNote->setText(note);
    m_loading = true;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        if (auto *key = qobject_cast<QComboBox *>(m_table->cellWidget(row, WorkOSRole))) {
            const QString text = key->currentText();
            key->clear();
            key->addItems(slugs);
            key->setEditText(text);
        }
    }
    m_loading = false;
}

void RoleMapEditor::setPeople(const QString &organizationName, const QJsonArray &members, const QJsonArray &administrators)
{
    m_organizationName = organizationName;
    m_members = members;
    m_administrators = administrators;
    update();
}

void RoleMapEditor::update()
{
    const bool builtIn = m_builtIn || m_table->rowCount() == 0;
    m_state->setText(builtIn ? tr("Built-in map: admin → Administrator, editor → Editor, member → Subscriber (nothing stored on the site).")
                               : tr("The site's own map: %n mapping(s), stored on the site.", nullptr, static_cast<int>(wantedMap().size())));

    const QStringList found = problems();
    m_problems->setText(found.join(QLatin1Char('\n')));
    m_problems->setVisible(!found.isEmpty());
    // Mark the rows at fault. What a WorkOS role may look like is RoleMap's rule; empty and
    // repeated rows are the editor's own (the map itself cannot hold them).
    const auto entries = rows();
    QStringList slugs;
    for (const auto &role : m_wordpressRoles)
        slugs << role.first;
    QSet<QString> badKeys;
    if (!m_builtIn) {
        for (const RoleMap::Problem &p : wantedRoleMap().validate(slugs)) {
            if (p.field == RoleMap::Problem::Field::Key)
                badKeys.insert(p.key);
        }
    }
    QSet<QString> keys;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QString key = entries.value(row).first;
        const bool badKey = !m_builtIn && (key.isEmpty() || keys.contains(key) || badKeys.contains(key));
        const bool badValue = !m_builtIn && !slugs.contains(entries.value(row).second);
        keys.insert(key);
        if (QWidget *cell = m_table->cellWidget(row, WorkOSRole))
            cell->setStyleSheet(badKey ? kBadCell : QString());
        if (QWidget *cell = m_table->cellWidget(row, WordPressRole))
            cell->setStyleSheet(badValue ? kBadCell : QString());
    }

    const bool demotes = demotesEveryAdministrator();
    if (demotes) {
        m_refusal->setText(tr("<b>This map would take the administrator role from every administrator</b> (%1): each is "
                              "linked to WorkOS and none has a WorkOS role that maps to Administrator, so at their next "
                              "sign-in nobody administers the site. The site refuses it; map a WorkOS role to "
                              "Administrator, or save anyway if that is what you want.")
                               .arg(administratorLogins().join(QStringLiteral(", "))));
    }
    m_refusal->setVisible(demotes);
    m_force->setVisible(demotes);
    m_force->setEnabled(demotes && found.isEmpty());

    updatePreview(wantedRoleMap());
    Q_EMIT changed();
}

void RoleMapEditor::updatePreview(const RoleMap &map)
{
    m_preview->setRowCount(0);
    if (m_organizationName.isEmpty()) {
        m_previewSummary->setText(tr("No organization is chosen for this environment: the preview needs its members."));
        return;
    }
    const QList<RoleMap::Change> changes = map.preview(m_members, static_cast<int>(m_administrators.size()));
    int affected = 0;
    for (const RoleMap::Change &c : changes) {
        const int row = m_preview->rowCount();
        m_preview->insertRow(row);
        const QString note = c.keptLastAdministrator ? tr("keeps Administrator: the site's last administrator") : QString();
        affected += c.keptLastAdministrator ? 0 : 1;
        const QStringList cells{c.login, c.roles.join(QStringLiteral(", ")), c.workosRole.isEmpty() ? tr("(none: member)") : c.workosRole,
                                c.newRole, note};
        for (int column = 0; column < cells.size(); ++column)
            m_preview->setItem(row, column, new QTableWidgetItem(cells.at(column)));
    }
    if (m_members.isEmpty())
        m_previewSummary->setText(tr("%1 has no members cached on the site yet: nobody to preview.").arg(m_organizationName));
    else if (changes.isEmpty())
        m_previewSummary->setText(tr("With this map, nobody among the %n member(s) of %1 changes role.", nullptr,
                                     static_cast<int>(m_members.size()))
                                      .arg(m_organizationName));
    else
        m_previewSummary->setText(tr("With this map, %1 of the %n member(s) of %2 get another role when they next sign in or "
                                     "are synced:",
                                     nullptr, static_cast<int>(m_members.size()))
                                      .arg(affected)
                                      .arg(m_organizationName));
}

} // namespace workos::gui

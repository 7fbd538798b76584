#include "pages/settings/RedirectTable.h"

#include "site/RedirectRules.h"

#include <QCheckBox>
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

enum Column { RoleColumn = 0, UrlColumn = 1 };

const QString kBadCombo = QStringLiteral("QComboBox { border: 1px solid #b3261e; }");
const QString kBadLine = QStringLiteral("QLineEdit { border: 1px solid #b3261e; }");

} // namespace

RedirectTable::RedirectTable(Kind kind, QWidget *parent)
    : QWidget(parent), m_kind(kind), m_table(new QTableWidget(0, kind == Kind::Login ? 4 : 3, this)), m_problems(new QLabel(this))
{
    const QString prefix = mapName() + QStringLiteral("Redirect");
    setObjectName(prefix + QStringLiteral("s"));
    m_table->setObjectName(prefix + QStringLiteral("Table"));
    m_table->setAccessibleName(kind == Kind::Login ? tr("Login redirects") : tr("Logout redirects"));
    QStringList headers{tr("Role"), tr("Send them to")};
    if (kind == Kind::Login)
        headers << tr("First sign-in only");
    headers << QString();
    m_table->setHorizontalHeaderLabels(headers);
    m_table->horizontalHeader()->setSectionResizeMode(RoleColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(UrlColumn, QHeaderView::Stretch);
    for (int c = UrlColumn + 1; c < m_table->columnCount(); ++c)
        m_table->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_table->verticalHeader()->hide();
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setMinimumHeight(110);

    auto *add = new QPushButton(kind == Kind::Login ? tr("Add lo&gin redirect") : tr("Add log&out redirect"), this);
    add->setObjectName(prefix + QStringLiteral("AddButton"));
    connect(add, &QPushButton::clicked, this, [this]() {
        addRow();
        if (QWidget *url = m_table->cellWidget(m_table->rowCount() - 1, UrlColumn))
            url->setFocus();
    });
    auto *note = new QLabel(kind == Kind::Login
                                ? tr("Applies to users linked to WorkOS when no explicit redirect was asked for. An address is a "
                                     "page of this site (/welcome/) or a URL on its own host.")
                                : tr("Applies to users linked to WorkOS. An address is a page of this site (/goodbye/) or a URL on "
                                     "its own host."),
                            this);
    note->setWordWrap(true);
    note->setStyleSheet(QStringLiteral("QLabel { color: palette(mid); }"));
    m_problems->setObjectName(prefix + QStringLiteral("Problems"));
    m_problems->setWordWrap(true);
    m_problems->setStyleSheet(QStringLiteral("QLabel { color: #b3261e; }"));
    m_problems->hide();

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table);
    layout->addLayout(buttons);
    layout->addWidget(note);
    layout->addWidget(m_problems);
}

void RedirectTable::load(const QJsonObject &map, const QList<std::pair<QString, QString>> &wordpressRoles, const QUrl &home,
                         bool discardEdits)
{
    const bool keep = !discardEdits && isModified();
    const QList<Row> edited = rows();
    m_loaded = map;
    m_wordpressRoles = wordpressRoles;
    m_home = home;
    m_refusal.clear();
    if (!keep)
        return revert();
    m_loading = true;
    m_table->setRowCount(0);
    for (const Row &r : edited)
        addRow(r.role, r.url, r.firstLoginOnly);
    m_loading = false;
    update();
}

void RedirectTable::revert()
{
    m_refusal.clear();
    m_loading = true;
    m_table->setRowCount(0);
    for (auto it = m_loaded.begin(); it != m_loaded.end(); ++it) {
        if (m_kind == Kind::Login)
            addRow(it.key(), it.value().toObject().value(u"url").toString(), it.value().toObject().value(u"first_login_only").toBool());
        else
            addRow(it.key(), it.value().toString());
    }
    m_loading = false;
    update();
}

QString RedirectTable::roleLabel(const QString &role) const
{
    if (role == RedirectRules::defaultKey())
        return tr("Default (all roles)");
    for (const auto &[slug, name] : m_wordpressRoles) {
        if (slug == role)
            return name;
    }
    return role;
}

void RedirectTable::addRow(const QString &role, const QString &url, bool firstLoginOnly)
{
    const QString prefix = mapName() + QStringLiteral("Redirect");
    const int row = m_table->rowCount();
    m_table->insertRow(row);

    auto *roleBox = new QComboBox(m_table);
    roleBox->setObjectName(prefix + QStringLiteral("Role"));
    roleBox->setAccessibleName(tr("Role of row %1").arg(row + 1));
    roleBox->addItem(roleLabel(RedirectRules::defaultKey()), RedirectRules::defaultKey());
    for (const auto &[slug, name] : m_wordpressRoles)
        roleBox->addItem(name, slug);
    int index = roleBox->findData(role);
    if (index < 0 && !role.isEmpty()) {
        roleBox->addItem(tr("%1 (not a role on this site)").arg(role), role);
        index = roleBox->count() - 1;
    }
    roleBox->setCurrentIndex(std::max(0, index));
    connect(roleBox, &QComboBox::currentIndexChanged, this, &RedirectTable::onEdited);

    auto *urlEdit = new QLineEdit(url, m_table);
    urlEdit->setObjectName(prefix + QStringLiteral("Url"));
    urlEdit->setAccessibleName(tr("Address of row %1").arg(row + 1));
    urlEdit->setPlaceholderText(m_kind == Kind::Login ? QStringLiteral("/welcome/") : QStringLiteral("/goodbye/"));
    connect(urlEdit, &QLineEdit::textChanged, this, &RedirectTable::onEdited);

    int column = UrlColumn + 1;
    if (m_kind == Kind::Login) {
        auto *first = new QCheckBox(m_table);
        first->setObjectName(prefix + QStringLiteral("FirstLogin"));
        first->setAccessibleName(tr("First sign-in only, row %1").arg(row + 1));
        first->setChecked(firstLoginOnly);
        connect(first, &QCheckBox::toggled, this, &RedirectTable::onEdited);
        m_table->setCellWidget(row, column++, first);
    }
    auto *remove = new QToolButton(m_table);
    remove->setObjectName(prefix + QStringLiteral("Remove"));
    remove->setText(tr("Remove"));
    remove->setAccessibleName(tr("Remove row %1").arg(row + 1));
    connect(remove, &QToolButton::clicked, this, [this, remove, column]() {
        for (int r = 0; r < m_table->rowCount(); ++r) {
            if (m_table->cellWidget(r, column) == remove) {
                m_table->removeRow(r);
                break;
            }
        }
        onEdited();
    });
    m_table->setCellWidget(row, RoleColumn, roleBox);
    m_table->setCellWidget(row, UrlColumn, urlEdit);
    m_table->setCellWidget(row, column, remove);
    onEdited();
}

QList<RedirectTable::Row> RedirectTable::rows() const
{
    QList<Row> found;
    for (int r = 0; r < m_table->rowCount(); ++r) {
        const auto *role = qobject_cast<QComboBox *>(m_table->cellWidget(r, RoleColumn));
        const auto *url = qobject_cast<QLineEdit *>(m_table->cellWidget(r, UrlColumn));
        const auto *first = m_kind == Kind::Login ? qobject_cast<QCheckBox *>(m_table->cellWidget(r, UrlColumn + 1)) : nullptr;
        if (role && url)
            found.append({role->currentData().toString(), url->text().trimmed(), first && first->isChecked()});
    }
    return found;
}

QJsonObject RedirectTable::wanted() const
{
    QJsonObject map;
    for (const Row &r : rows()) {
        if (m_kind == Kind::Login)
            map.insert(r.role, QJsonObject{{QStringLiteral("url"), r.url}, {QStringLiteral("first_login_only"), r.firstLoginOnly}});
        else
            map.insert(r.role, r.url);
    }
    return map;
}

bool RedirectTable::isModified() const
{
    return wanted() != m_loaded || rows().size() != m_loaded.size();
}

QStringList RedirectTable::problems() const
{
    QStringList found;
    QStringList roles;
    for (const auto &role : m_wordpressRoles)
        roles << role.first;
    const QList<Row> all = rows();
    if (all.size() > RedirectRules::MaxEntries)
        found << tr("At most %1 redirects.").arg(RedirectRules::MaxEntries);
    QSet<QString> seen;
    for (const Row &r : all) {
        const QString label = roleLabel(r.role);
        if (seen.contains(r.role))
            found << tr("%1: two rows for this role; keep one.").arg(label);
        seen.insert(r.role);
        const QJsonValue entry = m_kind == Kind::Login ? QJsonValue(QJsonObject{{QStringLiteral("url"), r.url}}) : QJsonValue(r.url);
        const QJsonObject one{{mapName(), QJsonObject{{r.role, entry}}},
                              {m_kind == Kind::Login ? QStringLiteral("logout") : QStringLiteral("login"), QJsonObject()}};
        for (const RedirectRules::Problem &p : RedirectRules::validate(one, roles, m_home))
            found << tr("%1: %2").arg(label, p.message);
    }
    if (!m_refusal.isEmpty())
        found << tr("%1: %2").arg(roleLabel(m_refusedRole), m_refusal);
    return found;
}

void RedirectTable::showSiteRefusal(const QString &role, const QString &message)
{
    m_refusedRole = role;
    m_refusal = message;
    update();
}

void RedirectTable::onEdited()
{
    if (m_loading)
        return;
    m_refusal.clear();
    update();
}

void RedirectTable::update()
{
    const QStringList found = problems();
    m_problems->setText(found.join(QLatin1Char('\n')));
    m_problems->setVisible(!found.isEmpty());
    QStringList roles;
    for (const auto &role : m_wordpressRoles)
        roles << role.first;
    QSet<QString> seen;
    for (int r = 0; r < m_table->rowCount(); ++r) {
        auto *role = qobject_cast<QComboBox *>(m_table->cellWidget(r, RoleColumn));
        auto *url = qobject_cast<QLineEdit *>(m_table->cellWidget(r, UrlColumn));
        if (!role || !url)
            continue;
        const QString key = role->currentData().toString();
        const bool badRole = seen.contains(key) || (key != RedirectRules::defaultKey() && !roles.contains(key)) ||
                             (!m_refusal.isEmpty() && key == m_refusedRole);
        seen.insert(key);
        const QString text = url->text().trimmed();
        const bool badUrl = text.isEmpty() || !RedirectRules::isSafe(text, m_home);
        role->setStyleSheet(badRole ? kBadCombo : QString());
        url->setStyleSheet(badUrl ? kBadLine : QString());
        url->setToolTip(badUrl ? tr("Not an address the site accepts: a page of this site (/welcome/) or a URL on %1.").arg(m_home.authority())
                               : QString());
    }
    Q_EMIT changed();
}

} // namespace workos::gui

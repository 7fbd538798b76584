#include "widgets/ActivityFilterBar.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTimer>

#include <algorithm>
#include <tuple>

namespace workos::gui {

namespace {

constexpr int kTypingPauseMs = 250;

QLabel *buddyLabel(const QString &text, QWidget *buddy, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setBuddy(buddy);
    return label;
}

} // namespace

ActivityFilterBar::ActivityFilterBar(QWidget *parent)
    : QWidget(parent), m_type(new QComboBox(this)), m_user(new QLineEdit(this)), m_fromOn(new QCheckBox(tr("Fro&m:"), this)),
      m_from(new QDateEdit(this)), m_toOn(new QCheckBox(tr("T&o:"), this)), m_to(new QDateEdit(this)), m_search(new QLineEdit(this)),
      m_clear(new QPushButton(tr("C&lear"), this)), m_saved(new QComboBox(this)), m_save(new QPushButton(tr("Sa&ve as…"), this)),
      m_delete(new QPushButton(tr("&Delete"), this)), m_typing(new QTimer(this))
{
    setObjectName(QStringLiteral("activityFilterBar"));
    m_type->setObjectName(QStringLiteral("activityType"));
    m_type->setMinimumContentsLength(16);
    m_type->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_type->addItem(tr("All types"), QString());
    m_user->setObjectName(QStringLiteral("activityUser"));
    m_user->setPlaceholderText(tr("User id or e-mail"));
    m_user->setClearButtonEnabled(true);
    // Room for an e-mail address: the date pickers beside it must not squeeze it to nothing.
    m_user->setMinimumWidth(m_user->fontMetrics().horizontalAdvance(m_user->placeholderText()) + 40);
    m_search->setObjectName(QStringLiteral("activitySearch"));
    m_search->setPlaceholderText(tr("Words in the event, e-mail, IP, browser or details (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_clear->setObjectName(QStringLiteral("activityClear"));
    m_clear->setToolTip(tr("Show every event again"));
    const QDate today = QDateTime::currentDateTimeUtc().date();
    for (auto [check, edit, name, date] : {std::tuple{m_fromOn, m_from, "activityFrom", today.addDays(-7)},
                                          std::tuple{m_toOn, m_to, "activityTo", today}}) {
        check->setObjectName(QLatin1String(name) + QStringLiteral("On"));
        edit->setObjectName(QLatin1String(name));
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        edit->setDate(date);
        edit->setEnabled(false);
        edit->setAccessibleName(check == m_fromOn ? tr("First day (UTC)") : tr("Last day (UTC)"));
        edit->setToolTip(tr("A day in UTC, as the log's times are"));
        connect(check, &QCheckBox::toggled, edit, &QWidget::setEnabled);
        connect(check, &QCheckBox::toggled, this, &ActivityFilterBar::announce);
        connect(edit, &QDateEdit::dateChanged, this, &ActivityFilterBar::announce);
    }
    m_saved->setObjectName(QStringLiteral("activitySavedFilters"));
    m_saved->setMinimumContentsLength(14);
    m_saved->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_save->setObjectName(QStringLiteral("activitySaveFilter"));
    m_save->setToolTip(tr("Keep the current filters under a name"));
    m_delete->setObjectName(QStringLiteral("activityDeleteFilter"));
    m_delete->setToolTip(tr("Forget the selected saved filter"));
    m_delete->setAccessibleName(tr("Delete the selected saved filter"));
    setSavedNames({});

    // Typing is announced after a pause, so a word is looked for once, not once a letter.
    m_typing->setSingleShot(true);
    m_typing->setInterval(kTypingPauseMs);
    connect(m_typing, &QTimer::timeout, this, &ActivityFilterBar::announce);
    for (QLineEdit *edit : {m_search, m_user}) {
        connect(edit, &QLineEdit::textChanged, m_typing, qOverload<>(&QTimer::start));
        connect(edit, &QLineEdit::returnPressed, this, &ActivityFilterBar::announce);
    }
    connect(m_type, &QComboBox::activated, this, &ActivityFilterBar::announce);
    connect(m_clear, &QPushButton::clicked, this, [this]() {
        setFilter({});
        m_saved->setCurrentIndex(0);
        m_delete->setEnabled(false);
        Q_EMIT cleared();
        announce();
    });
    connect(m_saved, &QComboBox::activated, this, [this](int index) {
        m_delete->setEnabled(index > 0);
        if (index > 0)
            Q_EMIT savedChosen(m_saved->itemText(index));
    });
    connect(m_save, &QPushButton::clicked, this, &ActivityFilterBar::saveRequested);
    connect(m_delete, &QPushButton::clicked, this, [this]() {
        if (m_saved->currentIndex() > 0)
            Q_EMIT deleteRequested(m_saved->currentText());
    });

    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(buddyLabel(tr("&Type:"), m_type, this), 0, 0);
    grid->addWidget(m_type, 0, 1);
    grid->addWidget(buddyLabel(tr("&User:"), m_user, this), 0, 2);
    grid->addWidget(m_user, 0, 3);
    auto *dates = new QHBoxLayout;
    dates->addWidget(m_fromOn);
    dates->addWidget(m_from);
    dates->addSpacing(8);
    dates->addWidget(m_toOn);
    dates->addWidget(m_to);
    dates->addStretch(1);
    grid->addLayout(dates, 0, 4);
    grid->addWidget(buddyLabel(tr("Sea&rch:"), m_search, this), 1, 0);
    grid->addWidget(m_search, 1, 1, 1, 3);
    auto *saved = new QHBoxLayout;
    saved->addWidget(m_clear);
    saved->addSpacing(12);
    saved->addWidget(buddyLabel(tr("Sav&ed:"), m_saved, this));
    saved->addWidget(m_saved, 1);
    saved->addWidget(m_save);
    saved->addWidget(m_delete);
    grid->addLayout(saved, 1, 4);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(3, 1);

    setTabOrder(m_type, m_user);
    setTabOrder(m_user, m_fromOn);
    setTabOrder(m_fromOn, m_from);
    setTabOrder(m_from, m_toOn);
    setTabOrder(m_toOn, m_to);
    setTabOrder(m_to, m_search);
    setTabOrder(m_search, m_clear);
    setTabOrder(m_clear, m_saved);
    setTabOrder(m_saved, m_save);
    setTabOrder(m_save, m_delete);
}

void ActivityFilterBar::announce()
{
    m_typing->stop();
    Q_EMIT changed();
}

ActivityFilter ActivityFilterBar::filter() const
{
    ActivityFilter f;
    f.eventType = m_type->currentData().toString();
    f.user = m_user->text().trimmed();
    if (m_fromOn->isChecked())
        f.from = QDateTime(m_from->date(), QTime(0, 0), Qt::UTC);
    if (m_toOn->isChecked())
        f.to = QDateTime(m_to->date(), QTime(23, 59, 59), Qt::UTC);
    f.search = m_search->text();
    return f;
}

void ActivityFilterBar::setFilter(const ActivityFilter &filter)
{
    const QSignalBlocker blockers[] = {QSignalBlocker(m_type), QSignalBlocker(m_user), QSignalBlocker(m_search), QSignalBlocker(m_fromOn),
                                       QSignalBlocker(m_from), QSignalBlocker(m_toOn), QSignalBlocker(m_to)};
    if (!filter.eventType.isEmpty() && m_type->findData(filter.eventType) < 0)
        m_type->addItem(filter.eventType, filter.eventType); // a saved type with no event (yet)
    m_type->setCurrentIndex(std::max(0, m_type->findData(filter.eventType)));
    m_user->setText(filter.user);
    m_search->setText(filter.search);
    m_fromOn->setChecked(filter.from.isValid());
    m_from->setEnabled(filter.from.isValid());
    if (filter.from.isValid())
        m_from->setDate(filter.from.toUTC().date());
    m_toOn->setChecked(filter.to.isValid());
    m_to->setEnabled(filter.to.isValid());
    if (filter.to.isValid())
        m_to->setDate(filter.to.toUTC().date());
    m_typing->stop();
}

void ActivityFilterBar::setTypes(const QStringList &types)
{
    const QString current = m_type->currentData().toString();
    const QSignalBlocker block(m_type);
    m_type->clear();
    m_type->addItem(tr("All types"), QString());
    for (const QString &type : types)
        m_type->addItem(type, type);
    if (!current.isEmpty() && m_type->findData(current) < 0)
        m_type->addItem(current, current);
    m_type->setCurrentIndex(std::max(0, m_type->findData(current)));
}

void ActivityFilterBar::setSavedNames(const QStringList &names, const QString &current)
{
    const QSignalBlocker block(m_saved);
    m_saved->clear();
    m_saved->addItem(tr("(none)"));
    m_saved->addItems(names);
    m_saved->setCurrentIndex(current.isEmpty() ? 0 : std::max(0, m_saved->findText(current)));
    m_delete->setEnabled(m_saved->currentIndex() > 0);
}

QString ActivityFilterBar::currentSaved() const
{
    return m_saved->currentIndex() > 0 ? m_saved->currentText() : QString();
}

void ActivityFilterBar::setSavingEnabled(bool enabled)
{
    m_save->setEnabled(enabled);
}

void ActivityFilterBar::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

} // namespace workos::gui

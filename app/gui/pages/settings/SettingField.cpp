#include "pages/settings/SettingField.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPainterPath>
#include <QRegularExpression>
#include <QSpinBox>
#include <QVBoxLayout>

namespace workos::gui {

namespace {

// A padlock, drawn so it needs no icon theme (offscreen and minimal desktops have none).
QPixmap lockPixmap(int size, const QColor &colour)
{
    const qreal ratio = 2.0;
    QPixmap pixmap(QSize(size, size) * ratio);
    pixmap.setDevicePixelRatio(ratio);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const qreal s = size;
    QPen shackle(colour, s * 0.12);
    p.setPen(shackle);
    p.setBrush(Qt::NoBrush);
    p.drawArc(QRectF(s * 0.28, s * 0.08, s * 0.44, s * 0.5), 0, 180 * 16);
    p.drawLine(QPointF(s * 0.28, s * 0.33), QPointF(s * 0.28, s * 0.45));
    p.drawLine(QPointF(s * 0.72, s * 0.33), QPointF(s * 0.72, s * 0.45));
    p.setPen(Qt::NoPen);
    p.setBrush(colour);
    p.drawRoundedRect(QRectF(s * 0.16, s * 0.45, s * 0.68, s * 0.48), s * 0.08, s * 0.08);
    return pixmap;
}

const QString kErrorStyle = QStringLiteral("QLabel { color: #b3261e; }");
const QString kFieldErrorStyle = QStringLiteral("border: 1px solid #b3261e;");

} // namespace

SettingField::SettingField(const QString &key, Kind kind, QWidget *parent)
    : QWidget(parent), m_key(key), m_kind(kind), m_lock(new QLabel(this)), m_source(new QLabel(this)), m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("settingField_") + key);
    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    switch (kind) {
    case Kind::Text:
    case Kind::Secret:
        m_line = new QLineEdit(this);
        m_editor = m_line;
        m_line->setClearButtonEnabled(kind == Kind::Text);
        connect(m_line, &QLineEdit::textEdited, this, &SettingField::onEdited);
        if (kind == Kind::Secret) {
            // Never filled from the site, never echoed: a new value only.
            m_line->setEchoMode(QLineEdit::Password);
            m_line->setPlaceholderText(tr("Type a new value to replace it"));
            m_secretState = new QLabel(this);
            m_secretState->setObjectName(QStringLiteral("secretState_") + key);
            m_secretState->setMinimumWidth(150);
            row->addWidget(m_secretState);
        }
        break;
    case Kind::Choice:
        m_combo = new QComboBox(this);
        m_editor = m_combo;
        connect(m_combo, &QComboBox::activated, this, &SettingField::onEdited);
        break;
    case Kind::Flag:
        m_check = new QCheckBox(this);
        m_editor = m_check;
        connect(m_check, &QCheckBox::clicked, this, &SettingField::onEdited);
        break;
    case Kind::Number:
        m_spin = new QSpinBox(this);
        m_editor = m_spin;
        connect(m_spin, &QSpinBox::valueChanged, this, [this]() {
            if (!m_loading)
                onEdited();
        });
        break;
    }
    m_editor->setObjectName(QStringLiteral("setting_") + key);
    // IDs and addresses fit; wider editors only make the form harder to scan.
    if (kind != Kind::Flag) {
        m_editor->setMaximumWidth(560);
        row->addWidget(m_editor, 1);
        row->addStretch(0);
    } else {
        row->addWidget(m_editor, 1);
    }
    m_lock->setObjectName(QStringLiteral("settingLock_") + key);
    m_lock->setPixmap(lockPixmap(14, QColor(0x8a, 0x5a, 0x00)));
    m_lock->hide();
    row->addWidget(m_lock);
    m_source->setObjectName(QStringLiteral("settingSource_") + key);
    m_source->setTextInteractionFlags(Qt::TextSelectableByMouse);
    row->addWidget(m_source);

    m_error->setObjectName(QStringLiteral("settingError_") + key);
    m_error->setStyleSheet(kErrorStyle);
    m_error->setWordWrap(true);
    m_error->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(row);
    layout->addWidget(m_error);
    setFocusProxy(m_editor);
}

void SettingField::addChoice(const QJsonValue &value, const QString &label)
{
    if (m_combo)
        m_combo->addItem(label, value.toVariant());
}

void SettingField::clearChoices()
{
    if (m_combo)
        m_combo->clear();
}

void SettingField::setRange(int minimum, int maximum, const QString &suffix)
{
    if (!m_spin)
        return;
    m_loading = true;
    m_spin->setRange(minimum, maximum);
    m_spin->setSuffix(suffix);
    m_loading = false;
}

void SettingField::setFlagText(const QString &text)
{
    if (m_check)
        m_check->setText(text);
}

void SettingField::setPlaceholder(const QString &text)
{
    if (m_line)
        m_line->setPlaceholderText(text);
}

void SettingField::setEntry(const QJsonObject &entry, bool discardEdit)
{
    const bool keep = !discardEdit && isModified();
    const QJsonValue edit = value();
    m_entry = entry;
    const bool writable = isWritable();
    if (m_line) {
        m_line->setReadOnly(!writable);
        m_line->setClearButtonEnabled(writable && m_kind == Kind::Text);
        if (m_kind == Kind::Secret)
            m_line->setPlaceholderText(writable ? tr("Type a new value to replace it") : tr("Change it in wp-config.php"));
    } else {
        m_editor->setEnabled(writable);
    }
    if (keep && writable) {
        const QSignalBlocker block(this);
        setValue(edit);
    } else {
        showSiteValue();
    }
    updateSecretState();
    updateSource();
    showError(problem());
}

bool SettingField::isModified() const
{
    if (m_kind == Kind::Secret)
        return m_line && !m_line->text().trimmed().isEmpty();
    return value() != siteValue();
}

QJsonValue SettingField::value() const
{
    switch (m_kind) {
    case Kind::Text:
        return m_line->text().trimmed();
    case Kind::Secret: {
        const QString typed = m_line->text().trimmed();
        return typed.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(typed);
    }
    case Kind::Choice:
        return m_combo->currentIndex() < 0 ? siteValue() : QJsonValue::fromVariant(m_combo->currentData());
    case Kind::Flag:
        return m_check->isChecked();
    case Kind::Number:
        return m_spin->value();
    }
    return {};
}

QJsonValue SettingField::siteValue() const
{
    if (m_kind == Kind::Secret)
        return QJsonValue::Undefined;
    const QJsonValue v = m_entry.value(u"value");
    // The site answers integers as JSON numbers; compare them as the editor holds them.
    if (m_kind == Kind::Number || (m_kind == Kind::Choice && v.isDouble()))
        return v.toInteger();
    if (m_kind == Kind::Text)
        return v.toString();
    return v;
}

void SettingField::setValue(const QJsonValue &v)
{
    m_loading = true;
    switch (m_kind) {
    case Kind::Text:
    case Kind::Secret:
        m_line->setText(v.toString());
        break;
    case Kind::Choice: {
        int index = m_combo->findData(v.toVariant());
        if (index < 0 && !v.isUndefined() && !v.isNull()) {
            // A value the site holds that this console does not offer (an older setting).
            const QString shown = v.isString() ? v.toString() : QString::number(v.toInteger());
            m_combo->addItem(tr("%1 (not offered here)").arg(shown), v.toVariant());
            index = m_combo->count() - 1;
        }
        m_combo->setCurrentIndex(index);
        break;
    }
    case Kind::Flag:
        m_check->setChecked(v.toBool());
        break;
    case Kind::Number:
        m_spin->setValue(static_cast<int>(v.toInteger()));
        break;
    }
    m_loading = false;
    updateSource();
    showError(problem());
    Q_EMIT edited();
}

void SettingField::showSiteValue()
{
    if (m_kind == Kind::Secret) {
        m_line->clear();
        return;
    }
    const QSignalBlocker block(this);
    setValue(siteValue());
}

void SettingField::updateSecretState()
{
    if (!m_secretState)
        return;
    const bool set = m_entry.value(u"set").toBool();
    const QString last4 = m_entry.value(u"last4").toString();
    m_secretState->setText(!set ? tr("not set") : last4.isEmpty() ? tr("set") : tr("set, ends in %1").arg(last4));
}

void SettingField::revert()
{
    showSiteValue();
    updateSource();
    showError(QString());
    Q_EMIT edited();
}

QString SettingField::problem() const
{
    if (!isModified() || !m_rule)
        return {};
    return m_rule(value());
}

void SettingField::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
    m_editor->setStyleSheet(message.isEmpty() ? QString() : kFieldErrorStyle);
}

QString SettingField::error() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

void SettingField::onEdited()
{
    if (m_loading)
        return;
    updateSource();
    showError(problem());
    Q_EMIT edited();
}

void SettingField::updateSource()
{
    const QString source = m_entry.value(u"source").toString();
    const QString constant = m_entry.value(u"constant").toString();
    QString text;
    if (!isWritable() || source == u"constant") {
        text = tr("Source: constant %1 in wp-config.php").arg(constant);
        m_source->setToolTip(tr("Locked: %1 is defined in the site's wp-config.php, so the site refuses every change "
                                "made here. Change it there.")
                                 .arg(constant));
        m_source->setStyleSheet(QStringLiteral("QLabel { color: #8a5a00; }"));
    } else {
        text = source == u"database" ? tr("Source: database") : source.isEmpty() ? QString() : tr("Source: default");
        m_source->setToolTip(source == u"database" ? tr("Saved on the site (its options table).")
                                                   : tr("Not saved on the site: the companion's default applies."));
        m_source->setStyleSheet(QStringLiteral("QLabel { color: #6b6b6b; }"));
    }
    if (isModified())
        text += tr(" — changed, not saved");
    m_source->setText(text);
    m_lock->setVisible(!isWritable());
    m_lock->setToolTip(m_source->toolTip());
    if (!isWritable())
        m_editor->setToolTip(m_source->toolTip());
}

QString SettingField::keyNamedBy(const Error &error)
{
    // 409 workos_setting_locked: data.setting; 400 workos_invalid_reassign_user: data.param.
    if (const QString setting = error.data.value(u"setting").toString(); !setting.isEmpty())
        return setting;
    static const QRegularExpression named(QStringLiteral("(?:settings|site)\\[([a-z_]+)\\]"));
    if (const auto m = named.match(error.data.value(u"param").toString()); m.hasMatch())
        return m.captured(1);
    // 400 rest_invalid_param: data.params {"settings": "settings[client_id] does not match pattern …"}.
    const QJsonObject params = error.data.value(u"params").toObject();
    for (auto it = params.begin(); it != params.end(); ++it) {
        if (const auto m = named.match(it.value().toString()); m.hasMatch())
            return m.captured(1);
    }
    if (const auto m = named.match(error.message); m.hasMatch())
        return m.captured(1);
    return {};
}

} // namespace workos::gui

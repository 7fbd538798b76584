#include "pages/settings/SaveBar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace workos::gui {

SaveBar::SaveBar(const QString &prefix, QWidget *parent)
    : QWidget(parent), m_status(new QLabel(this)), m_error(new QLabel(this)), m_revert(new QPushButton(tr("&Revert"), this)),
      m_save(new QPushButton(tr("&Save…"), this))
{
    m_status->setObjectName(prefix + QStringLiteral("SaveStatus"));
    m_error->setObjectName(prefix + QStringLiteral("SaveError"));
    m_revert->setObjectName(prefix + QStringLiteral("RevertButton"));
    m_save->setObjectName(prefix + QStringLiteral("SaveButton"));
    m_revert->setToolTip(tr("Put back what the site holds"));
    m_save->setToolTip(tr("Review the changes, then write them to the site"));
    m_save->setDefault(true);
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(QStringLiteral("QLabel { color: #b3261e; }"));
    m_error->hide();
    m_status->setWordWrap(true);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_revert);
    buttons->addWidget(m_save);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(m_error);
    layout->addLayout(buttons);

    connect(m_save, &QPushButton::clicked, this, &SaveBar::saveRequested);
    connect(m_revert, &QPushButton::clicked, this, &SaveBar::revertRequested);
    update();
}

void SaveBar::setChangeCount(int changes)
{
    if (changes != m_changes && changes > 0)
        m_status->setStyleSheet(QString());
    m_changes = changes;
    update();
}

void SaveBar::setBusy(bool busy)
{
    m_busy = busy;
    update();
}

void SaveBar::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void SaveBar::showDone(const QString &message)
{
    showError(QString());
    m_status->setText(message);
    m_status->setStyleSheet(QStringLiteral("QLabel { color: #1e6b2e; }"));
}

void SaveBar::clearMessages()
{
    showError(QString());
    m_status->setStyleSheet(QString());
    update();
}

void SaveBar::update()
{
    m_save->setEnabled(m_changes > 0 && !m_busy);
    m_revert->setEnabled(m_changes > 0 && !m_busy);
    if (m_busy)
        m_status->setText(tr("Writing to the site…"));
    else if (m_changes > 0)
        m_status->setText(tr("%n unsaved change(s)", nullptr, m_changes));
    else if (m_status->styleSheet().isEmpty())
        m_status->setText(tr("No unsaved changes"));
}

} // namespace workos::gui

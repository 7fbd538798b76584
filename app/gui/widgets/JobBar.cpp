#include "widgets/JobBar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

namespace workos::gui {

JobBar::JobBar(QWidget *parent)
    : QWidget(parent), m_text(new QLabel(this)), m_bar(new QProgressBar(this)), m_cancel(new QPushButton(tr("Cancel"), this))
{
    setObjectName(QStringLiteral("jobBar"));
    m_text->setObjectName(QStringLiteral("jobText"));
    m_bar->setObjectName(QStringLiteral("jobProgress"));
    m_cancel->setObjectName(QStringLiteral("jobCancel"));
    m_bar->setAccessibleName(tr("Progress"));
    m_cancel->setAccessibleName(tr("Cancel the running job"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_bar, 1);
    layout->addWidget(m_cancel);
    connect(m_cancel, &QPushButton::clicked, this, [this]() {
        m_cancel->setEnabled(false);
        m_text->setText(tr("Cancelling…"));
        Q_EMIT cancelRequested();
    });
    hide();
}

void JobBar::start(const QString &text, qint64 total)
{
    m_running = true;
    m_total = total;
    m_text->setText(text);
    m_bar->setRange(0, total > 0 ? 1000 : 0);
    m_bar->setValue(0);
    m_cancel->setEnabled(true);
    show();
}

void JobBar::setProgress(qint64 done, const QString &text)
{
    if (m_total > 0)
        m_bar->setValue(int(qBound(qint64(0), done * 1000 / m_total, qint64(1000))));
    if (!text.isEmpty() && m_cancel->isEnabled())
        m_text->setText(text);
}

void JobBar::finish()
{
    m_running = false;
    hide();
}

} // namespace workos::gui

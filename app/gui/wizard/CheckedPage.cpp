#include "wizard/CheckedPage.h"

#include "wizard/OnboardingWizard.h"

#include <QLabel>

namespace workos::gui {

CheckedPage::CheckedPage(OnboardingWizard *wizard) : QWizardPage(wizard), m_wizard(wizard), m_status(new QLabel(this))
{
    m_status->setObjectName(QStringLiteral("checkStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->hide();
}

bool CheckedPage::validatePage()
{
    if (m_passed)
        return true;
    if (!m_checking) {
        m_checking = true;
        // The fields stay as they were checked: no edit can slip in while the answer is awaited.
        setEnabled(false);
        showStatus(tr("Checking…"));
        Q_EMIT completeChanged();
        check();
    }
    return false;
}

bool CheckedPage::isComplete() const
{
    return !m_checking && filled();
}

void CheckedPage::passed(const QString &text)
{
    m_checking = false;
    setEnabled(true);
    m_passed = true;
    showStatus(text);
    Q_EMIT completeChanged();
    // Moves on as if Next had been pressed again, now that the answer is in.
    if (wizard() && wizard()->currentPage() == this)
        wizard()->next();
}

void CheckedPage::failed(const QString &message)
{
    m_checking = false;
    setEnabled(true);
    m_passed = false;
    m_status->setStyleSheet(QStringLiteral("QLabel { color: #b3261e; }"));
    m_status->setText(message);
    m_status->setVisible(!message.isEmpty());
    m_status->setAccessibleDescription(message);
    Q_EMIT completeChanged();
}

void CheckedPage::showStatus(const QString &text)
{
    m_status->setStyleSheet(QString());
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
}

void CheckedPage::invalidate()
{
    m_passed = false;
    if (!m_checking)
        showStatus(QString());
    Q_EMIT completeChanged();
}

} // namespace workos::gui

#include "wizard/SummaryPage.h"

#include "wizard/OnboardingWizard.h"

#include <QLabel>
#include <QVBoxLayout>

namespace workos::gui {

SummaryPage::SummaryPage(OnboardingWizard *wizard) : CheckedPage(wizard), m_summary(new QLabel(this))
{
    setObjectName(QStringLiteral("summaryPage"));
    setTitle(tr("Ready to apply"));
    setSubTitle(tr("Nothing has been written yet. Apply writes the following; if any step fails, or you cancel, "
                   "what was written is taken back."));
    setCommitPage(true);
    setButtonText(QWizard::CommitButton, tr("&Apply"));
    m_summary->setObjectName(QStringLiteral("summaryText"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addStretch(1);
    layout->addWidget(m_status);
}

void SummaryPage::initializePage()
{
    QString html = QStringLiteral("<ul>");
    for (const QString &line : m_wizard->plan().summary())
        html += QStringLiteral("<li>") + line.toHtmlEscaped() + QStringLiteral("</li>");
    html += QStringLiteral("</ul>");
    if (m_wizard->plan().forcesSsoWithoutBreakGlass())
        html += QStringLiteral("<p style=\"color:#8a5300\"><b>%1</b></p>")
                    .arg(tr("WordPress passwords will be refused: make sure WorkOS sign-in works before you rely on it.").toHtmlEscaped());
    m_summary->setText(html);
}

void SummaryPage::check()
{
    m_wizard->onboarding().apply(
        m_wizard->plan(), [this](const QString &step) { showStatus(step); },
        [this](const Result<Onboarding::Outcome> &outcome) {
            if (!outcome) {
                // Cancel pressed while applying: everything is taken back; the wizard may close now.
                if (outcome.error().code == u"cancelled") {
                    failed(outcome.error().message);
                    m_wizard->reject();
                    return;
                }
                return failed(tr("Nothing was kept. %1").arg(outcome.error().message));
            }
            m_wizard->setOutcome(outcome.value());
            m_wizard->setApplied(m_wizard->plan().site.name);
            passed();
        });
}

} // namespace workos::gui

#include "wizard/DonePage.h"

#include "diagnostics/Diagnostics.h"
#include "pages/users/SyncRunDialog.h"
#include "sync/SyncJournal.h"
#include "wizard/OnboardingWizard.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace workos::gui {

DonePage::DonePage(OnboardingWizard *wizard)
    : QWizardPage(wizard), m_wizard(wizard), m_result(new QLabel(this)), m_checks(new QLabel(this)),
      m_import(new QPushButton(tr("&Import users from WorkOS…"), this))
{
    setObjectName(QStringLiteral("donePage"));
    setTitle(tr("Site set up"));
    m_result->setObjectName(QStringLiteral("doneResult"));
    m_result->setWordWrap(true);
    m_checks->setObjectName(QStringLiteral("doneChecks"));
    m_checks->setWordWrap(true);
    m_checks->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_result);
    layout->addSpacing(8);
    layout->addWidget(m_checks);
    layout->addStretch(1);
    auto *importHint = new QLabel(tr("Optional: bring the organization's WorkOS users in now — a dry run shows who would be "
                                     "created, linked or skipped and why, before anything is written."), this);
    importHint->setWordWrap(true);
    layout->addWidget(importHint);
    m_import->setObjectName(QStringLiteral("importUsersButton"));
    layout->addWidget(m_import, 0, Qt::AlignLeft);
    connect(m_import, &QPushButton::clicked, this, &DonePage::importUsers);
}

void DonePage::importUsers()
{
    const auto site = m_wizard->context().profiles.site(m_wizard->plan().site.name);
    if (!site)
        return;
    auto journal = std::make_shared<SyncJournal>(SyncJournal::defaultPath());
    if (const Result<void> opened = journal->open(); !opened) {
        m_checks->setText(opened.error().message);
        return;
    }
    auto *dialog = new SyncRunDialog(m_wizard->context(), *site, journal, SyncRunDialog::Mode::Import, {}, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->setOrganization(m_wizard->outcome().organizationId);
    dialog->open();
}

void DonePage::initializePage()
{
    const OnboardingPlan &plan = m_wizard->plan();
    const Onboarding::Outcome &outcome = m_wizard->outcome();
    QString text = tr("“%1” is in the console and WorkOS is configured for %2.").arg(plan.site.name, plan.site.environment);
    if (outcome.organizationCreated)
        text += QLatin1Char(' ') + tr("The organization %1 was created in WorkOS.").arg(outcome.organizationId);
    for (const QString &warning : outcome.warnings)
        text += QStringLiteral("\n⚠ ") + warning;
    m_result->setText(text);

    const auto site = m_wizard->context().profiles.site(plan.site.name);
    if (!site)
        return;
    m_checking = true;
    Q_EMIT completeChanged();
    m_checks->setText(tr("Checking the site and sending a signed test webhook…"));
    ConsoleContext &c = m_wizard->context();
    Diagnostics::run(c.sites, c.secrets, c.http, *site, plan.site.environment, this, [this](const QList<DiagnosticCheck> &checks) {
        m_checking = false;
        int failed = 0, warned = 0;
        QString html = QStringLiteral("<ul>");
        for (const DiagnosticCheck &check : checks) {
            if (check.status == DiagnosticCheck::Status::Fail)
                ++failed;
            else if (check.status == DiagnosticCheck::Status::Warn)
                ++warned;
            // The echo always, the rest only when something needs the admin's eye.
            if (check.source != u"webhook" && check.status == DiagnosticCheck::Status::Pass)
                continue;
            const QString word = check.status == DiagnosticCheck::Status::Pass   ? tr("Passed")
                                 : check.status == DiagnosticCheck::Status::Warn ? tr("Warning")
                                                                                 : tr("Failed");
            html += QStringLiteral("<li><b>%1</b>: %2%3</li>")
                        .arg(word.toHtmlEscaped(), check.summary.toHtmlEscaped(),
                             check.advice.isEmpty() ? QString() : QStringLiteral("<br><i>") + check.advice.toHtmlEscaped() + QStringLiteral("</i>"));
        }
        html += QStringLiteral("</ul>");
        m_checks->setText(tr("Diagnostics: %1 checks, %2 failed, %3 warnings.").arg(checks.size()).arg(failed).arg(warned) + html);
        Q_EMIT completeChanged();
    });
}

} // namespace workos::gui

#include "wizard/OnboardingWizard.h"

#include "wizard/CompanionPage.h"
#include "wizard/CredentialsPage.h"
#include "wizard/DonePage.h"
#include "wizard/OrganizationPage.h"
#include "wizard/RoleMappingPage.h"
#include "wizard/SignInPage.h"
#include "wizard/SiteAccessPage.h"
#include "wizard/SummaryPage.h"
#include "wizard/WebhookPage.h"

#include <QAbstractButton>
#include <QDesktopServices>
#include <QMessageBox>

namespace workos::gui {

OnboardingWizard::OnboardingWizard(ConsoleContext &context, QWidget *parent)
    : QWizard(parent), m_context(context), m_onboarding(context.sites, context.secrets, context.http)
{
    setObjectName(QStringLiteral("onboardingWizard"));
    openUrl = [](const QUrl &url) { return QDesktopServices::openUrl(url); };
    setWindowTitle(tr("Add a WordPress site"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnLastPage, true);
    setOption(QWizard::NoCancelButtonOnLastPage, true);
    resize(760, 600);
    setPage(SiteAccess, new SiteAccessPage(this));
    setPage(Companion, new CompanionPage(this));
    setPage(Credentials, new CredentialsPage(this));
    setPage(Organization, new OrganizationPage(this));
    setPage(Webhook, new WebhookPage(this));
    setPage(RoleMapping, new RoleMappingPage(this));
    setPage(SignIn, new SignInPage(this));
    setPage(Summary, new SummaryPage(this));
    setPage(Done, new DonePage(this));
    setStartId(SiteAccess);
    button(QWizard::NextButton)->setObjectName(QStringLiteral("wizardNext"));
    button(QWizard::BackButton)->setObjectName(QStringLiteral("wizardBack"));
    button(QWizard::CancelButton)->setObjectName(QStringLiteral("wizardCancel"));
    button(QWizard::FinishButton)->setObjectName(QStringLiteral("wizardFinish"));
}

void OnboardingWizard::setApplied(const QString &siteName)
{
    m_applied = true;
    m_appliedSite = siteName;
    Q_EMIT siteAdded(siteName);
}

void OnboardingWizard::reject()
{
    // Setting up: cancel takes back what was written (core's Onboarding does), then closes.
    if (m_onboarding.isRunning()) {
        m_onboarding.cancel();
        return;
    }
    QWizard::reject();
}

} // namespace workos::gui

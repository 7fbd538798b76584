#pragma once

#include "ConsoleContext.h"
#include "onboarding/Onboarding.h"
#include "onboarding/OnboardingPlan.h"
#include "site/SiteStatus.h"

#include <QWizard>

#include <functional>

namespace workos::gui {

// First run and "Add site": from a site address to a site signed in through WorkOS. Each page
// collects and checks (test calls only); the summary page writes it all at once through
// core's Onboarding, which takes everything back if a step fails or is cancelled.
class OnboardingWizard : public QWizard
{
    Q_OBJECT
public:
    enum PageId { SiteAccess, Companion, Credentials, Organization, Webhook, RoleMapping, SignIn, Summary, Done };

    explicit OnboardingWizard(ConsoleContext &context, QWidget *parent = nullptr);

    ConsoleContext &context() { return m_context; }
    Onboarding &onboarding() { return m_onboarding; }
    OnboardingPlan &plan() { return m_plan; }
    const SiteStatus &siteStatus() const { return m_status; }
    void setSiteStatus(const SiteStatus &status) { m_status = status; }
    const Onboarding::WorkOSCheck &workosCheck() const { return m_workos; }
    void setWorkOSCheck(const Onboarding::WorkOSCheck &check) { m_workos = check; }
    // Whether apply() ran through: the site is in the console.
    bool applied() const { return m_applied; }
    void setApplied(const QString &siteName);
    const Onboarding::Outcome &outcome() const { return m_outcome; }
    void setOutcome(const Onboarding::Outcome &outcome) { m_outcome = outcome; }
    QString appliedSite() const { return m_appliedSite; }

    void reject() override;

    // How a URL is opened in the admin's browser (tests put their own in).
    std::function<bool(const QUrl &)> openUrl;

Q_SIGNALS:
    void siteAdded(const QString &name);

private:
    ConsoleContext &m_context;
    Onboarding m_onboarding;
    OnboardingPlan m_plan;
    SiteStatus m_status;
    Onboarding::WorkOSCheck m_workos;
    Onboarding::Outcome m_outcome;
    bool m_applied = false;
    QString m_appliedSite;
};

} // namespace workos::gui

#include "wizard/RoleMappingPage.h"

#include "orgs/OrgService.h"
#include "pages/settings/RoleMapEditor.h"
#include "site/CompanionClient.h"
#include "users/UserService.h"
#include "wizard/OnboardingWizard.h"
#include "workos/WorkOSClient.h"

#include <QJsonArray>
#include <QLabel>
#include <QUrlQuery>
#include <QVBoxLayout>

namespace workos::gui {

RoleMappingPage::RoleMappingPage(OnboardingWizard *wizard)
    : QWizardPage(wizard), m_wizard(wizard), m_editor(new RoleMapEditor(this)), m_problem(new QLabel(this))
{
    setObjectName(QStringLiteral("roleMappingPage"));
    setTitle(tr("Roles"));
    setSubTitle(tr("Each WorkOS role (or directory group) gives a WordPress role at sign-in and on directory changes. "
                   "Roles the map does not name get the “member” mapping."));
    m_problem->setObjectName(QStringLiteral("roleMapProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("QLabel { color: #b3261e; }"));
    m_problem->hide();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_editor, 1);
    layout->addWidget(m_problem);
    connect(m_editor, &RoleMapEditor::changed, this, [this]() { m_problem->hide(); });
    // In the wizard a map that demotes every administrator is not written at all: fix it here.
    connect(m_editor, &RoleMapEditor::forceRequested, this, [this]() {
        m_problem->setText(tr("The setup does not write a map that takes the administrator role from every administrator. "
                              "Map one of their WorkOS roles to Administrator, or change it later on the Settings page."));
        m_problem->show();
    });
}

void RoleMappingPage::initializePage()
{
    const OnboardingPlan &plan = m_wizard->plan();
    const QString key = plan.site.name + QLatin1Char('|') + plan.site.environment + QLatin1Char('|') + plan.organizationId;
    if (key == m_loadedFor)
        return; // Back and Next again keeps the admin's edits
    m_loadedFor = key;
    m_client = std::make_shared<CompanionClient>(m_wizard->context().http, plan.site.url, plan.site.username, plan.appPassword);
    m_loading = true;
    Q_EMIT completeChanged();
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("env"), plan.site.environment);
    m_client->call("GET", QStringLiteral("admin/role-map"), query, {}, this, [this, organization = plan.organizationId](const Result<QJsonObject> &answer) {
        m_loading = false;
        Q_EMIT completeChanged();
        if (!answer) {
            m_problem->setText(tr("The site's role map could not be read: %1").arg(answer.error().message));
            m_problem->show();
            return;
        }
        QList<std::pair<QString, QString>> roles;
        for (const auto &r : answer->value(u"wordpress_roles").toArray())
            roles.append({r.toObject().value(u"slug").toString(), r.toObject().value(u"name").toString()});
        m_editor->load(answer.value(), roles, true);
        loadPeople(organization);
        loadWorkOSRoles(organization);
    });
}

void RoleMappingPage::loadPeople(const QString &organizationId)
{
    UserFilter admins;
    admins.role = QStringLiteral("administrator");
    auto administrators = std::make_shared<QJsonArray>();
    UserService::list(m_client, admins, this, [administrators](const QJsonArray &page) {
        for (const auto &user : page)
            administrators->append(user);
        return true;
    }, [this, administrators, organizationId](const Result<int> &listed) {
        if (!listed || organizationId.isEmpty()) // a new organization has no members on the site yet
            return m_editor->setPeople(QString(), {}, *administrators);
        QString name = organizationId;
        for (const auto &org : m_wizard->workosCheck().organizations) {
            if (org.toObject().value(u"id").toString() == organizationId)
                name = org.toObject().value(u"name").toString();
        }
        OrgService::members(m_client, organizationId, this, [this, administrators, name](const Result<QJsonArray> &members) {
            // Not cached on the site yet (404): nobody of it signed in there so far.
            m_editor->setPeople(name, members ? members.value() : QJsonArray(), *administrators);
        });
    });
}

void RoleMappingPage::loadWorkOSRoles(const QString &organizationId)
{
    const OnboardingPlan &plan = m_wizard->plan();
    if (organizationId.isEmpty()) {
        m_editor->setWorkOSRoles({QStringLiteral("admin"), QStringLiteral("member")},
                                 tr("A new organization starts with the environment's roles; type others or directory group names."));
        return;
    }
    WorkOSEndpoint endpoint;
    endpoint.baseUrl = plan.workosBaseUrl.isEmpty() ? WorkOSEndpoint::defaultBaseUrl() : plan.workosBaseUrl;
    endpoint.apiKey = plan.apiKey;
    auto workos = std::make_shared<WorkOSClient>(&m_wizard->context().http, endpoint);
    workos->listOrganizationRoles(organizationId, [this, workos](const Result<QJsonObject> &roles) {
        if (!roles)
            return m_editor->setWorkOSRoles({}, tr("Type WorkOS role slugs or directory group names: %1").arg(roles.error().message));
        QStringList slugs;
        for (const auto &role : roles->value(u"data").toArray())
            slugs << role.toObject().value(u"slug").toString();
        m_editor->setWorkOSRoles(slugs, tr("WorkOS roles of the organization: %1. Directory group names can be typed too.")
                                            .arg(slugs.join(QStringLiteral(", "))));
    });
}

bool RoleMappingPage::validatePage()
{
    const QStringList problems = m_editor->problems();
    if (!problems.isEmpty()) {
        m_problem->setText(problems.join(QLatin1Char('\n')));
        m_problem->show();
        return false;
    }
    if (m_editor->isModified() && m_editor->demotesEveryAdministrator()) {
        m_problem->setText(tr("This map takes the administrator role from every administrator (%1). Map one of their "
                              "WorkOS roles to Administrator.")
                               .arg(m_editor->administratorLogins().join(QStringLiteral(", "))));
        m_problem->show();
        return false;
    }
    OnboardingPlan &plan = m_wizard->plan();
    if (m_editor->isModified())
        plan.roleMap = RoleMap::fromJson(m_editor->wantedMap());
    else
        plan.roleMap.reset(); // the site's map stays as it is
    return true;
}

} // namespace workos::gui

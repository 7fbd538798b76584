#include "wizard/CompanionPage.h"

#include "wizard/OnboardingWizard.h"

#include <QButtonGroup>
#include <QJsonObject>
#include <QLabel>
#include <QRadioButton>
#include <QVBoxLayout>

namespace workos::gui {

CompanionPage::CompanionPage(OnboardingWizard *wizard)
    : QWizardPage(wizard), m_wizard(wizard), m_found(new QLabel(this)), m_warning(new QLabel(this)),
      m_environment(new QButtonGroup(this))
{
    setObjectName(QStringLiteral("companionPage"));
    setTitle(tr("WorkOS Companion found"));
    setSubTitle(tr("WorkOS keeps production and staging apart: each has its own keys. Choose the one to set up now; "
                   "you can add the other later."));
    m_found->setObjectName(QStringLiteral("companionFound"));
    m_found->setWordWrap(true);
    m_found->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_warning->setObjectName(QStringLiteral("companionWarning"));
    m_warning->setWordWrap(true);
    m_warning->setStyleSheet(QStringLiteral("QLabel { color: #8a5300; }"));
    auto *production = new QRadioButton(tr("&Production"), this);
    production->setObjectName(QStringLiteral("envProduction"));
    auto *staging = new QRadioButton(tr("&Staging"), this);
    staging->setObjectName(QStringLiteral("envStaging"));
    m_environment->addButton(production, 0);
    m_environment->addButton(staging, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_found);
    layout->addSpacing(12);
    layout->addWidget(new QLabel(tr("WorkOS environment to set up:"), this));
    layout->addWidget(production);
    layout->addWidget(staging);
    layout->addWidget(m_warning);
    layout->addStretch(1);
}

void CompanionPage::initializePage()
{
    const SiteStatus &s = m_wizard->siteStatus();
    const QString base = s.raw.value(u"api_base_url").toObject().value(u"value").toString();
    m_found->setText(tr("<b>WorkOS Companion %1</b> on WordPress %2 (PHP %3)%4.<br>Active environment on the site: <b>%5</b>.<br>"
                        "The site talks to WorkOS at %6.")
                         .arg(s.pluginVersion.toHtmlEscaped(), s.wordpressVersion.toHtmlEscaped(), s.phpVersion.toHtmlEscaped(),
                              s.multisite ? tr(", multisite network") : QString(), s.activeEnvironment.toHtmlEscaped(),
                              base.toHtmlEscaped()));
    QStringList warnings;
    if (s.schemaVersion != s.schemaVersionExpected)
        warnings << tr("The companion's database tables are at version %1, it expects %2: deactivate and activate the plugin on the site.")
                        .arg(s.schemaVersion)
                        .arg(s.schemaVersionExpected);
    if (s.enabled)
        warnings << tr("WorkOS is configured on this site already: the values you enter replace the current ones when you apply.");
    m_warning->setText(warnings.join(QLatin1Char('\n')));
    m_warning->setVisible(!warnings.isEmpty());
    m_environment->button(s.activeEnvironment == u"staging" ? 1 : 0)->setChecked(true);
}

bool CompanionPage::validatePage()
{
    OnboardingPlan &plan = m_wizard->plan();
    const QString env = m_environment->checkedId() == 1 ? QStringLiteral("staging") : QStringLiteral("production");
    plan.site.environment = env;
    const QString base = m_wizard->siteStatus().raw.value(u"api_base_url").toObject().value(u"value").toString();
    plan.workosBaseUrl = base.isEmpty() ? QUrl() : QUrl(base);
    plan.lockedSettings.clear();
    const QJsonObject settings = m_wizard->siteStatus().raw.value(u"environments").toObject().value(env).toObject()
                                     .value(u"settings").toObject();
    for (auto it = settings.begin(); it != settings.end(); ++it) {
        if (it.value().toObject().value(u"source").toString() == u"constant")
            plan.lockedSettings << it.key();
    }
    return true;
}

} // namespace workos::gui

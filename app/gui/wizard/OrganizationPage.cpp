#include "wizard/OrganizationPage.h"

#include "wizard/OnboardingWizard.h"

#include <QFormLayout>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QRadioButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace workos::gui {

namespace {
const QRegularExpression kDomain(QStringLiteral("^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$"));

QStringList domainsOf(const QString &text)
{
    QStringList out;
    for (const QString &d : text.split(QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts))
        out << d.toLower();
    return out;
}
} // namespace

OrganizationPage::OrganizationPage(OnboardingWizard *wizard)
    : QWizardPage(wizard), m_wizard(wizard), m_existing(new QRadioButton(tr("An &existing organization:"), this)),
      m_create(new QRadioButton(tr("&Create a new organization:"), this)), m_list(new QListWidget(this)),
      m_filter(new QLineEdit(this)), m_name(new QLineEdit(this)), m_domains(new QLineEdit(this))
{
    setObjectName(QStringLiteral("organizationPage"));
    setTitle(tr("Organization"));
    setSubTitle(tr("Members of this WorkOS organization sign in to the site, with roles from the role map."));
    m_existing->setObjectName(QStringLiteral("orgExisting"));
    m_create->setObjectName(QStringLiteral("orgCreate"));
    m_list->setObjectName(QStringLiteral("orgList"));
    m_list->setAccessibleName(tr("Organizations in WorkOS"));
    m_filter->setObjectName(QStringLiteral("orgFilter"));
    m_filter->setPlaceholderText(tr("Filter by name or domain"));
    m_filter->setClearButtonEnabled(true);
    m_name->setObjectName(QStringLiteral("orgName"));
    m_name->setMaxLength(255);
    m_domains->setObjectName(QStringLiteral("orgDomains"));
    m_domains->setPlaceholderText(tr("example.com, example.org (optional)"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_existing);
    layout->addWidget(m_filter);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_create);
    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Domains:"), m_domains);
    layout->addLayout(form);

    auto changed = [this]() {
        m_list->setEnabled(m_existing->isChecked());
        m_filter->setEnabled(m_existing->isChecked());
        m_name->setEnabled(m_create->isChecked());
        m_domains->setEnabled(m_create->isChecked());
        Q_EMIT completeChanged();
    };
    connect(m_existing, &QRadioButton::toggled, this, changed);
    connect(m_create, &QRadioButton::toggled, this, changed);
    connect(m_list, &QListWidget::currentRowChanged, this, &QWizardPage::completeChanged);
    connect(m_name, &QLineEdit::textChanged, this, &QWizardPage::completeChanged);
    connect(m_domains, &QLineEdit::textChanged, this, &QWizardPage::completeChanged);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        for (int i = 0; i < m_list->count(); ++i)
            m_list->item(i)->setHidden(!m_list->item(i)->text().contains(text, Qt::CaseInsensitive));
    });
    m_create->setChecked(true);
}

void OrganizationPage::initializePage()
{
    m_list->clear();
    const OnboardingPlan &plan = m_wizard->plan();
    // The organization the site already has for this environment comes first and is preselected.
    const QString current = m_wizard->siteStatus().raw.value(u"environments").toObject().value(plan.site.environment).toObject()
                                .value(u"settings").toObject().value(u"organization_id").toObject().value(u"value").toString();
    int select = -1;
    for (const auto &value : m_wizard->workosCheck().organizations) {
        const QJsonObject org = value.toObject();
        QStringList domains;
        for (const auto &d : org.value(u"domains").toArray())
            domains << d.toObject().value(u"domain").toString();
        auto *item = new QListWidgetItem(domains.isEmpty() ? org.value(u"name").toString()
                                                           : tr("%1 (%2)").arg(org.value(u"name").toString(), domains.join(QStringLiteral(", "))),
                                         m_list);
        item->setData(Qt::UserRole, org.value(u"id").toString());
        item->setData(Qt::UserRole + 1, org.value(u"name").toString());
        item->setToolTip(org.value(u"id").toString());
        if (org.value(u"id").toString() == current || (select < 0 && org.value(u"id").toString() == plan.organizationId))
            select = m_list->count() - 1;
    }
    if (m_wizard->workosCheck().moreOrganizations)
        new QListWidgetItem(tr("(WorkOS has more organizations: filter by name to find yours among the first 100.)"), m_list);
    const bool any = !m_wizard->workosCheck().organizations.isEmpty();
    m_existing->setEnabled(any);
    (any ? m_existing : m_create)->setChecked(true);
    if (any)
        m_list->setCurrentRow(select >= 0 ? select : 0);
    if (m_name->text().isEmpty())
        m_name->setText(plan.site.name);
}

bool OrganizationPage::isComplete() const
{
    if (m_existing->isChecked())
        return m_list->currentItem() && !m_list->currentItem()->data(Qt::UserRole).toString().isEmpty();
    if (m_name->text().trimmed().isEmpty())
        return false;
    for (const QString &d : domainsOf(m_domains->text())) {
        if (!kDomain.match(d).hasMatch())
            return false;
    }
    return true;
}

bool OrganizationPage::validatePage()
{
    OnboardingPlan &plan = m_wizard->plan();
    if (m_existing->isChecked()) {
        plan.organizationId = m_list->currentItem()->data(Qt::UserRole).toString();
        plan.organizationName = m_list->currentItem()->data(Qt::UserRole + 1).toString();
        plan.newOrganizationName.clear();
        plan.newOrganizationDomains.clear();
    } else {
        plan.organizationId.clear();
        plan.organizationName.clear();
        plan.newOrganizationName = m_name->text().trimmed();
        plan.newOrganizationDomains = domainsOf(m_domains->text());
    }
    return true;
}

} // namespace workos::gui

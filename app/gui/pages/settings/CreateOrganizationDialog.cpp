#include "pages/settings/CreateOrganizationDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace workos::gui {

CreateOrganizationDialog::CreateOrganizationDialog(const QString &environment, QWidget *parent)
    : QDialog(parent), m_name(new QLineEdit(this)), m_problem(new QLabel(this)), m_create(nullptr)
{
    setObjectName(QStringLiteral("createOrganizationDialog"));
    setWindowTitle(tr("Create organization"));
    setModal(true);
    m_name->setObjectName(QStringLiteral("organizationName"));
    m_name->setAccessibleName(tr("Organization name"));
    m_name->setPlaceholderText(tr("Acme Corp"));
    m_name->setMaxLength(255);
    m_problem->setObjectName(QStringLiteral("organizationNameProblem"));
    m_problem->setStyleSheet(QStringLiteral("QLabel { color: #b3261e; }"));
    m_problem->setWordWrap(true);

    auto *intro = new QLabel(tr("Creates the organization in WorkOS (%1 environment, with the console's API key) and adds it "
                                "to the site's cache. Save afterwards to make it this environment's organization.")
                                 .arg(environment),
                             this);
    intro->setWordWrap(true);
    auto *form = new QFormLayout;
    auto *label = new QLabel(tr("&Name:"), this);
    label->setBuddy(m_name);
    form->addRow(label, m_name);
    form->addRow(QString(), m_problem);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_create = buttons->addButton(tr("&Create"), QDialogButtonBox::AcceptRole);
    m_create->setObjectName(QStringLiteral("createOrganizationConfirm"));
    m_create->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this, &CreateOrganizationDialog::update);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(buttons);
    update();
}

QString CreateOrganizationDialog::name() const
{
    return m_name->text().trimmed();
}

QString CreateOrganizationDialog::problem(const QString &name)
{
    static const QRegularExpression forbidden(QStringLiteral("[\\x00-\\x1f\\x7f<>]"));
    if (name.trimmed().isEmpty())
        return tr("Give the organization a name.");
    if (name.size() > 255)
        return tr("At most 255 characters.");
    if (name.contains(forbidden))
        return tr("A name cannot contain < > or control characters.");
    return {};
}

void CreateOrganizationDialog::update()
{
    const QString why = m_name->text().isEmpty() ? QString() : problem(name());
    m_problem->setText(why);
    m_problem->setVisible(!why.isEmpty());
    m_create->setEnabled(problem(name()).isEmpty());
}

} // namespace workos::gui

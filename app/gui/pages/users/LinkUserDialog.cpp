#include "pages/users/LinkUserDialog.h"

#include "site/SiteService.h"
#include "users/UserActions.h"
#include "users/UserFields.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace workos::gui {

LinkUserDialog::LinkUserDialog(ConsoleContext &context, const SiteProfile &site, const QJsonObject &user, QWidget *parent)
    : QDialog(parent), m_context(context), m_site(site), m_userId(UserFields::id(user)), m_input(new QLineEdit(this)),
      m_error(new QLabel(this)), m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("linkUserDialog"));
    setWindowTitle(tr("Link to a WorkOS user"));
    setMinimumWidth(540);

    auto *intro = new QLabel(tr("Link WordPress user #%1 <b>%2</b> (%3) to a WorkOS user. It then signs in with that "
                                "WorkOS user, and WorkOS's profile is written to it on sync.")
                                 .arg(m_userId)
                                 .arg(user.value(u"login").toString().toHtmlEscaped(), user.value(u"email").toString().toHtmlEscaped()),
                             this);
    intro->setWordWrap(true);

    m_input->setObjectName(QStringLiteral("workosUserInput"));
    m_input->setPlaceholderText(tr("user_01… or name@example.com"));
    m_input->setClearButtonEnabled(true);
    auto *hint = new QLabel(tr("By e-mail address only when WorkOS has verified it for that user."), this);
    hint->setWordWrap(true);
    QFont small = hint->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    hint->setFont(small);

    m_error->setObjectName(QStringLiteral("linkError"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(QStringLiteral("QLabel { color: #b3261e; }"));
    m_error->hide();

    QPushButton *linkButton = m_buttons->addButton(tr("&Link"), QDialogButtonBox::AcceptRole);
    linkButton->setObjectName(QStringLiteral("linkConfirm"));
    linkButton->setDefault(true);
    linkButton->setEnabled(false);
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("linkCancel"));
    connect(m_input, &QLineEdit::textChanged, this, [this, linkButton](const QString &text) {
        linkButton->setEnabled(!m_working && !text.trimmed().isEmpty());
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &LinkUserDialog::link);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &LinkUserDialog::reject);

    auto *form = new QFormLayout;
    auto *label = new QLabel(tr("&WorkOS user ID or e-mail:"), this);
    label->setBuddy(m_input);
    form->addRow(label, m_input);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(hint);
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addWidget(m_buttons);
    resize(560, layout->totalHeightForWidth(560));
}

void LinkUserDialog::reject()
{
    if (!m_working)
        QDialog::reject();
}

void LinkUserDialog::fail(const QString &message)
{
    m_working = false;
    m_error->setText(message);
    m_error->show();
    // The wrapped message needs its height at this width.
    if (const int needed = layout()->totalHeightForWidth(width()); needed > height())
        resize(width(), needed);
    m_input->setEnabled(true);
    m_input->setFocus();
    m_buttons->button(QDialogButtonBox::Cancel)->setEnabled(true);
    m_buttons->findChild<QPushButton *>(QStringLiteral("linkConfirm"))->setEnabled(!m_input->text().trimmed().isEmpty());
}

void LinkUserDialog::link()
{
    if (m_working)
        return;
    const QString reference = m_input->text().trimmed();
    m_working = true;
    m_error->hide();
    m_input->setEnabled(false);
    m_buttons->button(QDialogButtonBox::Cancel)->setEnabled(false);
    m_buttons->findChild<QPushButton *>(QStringLiteral("linkConfirm"))->setEnabled(false);
    m_context.sites.withClient(m_site, this, [this, reference](const Result<std::shared_ptr<CompanionClient>> &client) {
        if (!client)
            return fail(client.error().message);
        m_context.sites.withWorkOS(m_site, m_site.environment, this, [this, reference, api = client.value()](const Result<std::shared_ptr<WorkOSClient>> &workos) {
            if (!workos)
                return fail(workos.error().message);
            UserActions::link(api, workos.value(), m_userId, reference, this, [this](const Result<QJsonObject> &remote) {
                if (!remote)
                    return fail(remote.error().message);
                m_working = false;
                Q_EMIT linked(m_userId, remote.value());
                accept();
            });
        });
    });
}

} // namespace workos::gui

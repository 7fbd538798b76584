#pragma once

#include "ConsoleContext.h"
#include "profiles/SiteProfile.h"

#include <QDialog>
#include <QJsonObject>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace workos::gui {

// Links one WordPress user to a WorkOS user given by its ID or by its e-mail address (WorkOS
// must have verified that address). The WorkOS user is looked up before anything is written;
// a failure stays in the dialog so the admin can correct the input.
class LinkUserDialog : public QDialog
{
    Q_OBJECT
public:
    LinkUserDialog(ConsoleContext &context, const SiteProfile &site, const QJsonObject &user, QWidget *parent = nullptr);

    bool isWorking() const { return m_working; }
    // Not while the link is being made: its answer must find the dialog.
    void reject() override;

Q_SIGNALS:
    // The link is made: the WorkOS user the WordPress user is now linked to.
    void linked(qint64 wpUserId, const QJsonObject &workosUser);

private:
    void link();
    void fail(const QString &message);

    ConsoleContext &m_context;
    SiteProfile m_site;
    qint64 m_userId;
    QLineEdit *m_input;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
    bool m_working = false;
};

} // namespace workos::gui

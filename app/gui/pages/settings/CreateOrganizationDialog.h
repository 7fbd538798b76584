#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace workos::gui {

// Asks for the name of a new WorkOS organization, checked as the site's cache will check it
// (1 to 255 characters, no < > or control characters) before anything is created.
class CreateOrganizationDialog : public QDialog
{
    Q_OBJECT
public:
    CreateOrganizationDialog(const QString &environment, QWidget *parent = nullptr);

    QString name() const;
    // Why `name` cannot be an organization's name; empty when it can.
    static QString problem(const QString &name);

private:
    void update();

    QLineEdit *m_name;
    QLabel *m_problem;
    QPushButton *m_create;
};

} // namespace workos::gui

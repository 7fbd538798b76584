#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace workos::gui {

// The foot of a Settings tab: how many changes wait, the outcome of the last save (or why it
// was refused), Revert and Save. Save stays disabled until something changed.
class SaveBar : public QWidget
{
    Q_OBJECT
public:
    // `prefix` names the parts for tests and accessibility: prefix + "SaveButton", "RevertButton",
    // "SaveStatus", "SaveError".
    explicit SaveBar(const QString &prefix, QWidget *parent = nullptr);

    void setChangeCount(int changes);
    void setBusy(bool busy);
    bool isBusy() const { return m_busy; }
    // A refusal (the console's or the site's), in red until the next save or revert.
    void showError(const QString &message);
    void showDone(const QString &message);
    void clearMessages();

    QPushButton *saveButton() const { return m_save; }
    QPushButton *revertButton() const { return m_revert; }

Q_SIGNALS:
    void saveRequested();
    void revertRequested();

private:
    void update();

    QLabel *m_status;
    QLabel *m_error;
    QPushButton *m_revert;
    QPushButton *m_save;
    int m_changes = 0;
    bool m_busy = false;
};

} // namespace workos::gui

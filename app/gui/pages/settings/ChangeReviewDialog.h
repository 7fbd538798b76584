#pragma once

#include <QDialog>
#include <QStringList>

namespace workos::gui {

// What a save will write, line by line as `wpworkos config diff` prints it, before anything is
// sent: the admin confirms or goes back. Secrets appear only as "a new value".
class ChangeReviewDialog : public QDialog
{
    Q_OBJECT
public:
    // `warning` (optional) is shown above the lines in red; `confirmText` labels the button that writes.
    ChangeReviewDialog(const QString &site, const QString &environment, const QStringList &lines, const QString &warning,
                       const QString &confirmText, QWidget *parent = nullptr);
};

} // namespace workos::gui

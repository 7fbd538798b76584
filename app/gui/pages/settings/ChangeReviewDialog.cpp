#include "pages/settings/ChangeReviewDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace workos::gui {

ChangeReviewDialog::ChangeReviewDialog(const QString &site, const QString &environment, const QStringList &lines,
                                       const QString &warning, const QString &confirmText, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("reviewChangesDialog"));
    setWindowTitle(tr("Review changes"));
    setModal(true);
    resize(640, 320);

    auto *heading = new QLabel(tr("These %n change(s) will be written to the %1 environment of “%2”:", nullptr,
                                  static_cast<int>(lines.size()))
                                   .arg(environment, site),
                               this);
    heading->setWordWrap(true);
    auto *list = new QListWidget(this);
    list->setObjectName(QStringLiteral("reviewChangesList"));
    list->setAccessibleName(tr("Changes to write"));
    QFont mono = list->font();
    mono.setFamily(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    list->setFont(mono);
    list->addItems(lines);
    list->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *confirm = buttons->addButton(confirmText, QDialogButtonBox::AcceptRole);
    confirm->setObjectName(QStringLiteral("reviewConfirmButton"));
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("reviewCancelButton"));
    // Enter confirms an ordinary save; a risky one has to be clicked.
    (warning.isEmpty() ? confirm : buttons->button(QDialogButtonBox::Cancel))->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    if (!warning.isEmpty()) {
        auto *warn = new QLabel(warning, this);
        warn->setObjectName(QStringLiteral("reviewWarning"));
        warn->setWordWrap(true);
        warn->setStyleSheet(QStringLiteral("QLabel { color: #b3261e; font-weight: bold; }"));
        layout->addWidget(warn);
    }
    layout->addWidget(heading);
    layout->addWidget(list, 1);
    layout->addWidget(buttons);
}

} // namespace workos::gui

#pragma once

#include "profiles/SiteProfile.h"
#include "site/SiteStatus.h"

#include <QWidget>

class QLabel;
class QTableView;

namespace workos {
class TableModel;
}

namespace workos::gui {

// One site at a glance: address, companion and WordPress versions, and every setting with its
// source, as `wpworkos status` prints them.
class StatusPage : public QWidget
{
    Q_OBJECT
public:
    explicit StatusPage(QWidget *parent = nullptr);

    void showLoading(const SiteProfile &site);
    void showStatus(const SiteProfile &site, const SiteStatus &status);
    void showError(const SiteProfile &site, const QString &message);

private:
    QLabel *m_title;
    QLabel *m_summary;
    QLabel *m_error;
    QTableView *m_table;
    TableModel *m_model;
};

} // namespace workos::gui

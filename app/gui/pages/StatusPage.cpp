#include "pages/StatusPage.h"

#include "output/TableModel.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace workos::gui {

StatusPage::StatusPage(QWidget *parent)
    : QWidget(parent), m_title(new QLabel(this)), m_summary(new QLabel(this)), m_error(new QLabel(this)),
      m_table(new QTableView(this)), m_model(new TableModel(this))
{
    setObjectName(QStringLiteral("statusPage"));
    m_title->setObjectName(QStringLiteral("siteTitle"));
    m_summary->setObjectName(QStringLiteral("siteSummary"));
    m_error->setObjectName(QStringLiteral("siteError"));
    m_table->setObjectName(QStringLiteral("statusTable"));
    m_table->setAccessibleName(tr("The site's settings and their sources"));

    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("QLabel { color: #b3261e; }"));
    m_error->hide();

    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_summary);
    layout->addWidget(m_error);
    layout->addWidget(m_table, 1);
}

void StatusPage::showLoading(const SiteProfile &site)
{
    m_title->setText(site.name);
    m_summary->setText(tr("%1 — checking…").arg(site.url.toString()));
    m_error->hide();
}

void StatusPage::showStatus(const SiteProfile &site, const SiteStatus &status)
{
    m_title->setText(site.name);
    m_summary->setText(tr("%1 — WorkOS Companion %2 on WordPress %3, PHP %4 — WorkOS %5")
                           .arg(site.url.toString(), status.pluginVersion, status.wordpressVersion,
                                status.phpVersion,
                                status.enabled ? tr("configured") : tr("not configured yet")));
    m_error->hide();
    m_model->setTable(status.toTable(site.environment));
    // Setting and value as wide as they need, the source column takes the rest (resizing every
    // column to its contents would undo the stretch of the last one).
    QHeaderView *header = m_table->horizontalHeader();
    for (int column = 0; column + 1 < m_model->columnCount(); ++column)
        header->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    header->setStretchLastSection(true);
}

void StatusPage::showError(const SiteProfile &site, const QString &message)
{
    m_title->setText(site.name);
    m_summary->setText(site.url.toString());
    m_error->setText(message);
    m_error->show();
    m_model->setTable({});
}

} // namespace workos::gui

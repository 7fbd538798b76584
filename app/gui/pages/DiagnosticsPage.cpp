#include "pages/DiagnosticsPage.h"

#include "diagnostics/DiagnosticsReport.h"
#include "site/SiteService.h"
#include "widgets/CheckStatusIcon.h"
#include "widgets/JobBar.h"
#include "widgets/WrappingItemDelegate.h"

#include <QClipboard>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace workos::gui {

namespace {

enum Column { StatusColumn, CheckColumn, DetailsColumn, AdviceColumn, ColumnCount };
constexpr int IdRole = Qt::UserRole;

const QStringList &sources()
{
    static const QStringList order{QStringLiteral("console"), QStringLiteral("site"), QStringLiteral("webhook")};
    return order;
}

// The names the console and the companion give their checks; an id not listed here shows as is.
QString checkName(const QString &id)
{
    static const QHash<QString, const char *> names{
        {QStringLiteral("keychain"), QT_TRANSLATE_NOOP("DiagnosticsPage", "Keychain")},
        {QStringLiteral("console_api_key"), QT_TRANSLATE_NOOP("DiagnosticsPage", "Console's WorkOS API key")},
        {QStringLiteral("site_reachable"), QT_TRANSLATE_NOOP("DiagnosticsPage", "Site answers")},
        {QStringLiteral("site_checks"), QT_TRANSLATE_NOOP("DiagnosticsPage", "Site's checks")},
        {QStringLiteral("php_version"), QT_TRANSLATE_NOOP("DiagnosticsPage", "PHP version")},
        {QStringLiteral("wordpress_version"), QT_TRANSLATE_NOOP("DiagnosticsPage", "WordPress version")},
        {QStringLiteral("php_extensions"), QT_TRANSLATE_NOOP("DiagnosticsPage", "PHP extensions")},
        {QStringLiteral("http_transport"), QT_TRANSLATE_NOOP("DiagnosticsPage", "HTTP transport")},
        {QStringLiteral("database_tables"), QT_TRANSLATE_NOOP("DiagnosticsPage", "Database tables")},
        {QStringLiteral("schema_version"), QT_TRANSLATE_NOOP("DiagnosticsPage", "Schema version")},
        {QStringLiteral("workos_api"), QT_TRANSLATE_NOOP("DiagnosticsPage", "WorkOS API")},
        {QStringLiteral("clock_skew"), QT_TRANSLATE_NOOP("DiagnosticsPage", "Server clock")},
        {QStringLiteral("callback_cache"), QT_TRANSLATE_NOOP("DiagnosticsPage", "Callback not cached")},
        {QStringLiteral("authorization_header"), QT_TRANSLATE_NOOP("DiagnosticsPage", "Authorization header")},
        {QStringLiteral("wp_cron"), QT_TRANSLATE_NOOP("DiagnosticsPage", "WP-Cron")},
        {QStringLiteral("webhook_secret"), QT_TRANSLATE_NOOP("DiagnosticsPage", "Webhook secret")},
        {QStringLiteral("last_webhook"), QT_TRANSLATE_NOOP("DiagnosticsPage", "Last webhook")},
        {QStringLiteral("break_glass"), QT_TRANSLATE_NOOP("DiagnosticsPage", "Break-glass sign-in")},
        {QStringLiteral("webhook_echo"), QT_TRANSLATE_NOOP("DiagnosticsPage", "Signed webhook echo")},
    };
    const char *name = names.value(id);
    return name ? DiagnosticsPage::tr(name) : id;
}

} // namespace

DiagnosticsPage::DiagnosticsPage(ConsoleContext &context, QWidget *parent)
    : SitePage(context, parent), m_heading(new QLabel(this)), m_runButton(new QPushButton(tr("&Run diagnostics"), this)),
      m_copyButton(new QPushButton(tr("&Copy report"), this)), m_saveButton(new QPushButton(tr("Save re&port…"), this)),
      m_job(new JobBar(this)), m_summary(new QLabel(this)), m_status(new QLabel(this)), m_error(new QLabel(this)),
      m_tree(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("diagnosticsPage"));
    m_heading->setObjectName(QStringLiteral("diagnosticsHeading"));
    m_runButton->setObjectName(QStringLiteral("runDiagnosticsButton"));
    m_copyButton->setObjectName(QStringLiteral("copyReportButton"));
    m_saveButton->setObjectName(QStringLiteral("saveReportButton"));
    m_summary->setObjectName(QStringLiteral("diagnosticsSummary"));
    m_status->setObjectName(QStringLiteral("diagnosticsStatus"));
    m_error->setObjectName(QStringLiteral("diagnosticsError"));
    m_tree->setObjectName(QStringLiteral("diagnosticsTree"));

    QFont headingFont = m_heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.2);
    headingFont.setBold(true);
    m_heading->setFont(headingFont);
    m_runButton->setToolTip(tr("Check the console, the site and the webhook path again"));
    m_copyButton->setToolTip(tr("Copy the report as wpworkos diagnostics prints it"));
    m_saveButton->setToolTip(tr("Save the report as text or JSON"));
    QFont summaryFont = m_summary->font();
    summaryFont.setBold(true);
    m_summary->setFont(summaryFont);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(QStringLiteral("QLabel { color: #b3261e; }"));
    m_error->hide();

    m_tree->setColumnCount(ColumnCount);
    m_tree->setHeaderLabels({tr("Status"), tr("Check"), tr("Details"), tr("Advice")});
    m_tree->setAccessibleName(tr("Diagnostic checks"));
    m_tree->setRootIsDecorated(false);
    m_tree->setItemsExpandable(false);
    m_tree->setItemDelegate(new WrappingItemDelegate(m_tree));
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(StatusColumn, QHeaderView::Interactive);
    m_tree->header()->setSectionResizeMode(CheckColumn, QHeaderView::Interactive);
    m_tree->header()->setSectionResizeMode(DetailsColumn, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(AdviceColumn, QHeaderView::Stretch);
    m_tree->setColumnWidth(StatusColumn, 120);
    m_tree->setColumnWidth(CheckColumn, 190);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_heading, 1);
    buttons->addWidget(m_runButton);
    buttons->addWidget(m_copyButton);
    buttons->addWidget(m_saveButton);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_job);
    layout->addWidget(m_summary);
    layout->addWidget(m_status);
    layout->addWidget(m_error);
    layout->addWidget(m_tree, 1);
    setTabOrder(m_runButton, m_copyButton);
    setTabOrder(m_copyButton, m_saveButton);
    setTabOrder(m_saveButton, m_tree);

    connect(m_runButton, &QPushButton::clicked, this, &DiagnosticsPage::run);
    connect(m_copyButton, &QPushButton::clicked, this, &DiagnosticsPage::copyReport);
    connect(m_saveButton, &QPushButton::clicked, this, &DiagnosticsPage::saveReport);
    connect(m_job, &JobBar::cancelRequested, this, &DiagnosticsPage::cancel);
    updateActions();
}

QString DiagnosticsPage::title() const
{
    return tr("Diagnostics");
}

void DiagnosticsPage::showSite(const SiteProfile &site)
{
    const bool sameSite = site.name == m_site.name && site.environment == m_site.environment;
    if (sameSite && isRunning())
        return;
    if (isRunning()) { // another site now: its run is dropped without a word
        delete m_run;
        m_run = nullptr;
        m_job->finish();
    }
    m_site = site;
    m_heading->setText(tr("%1 (%2)").arg(site.name, site.environment));
    run();
}

void DiagnosticsPage::run()
{
    if (m_site.name.isEmpty() || isRunning())
        return;
    clearResults();
    m_run = new QObject(this);
    m_clock.start();
    m_job->start(tr("Running diagnostics on %1…").arg(m_site.name));
    m_status->setText(tr("Checking the console, the site and the webhook path…"));
    updateActions();
    Diagnostics::run(
        m_context.sites, m_context.secrets, m_context.http, m_site, m_site.environment, m_run,
        [this](const QList<DiagnosticCheck> &) { endRun(true); }, [this](const DiagnosticCheck &check) { addCheck(check); });
}

void DiagnosticsPage::cancel()
{
    if (!isRunning())
        return;
    // Destroying the run's context drops every callback still due: nothing of it arrives later.
    delete m_run;
    m_run = nullptr;
    endRun(false);
}

void DiagnosticsPage::clearResults()
{
    m_checks.clear();
    m_tree->clear();
    m_groups.clear();
    m_error->hide();
    m_summary->clear();
    for (const QString &source : sources())
        group(source);
}

QTreeWidgetItem *DiagnosticsPage::group(const QString &source)
{
    if (QTreeWidgetItem *existing = m_groups.value(source))
        return existing;
    QString name = source;
    QString about;
    if (source == QLatin1String("console")) {
        name = tr("Console");
        about = tr("What this console holds for the site, and whether the site answers");
    } else if (source == QLatin1String("site")) {
        name = tr("Site");
        about = tr("The companion's own checks on the site's server");
    } else if (source == QLatin1String("webhook")) {
        name = tr("Webhook");
        about = tr("An event signed with the console's webhook secret, posted to the site");
    }
    auto *item = new QTreeWidgetItem(m_tree, {name, QString(), about});
    item->setData(StatusColumn, IdRole, source);
    QFont bold = item->font(StatusColumn);
    bold.setBold(true);
    item->setFont(StatusColumn, bold);
    item->setFlags(Qt::ItemIsEnabled);
    item->setForeground(DetailsColumn, palette().brush(QPalette::PlaceholderText));
    item->setExpanded(true);
    m_groups.insert(source, item);
    return item;
}

void DiagnosticsPage::addCheck(const DiagnosticCheck &check)
{
    m_checks.append(check);
    auto *item = new QTreeWidgetItem(group(check.source),
                                     {checkStatusText(check.status), checkName(check.id), check.summary, check.advice});
    item->setIcon(StatusColumn, checkStatusIcon(check.status));
    item->setData(StatusColumn, IdRole, check.id);
    item->setToolTip(CheckColumn, check.id);
    item->setToolTip(DetailsColumn, check.summary);
    item->setToolTip(AdviceColumn, check.advice);
    m_job->setProgress(0, tr("Checked: %1").arg(checkName(check.id)));
    updateSummary();
}

void DiagnosticsPage::endRun(bool complete)
{
    if (m_run) {
        m_run->deleteLater();
        m_run = nullptr;
    }
    m_job->finish();
    for (const QString &source : sources()) {
        QTreeWidgetItem *g = group(source);
        if (g->childCount() > 0)
            continue;
        auto *notRun = new QTreeWidgetItem(g, {tr("Not run"), QString(),
                                               complete ? tr("An earlier check failed, so this could not be checked.")
                                                        : tr("Cancelled before this was checked.")});
        notRun->setFlags(Qt::ItemIsEnabled);
        for (int column = 0; column < ColumnCount; ++column)
            notRun->setForeground(column, palette().brush(QPalette::PlaceholderText));
    }
    const QString when = QLocale().toString(QDateTime::currentDateTime(), QLocale::ShortFormat);
    if (complete) {
        m_status->setText(tr("Last run: %1, %2 s.").arg(when, QLocale().toString(m_clock.elapsed() / 1000.0, 'f', 1)));
        const bool stoppedEarly = std::any_of(sources().cbegin(), sources().cend(), [this](const QString &source) {
            return std::none_of(m_checks.cbegin(), m_checks.cend(), [&](const DiagnosticCheck &c) { return c.source == source; });
        });
        if (stoppedEarly && !m_checks.isEmpty()) {
            m_error->setText(tr("Some checks could not run: %1").arg(m_checks.constLast().summary));
            m_error->show();
        }
        const auto counts = DiagnosticsReport::count(m_checks);
        Q_EMIT message(tr("Diagnostics of %1 — passed: %2, warnings: %3, failed: %4.")
                           .arg(m_site.name)
                           .arg(counts.passed)
                           .arg(counts.warned)
                           .arg(counts.failed));
    } else {
        m_status->setText(tr("Cancelled (%1). Only the checks shown ran; what was already sent to the site finishes "
                             "there without the console waiting for it.")
                              .arg(when));
        Q_EMIT message(tr("Diagnostics cancelled."));
    }
    updateSummary();
    updateActions();
    Q_EMIT finished();
}

void DiagnosticsPage::updateSummary()
{
    if (m_checks.isEmpty()) {
        m_summary->clear();
        return;
    }
    const auto counts = DiagnosticsReport::count(m_checks);
    // Label and figure, so no count needs a plural form.
    m_summary->setText(tr("Passed: %1, warnings: %2, failed: %3").arg(counts.passed).arg(counts.warned).arg(counts.failed));
}

void DiagnosticsPage::updateActions()
{
    m_runButton->setEnabled(!isRunning() && !m_site.name.isEmpty());
    const bool haveReport = !isRunning() && !m_checks.isEmpty();
    m_copyButton->setEnabled(haveReport);
    m_saveButton->setEnabled(haveReport);
}

void DiagnosticsPage::copyReport()
{
    if (m_checks.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(DiagnosticsReport::render(m_checks, OutputFormat::Table));
    Q_EMIT message(tr("Copied the diagnostics report to the clipboard."));
}

void DiagnosticsPage::saveReport()
{
    if (m_checks.isEmpty())
        return;
    if (m_saveDialog && m_saveDialog->isVisible()) {
        m_saveDialog->raise();
        return;
    }
    const QString textFilter = tr("Text report (*.txt)");
    const QString jsonFilter = tr("JSON report (*.json)");
    const QString name = QStringLiteral("diagnostics-%1-%2-%3.txt")
                             .arg(m_site.name, m_site.environment,
                                  QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")));
    QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (folder.isEmpty())
        folder = QDir::homePath();
    m_saveDialog = new QFileDialog(this, tr("Save diagnostics report"), QDir(folder).filePath(name));
    m_saveDialog->setObjectName(QStringLiteral("saveReportDialog"));
    m_saveDialog->setAttribute(Qt::WA_DeleteOnClose);
    m_saveDialog->setAcceptMode(QFileDialog::AcceptSave);
    m_saveDialog->setNameFilters({textFilter, jsonFilter});
    m_saveDialog->setDefaultSuffix(QStringLiteral("txt"));
    QFileDialog *dialog = m_saveDialog;
    connect(dialog, &QFileDialog::filterSelected, dialog, [dialog, jsonFilter](const QString &filter) {
        dialog->setDefaultSuffix(filter == jsonFilter ? QStringLiteral("json") : QStringLiteral("txt"));
    });
    connect(dialog, &QFileDialog::fileSelected, this, [this, dialog, jsonFilter](const QString &path) {
        const bool json = path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive) || dialog->selectedNameFilter() == jsonFilter;
        writeReport(path, json);
    });
    dialog->open();
}

void DiagnosticsPage::writeReport(const QString &path, bool json)
{
    QSaveFile file(path);
    const QByteArray report = DiagnosticsReport::render(m_checks, json ? OutputFormat::Json : OutputFormat::Table).toUtf8();
    if (!file.open(QIODevice::WriteOnly) || file.write(report) != report.size() || !file.commit()) {
        m_error->setText(tr("Cannot save the report to %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
        m_error->show();
        return;
    }
    Q_EMIT message(tr("Saved the diagnostics report to %1.").arg(QDir::toNativeSeparators(path)));
}

} // namespace workos::gui

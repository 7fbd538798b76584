#include "pages/users/SyncRunDialog.h"

#include "output/TableModel.h"
#include "sync/SyncJournal.h"
#include "widgets/JobBar.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDateTime>
#include <QFileDialog>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSignalBlocker>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

namespace workos::gui {

namespace {

QLabel *errorLabel(QWidget *parent, const QString &name)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setStyleSheet(QStringLiteral("QLabel { color: #b3261e; }"));
    label->hide();
    return label;
}

QString localTime(const QString &iso)
{
    const QDateTime at = QDateTime::fromString(iso, Qt::ISODate);
    return at.isValid() ? QLocale().toString(at.toLocalTime(), QLocale::ShortFormat) : iso;
}

} // namespace

SyncRunDialog::SyncRunDialog(ConsoleContext &context, const SiteProfile &site, std::shared_ptr<SyncJournal> journal, Mode mode,
                             const QList<UserService::Role> &roles, QWidget *parent)
    : QDialog(parent), m_context(context), m_site(site), m_journal(std::move(journal)), m_mode(mode),
      m_batchSize(new QSpinBox(this)), m_resumeFrame(new QFrame(this)), m_resumeText(new QLabel(m_resumeFrame)),
      m_resumeButton(new QPushButton(tr("Resu&me"), m_resumeFrame)), m_discardButton(new QPushButton(tr("Disc&ard"), m_resumeFrame)),
      m_dryRunButton(new QPushButton(tr("&Dry run"), this)), m_table(new QTableView(this)), m_tableModel(new TableModel(this)),
      m_sorted(new QSortFilterProxyModel(this)), m_planSummary(new QLabel(this)), m_jobBar(new JobBar(this)), m_summary(new QLabel(this)),
      m_error(errorLabel(this, QStringLiteral("runError"))), m_runButton(new QPushButton(tr("&Run"), this)),
      m_saveReportButton(new QPushButton(tr("&Save error report…"), this)), m_closeButton(new QPushButton(tr("&Close"), this))
{
    setObjectName(QStringLiteral("syncRunDialog"));
    setWindowTitle(mode == Mode::Import ? tr("Import users from WorkOS") : tr("Sync all users"));
    resize(820, 560);

    auto *intro = new QLabel(this);
    intro->setWordWrap(true);
    auto *form = new QFormLayout;
    if (mode == Mode::Import) {
        intro->setText(tr("WorkOS's users become linked WordPress users: the account holding a user's e-mail address is "
                          "linked when WorkOS has verified the address and it is not an administrator's; anyone else gets "
                          "a new account (no e-mail is sent). Users already linked are skipped."));
        m_organization = new QLineEdit(this);
        m_organization->setObjectName(QStringLiteral("importOrganization"));
        m_organization->setPlaceholderText(tr("all WorkOS users"));
        m_organization->setClearButtonEnabled(true);
        auto *label = new QLabel(tr("Only members of &organization:"), this);
        label->setBuddy(m_organization);
        form->addRow(label, m_organization);
        connect(m_organization, &QLineEdit::textChanged, this, &SyncRunDialog::invalidatePlan);
    } else {
        intro->setText(tr("Push: the site's unlinked users become WorkOS users (address verified) — or are linked to the WorkOS "
                          "user that already has their address. Pull: the linked users get WorkOS's e-mail and names."));
        m_push = new QRadioButton(tr("&Push unlinked users to WorkOS"), this);
        m_pull = new QRadioButton(tr("P&ull linked users from WorkOS"), this);
        m_push->setObjectName(QStringLiteral("pushRadio"));
        m_pull->setObjectName(QStringLiteral("pullRadio"));
        m_push->setChecked(true);
        auto *group = new QButtonGroup(this);
        group->addButton(m_push);
        group->addButton(m_pull);
        auto *directions = new QVBoxLayout;
        directions->addWidget(m_push);
        directions->addWidget(m_pull);
        form->addRow(tr("Direction:"), directions);
        m_role = new QComboBox(this);
        m_role->setObjectName(QStringLiteral("syncRole"));
        m_role->addItem(tr("All roles"), QString());
        for (const UserService::Role &role : roles)
            m_role->addItem(role.name, role.slug);
        auto *roleLabel = new QLabel(tr("Push only r&ole:"), this);
        roleLabel->setBuddy(m_role);
        form->addRow(roleLabel, m_role);
        connect(m_push, &QRadioButton::toggled, this, [this]() {
            m_role->setEnabled(m_push->isChecked() && !m_busy);
            invalidatePlan();
            checkUnfinished();
            updateButtons();
        });
        connect(m_role, &QComboBox::currentIndexChanged, this, &SyncRunDialog::invalidatePlan);
    }
    m_batchSize->setObjectName(QStringLiteral("batchSize"));
    m_batchSize->setRange(1, 500);
    m_batchSize->setValue(mode == Mode::Import ? 500 : 50);
    m_batchSize->setToolTip(tr("How many users each request to the site carries (push and pull: WorkOS is asked once per user)."));
    auto *batchLabel = new QLabel(tr("Users per reques&t:"), this);
    batchLabel->setBuddy(m_batchSize);
    form->addRow(batchLabel, m_batchSize);

    m_resumeFrame->setObjectName(QStringLiteral("runResume"));
    m_resumeFrame->setFrameShape(QFrame::StyledPanel);
    m_resumeFrame->setStyleSheet(QStringLiteral("QFrame#runResume { background: #fff4ce; }"));
    m_resumeText->setObjectName(QStringLiteral("runResumeText"));
    m_resumeText->setWordWrap(true);
    m_resumeButton->setObjectName(QStringLiteral("resumeRunButton"));
    m_discardButton->setObjectName(QStringLiteral("discardRunButton"));
    m_discardButton->setToolTip(tr("Forget what is left of that run; a new dry run plans again from what the site has now."));
    auto *resumeLayout = new QHBoxLayout(m_resumeFrame);
    resumeLayout->addWidget(m_resumeText, 1);
    resumeLayout->addWidget(m_resumeButton);
    resumeLayout->addWidget(m_discardButton);
    m_resumeFrame->hide();
    connect(m_resumeButton, &QPushButton::clicked, this, &SyncRunDialog::resume);
    connect(m_discardButton, &QPushButton::clicked, this, &SyncRunDialog::discard);

    m_dryRunButton->setObjectName(QStringLiteral("dryRunButton"));
    m_dryRunButton->setToolTip(tr("Decide what would happen to each user; nothing is written."));
    connect(m_dryRunButton, &QPushButton::clicked, this, &SyncRunDialog::dryRun);

    m_table->setObjectName(QStringLiteral("planTable"));
    m_table->setAccessibleName(tr("What the run does to each user"));
    m_sorted->setSourceModel(m_tableModel);
    m_table->setModel(m_sorted);
    m_table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder); // the plan's order until a column is clicked
    m_table->setSortingEnabled(true);
    m_table->setWordWrap(false); // one line a user; the whole reason is in the tooltip
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_planSummary->setObjectName(QStringLiteral("planSummary"));

    m_summary->setObjectName(QStringLiteral("runSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = m_summary->font();
    bold.setBold(true);
    m_summary->setFont(bold);

    m_runButton->setObjectName(QStringLiteral("runButton"));
    m_runButton->setToolTip(tr("Do what the dry run shows."));
    m_saveReportButton->setObjectName(QStringLiteral("saveReportButton"));
    m_closeButton->setObjectName(QStringLiteral("closeButton"));
    m_saveReportButton->hide();
    connect(m_runButton, &QPushButton::clicked, this, &SyncRunDialog::run);
    connect(m_saveReportButton, &QPushButton::clicked, this, &SyncRunDialog::chooseReportFile);
    connect(m_closeButton, &QPushButton::clicked, this, &SyncRunDialog::reject);
    connect(m_jobBar, &JobBar::cancelRequested, this, [this]() { m_cancelRequested = true; });

    auto *planRow = new QHBoxLayout;
    planRow->addWidget(m_dryRunButton);
    planRow->addWidget(m_planSummary, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_saveReportButton);
    buttons->addStretch(1);
    buttons->addWidget(m_runButton);
    buttons->addWidget(m_closeButton);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_resumeFrame);
    layout->addLayout(planRow);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_jobBar);
    layout->addWidget(m_summary);
    layout->addWidget(m_error);
    layout->addLayout(buttons);

    checkUnfinished();
    updateButtons();
}

void SyncRunDialog::setOrganization(const QString &workosOrganizationId)
{
    if (m_organization)
        m_organization->setText(workosOrganizationId);
}

QString SyncRunDialog::kind() const
{
    if (m_mode == Mode::Import)
        return SyncService::Import;
    return m_push->isChecked() ? SyncService::Push : SyncService::Pull;
}

void SyncRunDialog::setDirection(const QString &kind)
{
    if (m_mode == Mode::Sync)
        (kind == SyncService::Pull ? m_pull : m_push)->setChecked(true);
}

QString SyncRunDialog::unfinishedText(const QString &kind, const QString &createdAt, int left)
{
    if (kind == SyncService::Import)
        return tr("An import started %1 did not finish: %n user(s) left.", nullptr, left).arg(localTime(createdAt));
    if (kind == SyncService::Push)
        return tr("A push to WorkOS started %1 did not finish: %n user(s) left.", nullptr, left).arg(localTime(createdAt));
    return tr("A pull from WorkOS started %1 did not finish: %n user(s) left.", nullptr, left).arg(localTime(createdAt));
}

void SyncRunDialog::checkUnfinished()
{
    const auto open = m_journal->unfinished(m_site.name, kind());
    if (!open) {
        showError(open.error().message);
        return;
    }
    m_unfinishedJob = open.value() ? open.value()->id : 0;
    if (m_unfinishedJob) {
        const auto counts = m_journal->counts(m_unfinishedJob);
        m_resumeText->setText(unfinishedText(kind(), open.value()->createdAt, counts ? counts->pending : 0));
        // The options shown are the unfinished run's: a resume does its plan, not a new one.
        const QJsonObject options = open.value()->options;
        if (m_organization) {
            const QSignalBlocker blocker(m_organization);
            m_organization->setText(options.value(u"organization_id").toString());
        }
        if (m_role && kind() == SyncService::Push) {
            const QSignalBlocker blocker(m_role);
            m_role->setCurrentIndex(std::max(0, m_role->findData(options.value(u"role").toString())));
        }
    }
    m_resumeFrame->setVisible(m_unfinishedJob != 0);
}

void SyncRunDialog::invalidatePlan()
{
    if (m_busy)
        return;
    m_planned = false;
    m_tableModel->setTable({});
    m_planSummary->clear();
    m_summary->clear();
    updateButtons();
}

void SyncRunDialog::updateButtons()
{
    const bool unfinished = m_unfinishedJob != 0;
    m_dryRunButton->setEnabled(!m_busy && !unfinished);
    m_runButton->setEnabled(!m_busy && !unfinished && m_planned);
    m_resumeButton->setEnabled(!m_busy);
    m_discardButton->setEnabled(!m_busy);
    m_closeButton->setEnabled(true);
    m_saveReportButton->setVisible(!m_busy && m_report.job != 0 && !m_report.dryRun && m_report.counts.failed > 0);
    m_batchSize->setEnabled(!m_busy);
    if (m_organization)
        m_organization->setEnabled(!m_busy && !unfinished);
    if (m_push) {
        m_push->setEnabled(!m_busy);
        m_pull->setEnabled(!m_busy);
        m_role->setEnabled(!m_busy && !unfinished && m_push->isChecked());
    }
}

void SyncRunDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void SyncRunDialog::dryRun()
{
    if (m_busy)
        return;
    if (m_organization) {
        static const QRegularExpression organizationId(QStringLiteral("^[A-Za-z0-9_-]{1,128}$"));
        const QString org = m_organization->text().trimmed();
        if (!org.isEmpty() && !organizationId.match(org).hasMatch()) {
            showError(tr("“%1” is not a WorkOS organization ID (org_…).").arg(org));
            return;
        }
    }
    start(true);
}

void SyncRunDialog::run()
{
    if (!m_busy && m_planned)
        start(false);
}

void SyncRunDialog::resume()
{
    if (!m_busy && m_unfinishedJob)
        start(false);
}

void SyncRunDialog::discard()
{
    if (m_busy || !m_unfinishedJob)
        return;
    if (const Result<void> closed = m_journal->finish(m_unfinishedJob); !closed)
        return showError(closed.error().message);
    m_summary->setText(tr("The unfinished run is discarded; what it did stays done."));
    checkUnfinished();
    updateButtons();
}

void SyncRunDialog::start(bool dry)
{
    const QString runKind = kind();
    m_busy = true;
    m_cancelRequested = false;
    m_jobStarted = false;
    showError(QString());
    m_summary->clear();
    if (dry) {
        m_planned = false;
        m_tableModel->setTable({});
        m_planSummary->clear();
    }
    m_report = SyncReport();
    m_jobBar->start(dry ? tr("Dry run: asking the site and WorkOS…") : m_unfinishedJob ? tr("Resuming…") : tr("Running…"));
    updateButtons();

    SyncService::Callbacks callbacks;
    callbacks.log = [this](const QString &line) { m_jobBar->setProgress(0, line); };
    callbacks.canceled = [this]() { return m_cancelRequested; };
    callbacks.progress = [this, dry](const SyncJournal::Counts &counts) {
        const int total = counts.total();
        const int processed = total - counts.pending;
        if (!m_jobStarted && !m_cancelRequested) {
            m_jobBar->start(dry ? tr("Dry run…") : tr("Running…"), total);
            m_jobStarted = true;
        }
        m_jobBar->setProgress(processed, dry ? tr("Dry run: %1 of %2 users decided").arg(processed).arg(total)
                                             : tr("%1 of %2 users done").arg(processed).arg(total));
        Q_EMIT progressed(processed, total);
    };
    auto done = [this, dry](const Result<SyncReport> &report) { finish(report, dry); };

    if (m_mode == Mode::Import) {
        ImportOptions options;
        options.organizationId = m_organization->text().trimmed();
        options.dryRun = dry;
        options.batchSize = m_batchSize->value();
        SyncService::import(m_context.sites, *m_journal, m_site, m_site.environment, options, this, callbacks, done);
        return;
    }
    SyncService::DirectionOptions options;
    options.role = runKind == SyncService::Push ? m_role->currentData().toString() : QString();
    options.batchSize = m_batchSize->value();
    options.dryRun = dry;
    // The admin has seen the dry run (or the run to resume) and pressed the button: no more prompt.
    auto proceed = [](int) { return true; };
    if (runKind == SyncService::Push)
        SyncService::push(m_context.sites, *m_journal, m_site, m_site.environment, options, this, callbacks, proceed, done);
    else
        SyncService::pull(m_context.sites, *m_journal, m_site, m_site.environment, options, this, callbacks, proceed, done);
}

void SyncRunDialog::finish(const Result<SyncReport> &report, bool dry)
{
    m_busy = false;
    m_jobBar->finish();
    if (!report) {
        if (report.error().code == u"canceled") {
            if (dry) {
                m_summary->setText(tr("Dry run cancelled: nothing was written."));
            } else {
                checkUnfinished();
                const auto left = m_unfinishedJob ? m_journal->counts(m_unfinishedJob) : Result<SyncJournal::Counts>(SyncJournal::Counts());
                m_summary->setText(tr("Cancelled: %n user(s) left. Resume to finish them.", nullptr, left ? left->pending : 0));
            }
        } else {
            showError(report.error().message);
        }
    } else if (dry) {
        m_report = report.value();
        Table table = SyncService::planTable(m_report.rows);
        table.columns = {m_mode == Mode::Import ? tr("WorkOS user") : tr("WordPress user"), tr("E-mail"), tr("Action"), tr("Reason")};
        m_tableModel->setTable(table);
        fitColumns();
        int counts[5] = {0, 0, 0, 0, 0};
        for (const SyncPlanRow &row : m_report.rows)
            ++counts[static_cast<int>(row.action)];
        m_planSummary->setText(tr("Create %1 · link %2 · update %3 · skip %4 · fail %5")
                                   .arg(counts[0]).arg(counts[1]).arg(counts[2]).arg(counts[3]).arg(counts[4]));
        m_summary->setText(SyncService::summary(m_report));
        m_planned = m_report.counts.done > 0;
        if (m_report.rows.isEmpty())
            m_summary->setText(m_report.kind == SyncService::Import ? tr("No WorkOS users found.")
                               : m_report.kind == SyncService::Push ? tr("No unlinked users found.")
                                                                    : tr("No linked users found."));
        else if (!m_planned)
            m_summary->setText(m_summary->text() + QLatin1Char(' ') + tr("Nothing to run."));
    } else {
        m_report = report.value();
        m_planned = false;
        if (m_report.dryRun) // push or pull found nobody to do
            m_summary->setText(tr("Nothing to do: no user to sync."));
        else
            m_summary->setText(SyncService::summary(m_report));
        showRunTable(m_report.job);
    }
    if (!dry)
        Q_EMIT runFinished();
    checkUnfinished();
    updateButtons();
    if (m_closeWhenDone)
        QDialog::reject();
}

// After a run: its failed and skipped users with the reason, as the error report lists them.
void SyncRunDialog::showRunTable(qint64 job)
{
    Table table;
    table.columns = {m_mode == Mode::Import ? tr("WorkOS user") : tr("WordPress user"), tr("E-mail"), tr("Action"), tr("Reason")};
    if (job) {
        for (const auto state : {SyncJournal::State::Failed, SyncJournal::State::Skipped}) {
            const auto items = m_journal->items(job, state);
            if (!items)
                continue;
            for (const SyncJournal::Item &item : items.value())
                table.rows.append({item.key, item.payload.value(u"email").toString(),
                                   SyncService::actionName(state == SyncJournal::State::Failed ? SyncPlanRow::Action::Fail : SyncPlanRow::Action::Skip),
                                   item.error});
        }
    }
    m_tableModel->setTable(table);
    fitColumns();
    m_planSummary->setText(table.rows.isEmpty() ? tr("Every user done.") : tr("Users not done: %1").arg(table.rows.size()));
}

// The user, address and action as wide as they need (within reason); the reason gets the rest.
void SyncRunDialog::fitColumns()
{
    for (int column = 0; column < 3; ++column) {
        m_table->resizeColumnToContents(column);
        m_table->setColumnWidth(column, std::min(m_table->columnWidth(column), 220));
    }
}

Result<void> SyncRunDialog::saveErrorReport(const QString &path) const
{
    if (!m_report.job)
        return Error{tr("There is no run to report on."), QStringLiteral("no_run")};
    return m_journal->saveErrorReport(m_report.job, path);
}

void SyncRunDialog::chooseReportFile()
{
    auto *files = new QFileDialog(this, tr("Save error report"), QString(), tr("CSV files (*.csv)"));
    files->setObjectName(QStringLiteral("reportFileDialog"));
    files->setAcceptMode(QFileDialog::AcceptSave);
    files->setDefaultSuffix(QStringLiteral("csv"));
    files->selectFile(QStringLiteral("%1-%2-errors.csv").arg(m_site.name, kind()));
    files->setAttribute(Qt::WA_DeleteOnClose);
    connect(files, &QFileDialog::fileSelected, this, [this](const QString &path) {
        if (const Result<void> saved = saveErrorReport(path); !saved)
            showError(saved.error().message);
        else
            m_summary->setText(m_summary->text() + QLatin1Char(' ') + tr("Error report saved to %1.").arg(path));
    });
    files->open();
}

void SyncRunDialog::reject()
{
    if (!m_busy)
        return QDialog::reject();
    // The run's answers must find the dialog: stop it, then close.
    m_closeWhenDone = true;
    if (auto *cancel = m_jobBar->findChild<QPushButton *>(QStringLiteral("jobCancel")); cancel && cancel->isEnabled())
        cancel->click();
}

} // namespace workos::gui

#include "pages/ActivityPage.h"

#include "activity/ActivityCache.h"
#include "activity/ActivityPull.h"
#include "activity/ActivityTableModel.h"
#include "activity/ActivityWorker.h"
#include "site/SiteService.h"
#include "widgets/ActivityChart.h"
#include "widgets/ActivityFilterBar.h"
#include "widgets/JobBar.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QTableView>
#include <QVBoxLayout>

#include <climits>

namespace workos::gui {

ActivityPage::ActivityPage(ConsoleContext &context, QWidget *parent)
    : SitePage(context, parent), m_model(new ActivityTableModel(this)), m_asOf(new QLabel(this)), m_error(new QLabel(this)),
      m_filterError(new QLabel(this)), m_filterNote(new QLabel(this)), m_count(new QLabel(this)),
      m_pullButton(new QPushButton(tr("&Pull"), this)), m_exportButton(new QPushButton(tr("E&xport…"), this)),
      m_filters(new ActivityFilterBar(this)), m_chart(new ActivityChart(this)), m_table(new QTableView(this)), m_jobBar(new JobBar(this))
{
    setObjectName(QStringLiteral("activityPage"));

    m_asOf->setObjectName(QStringLiteral("activityAsOf"));
    m_asOf->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_pullButton->setObjectName(QStringLiteral("activityPull"));
    m_pullButton->setToolTip(tr("Fetch the events logged since the last pull"));
    m_exportButton->setObjectName(QStringLiteral("activityExport"));
    m_exportButton->setToolTip(tr("Save the events the filters select as CSV or JSON (Ctrl+E)"));
    connect(m_pullButton, &QPushButton::clicked, this, &ActivityPage::pull);
    connect(m_exportButton, &QPushButton::clicked, this, &ActivityPage::chooseExportFile);

    for (QLabel *label : {m_error, m_filterError}) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        label->setStyleSheet(QStringLiteral("QLabel { color: #b3261e; }"));
        label->hide();
    }
    m_error->setObjectName(QStringLiteral("activityError"));
    m_filterError->setObjectName(QStringLiteral("activityFilterError"));
    m_filterNote->setObjectName(QStringLiteral("activityFilterNote"));
    m_filterNote->setWordWrap(true);
    m_filterNote->setForegroundRole(QPalette::PlaceholderText);
    m_filterNote->hide();
    m_count->setObjectName(QStringLiteral("activityCount"));

    connect(m_filters, &ActivityFilterBar::changed, this, &ActivityPage::applyFilter);
    connect(m_filters, &ActivityFilterBar::saveRequested, this, &ActivityPage::askFilterName);
    connect(m_filters, &ActivityFilterBar::savedChosen, this, &ActivityPage::applySavedFilter);
    connect(m_filters, &ActivityFilterBar::deleteRequested, this, &ActivityPage::deleteSavedFilter);

    m_table->setObjectName(QStringLiteral("activityTable"));
    m_table->setAccessibleName(tr("Activity events"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(ActivityTableModel::TimeColumn, 150);
    m_table->setColumnWidth(ActivityTableModel::TypeColumn, 150);
    m_table->setColumnWidth(ActivityTableModel::UserColumn, 190);
    m_table->setColumnWidth(ActivityTableModel::AddressColumn, 110);

    connect(m_model, &ActivityTableModel::totalChanged, this, [this]() { updateCount(); });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this]() { updateCount(); });
    connect(m_model, &ActivityTableModel::failed, this, [this](const QString &message) { showError(message); });
    connect(m_jobBar, &JobBar::cancelRequested, this, [this]() {
        if (m_pull)
            m_pull->cancel();
        if (m_exportCancelled)
            *m_exportCancelled = true;
    });

    auto *top = new QHBoxLayout;
    top->addWidget(m_asOf, 1);
    top->addWidget(m_pullButton);
    top->addWidget(m_exportButton);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_error);
    layout->addWidget(m_filters);
    layout->addWidget(m_filterError);
    layout->addWidget(m_filterNote);
    layout->addWidget(m_chart);
    layout->addWidget(m_count);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_jobBar);

    setTabOrder(m_filters, m_table);
    setTabOrder(m_table, m_pullButton);
    setTabOrder(m_pullButton, m_exportButton);

    auto *find = new QShortcut(QKeySequence::Find, this);
    find->setContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QShortcut::activated, m_filters, &ActivityFilterBar::focusSearch);
    auto *exportShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_E), this);
    exportShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(exportShortcut, &QShortcut::activated, this, &ActivityPage::chooseExportFile);

    setBusy(false);
    updateCount();
}

ActivityPage::~ActivityPage()
{
    // Jobs first: they call back into this page until they are gone.
    if (m_exportCancelled)
        *m_exportCancelled = true;
    delete m_exporter;
    delete m_pull;
    m_model->setCache(nullptr);
}

void ActivityPage::showSite(const SiteProfile &site)
{
    const bool sameSite = site.name == m_site.name;
    m_site = site;
    if (!sameSite)
        m_filters->setFilter({}); // another site's log: its filters start afresh
    openCache();
    pull();
}

void ActivityPage::closeCache()
{
    if (m_exportCancelled)
        *m_exportCancelled = true;
    delete m_exporter;
    m_exporter = nullptr;
    delete m_pull;
    m_pull = nullptr;
    m_pulling = false;
    ++m_session; // answers to what was asked before are for a cache no longer shown
    m_jobBar->finish();
    setBusy(false);
    m_model->setCache(nullptr);
    m_cache.reset();
}

void ActivityPage::openCache()
{
    closeCache();
    m_error->hide();
    m_chartKey.clear();
    m_cache = std::make_unique<ActivityCache>(ActivityCache::defaultPath(m_site.name));
    const Result<void> opened = m_cache->open();
    if (!opened) {
        m_cache.reset();
        showError(opened.error().message);
        updateAsOf();
        return;
    }
    if (m_cache->rebuilt())
        Q_EMIT message(tr("The activity cache of %1 was unreadable: it was set aside and is filled again from the site.").arg(m_site.name));
    m_model->setCache(m_cache.get());
    loadTypes();
    loadSavedFilters();
    updateAsOf();
    applyFilter();
}

void ActivityPage::loadTypes()
{
    const Result<QStringList> types = m_cache ? m_cache->eventTypes() : Result<QStringList>(QStringList());
    m_filters->setTypes(types ? types.value() : QStringList());
}

void ActivityPage::loadSavedFilters(const QString &select)
{
    const auto saved = m_cache ? m_cache->savedFilters() : Result<QMap<QString, ActivityFilter>>(QMap<QString, ActivityFilter>());
    if (!saved)
        showError(saved.error().message);
    m_filters->setSavedNames(saved ? saved->keys() : QStringList(), select);
    m_filters->setSavingEnabled(m_cache != nullptr);
}

void ActivityPage::applyFilter()
{
    const ActivityFilter filter = m_filters->filter();
    m_filterError->hide();
    const QStringList words = filter.searchWords();
    m_filterNote->setVisible(!filter.search.trimmed().isEmpty() && words.isEmpty());
    m_filterNote->setText(tr("The search looks for words (letters or digits): “%1” has none, so nothing matches.").arg(filter.search.trimmed()));
    if (!m_cache) {
        updateCount();
        return;
    }
    const Result<void> applied = m_model->setFilter(filter);
    m_table->scrollToTop();
    if (!applied) {
        m_filterError->setText(applied.error().message);
        m_filterError->show();
    }
    updateChart(filter);
    updateCount();
}

void ActivityPage::updateChart(const ActivityFilter &filter)
{
    // The chart follows the user and the dates, not the type or the words: only those redraw it.
    const QString key = filter.user + QLatin1Char('|') + filter.from.toString(Qt::ISODate) + QLatin1Char('|') + filter.to.toString(Qt::ISODate);
    if (key == m_chartKey)
        return;
    m_chartKey = key;
    const Result<QList<DaySignIns>> days = m_cache ? m_cache->signInsPerDay(filter) : Result<QList<DaySignIns>>(QList<DaySignIns>());
    m_chart->setDays(days ? days.value() : QList<DaySignIns>());
}

void ActivityPage::updateCount()
{
    const int shown = m_model->rowCount();
    const qint64 total = m_model->total();
    QString text;
    if (!m_cache)
        text = tr("No cached activity.");
    else if (total < 0)
        text = tr("Showing %1 events; counting…").arg(QLocale().toString(shown));
    else if (total == 0)
        text = m_cache->count() == 0 ? tr("The cache is empty: pull to fetch the site's activity.") : tr("No event matches the filters.");
    else if (shown >= total)
        text = tr("%n event(s).", nullptr, static_cast<int>(std::min<qint64>(total, INT_MAX)));
    else
        text = tr("Showing %1 of %2 events (more as you scroll).").arg(QLocale().toString(shown), QLocale().toString(total));
    m_count->setText(text);
}

void ActivityPage::updateAsOf()
{
    if (!m_cache) {
        m_asOf->setText(tr("No activity cache."));
        return;
    }
    const QDateTime at = m_cache->lastPullAt();
    m_asOf->setText(at.isValid() ? tr("<b>%1</b> — as of %2 (the last complete pull)")
                                       .arg(m_site.name.toHtmlEscaped(), QLocale().toString(at.toLocalTime(), QLocale::ShortFormat))
                                 : tr("<b>%1</b> — not pulled yet").arg(m_site.name.toHtmlEscaped()));
}

void ActivityPage::showError(const QString &message)
{
    m_error->setText(message);
    m_error->show();
}

bool ActivityPage::isBusy() const
{
    return m_pulling || m_exporter;
}

void ActivityPage::setBusy(bool busy)
{
    m_pullButton->setEnabled(!busy && m_cache);
    m_exportButton->setEnabled(!busy && m_cache);
}

void ActivityPage::pull()
{
    if (!m_cache || isBusy())
        return;
    m_pulling = true;
    setBusy(true);
    m_jobBar->start(tr("Pulling new events from %1…").arg(m_site.name));
    const int session = m_session;
    m_context.sites.withClient(m_site, this, [this, session](const Result<std::shared_ptr<CompanionClient>> &client) {
        if (session != m_session)
            return; // the page was shown again (another site, a refresh) meanwhile
        if (!client) {
            m_pulling = false;
            m_jobBar->finish();
            setBusy(false);
            showError(client.error().message);
            Q_EMIT pullFinished(false);
            return;
        }
        m_pull = new ActivityPull(m_cache->path(), client.value(), this);
        const bool wasEmpty = m_model->rowCount() == 0;
        m_pull->start(m_cache->lastId(), [this, wasEmpty](qint64 stored) {
            m_jobBar->setProgress(stored, tr("Pulled %1 new events…").arg(QLocale().toString(stored)));
            if (wasEmpty && m_model->rowCount() == 0)
                applyFilter(); // a first pull: show the first page without waiting for the rest
        }, [this](const Result<qint64> &stored, bool complete) {
            const bool cancelled = m_pull->isCancelled();
            m_pull->deleteLater();
            m_pull = nullptr;
            m_pulling = false;
            m_jobBar->finish();
            setBusy(false);
            if (!stored) {
                const QDateTime asOf = m_cache->lastPullAt();
                showError(tr("Cannot pull new events from %1: %2").arg(m_site.name, stored.error().message) + QLatin1Char('\n')
                          + (asOf.isValid() ? tr("Showing the cached copy as of %1.").arg(QLocale().toString(asOf.toLocalTime(), QLocale::ShortFormat))
                                            : tr("Showing the cached copy.")));
                Q_EMIT pullFinished(false);
                return;
            }
            m_error->hide();
            Q_EMIT message(cancelled && !complete
                               ? tr("Pull cancelled after %n new event(s); they are kept.", nullptr, static_cast<int>(stored.value()))
                               : tr("Pulled %n new event(s) from %1.", nullptr, static_cast<int>(stored.value())).arg(m_site.name));
            updateAsOf();
            if (stored.value() > 0) {
                loadTypes();
                m_chartKey.clear();
                applyFilter();
            }
            Q_EMIT pullFinished(complete);
        });
    });
}

void ActivityPage::chooseExportFile()
{
    if (!m_cache || isBusy())
        return;
    auto *dialog = new QFileDialog(this, tr("Export activity"));
    dialog->setObjectName(QStringLiteral("exportDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setNameFilters({tr("CSV (*.csv)"), tr("JSON (*.json)")});
    dialog->setDefaultSuffix(QStringLiteral("csv"));
    dialog->selectFile(m_site.name + QStringLiteral("-activity.csv"));
    connect(dialog, &QFileDialog::filterSelected, dialog, [dialog](const QString &filter) {
        dialog->setDefaultSuffix(filter.contains(QStringLiteral("*.json")) ? QStringLiteral("json") : QStringLiteral("csv"));
    });
    connect(dialog, &QFileDialog::fileSelected, this, [this, dialog](const QString &path) {
        const bool json = QFileInfo(path).suffix().compare(QStringLiteral("json"), Qt::CaseInsensitive) == 0
            || (QFileInfo(path).suffix().isEmpty() && dialog->selectedNameFilter().contains(QStringLiteral("*.json")));
        exportTo(path, json ? ActivityExportFormat::Json : ActivityExportFormat::Csv);
    });
    dialog->open();
}

void ActivityPage::exportTo(const QString &path, ActivityExportFormat format)
{
    if (!m_cache || isBusy())
        return;
    ActivityFilter filter = m_model->filter();
    filter.limit = 0; // every event the filters select
    if (const Result<void> valid = filter.validate(); !valid) {
        showError(valid.error().message);
        Q_EMIT exportFinished(false);
        return;
    }
    setBusy(true);
    m_jobBar->start(tr("Exporting to %1…").arg(QFileInfo(path).fileName()));
    m_exportCancelled = std::make_shared<std::atomic_bool>(false);
    m_exporter = new ActivityWorker(m_cache->path(), this);
    ActivityWorker *worker = m_exporter;
    const auto cancelled = m_exportCancelled;
    const auto progress = [this, worker, cancelled](qint64 written) {
        // On the worker thread: the job bar hears of it on the GUI thread.
        QMetaObject::invokeMethod(worker, [this, written]() {
            m_jobBar->setProgress(written, tr("Exported %1 events…").arg(QLocale().toString(written)));
        }, Qt::QueuedConnection);
        return !*cancelled && !worker->stopping();
    };
    const QString text = tr("Exporting to %1…").arg(QFileInfo(path).fileName());
    m_exporter->run<qint64>(this, [this, worker, cancelled, filter, format, path, progress, text](ActivityCache &cache) {
        // The bar's total, when the count was still running as the export began.
        if (const Result<qint64> total = cache.count(filter); total && !*cancelled) {
            QMetaObject::invokeMethod(worker, [this, cancelled, text, total = total.value()]() {
                if (!*cancelled)
                    m_jobBar->start(text, total);
            }, Qt::QueuedConnection);
        }
        return exportActivityToFile(cache, filter, format, path, progress);
    }, [this, path](const Result<qint64> &written) {
        m_exporter->deleteLater();
        m_exporter = nullptr;
        m_exportCancelled.reset();
        m_jobBar->finish();
        setBusy(false);
        if (!written) {
            if (written.error().code == u"cancelled") {
                Q_EMIT message(tr("Export cancelled: %1 was not written.").arg(QFileInfo(path).fileName()));
            } else {
                showError(written.error().message);
            }
            Q_EMIT exportFinished(false);
            return;
        }
        Q_EMIT message(tr("Exported %n event(s) to %1.", nullptr, static_cast<int>(written.value())).arg(path));
        Q_EMIT exportFinished(true);
    });
}

void ActivityPage::askFilterName()
{
    auto *dialog = new QInputDialog(this);
    dialog->setObjectName(QStringLiteral("saveFilterDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Save filter"));
    dialog->setLabelText(tr("Name of the filter:"));
    dialog->setTextValue(m_filters->currentSaved());
    connect(dialog, &QInputDialog::textValueSelected, this, &ActivityPage::saveFilterAs);
    dialog->open();
}

void ActivityPage::applySavedFilter(const QString &name)
{
    if (!m_cache)
        return;
    const auto saved = m_cache->savedFilters();
    if (!saved) {
        showError(saved.error().message);
        return;
    }
    m_filters->setFilter(saved->value(name));
    applyFilter();
}

void ActivityPage::saveFilterAs(const QString &name)
{
    if (!m_cache)
        return;
    const Result<void> saved = m_cache->saveFilter(name, m_filters->filter());
    if (!saved) {
        m_filterError->setText(saved.error().message);
        m_filterError->show();
        return;
    }
    loadSavedFilters(name.trimmed());
    Q_EMIT message(tr("Saved the filter “%1”.").arg(name.trimmed()));
}

void ActivityPage::deleteSavedFilter(const QString &name)
{
    if (!m_cache)
        return;
    if (const Result<void> removed = m_cache->removeFilter(name); !removed) {
        showError(removed.error().message);
        return;
    }
    loadSavedFilters();
    Q_EMIT message(tr("Deleted the saved filter “%1”.").arg(name));
}

} // namespace workos::gui

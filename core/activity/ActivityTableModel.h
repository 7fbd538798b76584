#pragma once

#include "activity/ActivityCache.h"
#include "util/Result.h"

#include <QAbstractTableModel>
#include <QList>

namespace workos {

class ActivityWorker;

// A site's cached activity log as a table, newest first, read lazily: a page of rows for the
// filter, then another each time the view scrolls to the end (canFetchMore/fetchMore), each page
// a keyset query as cheap as the first. How many events the filter selects is counted on a worker
// thread, so applying a filter costs one page.
class ActivityTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TimeColumn, TypeColumn, UserColumn, AddressColumn, DetailsColumn, ColumnCount };
    enum Role { EventIdRole = Qt::UserRole + 1, EventTypeRole, CreatedAtRole };

    explicit ActivityTableModel(QObject *parent = nullptr);
    ~ActivityTableModel() override;

    // The cache shown (nullptr: none). It outlives the model, or is replaced before it goes.
    void setCache(ActivityCache *cache);
    ActivityCache *cache() const { return m_cache; }

    // Shows the first page the filter selects. A filter that cannot be applied (from after to) or a
    // cache that cannot be read leaves the model empty; the error is returned and kept.
    Result<void> setFilter(const ActivityFilter &filter);
    const ActivityFilter &filter() const { return m_filter; }
    // The same filter again (new events after a pull).
    Result<void> reload() { return setFilter(m_filter); }
    void setPageSize(int rows) { m_pageSize = qMax(1, rows); }
    int pageSize() const { return m_pageSize; }

    const ActivityEvent &event(int row) const { return m_rows.at(row); }
    // How many events the filter selects; -1 while they are being counted.
    qint64 total() const { return m_total; }
    QString lastError() const { return m_error; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

Q_SIGNALS:
    void totalChanged(qint64 total);
    // A page could not be read (the message is also lastError()).
    void failed(const QString &message);

private:
    Result<QList<ActivityEvent>> page() const;
    void countInBackground();

    ActivityCache *m_cache = nullptr;
    ActivityWorker *m_counter = nullptr;
    ActivityFilter m_filter;
    QList<ActivityEvent> m_rows;
    int m_pageSize = 200;
    bool m_atEnd = true;
    qint64 m_total = 0;
    quint64 m_generation = 0; // which filter a count in flight belongs to
    bool m_counting = false;
    // Inside a change being announced: a view (or Qt's model tester) may ask for more rows from
    // its handler of that change; they come later.
    bool m_changing = false;
    QString m_error;
};

} // namespace workos

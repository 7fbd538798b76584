#include "activity/ActivityTableModel.h"

#include "activity/ActivityWorker.h"

#include <QJsonDocument>

namespace workos {

namespace {

// "2026-11-27T00:43:15Z" as "2026-11-27 00:43:15": the log's UTC time, easy to scan in a column.
QString shownTime(const QString &iso)
{
    QString t = iso;
    if (t.size() >= 19 && t.at(10) == u'T')
        t[10] = u' ';
    if (t.endsWith(u'Z'))
        t.chop(1);
    return t;
}

// The metadata on one line: "outcome: applied · reason: provisioned".
QString shownDetails(const QJsonObject &metadata)
{
    QStringList parts;
    for (auto it = metadata.begin(); it != metadata.end(); ++it) {
        const QJsonValue v = it.value();
        QString text;
        if (v.isString())
            text = v.toString();
        else if (v.isObject())
            text = QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
        else if (v.isArray())
            text = QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
        else
            text = v.toVariant().toString();
        parts << it.key() + QStringLiteral(": ") + text;
    }
    return parts.join(QStringLiteral(" · "));
}

} // namespace

ActivityTableModel::ActivityTableModel(QObject *parent) : QAbstractTableModel(parent) {}

ActivityTableModel::~ActivityTableModel() = default;

void ActivityTableModel::setCache(ActivityCache *cache)
{
    m_changing = true;
    beginResetModel();
    m_cache = cache;
    m_rows.clear();
    m_atEnd = true;
    m_total = 0;
    m_error.clear();
    ++m_generation;
    delete m_counter; // waits for a count of the old file
    m_counter = cache ? new ActivityWorker(cache->path(), this) : nullptr;
    m_counting = false;
    endResetModel();
    m_changing = false;
}

Result<QList<ActivityEvent>> ActivityTableModel::page() const
{
    ActivityFilter f = m_filter;
    f.limit = m_pageSize;
    f.newestFirst = true;
    f.after = m_rows.isEmpty() ? 0 : m_rows.last().id;
    return m_cache->query(f);
}

Result<void> ActivityTableModel::setFilter(const ActivityFilter &filter)
{
    m_changing = true;
    beginResetModel();
    m_filter = filter;
    m_filter.after = 0;
    m_rows.clear();
    m_atEnd = true;
    m_total = 0;
    m_error.clear();
    ++m_generation;
    Result<void> outcome;
    if (m_cache) {
        const Result<QList<ActivityEvent>> first = page();
        if (first) {
            m_rows = first.value();
            m_atEnd = m_rows.size() < m_pageSize;
        } else {
            m_error = first.error().message;
            outcome = first.error();
        }
    }
    endResetModel();
    m_changing = false;
    if (!m_atEnd) {
        m_total = -1;
        countInBackground();
    } else {
        m_total = m_rows.size(); // all there: nothing to count
    }
    Q_EMIT totalChanged(m_total);
    return outcome;
}

void ActivityTableModel::countInBackground()
{
    if (m_counting || !m_counter)
        return; // the count running restarts for the newest filter when it ends
    m_counting = true;
    const quint64 generation = m_generation;
    const ActivityFilter filter = m_filter;
    m_counter->run<qint64>(this, [filter](ActivityCache &cache) { return cache.count(filter); },
                           [this, generation](const Result<qint64> &counted) {
        m_counting = false;
        if (generation != m_generation) {
            if (m_total < 0)
                countInBackground();
            return;
        }
        m_total = counted ? counted.value() : qint64(m_rows.size());
        Q_EMIT totalChanged(m_total);
    });
}

int ActivityTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ActivityTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ActivityTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ActivityEvent &e = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return shownTime(e.createdAt);
        case TypeColumn:
            return e.eventType;
        case UserColumn:
            if (!e.userEmail.isEmpty())
                return e.userEmail;
            if (e.userId)
                return tr("user %1").arg(e.userId);
            // A failed sign-in has no user, only what was typed as the name.
            if (const QString typed = e.metadata.value(u"username").toString(); !typed.isEmpty())
                return tr("“%1” (typed)").arg(typed);
            return QString();
        case AddressColumn:
            return e.ipAddress;
        case DetailsColumn:
            return shownDetails(e.metadata);
        default:
            return {};
        }
    case Qt::ToolTipRole: {
        QStringList lines;
        if (e.userId)
            lines << tr("WordPress user %1").arg(e.userId);
        if (!e.workosUserId.isEmpty())
            lines << tr("WorkOS user %1").arg(e.workosUserId);
        if (!e.userAgent.isEmpty())
            lines << tr("Browser: %1").arg(e.userAgent);
        if (!e.metadata.isEmpty())
            lines << QString::fromUtf8(QJsonDocument(e.metadata).toJson(QJsonDocument::Indented)).trimmed();
        return lines.join(QLatin1Char('\n'));
    }
    case EventIdRole:
        return e.id;
    case EventTypeRole:
        return e.eventType;
    case CreatedAtRole:
        return e.createdAt;
    default:
        return {};
    }
}

QVariant ActivityTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time (UTC)");
    case TypeColumn:
        return tr("Event");
    case UserColumn:
        return tr("User");
    case AddressColumn:
        return tr("IP address");
    case DetailsColumn:
        return tr("Details");
    default:
        return {};
    }
}

bool ActivityTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_cache && !m_atEnd && !m_changing;
}

void ActivityTableModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    const Result<QList<ActivityEvent>> more = page();
    if (!more) {
        m_atEnd = true;
        m_error = more.error().message;
        Q_EMIT failed(m_error);
        return;
    }
    m_atEnd = more->size() < m_pageSize;
    if (more->isEmpty())
        return;
    m_changing = true;
    beginInsertRows({}, static_cast<int>(m_rows.size()), static_cast<int>(m_rows.size() + more->size() - 1));
    m_rows.append(more.value());
    endInsertRows();
    m_changing = false;
}

} // namespace workos

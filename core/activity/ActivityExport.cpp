#include "activity/ActivityExport.h"

#include "output/Formatter.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <algorithm>

namespace workos {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ActivityExport)
};

constexpr int kPage = 5000;

// One event as an element of the indented JSON array: the object's own indented text, every line
// one level deeper — byte for byte what QJsonDocument writes for the whole array.
QByteArray jsonElement(const ActivityEvent &e)
{
    QByteArray object = QJsonDocument(e.toJson()).toJson(QJsonDocument::Indented);
    object.chop(1); // its final line break
    return "    " + object.replace("\n", "\n    ");
}

QByteArray csvRows(const QList<ActivityEvent> &events, bool withHeader)
{
    QByteArray text = formatTable(activityTable(events), OutputFormat::Csv).toUtf8();
    if (!withHeader)
        text.remove(0, text.indexOf('\n') + 1);
    return text;
}

} // namespace

Table activityTable(const QList<ActivityEvent> &events)
{
    Table t;
    t.columns = {QStringLiteral("id"), QStringLiteral("created_at"), QStringLiteral("event_type"), QStringLiteral("user_id"),
                 QStringLiteral("user_email"), QStringLiteral("ip_address"), QStringLiteral("details")};
    for (const ActivityEvent &e : events) {
        t.rows.append({QString::number(e.id), e.createdAt, e.eventType, e.userId ? QString::number(e.userId) : QString(),
                       e.userEmail, e.ipAddress,
                       e.metadata.isEmpty() ? QString() : QString::fromUtf8(QJsonDocument(e.metadata).toJson(QJsonDocument::Compact))});
    }
    return t;
}

Result<qint64> exportActivity(const ActivityCache &cache, const ActivityFilter &filter, ActivityExportFormat format,
                              QIODevice &out, const std::function<bool(qint64)> &progress)
{
    ActivityFilter page = filter;
    page.newestFirst = false;
    page.after = 0;
    const qint64 wanted = filter.limit > 0 ? filter.limit : std::numeric_limits<qint64>::max();
    qint64 written = 0;
    const auto write = [&out](const QByteArray &bytes) {
        return out.write(bytes) == bytes.size()
            ? Result<void>()
            : Result<void>(Error{Tr::tr("Cannot write the export: %1").arg(out.errorString()), QStringLiteral("activity_export_write")});
    };
    if (format == ActivityExportFormat::Json) {
        if (const Result<void> w = write("["); !w)
            return w.error();
    }
    for (;;) {
        page.limit = static_cast<int>(std::min<qint64>(kPage, wanted - written));
        const Result<QList<ActivityEvent>> events = page.limit > 0 ? cache.query(page) : QList<ActivityEvent>();
        if (!events)
            return events.error();
        QByteArray chunk;
        if (format == ActivityExportFormat::Csv) {
            if (written == 0 || !events->isEmpty())
                chunk = csvRows(events.value(), written == 0);
        } else {
            for (qsizetype i = 0; i < events->size(); ++i)
                chunk += (written + i == 0 ? "\n" : ",\n") + jsonElement(events->at(i));
        }
        if (const Result<void> w = write(chunk); !w)
            return w.error();
        written += events->size();
        if (progress && !progress(written))
            return Error{Tr::tr("Export cancelled."), QStringLiteral("cancelled")};
        if (events->size() < page.limit || page.limit <= 0)
            break;
        page.after = events->last().id;
    }
    if (format == ActivityExportFormat::Json) {
        if (const Result<void> w = write("\n]\n"); !w)
            return w.error();
    }
    return written;
}

Result<qint64> exportActivityToFile(const ActivityCache &cache, const ActivityFilter &filter, ActivityExportFormat format,
                                    const QString &path, const std::function<bool(qint64)> &progress)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{Tr::tr("Cannot write %1: %2").arg(path, file.errorString()), QStringLiteral("activity_export_write")};
    const Result<qint64> written = exportActivity(cache, filter, format, file, progress);
    if (!written) {
        file.cancelWriting();
        return written;
    }
    if (!file.commit())
        return Error{Tr::tr("Cannot write %1: %2").arg(path, file.errorString()), QStringLiteral("activity_export_write")};
    return written;
}

} // namespace workos

#include "output/Formatter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

namespace workos {

std::optional<OutputFormat> parseOutputFormat(const QString &name)
{
    const QString n = name.toLower();
    if (n == u"table")
        return OutputFormat::Table;
    if (n == u"json")
        return OutputFormat::Json;
    if (n == u"csv")
        return OutputFormat::Csv;
    if (n == u"yaml")
        return OutputFormat::Yaml;
    if (n == u"ids")
        return OutputFormat::Ids;
    return std::nullopt;
}

namespace {

QString cell(const QStringList &row, qsizetype i)
{
    return i < row.size() ? row.at(i) : QString();
}

QString asciiTable(const Table &t)
{
    QList<qsizetype> widths;
    for (qsizetype c = 0; c < t.columns.size(); ++c) {
        qsizetype w = t.columns.at(c).size();
        for (const QStringList &row : t.rows)
            w = std::max(w, cell(row, c).size());
        widths.append(w);
    }
    QString rule = QStringLiteral("+");
    for (qsizetype w : widths)
        rule += QString(w + 2, QLatin1Char('-')) + QLatin1Char('+');
    rule += QLatin1Char('\n');
    auto line = [&](const QStringList &values) -> QString {
        QString out = QStringLiteral("|");
        for (qsizetype c = 0; c < widths.size(); ++c)
            out += QLatin1Char(' ') + cell(values, c).leftJustified(widths.at(c)) + QStringLiteral(" |");
        return out + QLatin1Char('\n');
    };
    QString out = rule + line(t.columns) + rule;
    for (const QStringList &row : t.rows)
        out += line(row);
    return out + rule;
}

QString csvField(const QString &v)
{
    if (!v.contains(u',') && !v.contains(u'"') && !v.contains(u'\n') && !v.contains(u'\r'))
        return v;
    QString quoted = v;
    quoted.replace(u'"', QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString csv(const Table &t)
{
    auto line = [](const QStringList &values, qsizetype n) -> QString {
        QStringList fields;
        for (qsizetype i = 0; i < n; ++i)
            fields.append(csvField(cell(values, i)));
        return fields.join(QLatin1Char(',')) + QLatin1Char('\n');
    };
    QString out = line(t.columns, t.columns.size());
    for (const QStringList &row : t.rows)
        out += line(row, t.columns.size());
    return out;
}

QString json(const Table &t)
{
    QJsonArray array;
    for (const QStringList &row : t.rows) {
        QJsonObject obj;
        for (qsizetype c = 0; c < t.columns.size(); ++c)
            obj.insert(t.columns.at(c), cell(row, c));
        array.append(obj);
    }
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact)) + QLatin1Char('\n');
}

// YAML scalars are quoted whenever a plain scalar could be misread (types, indicators, blanks).
QString yamlScalar(const QString &v)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_./@+-][A-Za-z0-9_ ./@+:()-]*$"));
    static const QRegularExpression typed(
        QStringLiteral("^(?:true|false|yes|no|on|off|null|~|[-+]?[0-9][0-9_.eE+-]*)$"),
        QRegularExpression::CaseInsensitiveOption);
    if (!v.isEmpty() && plain.match(v).hasMatch() && !typed.match(v).hasMatch() && !v.endsWith(u' ')
        && !v.contains(QStringLiteral(": ")))
        return v;
    QString escaped = v;
    escaped.replace(u'\\', QStringLiteral("\\\\")).replace(u'"', QStringLiteral("\\\""));
    escaped.replace(u'\n', QStringLiteral("\\n"));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QString yaml(const Table &t)
{
    QString out = QStringLiteral("---\n");
    for (const QStringList &row : t.rows) {
        for (qsizetype c = 0; c < t.columns.size(); ++c)
            out += (c == 0 ? QStringLiteral("- ") : QStringLiteral("  ")) + t.columns.at(c)
                + QStringLiteral(": ") + yamlScalar(cell(row, c)) + QLatin1Char('\n');
    }
    return out;
}

QString ids(const Table &t)
{
    QStringList values;
    for (const QStringList &row : t.rows)
        values.append(cell(row, 0));
    return values.join(QLatin1Char(' ')) + QLatin1Char('\n');
}

} // namespace

QString formatTable(const Table &table, OutputFormat format)
{
    switch (format) {
    case OutputFormat::Table:
        return asciiTable(table);
    case OutputFormat::Json:
        return json(table);
    case OutputFormat::Csv:
        return csv(table);
    case OutputFormat::Yaml:
        return yaml(table);
    case OutputFormat::Ids:
        return ids(table);
    }
    return {};
}

} // namespace workos

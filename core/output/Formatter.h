#pragma once

#include "output/Table.h"

#include <QString>

#include <optional>

namespace workos {

// The output formats of the `wp workos` commands we mirror (WP-CLI's formatter).
enum class OutputFormat { Table, Json, Csv, Yaml, Ids };

std::optional<OutputFormat> parseOutputFormat(const QString &name);

// Renders a table. `Ids` prints the first column space-separated.
QString formatTable(const Table &table, OutputFormat format);

} // namespace workos

#pragma once

#include <QList>
#include <QStringList>

namespace workos {

// Rows of text under named columns: what every list-like result becomes before it is printed,
// exported or shown. Columns keep their order in every format.
struct Table
{
    QStringList columns;
    QList<QStringList> rows;
};

} // namespace workos

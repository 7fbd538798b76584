#pragma once

#include <QStyledItemDelegate>

class QTreeView;

namespace workos::gui {

// Rows as tall as their text wrapped to the column's width. QTreeView asks a delegate's size
// without the column's width, so wrapped text would otherwise be cut to one line; the view is
// laid out again when a column is resized.
class WrappingItemDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit WrappingItemDelegate(QTreeView *view);

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    QTreeView *m_view;
};

} // namespace workos::gui

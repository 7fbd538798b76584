#include "widgets/WrappingItemDelegate.h"

#include <QHeaderView>
#include <QTimer>
#include <QTreeView>

#include <algorithm>

namespace workos::gui {

WrappingItemDelegate::WrappingItemDelegate(QTreeView *view) : QStyledItemDelegate(view), m_view(view)
{
    view->setWordWrap(true);
    view->setUniformRowHeights(false);
    // Relayout once per burst of resizes (a stretched column moves with the window).
    auto *relayout = new QTimer(this);
    relayout->setSingleShot(true);
    relayout->setInterval(0);
    connect(relayout, &QTimer::timeout, view, [view]() { view->doItemsLayout(); });
    connect(view->header(), &QHeaderView::sectionResized, relayout, qOverload<>(&QTimer::start));
}

QSize WrappingItemDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem sized = option;
    int width = m_view->columnWidth(index.column());
    if (index.column() == 0) { // the tree's indentation takes from the first column
        int depth = m_view->rootIsDecorated() ? 1 : 0;
        for (QModelIndex parent = index.parent(); parent.isValid(); parent = parent.parent())
            ++depth;
        width -= m_view->indentation() * depth;
    }
    sized.rect = QRect(0, 0, std::max(width, 1), std::max(option.rect.height(), 1));
    // A little air between rows of several lines, so each reads as one item.
    return QStyledItemDelegate::sizeHint(sized, index) + QSize(0, 6);
}

} // namespace workos::gui

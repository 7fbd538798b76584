#pragma once

#include <QStyledItemDelegate>

namespace workos::gui {

// Draws a coloured dot before each site name: grey unknown, amber checking, green reachable with
// the companion answering, red unreachable. A hollow dot means WorkOS is not configured yet.
class SiteHealthDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace workos::gui

#include "widgets/SiteHealthDelegate.h"

#include "profiles/SiteListModel.h"

#include <QPainter>

namespace workos::gui {

namespace {
constexpr int kDot = 10;
constexpr int kPad = 8;
} // namespace

void SiteHealthDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem text = option;
    text.rect.adjust(kDot + 2 * kPad, 0, 0, 0);
    QStyledItemDelegate::paint(painter, text, index);

    using Health = SiteListModel::Health;
    const auto health = static_cast<Health>(index.data(SiteListModel::HealthRole).toInt());
    QColor colour(QStringLiteral("#9e9e9e"));
    if (health == Health::Checking)
        colour = QColor(QStringLiteral("#f0a000"));
    else if (health == Health::Reachable)
        colour = QColor(QStringLiteral("#2e7d32"));
    else if (health == Health::Unreachable)
        colour = QColor(QStringLiteral("#c62828"));
    const bool enabled = index.data(SiteListModel::EnabledRole).toBool();

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QRect dot(option.rect.left() + kPad, option.rect.center().y() - kDot / 2, kDot, kDot);
    painter->setPen(QPen(colour, 2));
    painter->setBrush(health == Health::Reachable && !enabled ? Qt::NoBrush : QBrush(colour));
    painter->drawEllipse(dot);
    // WorkOS on without WordPress passwords: said in words, not only by a colour.
    const QVariant breakGlass = index.data(SiteListModel::BreakGlassRole);
    if (breakGlass.isValid() && !breakGlass.toBool()) {
        QFont small = option.font;
        small.setPointSizeF(small.pointSizeF() * 0.85);
        painter->setFont(small);
        const bool selected = option.state & QStyle::State_Selected;
        painter->setPen(selected ? option.palette.highlightedText().color() : QColor(QStringLiteral("#b3261e")));
        painter->drawText(option.rect.adjusted(0, 0, -kPad, 0), Qt::AlignRight | Qt::AlignVCenter, tr("no break-glass"));
    }
    painter->restore();
}

QSize SiteHealthDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize s = QStyledItemDelegate::sizeHint(option, index);
    return {s.width() + kDot + 2 * kPad, std::max(s.height() + 8, kDot + 12)};
}

} // namespace workos::gui

#include "widgets/CheckStatusIcon.h"

#include <QCoreApplication>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace workos::gui {

namespace {

QPixmap paint(DiagnosticCheck::Status status, int size)
{
    using S = DiagnosticCheck::Status;
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const qreal s = size;
    QPen mark(Qt::white, s / 8.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    switch (status) {
    case S::Pass:
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0x2e, 0x7d, 0x32));
        p.drawEllipse(QRectF(0.5, 0.5, s - 1, s - 1));
        p.setPen(mark);
        p.drawPolyline(QPolygonF({{s * 0.27, s * 0.52}, {s * 0.44, s * 0.69}, {s * 0.74, s * 0.33}}));
        break;
    case S::Warn: {
        QPainterPath triangle;
        triangle.moveTo(s / 2, s * 0.04);
        triangle.lineTo(s * 0.98, s * 0.92);
        triangle.lineTo(s * 0.02, s * 0.92);
        triangle.closeSubpath();
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0xe0, 0x9b, 0x00));
        p.drawPath(triangle);
        mark.setColor(QColor(0x20, 0x20, 0x20));
        p.setPen(mark);
        p.drawLine(QPointF(s / 2, s * 0.36), QPointF(s / 2, s * 0.6));
        p.drawPoint(QPointF(s / 2, s * 0.76));
        break;
    }
    case S::Fail:
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0xc6, 0x28, 0x28));
        p.drawEllipse(QRectF(0.5, 0.5, s - 1, s - 1));
        p.setPen(mark);
        p.drawLine(QPointF(s * 0.33, s * 0.33), QPointF(s * 0.67, s * 0.67));
        p.drawLine(QPointF(s * 0.67, s * 0.33), QPointF(s * 0.33, s * 0.67));
        break;
    }
    return pixmap;
}

} // namespace

QIcon checkStatusIcon(DiagnosticCheck::Status status)
{
    QIcon icon;
    for (int size : {16, 24, 32, 48})
        icon.addPixmap(paint(status, size));
    return icon;
}

QString checkStatusText(DiagnosticCheck::Status status)
{
    switch (status) {
    case DiagnosticCheck::Status::Pass: return QCoreApplication::translate("CheckStatus", "Pass");
    case DiagnosticCheck::Status::Warn: return QCoreApplication::translate("CheckStatus", "Warning");
    case DiagnosticCheck::Status::Fail: return QCoreApplication::translate("CheckStatus", "Fail");
    }
    return {};
}

} // namespace workos::gui

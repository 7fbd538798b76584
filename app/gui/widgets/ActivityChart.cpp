#include "widgets/ActivityChart.h"

#include <QEvent>
#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace workos::gui {

namespace {

constexpr int kMargin = 8;
constexpr int kLegendHeight = 22;
constexpr int kAxisLabelHeight = 18;

} // namespace

ActivityChart::ActivityChart(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("activityChart"));
    setAccessibleName(tr("Sign-ins per day"));
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    describe();
}

QColor ActivityChart::loginColour()
{
    return QColor(0x1a, 0x73, 0xe8);
}

QColor ActivityChart::failedColour()
{
    return QColor(0xb3, 0x26, 0x1e);
}

QSize ActivityChart::sizeHint() const
{
    return {600, 150};
}

QSize ActivityChart::minimumSizeHint() const
{
    return {240, 120};
}

void ActivityChart::setDays(const QList<DaySignIns> &days)
{
    m_days = days;
    m_logins = m_failed = m_peak = 0;
    for (const DaySignIns &d : days) {
        m_logins += d.logins;
        m_failed += d.failed;
        m_peak = std::max({m_peak, d.logins, d.failed});
    }
    describe();
    update();
}

void ActivityChart::describe()
{
    if (m_days.isEmpty()) {
        setAccessibleDescription(tr("No days to show."));
        return;
    }
    QString text = tr("Sign-ins per day (UTC) from %1 to %2: %n login(s)", nullptr, m_logins)
                       .arg(m_days.first().day.toString(Qt::ISODate), m_days.last().day.toString(Qt::ISODate));
    text += tr(", %n failed sign-in(s).", nullptr, m_failed);
    if (m_peak > 0) {
        const auto busiest = std::max_element(m_days.cbegin(), m_days.cend(), [](const DaySignIns &a, const DaySignIns &b) {
            return a.logins + a.failed < b.logins + b.failed;
        });
        text += QLatin1Char(' ') + tr("Busiest day %1: %2 logins, %3 failed.")
                                        .arg(busiest->day.toString(Qt::ISODate)).arg(busiest->logins).arg(busiest->failed);
    }
    setAccessibleDescription(text);
}

// A round number at or above the peak, so the axis reads 0 … 50 rather than 0 … 47.
int ActivityChart::axisMax() const
{
    if (m_peak <= 4)
        return 4;
    const double magnitude = std::pow(10.0, std::floor(std::log10(static_cast<double>(m_peak))));
    for (const double step : {1.0, 2.0, 4.0, 5.0, 10.0}) {
        if (step * magnitude >= m_peak)
            return static_cast<int>(step * magnitude);
    }
    return m_peak;
}

QRect ActivityChart::plotRect() const
{
    const int axisWidth = fontMetrics().horizontalAdvance(QLocale().toString(axisMax())) + 6;
    return QRect(QPoint(kMargin + axisWidth, kMargin + kLegendHeight),
                 QPoint(width() - kMargin - 1, height() - kMargin - kAxisLabelHeight));
}

int ActivityChart::dayAt(const QPoint &pos) const
{
    const QRect plot = plotRect();
    if (m_days.isEmpty() || !plot.adjusted(0, 0, 0, kAxisLabelHeight).contains(pos))
        return -1;
    const double slot = static_cast<double>(plot.width()) / static_cast<double>(m_days.size());
    return std::clamp(static_cast<int>((pos.x() - plot.left()) / slot), 0, static_cast<int>(m_days.size()) - 1);
}

void ActivityChart::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const QPalette pal = palette();
    const QFontMetrics fm = fontMetrics();
    p.fillRect(rect(), pal.base());
    p.setPen(pal.color(QPalette::Mid));
    p.drawRect(rect().adjusted(0, 0, -1, -1));

    // Title on the left, legend with the totals on the right.
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    p.setPen(pal.color(QPalette::Text));
    p.drawText(QRect(kMargin, kMargin, width() / 2, kLegendHeight - 4), Qt::AlignLeft | Qt::AlignVCenter, tr("Sign-ins per day (UTC)"));
    p.setFont(font());
    const QString loginText = tr("Logins (%1)").arg(QLocale().toString(m_logins));
    const QString failedText = tr("Failed (%1)").arg(QLocale().toString(m_failed));
    const int swatch = fm.height() - 4;
    const int legendY = kMargin + (kLegendHeight - 4 - swatch) / 2;
    int x = width() - kMargin;
    for (const auto &[colour, text] : {std::pair{failedColour(), failedText}, std::pair{loginColour(), loginText}}) {
        x -= fm.horizontalAdvance(text) + 2; // right to left: failed last, as in the bars
        p.setPen(pal.color(QPalette::Text));
        p.drawText(QRect(x, kMargin, fm.horizontalAdvance(text) + 2, kLegendHeight - 4), Qt::AlignLeft | Qt::AlignVCenter, text);
        x -= swatch + 4;
        p.fillRect(QRect(x, legendY, swatch, swatch), colour);
        x -= 14;
    }

    const QRect plot = plotRect();
    if (m_days.isEmpty() || m_peak == 0) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(plot, Qt::AlignCenter, m_days.isEmpty() ? tr("No days to show") : tr("No sign-ins in this period"));
        return;
    }

    // Axis: 0, half and the round maximum, with faint grid lines.
    const int top = axisMax();
    for (const int value : {0, top / 2, top}) {
        const int y = plot.bottom() - static_cast<int>(static_cast<double>(plot.height()) * value / top);
        p.setPen(QPen(pal.color(QPalette::Mid), 1, value == 0 ? Qt::SolidLine : Qt::DotLine));
        p.drawLine(plot.left(), y, plot.right(), y);
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(QRect(kMargin, y - fm.height() / 2, plot.left() - kMargin - 4, fm.height()), Qt::AlignRight | Qt::AlignVCenter,
                   QLocale().toString(value));
    }

    // Bars: two per day, side by side; when days are too narrow for that they overlap, failed in front.
    const double slot = static_cast<double>(plot.width()) / static_cast<double>(m_days.size());
    const double gap = slot >= 6 ? std::max(1.0, slot * 0.2) : 0;
    const bool sideBySide = slot >= 4;
    for (int i = 0; i < m_days.size(); ++i) {
        const DaySignIns &d = m_days.at(i);
        // Bars no wider than 24 px each, centred on their day, however few the days.
        const double inner = std::min(slot - gap, 48.0);
        const double left = plot.left() + i * slot + (slot - inner) / 2;
        const auto bar = [&](int value, double bx, double w, const QColor &colour) {
            if (value <= 0)
                return;
            const double h = std::max(1.0, plot.height() * static_cast<double>(value) / top);
            p.fillRect(QRectF(bx, plot.bottom() + 1 - h, std::max(1.0, w), h), colour);
        };
        if (sideBySide) {
            bar(d.logins, left, inner / 2, loginColour());
            bar(d.failed, left + inner / 2, inner / 2, failedColour());
        } else {
            bar(d.logins, left, inner, loginColour());
            bar(d.failed, left, inner, failedColour());
        }
    }

    // Day labels: the first, the last, and the middle one when there is room.
    p.setPen(pal.color(QPalette::PlaceholderText));
    const int labelY = plot.bottom() + 3;
    const auto label = [&](int i, Qt::Alignment align) {
        const QString text = m_days.at(i).day.toString(Qt::ISODate);
        const int w = fm.horizontalAdvance(text);
        const int centre = plot.left() + static_cast<int>((i + 0.5) * slot);
        const int lx = align == Qt::AlignLeft ? plot.left() : align == Qt::AlignRight ? plot.right() - w : centre - w / 2;
        p.drawText(QRect(lx, labelY, w + 2, kAxisLabelHeight), Qt::AlignLeft | Qt::AlignTop, text);
    };
    label(0, Qt::AlignLeft);
    if (m_days.size() > 1)
        label(static_cast<int>(m_days.size()) - 1, Qt::AlignRight);
    if (m_days.size() > 2 && plot.width() > 3 * fm.horizontalAdvance(QStringLiteral("0000-00-00")) + 40)
        label(static_cast<int>(m_days.size()) / 2, Qt::AlignHCenter);
}

bool ActivityChart::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int i = dayAt(help->pos());
        if (i < 0) {
            QToolTip::hideText();
            event->ignore();
            return true;
        }
        const DaySignIns &d = m_days.at(i);
        QToolTip::showText(help->globalPos(), tr("%1: %2 logins, %3 failed sign-ins")
                                                  .arg(d.day.toString(Qt::ISODate)).arg(d.logins).arg(d.failed), this);
        return true;
    }
    return QWidget::event(event);
}

} // namespace workos::gui

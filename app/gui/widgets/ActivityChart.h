#pragma once

#include "activity/ActivityCache.h"

#include <QList>
#include <QWidget>

namespace workos::gui {

// Sign-ins per day as grouped bars: logins and failed sign-ins side by side for each day (UTC),
// with a legend carrying the totals, the busiest value on the axis and the day under the mouse in
// a tooltip. Its accessible description says in words what the bars show.
class ActivityChart : public QWidget
{
    Q_OBJECT
public:
    explicit ActivityChart(QWidget *parent = nullptr);

    void setDays(const QList<DaySignIns> &days);
    const QList<DaySignIns> &days() const { return m_days; }
    int totalLogins() const { return m_logins; }
    int totalFailed() const { return m_failed; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    static QColor loginColour();
    static QColor failedColour();

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    QRect plotRect() const;
    int dayAt(const QPoint &pos) const;
    int axisMax() const;
    void describe();

    QList<DaySignIns> m_days;
    int m_logins = 0;
    int m_failed = 0;
    int m_peak = 0;
};

} // namespace workos::gui

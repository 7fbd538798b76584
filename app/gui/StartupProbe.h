#pragma once

#include <QObject>

class QWidget;

namespace workos::gui {

// For the startup benchmark (bench/gui_startup): when WORKOS_CONSOLE_STARTUP_PROBE is set, the
// first time `window` is painted the process prints "first-window <ms since the process started>
// rss-kb <peak resident set>" and quits. The clock starts at the kernel's process start time,
// so the figure includes loading the libraries, not only main().
class StartupProbe : public QObject
{
    Q_OBJECT
public:
    static bool requested();
    static void watch(QWidget *window);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    using QObject::QObject;
    bool m_reported = false;
};

} // namespace workos::gui

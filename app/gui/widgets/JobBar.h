#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace workos::gui {

// Progress of one long job inside a page (pull, import, sync, diagnostics): what is happening,
// how far it is, and a Cancel button. Hidden when no job runs; the page keeps working meanwhile.
class JobBar : public QWidget
{
    Q_OBJECT
public:
    explicit JobBar(QWidget *parent = nullptr);

    // total <= 0 shows a busy indicator.
    void start(const QString &text, qint64 total = 0);
    void setProgress(qint64 done, const QString &text = QString());
    void finish();
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void cancelRequested();

private:
    QLabel *m_text;
    QProgressBar *m_bar;
    QPushButton *m_cancel;
    bool m_running = false;
    qint64 m_total = 0;
};

} // namespace workos::gui

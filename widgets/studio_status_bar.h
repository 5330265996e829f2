// The main window's status bar: what the studio is doing (the job summary),
// the loaded model, the device, and the memory the process holds, refreshed
// every two seconds. Temporary messages (showMessage) appear on the left.
#pragma once

#include <QStatusBar>

class QLabel;
class QTimer;

namespace cosmos::widgets {

class StudioStatusBar : public QStatusBar {
    Q_OBJECT
public:
    explicit StudioStatusBar(QWidget* parent = nullptr);

    void setDevice(const QString& text); // e.g. "CPU · 2 threads", "CUDA · H100"
    void setModel(const QString& name); // empty: no model loaded
    void setJobSummary(const QString& text); // e.g. "2 queued · step 5/12"; empty hides it

    // Reads the resident memory again (the timer calls this every 2 s).
    void refreshMemory();

    QString deviceText() const;
    QString modelText() const;
    QString jobSummaryText() const;
    QString memoryText() const;

    static constexpr int kMemoryRefreshMs = 2000;

    // The process's resident set in bytes (from /proc/self/statm); -1 where unknown.
    static qint64 residentBytes();

private:
    QLabel* m_job = nullptr;
    QLabel* m_model = nullptr;
    QLabel* m_device = nullptr;
    QLabel* m_memory = nullptr;
    QTimer* m_timer = nullptr;
};

} // namespace cosmos::widgets

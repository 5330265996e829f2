// The centre of the window when no project is open: what the studio is, what
// to do next, and what it runs on.
#pragma once

#include <QWidget>

class QLabel;

namespace cosmos::widgets {

class WelcomePanel : public QWidget {
    Q_OBJECT
public:
    explicit WelcomePanel(QWidget* parent = nullptr);

    // One line about the engine, e.g. "CPU · LibTorch 1.13.0 · CUDA not available".
    void setEngineSummary(const QString& summary);

private:
    QLabel* m_engineSummary = nullptr;
};

} // namespace cosmos::widgets

// The Log dock: the same messages that go to the log file, shown live. Lines
// arrive through appendLine() on the GUI thread (the app's log sink queues
// them there); the view keeps a bounded number of lines.
#pragma once

#include <QPlainTextEdit>

namespace cosmos::widgets {

class LogView : public QPlainTextEdit {
    Q_OBJECT
public:
    static constexpr int kMaxLines = 5000;

    explicit LogView(QWidget* parent = nullptr);

public slots:
    // level: spdlog's level name ("info", "warning", "error", ...).
    void appendLine(const QString& level, const QString& text);
};

} // namespace cosmos::widgets

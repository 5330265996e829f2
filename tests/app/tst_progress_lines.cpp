#include <QtTest>

#include "app/cli/progress_lines.h"

using cosmos::app::cli::ProgressLines;

// The lines a long command writes: all of them on a terminal, a throttled few
// in a log, each with the time so far and what is left.
class TestProgressLines : public QObject {
    Q_OBJECT
private:
    double m_now = 100.0;
    ProgressLines make(bool terminal)
    {
        return ProgressLines(terminal, 60.0, [this] { return m_now; });
    }
    static QString text(const std::optional<std::string>& line)
    {
        return line ? QString::fromStdString(*line) : QStringLiteral("<none>");
    }

private slots:
    void init() { m_now = 100.0; }

    void aLogGetsTheFirstUnitThenOneLineAMinuteAndTheLast()
    {
        ProgressLines lines = make(false);
        m_now = 130.0;
        // The first unit at once, however long it took: the run is alive.
        QCOMPARE(
            text(lines.update("evaluation takes", 1, 4)), QStringLiteral("evaluation takes 1/4  30 s  ETA 90 s\n"));
        m_now = 170.0;
        QCOMPARE(text(lines.update("evaluation takes", 2, 4)), QStringLiteral("<none>"));
        m_now = 190.0;
        QCOMPARE(
            text(lines.update("evaluation takes", 3, 4)), QStringLiteral("evaluation takes 3/4  90 s  ETA 30 s\n"));
        // The last unit always, with no estimate left to give.
        m_now = 191.0;
        QCOMPARE(text(lines.update("evaluation takes", 4, 4)), QStringLiteral("evaluation takes 4/4  91 s\n"));
    }

    void aTerminalRedrawsOneLineEveryUpdate()
    {
        ProgressLines lines = make(true);
        m_now = 110.0;
        QCOMPARE(text(lines.update("evaluation takes", 1, 2)),
            QStringLiteral("\revaluation takes 1/2  10 s  ETA 10 s      "));
        m_now = 111.0;
        QCOMPARE(text(lines.update("evaluation takes", 2, 2)), QStringLiteral("\revaluation takes 2/2  11 s      "));
    }
};

QTEST_GUILESS_MAIN(TestProgressLines)
#include "tst_progress_lines.moc"

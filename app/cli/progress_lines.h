// Progress of a long command (nano-eval) as text lines. On a terminal each
// update redraws one line; in a log (stderr redirected) a line is written for
// the first unit, the last, and otherwise at most one per interval, so that a
// run whose units take minutes shows it is alive early and a fast one does not
// flood the log. Each line says the time so far and an estimate of the rest.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>

namespace cosmos::app::cli {

class ProgressLines {
public:
    using Clock = std::function<double()>; // seconds, monotonic

    ProgressLines(bool terminal, double intervalSeconds, Clock clock = steadySeconds);

    // The text to write for this update (with its "\r" or "\n"), or nothing
    // when a log line would come too soon after the last.
    std::optional<std::string> update(const std::string& phase, int done, int total);

    static double steadySeconds();

private:
    bool m_terminal;
    double m_interval;
    Clock m_clock;
    double m_start;
    std::optional<double> m_lastLine;
};

} // namespace cosmos::app::cli

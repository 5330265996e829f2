#include "app/cli/progress_lines.h"

#include <cstdio>
#include <utility>

namespace cosmos::app::cli {

ProgressLines::ProgressLines(bool terminal, double intervalSeconds, Clock clock)
    : m_terminal(terminal), m_interval(intervalSeconds), m_clock(std::move(clock)), m_start(m_clock())
{
}

double ProgressLines::steadySeconds()
{
    using namespace std::chrono;
    return duration<double>(steady_clock::now().time_since_epoch()).count();
}

std::optional<std::string> ProgressLines::update(const std::string& phase, int done, int total)
{
    const double now = m_clock();
    const bool first = !m_lastLine.has_value();
    if (!m_terminal && !first && done < total && now - *m_lastLine < m_interval)
        return std::nullopt;
    m_lastLine = now;
    const double elapsed = now - m_start;
    char text[160];
    if (done > 0 && done < total) {
        const double eta = elapsed / done * (total - done);
        std::snprintf(text, sizeof text, "%s %d/%d  %.0f s  ETA %.0f s", phase.c_str(), done, total, elapsed, eta);
    } else {
        std::snprintf(text, sizeof text, "%s %d/%d  %.0f s", phase.c_str(), done, total, elapsed);
    }
    // The terminal's line is padded so that a shorter redraw leaves no tail.
    return m_terminal ? "\r" + std::string(text) + "      " : std::string(text) + "\n";
}

} // namespace cosmos::app::cli

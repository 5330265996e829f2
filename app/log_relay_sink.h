// An spdlog sink that hands formatted lines to a callback and remembers the
// last lines, so that a view attached late still sees the start of the log.
#pragma once

#include <QString>

#include <deque>
#include <functional>
#include <mutex>
#include <utility>

#include <spdlog/sinks/base_sink.h>

namespace cosmos::app {

class LogRelaySink : public spdlog::sinks::base_sink<std::mutex> {
public:
    using LineCallback = std::function<void(const QString& level, const QString& line)>;
    static constexpr size_t kKeptLines = 500;

    void setCallback(LineCallback callback)
    {
        std::lock_guard<std::mutex> lock(mutex_);
        m_callback = std::move(callback);
        if (m_callback)
            for (const auto& [level, line] : m_kept)
                m_callback(level, line);
    }

protected:
    void sink_it_(const spdlog::details::log_msg& msg) override
    {
        spdlog::memory_buf_t formatted;
        formatter_->format(msg, formatted);
        QString line = QString::fromUtf8(formatted.data(), int(formatted.size())).trimmed();
        const auto levelName = spdlog::level::to_string_view(msg.level);
        QString level = QString::fromUtf8(levelName.data(), int(levelName.size()));
        if (m_callback)
            m_callback(level, line);
        m_kept.emplace_back(std::move(level), std::move(line));
        if (m_kept.size() > kKeptLines)
            m_kept.pop_front();
    }
    void flush_() override { }

private:
    LineCallback m_callback;
    std::deque<std::pair<QString, QString>> m_kept;
};

} // namespace cosmos::app

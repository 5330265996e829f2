// The one log of the application: spdlog with a console sink, a rotating file
// in the user's data folder, and a relay that feeds the Log dock. Qt's own
// messages (qWarning, ...) are routed into the same log. The engine receives
// this logger by injection; there is no process-wide spdlog default.
#pragma once

#include <QString>

#include <functional>
#include <memory>

#include "engine/logging.h"

namespace cosmos::app {

class LogRelaySink;

struct LoggingOptions {
    bool console = true;
    QString logDirectory; // empty: <AppDataLocation>/logs
};

class Logging {
public:
    explicit Logging(const LoggingOptions& options = {});
    ~Logging();
    Logging(const Logging&) = delete;
    Logging& operator=(const Logging&) = delete;

    const engine::LoggerPtr& logger() const { return m_logger; }
    QString logFilePath() const { return m_logFilePath; }

    // Receives every formatted line from any thread; the callback must
    // hop to its own thread. Lines logged before are replayed first.
    using LineCallback = std::function<void(const QString& level, const QString& line)>;
    void setLineCallback(LineCallback callback);

private:
    engine::LoggerPtr m_logger;
    std::shared_ptr<LogRelaySink> m_relay;
    QString m_logFilePath;
};

} // namespace cosmos::app

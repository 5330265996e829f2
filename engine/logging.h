// The engine never owns a global logger: every engine object takes one that
// the caller injects (the app's, writing to console and the log file).
#pragma once

#include <memory>

#include <spdlog/logger.h>

namespace cosmos::engine {

using LoggerPtr = std::shared_ptr<spdlog::logger>;

// A logger that discards everything, for callers that do not care.
LoggerPtr nullLogger();

} // namespace cosmos::engine

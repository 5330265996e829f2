#include "engine/logging.h"

#include <spdlog/sinks/null_sink.h>

namespace cosmos::engine {

LoggerPtr nullLogger()
{
    return std::make_shared<spdlog::logger>("null", std::make_shared<spdlog::sinks::null_sink_mt>());
}

} // namespace cosmos::engine

#include "engine/media/ffmpeg_log.h"

#include <cstdarg>
#include <cstring>
#include <mutex>

extern "C" {
#include <libavutil/log.h>
}

namespace cosmos::engine::media {
namespace {

std::mutex& logMutex()
{
    static std::mutex mutex;
    return mutex;
}

LoggerPtr& routedLogger()
{
    static LoggerPtr logger;
    return logger;
}

spdlog::level::level_enum levelFor(int ffmpegLevel)
{
    if (ffmpegLevel <= AV_LOG_ERROR)
        return spdlog::level::err;
    if (ffmpegLevel <= AV_LOG_WARNING)
        return spdlog::level::warn;
    if (ffmpegLevel <= AV_LOG_INFO)
        return spdlog::level::debug;
    return spdlog::level::trace;
}

void logCallback(void* context, int level, const char* format, va_list arguments)
{
    if (level > av_log_get_level())
        return;
    char line[1024];
    int printPrefix = 1;
    va_list copy;
    va_copy(copy, arguments);
    av_log_format_line2(context, level, format, copy, line, sizeof line, &printPrefix);
    va_end(copy);
    std::size_t length = std::strlen(line);
    while (length > 0 && (line[length - 1] == '\n' || line[length - 1] == '\r'))
        line[--length] = '\0';
    if (length == 0)
        return;
    std::lock_guard<std::mutex> lock(logMutex());
    if (const auto& logger = routedLogger())
        logger->log(levelFor(level), "FFmpeg: {}", line);
}

} // namespace

void routeFfmpegLog(LoggerPtr logger)
{
    std::lock_guard<std::mutex> lock(logMutex());
    routedLogger() = std::move(logger);
    av_log_set_callback(routedLogger() ? logCallback : av_log_default_callback);
}

} // namespace cosmos::engine::media

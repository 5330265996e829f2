#include "app/logging_setup.h"

#include <QDir>
#include <QStandardPaths>
#include <QtGlobal>

#include <mutex>
#include <vector>

#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include "app/log_relay_sink.h"

namespace cosmos::app {
namespace {

constexpr size_t kLogFileBytes = 5 * 1024 * 1024;
constexpr size_t kLogFiles = 3;

// qInstallMessageHandler takes a plain function, so the logger that Qt's
// messages go to is the one piece of process state here; it is set and
// cleared only by Logging's constructor and destructor.
std::mutex g_qtTargetMutex;
engine::LoggerPtr g_qtTarget;

void routeQtMessage(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    engine::LoggerPtr logger;
    {
        std::lock_guard<std::mutex> lock(g_qtTargetMutex);
        logger = g_qtTarget;
    }
    if (!logger)
        return;
    const QByteArray text = message.toUtf8();
    const char* category = context.category ? context.category : "qt";
    switch (type) {
    case QtDebugMsg: logger->debug("[{}] {}", category, text.constData()); break;
    case QtInfoMsg: logger->info("[{}] {}", category, text.constData()); break;
    case QtWarningMsg: logger->warn("[{}] {}", category, text.constData()); break;
    case QtCriticalMsg: logger->error("[{}] {}", category, text.constData()); break;
    case QtFatalMsg:
        logger->critical("[{}] {}", category, text.constData());
        logger->flush();
        break;
    }
}

} // namespace

Logging::Logging(const LoggingOptions& options)
{
    std::vector<spdlog::sink_ptr> sinks;
    if (options.console) {
        auto console = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
        console->set_level(spdlog::level::info);
        sinks.push_back(console);
    }

    QString directory = options.logDirectory;
    if (directory.isEmpty())
        directory = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/logs");
    if (QDir().mkpath(directory)) {
        m_logFilePath = directory + QStringLiteral("/cosmos-studio.log");
        try {
            sinks.push_back(std::make_shared<spdlog::sinks::rotating_file_sink_mt>(
                m_logFilePath.toStdString(), kLogFileBytes, kLogFiles));
        } catch (const spdlog::spdlog_ex&) {
            m_logFilePath.clear(); // an unwritable data folder must not stop the app
        }
    }

    m_relay = std::make_shared<LogRelaySink>();
    sinks.push_back(m_relay);

    m_logger = std::make_shared<spdlog::logger>("cosmos", sinks.begin(), sinks.end());
    m_logger->set_level(spdlog::level::debug);
    m_logger->set_pattern("%Y-%m-%d %H:%M:%S.%e [%l] %v");
    // Info and above reach the file at once, so a log can be followed while a
    // long job (training, an evaluation) runs; they are a few lines a minute.
    m_logger->flush_on(spdlog::level::info);
    if (m_logFilePath.isEmpty())
        m_logger->warn("log file unavailable: cannot write to {}", directory.toStdString());

    {
        std::lock_guard<std::mutex> lock(g_qtTargetMutex);
        g_qtTarget = m_logger;
    }
    qInstallMessageHandler(routeQtMessage);
}

Logging::~Logging()
{
    qInstallMessageHandler(nullptr);
    {
        std::lock_guard<std::mutex> lock(g_qtTargetMutex);
        g_qtTarget.reset();
    }
    m_relay->setCallback(nullptr);
    m_logger->flush();
}

void Logging::setLineCallback(LineCallback callback)
{
    m_relay->setCallback(std::move(callback));
}

} // namespace cosmos::app

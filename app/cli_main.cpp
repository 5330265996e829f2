// cosmos-cli: thin entry point; the commands live in cosmos_app.
#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

#include "app/app_info.h"
#include "app/cli/cli.h"
#include "app/logging_setup.h"
#include "engine/media/ffmpeg_log.h"

int main(int argc, char* argv[])
{
    QCoreApplication application(argc, argv);
    cosmos::app::setApplicationIdentity();
    // stdout carries results (possibly JSON); log lines go to the log file only.
    cosmos::app::Logging logging(cosmos::app::LoggingOptions {false, {}});
    cosmos::engine::media::routeFfmpegLog(logging.logger()); // FFmpeg's own messages into the same log

    QTextStream out(stdout);
    QTextStream err(stderr);
    cosmos::app::cli::CliContext context {out, err, logging.logger()};
    const int code = cosmos::app::cli::runCli(QCoreApplication::arguments().mid(1), context);
    out.flush();
    err.flush();
    return code;
}

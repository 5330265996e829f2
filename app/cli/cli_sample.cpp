// cosmos-cli sample: the headless default job. A short rollout with the
// embedded nano model in all four modes, written into a folder.
#include <QCommandLineParser>

#include "app/cli/cli.h"
#include "app/cli/cli_options.h"
#include "engine/tools/sample_rollout_tool.h"

namespace cosmos::app::cli {

int runSampleCommand(const QStringList& arguments, CliContext& context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Generates a sample rollout (Text2World, Continue, Image2World, Video2World) into a folder."));
    parser.addHelpOption();
    const QCommandLineOption model(QStringLiteral("model"), QStringLiteral("nano or a model folder."),
        QStringLiteral("model"), QStringLiteral("nano"));
    const QCommandLineOption out(
        QStringLiteral("out"), QStringLiteral("Output folder."), QStringLiteral("folder"), QStringLiteral("out"));
    parser.addOption(model);
    parser.addOption(out);
    if (const auto exit = parseCommandLine(parser, QStringLiteral("sample"), arguments, context))
        return *exit;
    auto progress = [&](const std::string& line) {
        context.out << "  generating " << QString::fromStdString(line) << "\n";
        context.out.flush();
    };
    const auto rollout = engine::tools::runSampleRollout(
        parser.value(model).toStdString(), parser.value(out).toStdString(), context.logger, progress);
    context.out << "sample rollout of " << QString::fromStdString(rollout.modelFolder) << ":\n";
    for (const auto& clip : rollout.clips)
        context.out << "  " << QString::fromStdString(clip.mode).leftJustified(12) << QString::fromStdString(clip.path)
                    << (clip.seconds > 0 ? QStringLiteral("  (%1 s)").arg(clip.seconds, 0, 'f', 1) : QString()) << "\n";
    return 0;
}

} // namespace cosmos::app::cli

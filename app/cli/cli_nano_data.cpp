// cosmos-cli nano-data: writes a nano-world dataset (clips, truth, prompts)
// deterministically from a seed; see engine/tools/nano_data_tool.h.
#include <QCommandLineParser>

#include "app/cli/cli.h"
#include "app/cli/cli_options.h"
#include "engine/tools/nano_data_tool.h"

namespace cosmos::app::cli {

int runNanoDataCommand(const QStringList& arguments, CliContext& context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Simulates nano-world clips and writes them with their prompts and ground truth. Clip i uses the seed "
        "S * 1000003 + i, so the same seed always writes the same dataset."));
    parser.addHelpOption();
    const QCommandLineOption seed(
        QStringLiteral("seed"), QStringLiteral("Dataset seed."), QStringLiteral("S"), QStringLiteral("0"));
    const QCommandLineOption count(QStringLiteral("count"), QStringLiteral("Number of clips."), QStringLiteral("N"));
    const QCommandLineOption out(
        QStringLiteral("out"), QStringLiteral("Output folder (created if missing)."), QStringLiteral("folder"));
    const QCommandLineOption format(QStringLiteral("format"),
        QStringLiteral("mp4 (H.264) or png (a folder of frames per clip)."), QStringLiteral("format"),
        QStringLiteral("mp4"));
    for (const auto* option : {&seed, &count, &out, &format})
        parser.addOption(*option);
    if (const auto exit = parseCommandLine(parser, QStringLiteral("nano-data"), arguments, context))
        return *exit;
    if (!parser.isSet(count) || !parser.isSet(out) || parser.value(out).isEmpty()) {
        context.err << "cosmos-cli nano-data: --count and --out are required\n";
        return 2;
    }
    OptionValues values(parser, QStringLiteral("nano-data"), context);
    bool ok = false;
    const qulonglong seedValue = parser.value(seed).toULongLong(&ok); // the whole 64-bit range
    if (!ok)
        values.fail(QStringLiteral("--seed must be a non-negative integer, got '%1'").arg(parser.value(seed)));
    const auto countValue = static_cast<int>(values.integer(count, 1, engine::tools::kMaxNanoDataClips));
    const QString formatValue = parser.value(format);
    if (formatValue != QLatin1String("mp4") && formatValue != QLatin1String("png"))
        values.fail(QStringLiteral("--format must be mp4 or png, got '%1'").arg(formatValue));
    if (!values.valid())
        return 2;

    engine::tools::NanoDataOptions options;
    options.seed = seedValue;
    options.count = countValue;
    options.outputDir = parser.value(out).toStdString();
    options.format = formatValue.toStdString();
    auto progress = [&context](int written, int total) {
        if (written % 100 == 0 && written < total) {
            context.out << "nano-data: " << written << "/" << total << " clips\n";
            context.out.flush();
        }
    };
    const auto report = engine::tools::writeNanoDataset(options, context.logger, progress);
    context.out << "wrote " << report.clips << " clips (" << report.oneBallClips << " with one ball, "
                << report.collidingClips << " with a collision) to " << QString::fromStdString(report.outputDir)
                << " in " << QString::number(report.seconds, 'f', 1) << " s; index "
                << QString::fromStdString(report.indexPath) << "\n";
    return 0;
}

} // namespace cosmos::app::cli

// cosmos-cli nano-eval: scores a nano world model against the simulator on
// fresh seeds; a table, or JSON with --json; --card records the result in
// the model folder (evaluation.json and the model card).
#include <QCommandLineParser>

#include <cstdio>
#include <optional>

#include <unistd.h>

#include "app/cli/cli.h"
#include "app/cli/cli_options.h"
#include "app/cli/progress_lines.h"
#include "engine/nano/nano_evaluation.h"
#include "engine/util/atomic_file.h"

namespace cosmos::app::cli {
int runNanoEvalCommand(const QStringList& arguments, CliContext& context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Scores a nano world model on fresh simulator seeds in every mode."));
    parser.addHelpOption();
    const QCommandLineOption model(QStringLiteral("model"), QStringLiteral("nano or a model folder."),
        QStringLiteral("model"), QStringLiteral("nano"));
    const QCommandLineOption clips(
        QStringLiteral("clips"), QStringLiteral("Text2World clips."), QStringLiteral("n"), QStringLiteral("200"));
    const QCommandLineOption conditioned(QStringLiteral("conditioned-clips"),
        QStringLiteral("Clips per conditioned mode and for the tokenizer."), QStringLiteral("n"), QStringLiteral("50"));
    const QCommandLineOption seed(
        QStringLiteral("eval-seed"), QStringLiteral("Evaluation seed."), QStringLiteral("n"), QStringLiteral("1"));
    const QCommandLineOption steps(
        QStringLiteral("steps"), QStringLiteral("Sampling steps (default: the model's)."), QStringLiteral("n"));
    const QCommandLineOption guidance(QStringLiteral("guidance"),
        QStringLiteral("Classifier-free guidance (default: the model's)."), QStringLiteral("scale"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON instead of a table."));
    const QCommandLineOption card(
        QStringLiteral("card"), QStringLiteral("Write evaluation.json and the model card into the model folder."));
    const QCommandLineOption rewriteCard(QStringLiteral("rewrite-card"),
        QStringLiteral("Write the model card again from the folder's records, evaluating nothing."));
    const QCommandLineOption takes(QStringLiteral("takes"),
        QStringLiteral("Also write every Text2World take's scores (prompt, colours found, ...) to a JSON Lines file."),
        QStringLiteral("file"));
    const QCommandLineOption check(
        QStringLiteral("check"), QStringLiteral("Exit with status 3 when a target is missed."));
    for (const auto* option :
        {&model, &clips, &conditioned, &seed, &steps, &guidance, &json, &card, &rewriteCard, &takes, &check})
        parser.addOption(*option);
    if (const auto exit = parseCommandLine(parser, QStringLiteral("nano-eval"), arguments, context))
        return *exit;
    if (parser.isSet(rewriteCard)) {
        const std::string folder = engine::nano::rewriteNanoModelCard(parser.value(model).toStdString());
        context.out << "nano-eval: wrote " << QString::fromStdString(folder) << "/MODEL_CARD.md\n";
        return 0;
    }
    OptionValues values(parser, QStringLiteral("nano-eval"), context);
    engine::nano::NanoEvalOptions options;
    options.clips = static_cast<int>(values.integer(clips, 1, 100000));
    options.conditionedClips = static_cast<int>(values.integer(conditioned, 0, 100000));
    options.evalSeed = static_cast<std::uint64_t>(values.integer(seed, 0, 1ll << 40));
    if (parser.isSet(steps))
        options.steps = static_cast<int>(values.integer(steps, 1, 1000));
    if (parser.isSet(guidance))
        options.guidance = values.number(guidance, 0.0, 100.0);
    if (!values.valid())
        return 2;
    if (parser.isSet(card) && (options.steps > 0 || options.guidance >= 0.0)) {
        // The card records how the model does with the settings it ships with.
        context.err << "cosmos-cli nano-eval: --card scores the model's own sampling settings; drop --steps and "
                       "--guidance\n";
        return 2;
    }

    // Opened before the evaluation, so that a folder that is not there fails
    // now rather than after half an hour of takes.
    std::optional<engine::util::AtomicFile> takesFile;
    if (parser.isSet(takes))
        takesFile.emplace(parser.value(takes).toStdString());

    const bool terminal = ::isatty(STDERR_FILENO) != 0;
    // A clip takes seconds (minutes with the conditioned modes): a log gets a
    // line at the first clip, then one a minute at most.
    ProgressLines lines(terminal, 60.0);
    options.progress = [&lines](const std::string& phase, int done, int total) {
        if (const auto text = lines.update(phase, done, total)) {
            std::fputs(text->c_str(), stderr);
            std::fflush(stderr);
        }
        return true;
    };
    std::string folder;
    const auto report = engine::nano::evaluateNanoModelFolder(
        parser.value(model).toStdString(), options, parser.isSet(card), &folder);
    if (terminal)
        std::fprintf(stderr, "\n");
    if (parser.isSet(json))
        context.out << QString::fromStdString(report.toJson().dump(2)) << "\n";
    else
        context.out << "nano-eval: " << QString::fromStdString(folder) << ", " << report.clips << " clips, "
                    << report.steps << " steps, " << QString::number(report.seconds, 'f', 0) << " s\n"
                    << QString::fromStdString(report.table());
    if (takesFile) {
        for (const auto& take : report.takes)
            takesFile->stream() << take.toJson().dump() << "\n";
        takesFile->commit();
    }
    return parser.isSet(check) && !report.allPassed() ? 3 : 0;
}

} // namespace cosmos::app::cli

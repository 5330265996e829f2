// cosmos-cli inspect / models verify / forward: the weights tools of the
// engine, printed for people (or as JSON).
#include <QCommandLineParser>

#include <nlohmann/json.hpp>

#include "app/cli/cli.h"
#include "app/cli/cli_options.h"
#include "engine/tools/weights_tools.h"

namespace cosmos::app::cli {
namespace {

QString shapeText(const std::vector<std::int64_t>& shape)
{
    return QString::fromStdString(engine::shapeToString(shape));
}

QString humanBytes(std::uint64_t bytes)
{
    const char* units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    double value = double(bytes);
    int unit = 0;
    while (value >= 1024.0 && unit < 4) {
        value /= 1024.0;
        ++unit;
    }
    return QString::number(value, 'f', unit == 0 ? 0 : 2) + QLatin1Char(' ') + QLatin1String(units[unit]);
}

} // namespace

int runInspectCommand(const QStringList& arguments, CliContext& context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Lists every tensor of weight files (safetensors, shards, .pt)."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    parser.addOption(json);
    parser.addPositionalArgument(
        QStringLiteral("files"), QStringLiteral("Weight files or folders."), QStringLiteral("FILE..."));
    parser.addHelpOption();
    if (const auto exit = parseCommandLine(parser, QStringLiteral("inspect"), arguments, context))
        return *exit;
    if (parser.positionalArguments().isEmpty()) {
        context.err << "cosmos-cli inspect: name at least one weight file\n";
        return 2;
    }
    nlohmann::json all = nlohmann::json::array();
    for (const QString& path : parser.positionalArguments()) {
        const engine::tools::InspectedWeights w = engine::tools::inspectWeights(path.toStdString());
        if (parser.isSet(json)) {
            nlohmann::json tensors = nlohmann::json::array();
            for (const auto& t : w.tensors)
                tensors.push_back({{"name", t.name}, {"dtype", t.dtype}, {"shape", t.shape}, {"bytes", t.bytes}});
            all.push_back({{"path", w.path}, {"format", w.format}, {"metadata", w.metadata}, {"tensors", tensors},
                {"total_bytes", w.totalBytes}, {"total_elements", w.totalElements}});
            continue;
        }
        context.out << QString::fromStdString(w.path) << " (" << QString::fromStdString(w.format) << ")\n";
        for (const auto& [key, value] : w.metadata)
            context.out << "  metadata " << QString::fromStdString(key) << " = " << QString::fromStdString(value)
                        << "\n";
        for (const auto& t : w.tensors)
            context.out << "  " << QString::fromStdString(t.name) << "  " << QString::fromStdString(t.dtype) << "  "
                        << shapeText(t.shape) << "  " << t.bytes << " bytes\n";
        context.out << "  total: " << w.tensors.size() << " tensors, " << w.totalElements << " elements, "
                    << humanBytes(w.totalBytes) << "\n";
    }
    if (parser.isSet(json))
        context.out << QString::fromStdString(all.dump(2)) << "\n";
    return 0;
}

int runModelsCommand(const QStringList& arguments, CliContext& context)
{
    if (arguments.isEmpty() || arguments.first() != QLatin1String("verify")) {
        context.err << "usage: cosmos-cli models verify --arch 2B|14B|nano|CONFIG.json PATH\n";
        return 2;
    }
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Holds a checkpoint against a DiT architecture."));
    const QCommandLineOption arch(
        QStringLiteral("arch"), QStringLiteral("2B, 14B, nano or a JSON config file."), QStringLiteral("arch"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    parser.addOption(arch);
    parser.addOption(json);
    parser.addPositionalArgument(QStringLiteral("path"), QStringLiteral("Checkpoint file or folder."));
    parser.addHelpOption();
    if (const auto exit = parseCommandLine(parser, QStringLiteral("models verify"), arguments.mid(1), context))
        return *exit;
    if (!parser.isSet(arch) || parser.positionalArguments().size() != 1) {
        context.err << "usage: cosmos-cli models verify --arch 2B|14B|nano|CONFIG.json PATH\n";
        return 2;
    }
    const auto result = engine::tools::verifyDit(
        parser.value(arch).toStdString(), parser.positionalArguments().first().toStdString());
    const auto& r = result.report;
    if (parser.isSet(json)) {
        nlohmann::json mismatched = nlohmann::json::array();
        for (const auto& m : r.mismatched)
            mismatched.push_back({{"name", m.name}, {"expected", m.expected}, {"found", m.found}});
        context.out << QString::fromStdString(nlohmann::json {{"architecture", result.architecture},
            {"clean", r.clean()}, {"missing", r.missing}, {"unexpected", r.unexpected}, {"mismatched", mismatched},
            {"dropped", r.dropped}, {"expected_parameters", r.expectedParameters},
            {"found_parameters",
                r.foundParameters}}.dump(2))
                    << "\n";
    } else {
        context.out << QString::fromStdString(result.architecture) << "\n";
        context.out << "parameters: " << r.foundParameters << " of " << r.expectedParameters << " loaded\n";
        if (!r.dropped.empty())
            context.out << "set aside (training state, not parameters): " << r.dropped.size() << "\n";
        context.out << QString::fromStdString(r.summary());
        context.out << (r.clean() ? "OK: the checkpoint loads cleanly\n" : "FAILED: the checkpoint does not fit\n");
    }
    return r.clean() ? 0 : 1;
}

int runForwardCommand(const QStringList& arguments, CliContext& context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Runs one network on named input tensors (parity checks)."));
    const QCommandLineOption module(QStringLiteral("module"),
        QStringLiteral("Network: dit, text, vae-encode or vae-decode."), QStringLiteral("name"));
    const QCommandLineOption config(
        QStringLiteral("config"), QStringLiteral("2B, 14B, nano or a JSON config."), QStringLiteral("config"));
    const QCommandLineOption weights(QStringLiteral("weights"), QStringLiteral("Checkpoint."), QStringLiteral("path"));
    const QCommandLineOption inputs(
        QStringLiteral("inputs"), QStringLiteral("Inputs (.safetensors)."), QStringLiteral("path"));
    const QCommandLineOption out(
        QStringLiteral("out"), QStringLiteral("Output (.safetensors)."), QStringLiteral("path"));
    for (const auto* option : {&module, &config, &weights, &inputs, &out})
        parser.addOption(*option);
    parser.addHelpOption();
    if (const auto exit = parseCommandLine(parser, QStringLiteral("forward"), arguments, context))
        return *exit;
    for (const auto* option : {&module, &config, &weights, &inputs, &out})
        if (!parser.isSet(*option)) {
            context.err << "cosmos-cli forward: --" << option->names().first() << " is required\n";
            return 2;
        }
    engine::tools::runForward(
        {parser.value(module).toStdString(), parser.value(config).toStdString(), parser.value(weights).toStdString(),
            parser.value(inputs).toStdString(), parser.value(out).toStdString()},
        context.logger);
    context.out << "wrote " << parser.value(out) << "\n";
    return 0;
}

int runTokenizeCommand(const QStringList& arguments, CliContext& context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Tokenizes text with a tokenizer.json: ids and pieces."));
    const QCommandLineOption tokenizer(
        QStringLiteral("tokenizer"), QStringLiteral("The tokenizer.json."), QStringLiteral("file"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    parser.addOption(tokenizer);
    parser.addOption(json);
    parser.addPositionalArgument(QStringLiteral("text"), QStringLiteral("The text."));
    parser.addHelpOption();
    if (const auto exit = parseCommandLine(parser, QStringLiteral("tokenize"), arguments, context))
        return *exit;
    if (!parser.isSet(tokenizer) || parser.positionalArguments().size() != 1) {
        context.err << "usage: cosmos-cli tokenize --tokenizer tokenizer.json \"text\"\n";
        return 2;
    }
    const auto result = engine::tools::tokenizeText(
        parser.value(tokenizer).toStdString(), parser.positionalArguments().first().toStdString());
    if (parser.isSet(json)) {
        context.out << QString::fromStdString(
            nlohmann::json {{"ids", result.ids}, {"pieces", result.pieces}, {"decoded", result.decoded}}.dump(2))
                    << "\n";
        return 0;
    }
    context.out << result.ids.size() << " tokens\n";
    for (std::size_t i = 0; i < result.ids.size(); ++i)
        context.out << result.ids[i] << "\t" << QString::fromStdString(result.pieces[i]) << "\n";
    return 0;
}

} // namespace cosmos::app::cli

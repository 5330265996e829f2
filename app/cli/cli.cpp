#include "app/cli/cli.h"

#include <functional>
#include <map>

namespace cosmos::app::cli {

int runRenderCommand(const QStringList& arguments, CliContext& context); // cli_render.cpp

namespace {

struct Command {
    QString summary;
    std::function<int(const QStringList&, CliContext&)> run;
};

const std::map<QString, Command>& commands()
{
    static const std::map<QString, Command> table = {
        {QStringLiteral("version"),
            {QStringLiteral("print the versions of the studio and its libraries"), runVersionCommand}},
        {QStringLiteral("doctor"),
            {QStringLiteral("check the engine: LibTorch, threads, BLAS, CUDA, matmul speed"), runDoctorCommand}},
        {QStringLiteral("inspect"), {QStringLiteral("list the tensors of weight files"), runInspectCommand}},
        {QStringLiteral("models"),
            {QStringLiteral("models verify: hold a checkpoint against an architecture"), runModelsCommand}},
        {QStringLiteral("generate"), {QStringLiteral("generate one take and write the clip"), runGenerateCommand}},
        {QStringLiteral("bench"),
            {QStringLiteral("time one generation: phases, steps/s, memory, FLOP/s"), runBenchCommand}},
        {QStringLiteral("tokenize"), {QStringLiteral("tokenize text with a tokenizer.json"), runTokenizeCommand}},
        {QStringLiteral("forward"),
            {QStringLiteral("run one network on named inputs (parity checks)"), runForwardCommand}},
        {QStringLiteral("nano-data"),
            {QStringLiteral("write a nano-world dataset (clips, prompts, truth) from a seed"), runNanoDataCommand}},
        {QStringLiteral("nano-train"),
            {QStringLiteral("train the nano world model on the CPU (resumable)"), runNanoTrainCommand}},
        {QStringLiteral("nano-eval"),
            {QStringLiteral("score a nano world model against the simulator"), runNanoEvalCommand}},
        {QStringLiteral("sample"),
            {QStringLiteral("generate a sample rollout in all four modes into a folder"), runSampleCommand}},
        {QStringLiteral("project"),
            {QStringLiteral("new, info, check, export or import a project folder"), runProjectCommand}},
        {QStringLiteral("render"),
            {QStringLiteral("export a project's take, timeline or board as MP4, WebM, GIF or PNGs"), runRenderCommand}},
    };
    return table;
}

void printUsage(QTextStream& stream)
{
    stream << "usage: cosmos-cli [--version] <command> [options]\n\ncommands:\n";
    for (const auto& [name, command] : commands())
        stream << "  " << name.leftJustified(12) << command.summary << "\n";
    stream << "\nRun 'cosmos-cli <command> --help' for a command's options.\n";
}

} // namespace

int runCli(const QStringList& arguments, CliContext& context)
{
    if (arguments.isEmpty()) {
        printUsage(context.err);
        return 2;
    }
    const QString first = arguments.first();
    if (first == QLatin1String("--version") || first == QLatin1String("-V"))
        return runVersionCommand(arguments.mid(1), context);
    if (first == QLatin1String("--help") || first == QLatin1String("-h") || first == QLatin1String("help")) {
        printUsage(context.out);
        return 0;
    }
    const auto found = commands().find(first);
    if (found == commands().end()) {
        context.err << "cosmos-cli: unknown command '" << first << "'\n\n";
        printUsage(context.err);
        return 2;
    }
    try {
        return found->second.run(arguments.mid(1), context);
    } catch (const std::exception& error) {
        context.err << "cosmos-cli " << first << ": " << error.what() << "\n";
        context.logger->error("{} failed: {}", first.toStdString(), error.what());
        return 1;
    }
}

} // namespace cosmos::app::cli

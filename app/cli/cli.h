// cosmos-cli: the engine without a window. Every command is a function over
// its arguments and two text streams, so tests can run it in-process too.
//
//   cosmos-cli --version
//   cosmos-cli doctor [--json] [--matmul-size N]
//   cosmos-cli inspect [--json] FILE...
//   cosmos-cli models verify --arch 2B|14B|nano PATH
//   cosmos-cli generate [--model nano|DIR] --prompt TEXT [--image F | --video F] --out FILE [--json]
//   cosmos-cli bench [--model nano|DIR] [--frames N] [--steps N] [--json]
//   cosmos-cli tokenize --tokenizer tokenizer.json TEXT
//   cosmos-cli forward --module dit|text|vae-encode|vae-decode --config C --weights W --inputs IN --out OUT
//   cosmos-cli nano-data --seed S --count N --out DIR [--format mp4|png]
//   cosmos-cli nano-train [--work DIR] [--out DIR] [--init MODEL] [--vae-steps N] [--dit-steps N]
//   cosmos-cli sample [--model nano|DIR] [--out DIR]
//   cosmos-cli nano-eval [--model nano|DIR] [--clips N] [--json] [--card] [--check]
//   cosmos-cli project new|info|check|export|import ...
#pragma once

#include <QStringList>
#include <QTextStream>

#include "engine/logging.h"

namespace cosmos::app::cli {

struct CliContext {
    QTextStream& out; // results (text or JSON)
    QTextStream& err; // errors and usage
    engine::LoggerPtr logger;
};

// `arguments` excludes the program name. Returns the process exit code.
int runCli(const QStringList& arguments, CliContext& context);

// One command each; `arguments` starts after the command's name.
int runVersionCommand(const QStringList& arguments, CliContext& context);
int runDoctorCommand(const QStringList& arguments, CliContext& context);
int runInspectCommand(const QStringList& arguments, CliContext& context);
int runModelsCommand(const QStringList& arguments, CliContext& context);
int runForwardCommand(const QStringList& arguments, CliContext& context);
int runGenerateCommand(const QStringList& arguments, CliContext& context);
int runTokenizeCommand(const QStringList& arguments, CliContext& context);
int runBenchCommand(const QStringList& arguments, CliContext& context);
int runNanoDataCommand(const QStringList& arguments, CliContext& context);
int runNanoTrainCommand(const QStringList& arguments, CliContext& context);
int runNanoEvalCommand(const QStringList& arguments, CliContext& context);
int runSampleCommand(const QStringList& arguments, CliContext& context);
int runProjectCommand(const QStringList& arguments, CliContext& context);

} // namespace cosmos::app::cli

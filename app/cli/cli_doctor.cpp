#include <QCommandLineParser>

#include "app/cli/cli.h"
#include "app/cli/cli_options.h"
#include "engine/doctor.h"

namespace cosmos::app::cli {

int runDoctorCommand(const QStringList& arguments, CliContext& context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Checks the engine and measures its matrix-product speed."));
    parser.addHelpOption();
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print the report as JSON."));
    const QCommandLineOption size(QStringLiteral("matmul-size"),
        QStringLiteral("Side of the square fp32 matrices (default 512)."), QStringLiteral("N"), QStringLiteral("512"));
    parser.addOption(json);
    parser.addOption(size);
    if (const auto exit = parseCommandLine(parser, QStringLiteral("doctor"), arguments, context))
        return *exit;
    OptionValues values(parser, QStringLiteral("doctor"), context);
    const auto matmulSize = static_cast<int>(values.integer(size, 16, 8192));
    if (!values.valid())
        return 2;

    engine::DoctorOptions options;
    options.matmulSize = matmulSize;
    const engine::DoctorReport report = engine::runDoctor(options, context.logger);
    if (parser.isSet(json))
        context.out << QString::fromStdString(engine::doctorToJson(report).dump(2)) << "\n";
    else
        context.out << QString::fromStdString(engine::formatDoctorText(report));
    // Warnings are findings, not failures: the engine still works.
    return 0;
}

} // namespace cosmos::app::cli

#include <QCommandLineParser>

#include "app/cli/cli.h"
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
    if (!parser.parse(QStringList {QStringLiteral("doctor")} + arguments)) {
        context.err << "cosmos-cli doctor: " << parser.errorText() << "\n";
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        context.out << parser.helpText();
        return 0;
    }
    bool ok = false;
    const int matmulSize = parser.value(size).toInt(&ok);
    if (!ok || matmulSize < 16 || matmulSize > 8192) {
        context.err << "cosmos-cli doctor: --matmul-size must be an integer from 16 to 8192, got '"
                    << parser.value(size) << "'\n";
        return 2;
    }

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

#include "app/cli/cli_project_support.h"

#include <QFileInfo>

#include "app/cli/cli_options.h"

namespace cosmos::app::cli {

bool parseProjectArguments(QCommandLineParser& parser, const QString& command, const QStringList& arguments,
    int positionals, CliContext& context, int& exitCode)
{
    const QString name = QStringLiteral("project ") + command;
    parser.addHelpOption();
    if (const auto exit = parseCommandLine(parser, name, arguments, context)) {
        exitCode = *exit;
        return false;
    }
    if (parser.positionalArguments().size() != positionals) {
        context.err << "cosmos-cli " << name << ": expected " << positionals << " argument"
                    << (positionals == 1 ? "" : "s") << ", got " << parser.positionalArguments().size()
                    << " (see --help)\n";
        exitCode = 2;
        return false;
    }
    return true;
}

int reportProjectError(const QString& command, const projects::ProjectError& error, CliContext& context)
{
    context.err << "cosmos-cli project " << command << ": " << error.message << "\n";
    if (!error.detail.isEmpty())
        context.logger->warn("project {}: {}", command.toStdString(), error.detail.toStdString());
    return 1;
}

std::unique_ptr<projects::ProjectStore> openForReading(const QString& folder, projects::ProjectError* error)
{
    // SQLite makes -wal and -shm files even for a read-only connection and
    // cannot remove them on close. A project without a -wal file is closed
    // (a writer keeps it while open) and its main file holds everything, so
    // a private copy reads the same without leaving files behind. When the
    // copy fails, the original explains why under its own name.
    if (!QFileInfo::exists(projects::ProjectStore::databasePath(folder) + QStringLiteral("-wal"))) {
        if (auto copy = projects::ProjectStore::openReadOnlyCopy(folder, error))
            return copy;
    }
    projects::OpenOptions options;
    options.access = projects::OpenOptions::Access::ReadOnly;
    return projects::ProjectStore::open(folder, error, options);
}

} // namespace cosmos::app::cli

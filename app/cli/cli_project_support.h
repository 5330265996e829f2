// What the `cosmos-cli project` commands share: argument parsing, turning a
// ProjectError into the user's message and an exit code, opening read-only.
#pragma once

#include <QCommandLineParser>
#include <QString>
#include <QStringList>
#include <memory>

#include "app/cli/cli.h"
#include "projects/project_error.h"
#include "projects/project_store.h"

namespace cosmos::app::cli {

// Parses `arguments` of `project <command>` and wants exactly `positionals`
// positional arguments; on an error or --help prints it, sets `exitCode` and
// returns false.
bool parseProjectArguments(QCommandLineParser& parser, const QString& command, const QStringList& arguments,
    int positionals, CliContext& context, int& exitCode);

// Prints the error's user message (its detail goes to the log); returns 1.
int reportProjectError(const QString& command, const projects::ProjectError& error, CliContext& context);

// Opens without the lock, migration or recovery: the project's files stay
// as they are (no new ones either), and a project another program has open
// can still be read.
std::unique_ptr<projects::ProjectStore> openForReading(const QString& folder, projects::ProjectError* error);

// project export / project import (cli_project_bundle.cpp).
int runProjectExport(const QStringList& arguments, CliContext& context);
int runProjectImport(const QStringList& arguments, CliContext& context);

} // namespace cosmos::app::cli

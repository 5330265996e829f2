// What every cosmos-cli command does with its command line before its own
// work: parse it (an unknown option or --help ends the command there), then
// read numeric option values, each checked against its range. A bad value is
// reported as "cosmos-cli COMMAND: --name must be ..., got 'text'" and
// remembered, so that a command lists all its bad values in one go before it
// exits with status 2.
//
//   QCommandLineParser parser;
//   ...add options...
//   if (const auto exit = parseCommandLine(parser, "doctor", arguments, context))
//       return *exit;
//   OptionValues values(parser, "doctor", context);
//   const int size = int(values.integer(sizeOption, 16, 8192));
//   if (!values.valid())
//       return 2;
#pragma once

#include <optional>

#include <QCommandLineParser>
#include <QString>

#include "app/cli/cli.h"

namespace cosmos::app::cli {

// Parses `arguments` (after the command's name). nullopt: go on; otherwise
// the command's exit code: 0 after printing --help, 2 after printing the
// parser's error.
std::optional<int> parseCommandLine(
    QCommandLineParser& parser, const QString& command, const QStringList& arguments, CliContext& context);

class OptionValues {
public:
    OptionValues(const QCommandLineParser& parser, QString command, CliContext& context);

    // An integer from low to high (both included); low when it is not one.
    long long integer(const QCommandLineOption& option, long long low, long long high);
    // A database id (1 or more) of `what` ("a take"); 0 when it is not one.
    long long identifier(const QCommandLineOption& option, const QString& what);
    // A number from low to high (both included); low when it is not one.
    double number(const QCommandLineOption& option, double low, double high);
    // A number above 0; 0 when it is not one.
    double positive(const QCommandLineOption& option);
    // Reports a check of the command's own ("--vae-frames must be 1 + 4k").
    void fail(const QString& message);

    bool valid() const { return m_valid; }

private:
    const QCommandLineParser& m_parser;
    QString m_command;
    CliContext& m_context;
    bool m_valid = true;
};

} // namespace cosmos::app::cli

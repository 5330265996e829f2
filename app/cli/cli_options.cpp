#include "app/cli/cli_options.h"

#include <cmath>
#include <utility>

namespace cosmos::app::cli {

std::optional<int> parseCommandLine(
    QCommandLineParser& parser, const QString& command, const QStringList& arguments, CliContext& context)
{
    // QCommandLineParser takes the first argument for the program's name.
    if (!parser.parse(QStringList {command} + arguments)) {
        context.err << "cosmos-cli " << command << ": " << parser.errorText() << "\n";
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        context.out << parser.helpText();
        return 0;
    }
    return std::nullopt;
}

OptionValues::OptionValues(const QCommandLineParser& parser, QString command, CliContext& context)
    : m_parser(parser), m_command(std::move(command)), m_context(context)
{
}

long long OptionValues::integer(const QCommandLineOption& option, long long low, long long high)
{
    bool ok = false;
    const long long value = m_parser.value(option).toLongLong(&ok);
    if (ok && value >= low && value <= high)
        return value;
    fail(QStringLiteral("--%1 must be an integer from %2 to %3, got '%4'")
             .arg(option.names().first())
             .arg(low)
             .arg(high)
             .arg(m_parser.value(option)));
    return low;
}

long long OptionValues::identifier(const QCommandLineOption& option, const QString& what)
{
    bool ok = false;
    const long long value = m_parser.value(option).toLongLong(&ok);
    if (ok && value >= 1)
        return value;
    fail(QStringLiteral("--%1 must be the id of %2 (a whole number, 1 or more), got '%3'")
             .arg(option.names().first(), what, m_parser.value(option)));
    return 0;
}

double OptionValues::number(const QCommandLineOption& option, double low, double high)
{
    bool ok = false;
    const double value = m_parser.value(option).toDouble(&ok);
    if (ok && std::isfinite(value) && value >= low && value <= high)
        return value;
    fail(QStringLiteral("--%1 must be a number from %2 to %3, got '%4'")
             .arg(option.names().first())
             .arg(low)
             .arg(high)
             .arg(m_parser.value(option)));
    return low;
}

double OptionValues::positive(const QCommandLineOption& option)
{
    bool ok = false;
    const double value = m_parser.value(option).toDouble(&ok);
    if (ok && std::isfinite(value) && value > 0.0)
        return value;
    fail(QStringLiteral("--%1 must be a number above 0, got '%2'")
             .arg(option.names().first())
             .arg(m_parser.value(option)));
    return 0.0;
}

void OptionValues::fail(const QString& message)
{
    m_context.err << "cosmos-cli " << m_command << ": " << message << "\n";
    m_valid = false;
}

} // namespace cosmos::app::cli

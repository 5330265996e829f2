// cosmos-cli project new|info|check, and the table of project commands
// (export and import live in cli_project_bundle.cpp). info, check and export
// open the project read-only: looking at a project, even one another program
// has open, never changes it.
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <functional>
#include <map>

#include "app/cli/cli.h"
#include "app/cli/cli_project_support.h"
#include "projects/project_store.h"

namespace cosmos::app::cli {
namespace {

using projects::OpenOptions;
using projects::ProjectError;
using projects::ProjectStore;

int runNew(const QStringList& arguments, CliContext& context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Creates a new, empty project folder."));
    const QCommandLineOption name(
        QStringLiteral("name"), QStringLiteral("The project's name (default: the folder's)."), QStringLiteral("name"));
    parser.addOption(name);
    parser.addPositionalArgument(QStringLiteral("dir"), QStringLiteral("The project folder."), QStringLiteral("DIR"));
    int code = 0;
    if (!parseProjectArguments(parser, QStringLiteral("new"), arguments, 1, context, code))
        return code;
    const QString folder = parser.positionalArguments().first();
    const QString projectName = parser.isSet(name) ? parser.value(name) : QFileInfo(QDir::cleanPath(folder)).fileName();
    ProjectError error;
    if (!ProjectStore::create(folder, projectName, &error))
        return reportProjectError(QStringLiteral("new"), error, context);
    context.out << "created project '" << projectName << "' in " << QDir::toNativeSeparators(folder) << "\n";
    return 0;
}

// Gathers takes side by side on a comparison board (a new one, by name).
int runBoard(const QStringList& arguments, CliContext& context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Makes a comparison board of takes."));
    const QCommandLineOption name(QStringLiteral("name"), QStringLiteral("The board's name."), QStringLiteral("name"));
    const QCommandLineOption takes(
        QStringLiteral("takes"), QStringLiteral("Take ids, in board order (e.g. 1,4,5)."), QStringLiteral("ids"));
    parser.addOption(name);
    parser.addOption(takes);
    parser.addPositionalArgument(QStringLiteral("dir"), QStringLiteral("The project folder."), QStringLiteral("DIR"));
    int code = 0;
    if (!parseProjectArguments(parser, QStringLiteral("board"), arguments, 1, context, code))
        return code;
    QList<qint64> ids;
    for (const QString& part : parser.value(takes).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const qint64 id = part.trimmed().toLongLong(&ok);
        if (!ok || id <= 0) {
            context.err << "cosmos-cli project board: --takes wants take ids such as 1,4,5, not '" << part << "'\n";
            return 2;
        }
        ids << id;
    }
    if (!parser.isSet(name) || ids.size() < 2) {
        context.err << "cosmos-cli project board: give --name and at least two --takes\n";
        return 2;
    }
    ProjectError error;
    auto store = ProjectStore::open(parser.positionalArguments().first(), &error);
    if (!store)
        return reportProjectError(QStringLiteral("board"), error, context);
    // All or nothing: a missing take leaves no half-filled board behind.
    std::optional<qint64> board;
    const bool added = store->transact([&] {
        board = store->addBoard(parser.value(name));
        bool ok = board.has_value();
        for (qint64 id : ids)
            ok = ok && store->addTakeToBoard(*board, id);
        return ok;
    });
    if (!added)
        return reportProjectError(QStringLiteral("board"), store->lastError(), context);
    context.out << "board " << *board << " '" << parser.value(name) << "' with " << ids.size() << " takes\n";
    return 0;
}

int runInfo(const QStringList& arguments, CliContext& context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Shows a project's format version and what it holds."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    parser.addOption(json);
    parser.addPositionalArgument(QStringLiteral("dir"), QStringLiteral("The project folder."), QStringLiteral("DIR"));
    int code = 0;
    if (!parseProjectArguments(parser, QStringLiteral("info"), arguments, 1, context, code))
        return code;
    ProjectError error;
    const auto store = openForReading(parser.positionalArguments().first(), &error);
    if (!store)
        return reportProjectError(QStringLiteral("info"), error, context);
    const projects::ProjectSummary summary = store->summary();
    if (parser.isSet(json)) {
        QJsonObject byState;
        for (const auto& [state, count] : summary.jobsByState)
            byState.insert(state, count);
        const QJsonObject report {{QStringLiteral("name"), summary.name}, {QStringLiteral("folder"), store->folder()},
            {QStringLiteral("schema_version"), summary.schemaVersion},
            {QStringLiteral("current_schema_version"), projects::schema::kCurrentVersion},
            {QStringLiteral("segments"), summary.segments}, {QStringLiteral("takes"), summary.takes},
            {QStringLiteral("jobs"), summary.jobs}, {QStringLiteral("jobs_by_state"), byState}};
        context.out << QString::fromUtf8(QJsonDocument(report).toJson(QJsonDocument::Indented));
        return 0;
    }
    context.out << "project:  " << summary.name << "\n"
                << "folder:   " << QDir::toNativeSeparators(store->folder()) << "\n"
                << "format:   " << summary.schemaVersion;
    if (summary.schemaVersion > projects::schema::kCurrentVersion)
        context.out << " (newer than this Cosmos Studio, which writes " << projects::schema::kCurrentVersion << ")";
    else if (summary.schemaVersion < projects::schema::kCurrentVersion)
        context.out << " (older; updated to " << projects::schema::kCurrentVersion << " when opened for writing)";
    context.out << "\nsegments: " << summary.segments << "\ntakes:    " << summary.takes
                << "\njobs:     " << summary.jobs;
    QStringList states;
    for (const auto& [state, count] : summary.jobsByState)
        states << QStringLiteral("%1 %2").arg(count).arg(state);
    if (!states.isEmpty())
        context.out << " (" << states.join(QStringLiteral(", ")) << ")";
    context.out << "\n";
    return 0;
}

QJsonArray toJson(const QStringList& list)
{
    return QJsonArray::fromStringList(list);
}

int runCheck(const QStringList& arguments, CliContext& context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Checks a project: the database's integrity and every media file against its hash. Exits 1 on a problem."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    parser.addOption(json);
    parser.addPositionalArgument(QStringLiteral("dir"), QStringLiteral("The project folder."), QStringLiteral("DIR"));
    int code = 0;
    if (!parseProjectArguments(parser, QStringLiteral("check"), arguments, 1, context, code))
        return code;
    ProjectError error;
    const auto store = openForReading(parser.positionalArguments().first(), &error);
    if (!store)
        return reportProjectError(QStringLiteral("check"), error, context);
    const projects::IntegrityReport report = store->check();
    const bool clean = report.isClean();
    if (parser.isSet(json)) {
        const QJsonObject object {{QStringLiteral("clean"), clean},
            {QStringLiteral("integrity"), toJson(report.integrity)},
            {QStringLiteral("foreign_keys"), toJson(report.foreignKeys)},
            {QStringLiteral("missing"), toJson(report.media.missing)},
            {QStringLiteral("corrupt"), toJson(report.media.corrupt)},
            {QStringLiteral("orphaned"), toJson(report.media.orphaned)}};
        context.out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
        return clean ? 0 : 1;
    }
    const bool sound = report.integrity == QStringList {QStringLiteral("ok")};
    context.out << "database:     " << (sound ? QStringLiteral("ok") : QStringLiteral("DAMAGED")) << "\n";
    if (!sound) {
        for (const QString& line : report.integrity)
            context.out << "  " << line << "\n";
    }
    context.out << "foreign keys: " << (report.foreignKeys.isEmpty() ? "ok" : "BROKEN") << "\n";
    for (const QString& line : report.foreignKeys)
        context.out << "  " << line << "\n";
    const std::pair<const char*, const QStringList*> media[] = {
        {"missing (referenced, no file)", &report.media.missing},
        {"corrupt (content does not match its hash)", &report.media.corrupt},
        {"orphaned (a file no row references)", &report.media.orphaned},
    };
    for (const auto& [title, list] : media) {
        if (list->isEmpty())
            continue;
        context.out << title << ":\n";
        for (const QString& path : *list)
            context.out << "  " << path << "\n";
    }
    context.out << (clean ? "OK: the project is clean\n" : "FAILED: the project has problems\n");
    return clean ? 0 : 1;
}

void printUsage(QTextStream& stream)
{
    stream << "usage: cosmos-cli project <command> [options]\n\n"
              "  new DIR [--name NAME]                 create an empty project\n"
              "  info DIR [--json]                     format version, segments, takes, jobs\n"
              "  check DIR [--json]                    database integrity and media hashes (exit 1 on a problem)\n"
              "  export DIR --out FILE [--takes 1,2]   the project, or some takes, as one bundle file\n"
              "  import FILE --into DIR                a bundle into a new project folder\n"
              "  board DIR --name NAME --takes 1,4,5   a comparison board of takes\n";
}

} // namespace

int runProjectCommand(const QStringList& arguments, CliContext& context)
{
    static const std::map<QString, std::function<int(const QStringList&, CliContext&)>> subcommands = {
        {QStringLiteral("new"), runNew},
        {QStringLiteral("info"), runInfo},
        {QStringLiteral("check"), runCheck},
        {QStringLiteral("board"), runBoard},
        {QStringLiteral("export"), runProjectExport},
        {QStringLiteral("import"), runProjectImport},
    };
    if (arguments.isEmpty() || arguments.first() == QLatin1String("--help")
        || arguments.first() == QLatin1String("-h")) {
        printUsage(arguments.isEmpty() ? context.err : context.out);
        return arguments.isEmpty() ? 2 : 0;
    }
    const auto found = subcommands.find(arguments.first());
    if (found == subcommands.end()) {
        context.err << "cosmos-cli project: unknown command '" << arguments.first() << "'\n\n";
        printUsage(context.err);
        return 2;
    }
    return found->second(arguments.mid(1), context);
}

} // namespace cosmos::app::cli

// cosmos-cli project export|import: a project, or some of its takes, as one
// bundle file, and a bundle back into a new project folder.
#include <QCommandLineParser>
#include <QDir>

#include "app/cli/cli_project_support.h"
#include "projects/project_bundle.h"

namespace cosmos::app::cli {
namespace {

QString contentsText(const projects::BundleContents& contents)
{
    return QStringLiteral("%1 segments, %2 takes, %3 media files (%4 bytes)")
        .arg(contents.segments)
        .arg(contents.takes)
        .arg(contents.mediaFiles)
        .arg(contents.mediaBytes);
}

// "1,2, 5" -> {1, 2, 5}; nullopt on anything that is not a positive id.
std::optional<QList<qint64>> parseTakeIds(const QString& text)
{
    QList<qint64> ids;
    for (const QString& part : text.split(QLatin1Char(','))) {
        bool ok = false;
        const qint64 id = part.trimmed().toLongLong(&ok);
        if (!ok || id <= 0)
            return std::nullopt;
        ids.append(id);
    }
    return ids;
}

} // namespace

int runProjectExport(const QStringList& arguments, CliContext& context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Writes a project, or some of its takes with their segments and media, into one bundle file."));
    const QCommandLineOption out(
        QStringLiteral("out"), QStringLiteral("The bundle file to write."), QStringLiteral("file"));
    const QCommandLineOption takes(QStringLiteral("takes"),
        QStringLiteral("Only these takes (ids, comma-separated), their segments and media."), QStringLiteral("ids"));
    parser.addOption(out);
    parser.addOption(takes);
    parser.addPositionalArgument(QStringLiteral("dir"), QStringLiteral("The project folder."), QStringLiteral("DIR"));
    int code = 0;
    if (!parseProjectArguments(parser, QStringLiteral("export"), arguments, 1, context, code))
        return code;
    if (!parser.isSet(out)) {
        context.err << "cosmos-cli project export: --out is required\n";
        return 2;
    }
    QList<qint64> takeIds;
    if (parser.isSet(takes)) {
        const auto parsed = parseTakeIds(parser.value(takes));
        if (!parsed) {
            context.err << "cosmos-cli project export: --takes wants take ids such as 1,2,5, got '"
                        << parser.value(takes) << "'\n";
            return 2;
        }
        takeIds = *parsed;
    }
    projects::ProjectError error;
    const auto store = openForReading(parser.positionalArguments().first(), &error);
    if (!store)
        return reportProjectError(QStringLiteral("export"), error, context);
    const auto contents = projects::exportBundle(*store, parser.value(out), takeIds, &error);
    if (!contents)
        return reportProjectError(QStringLiteral("export"), error, context);
    context.out << "wrote " << QDir::toNativeSeparators(parser.value(out)) << ": " << contentsText(*contents) << "\n";
    return 0;
}

int runProjectImport(const QStringList& arguments, CliContext& context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Makes a new project folder from a bundle, verifying every file; a damaged bundle leaves "
                       "nothing behind."));
    const QCommandLineOption into(
        QStringLiteral("into"), QStringLiteral("The new project folder (missing or empty)."), QStringLiteral("dir"));
    parser.addOption(into);
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("The bundle file."), QStringLiteral("FILE"));
    int code = 0;
    if (!parseProjectArguments(parser, QStringLiteral("import"), arguments, 1, context, code))
        return code;
    if (!parser.isSet(into)) {
        context.err << "cosmos-cli project import: --into is required\n";
        return 2;
    }
    projects::ProjectError error;
    const auto contents = projects::importBundle(parser.positionalArguments().first(), parser.value(into), &error);
    if (!contents)
        return reportProjectError(QStringLiteral("import"), error, context);
    context.out << "imported into " << QDir::toNativeSeparators(parser.value(into)) << ": " << contentsText(*contents)
                << "\n";
    return 0;
}

} // namespace cosmos::app::cli

// cosmos-cli render: a take, the whole timeline or a comparison board of a
// project written as one MP4, WebM, GIF or PNG sequence, with the provenance
// of every clip in it. The project is only read (even one the studio has
// open), and an existing file is replaced only with --overwrite. Ctrl+C stops
// the export and leaves no file.
//
//   cosmos-cli render PROJECT [--board NAME | --take ID] --out FILE [--fps N] [--scale N]
//                     [--filter nearest|bilinear|bicubic|lanczos] [--quality N] [--overwrite] [--json]
#include <QCommandLineParser>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <map>

#include <unistd.h>

#include "app/cli/cli.h"
#include "app/cli/cli_options.h"
#include "app/cli/cli_project_support.h"
#include "app/export_job.h"
#include "engine/runner/job_cancelled.h"
#include "engine/tools/clip_export.h"

namespace cosmos::app::cli {
namespace {

using engine::ExportRequest;

// SIGINT only flips this flag; the progress callback turns it into a cancel.
std::atomic<bool> g_interrupted {false};
extern "C" void onRenderInterrupt(int)
{
    g_interrupted = true;
}

// Restores the previous SIGINT handler however the export ends.
class InterruptGuard {
public:
    InterruptGuard() : m_previous(std::signal(SIGINT, onRenderInterrupt)) { g_interrupted = false; }
    ~InterruptGuard() { std::signal(SIGINT, m_previous); }
    InterruptGuard(const InterruptGuard&) = delete;
    InterruptGuard& operator=(const InterruptGuard&) = delete;

private:
    void (*m_previous)(int);
};

int usageError(CliContext& context, const QString& message)
{
    context.err << "cosmos-cli render: " << message << " (see --help)\n";
    return 2;
}

// A board by its name, or by its id when no board has that name.
std::optional<qint64> findBoard(projects::ProjectStore& store, const QString& name, QString* error)
{
    const QList<projects::BoardRecord> boards = store.boards();
    QStringList names;
    for (const projects::BoardRecord& board : boards) {
        if (board.name == name)
            return board.id;
        names << QStringLiteral("'%1'").arg(board.name);
    }
    bool isNumber = false;
    const qint64 id = name.toLongLong(&isNumber);
    for (const projects::BoardRecord& board : boards) {
        if (isNumber && board.id == id)
            return board.id;
    }
    *error = boards.isEmpty()
        ? QStringLiteral("the project has no boards")
        : QStringLiteral("no board is named '%1' (boards: %2)").arg(name, names.join(QStringLiteral(", ")));
    return std::nullopt;
}

void drawProgress(int done, int total)
{
    if (total <= 0)
        std::fprintf(stderr, "\rreading clips...");
    else
        std::fprintf(stderr, "\rwriting frame %d of %d   ", done, total);
    std::fflush(stderr);
}

} // namespace

int runRenderCommand(const QStringList& arguments, CliContext& context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Writes a take, the whole timeline (each segment's selected take, in order) or a comparison board (as one "
        "grid) of a project to a video, GIF or PNG sequence, with the provenance embedded and beside it."));
    parser.addHelpOption();
    const QCommandLineOption board(
        QStringLiteral("board"), QStringLiteral("Export this board as a grid."), QStringLiteral("name"));
    const QCommandLineOption take(QStringLiteral("take"), QStringLiteral("Export this take."), QStringLiteral("id"));
    const QCommandLineOption out(QStringLiteral("out"),
        QStringLiteral("Output: .mp4 (H.264), .webm (VP9), .gif, or a folder / name_%04d.png for PNGs."),
        QStringLiteral("file"));
    const QCommandLineOption fps(
        QStringLiteral("fps"), QStringLiteral("Playback rate (default: the clips')."), QStringLiteral("n"));
    const QCommandLineOption scale(
        QStringLiteral("scale"), QStringLiteral("Enlarge by 1 to 16."), QStringLiteral("n"), QStringLiteral("1"));
    const QCommandLineOption filter(QStringLiteral("filter"),
        QStringLiteral("Scaling filter: nearest, bilinear, bicubic or lanczos."), QStringLiteral("name"),
        QStringLiteral("nearest"));
    const QCommandLineOption quality(QStringLiteral("quality"), QStringLiteral("1 to 100, for MP4 and WebM."),
        QStringLiteral("n"), QStringLiteral("90"));
    const QCommandLineOption overwrite(QStringLiteral("overwrite"), QStringLiteral("Replace the output if it exists."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print the report as JSON."));
    for (const auto* option : {&board, &take, &out, &fps, &scale, &filter, &quality, &overwrite, &json})
        parser.addOption(*option);
    parser.addPositionalArgument(
        QStringLiteral("project"), QStringLiteral("The project folder."), QStringLiteral("PROJECT"));
    if (const auto exit = parseCommandLine(parser, QStringLiteral("render"), arguments, context))
        return *exit;
    if (parser.positionalArguments().size() != 1)
        return usageError(
            context, QStringLiteral("expected one project folder, got %1").arg(parser.positionalArguments().size()));
    if (!parser.isSet(out))
        return usageError(context, QStringLiteral("--out is required"));
    if (parser.isSet(board) && parser.isSet(take))
        return usageError(context, QStringLiteral("give --board or --take, not both"));

    ExportRequest base;
    base.outputPath = parser.value(out).toStdString();
    base.overwrite = parser.isSet(overwrite);
    OptionValues values(parser, QStringLiteral("render"), context);
    if (parser.isSet(fps))
        base.fps = values.number(fps, 0.001, 1000.0);
    base.scale = static_cast<int>(values.integer(scale, 1, 16));
    base.quality = static_cast<int>(values.integer(quality, 1, 100));
    const qint64 takeId = parser.isSet(take) ? values.identifier(take, QStringLiteral("a take")) : 0;
    if (!values.valid())
        return 2;
    static const std::map<QString, ExportRequest::ScaleFilter> filters {
        {QStringLiteral("nearest"), ExportRequest::ScaleFilter::Nearest},
        {QStringLiteral("bilinear"), ExportRequest::ScaleFilter::Bilinear},
        {QStringLiteral("bicubic"), ExportRequest::ScaleFilter::Bicubic},
        {QStringLiteral("lanczos"), ExportRequest::ScaleFilter::Lanczos}};
    const auto chosenFilter = filters.find(parser.value(filter).toLower());
    if (chosenFilter == filters.end())
        return usageError(context,
            QStringLiteral("--filter must be nearest, bilinear, bicubic or lanczos, got '%1'")
                .arg(parser.value(filter)));
    base.filter = chosenFilter->second;
    if (engine::exportFormatOf(base.outputPath) == ExportRequest::Format::Auto)
        return usageError(context,
            QStringLiteral("--out must be an .mp4, .webm or .gif file, or a folder / name_%04d.png for PNGs, got '%1'")
                .arg(parser.value(out)));

    projects::ProjectError projectError;
    const auto store = openForReading(parser.positionalArguments().first(), &projectError);
    if (!store) {
        context.err << "cosmos-cli render: " << projectError.message << "\n";
        if (!projectError.detail.isEmpty())
            context.logger->warn("render: {}", projectError.detail.toStdString());
        return 1;
    }
    QString error;
    std::optional<ExportRequest> request;
    if (parser.isSet(take)) {
        request = exportRequestForTake(*store, takeId, base, &error);
    } else if (parser.isSet(board)) {
        if (const auto boardId = findBoard(*store, parser.value(board), &error))
            request = exportRequestForBoard(*store, *boardId, base, &error);
    } else {
        request = exportRequestForTimeline(*store, base, &error);
    }
    if (!request) {
        context.err << "cosmos-cli render: " << error << "\n";
        return 1;
    }

    engine::CancelToken cancel;
    const InterruptGuard interrupt;
    const bool terminal = ::isatty(STDERR_FILENO) != 0;
    auto progress = [&](int done, int total) {
        if (g_interrupted)
            cancel.request(engine::CancelMode::StopNow);
        if (terminal)
            drawProgress(done, total);
    };
    engine::ExportReport report;
    try {
        report = engine::exportClips(*request, progress, &cancel);
        if (terminal)
            std::fprintf(stderr, "\n");
    } catch (const engine::JobCancelled&) {
        context.err << "\ncosmos-cli render: cancelled; nothing was written\n";
        return 130;
    }
    const QString output = QString::fromStdString(report.outputPath);
    const QString provenance = QString::fromStdString(report.provenancePath);
    context.logger->info("render wrote {} ({} frames)", report.outputPath, report.frames);
    if (parser.isSet(json)) {
        const QJsonObject object {{QStringLiteral("output"), output}, {QStringLiteral("provenance"), provenance},
            {QStringLiteral("frames"), report.frames}, {QStringLiteral("width"), report.width},
            {QStringLiteral("height"), report.height}, {QStringLiteral("fps"), report.fps},
            {QStringLiteral("clips"), static_cast<int>(request->clipPaths.size())},
            {QStringLiteral("layout"),
                request->layout == ExportRequest::Layout::Grid ? QStringLiteral("grid") : QStringLiteral("sequence")}};
        context.out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
        return 0;
    }
    context.out << "wrote " << QDir::toNativeSeparators(output) << " (" << report.frames << " frames, " << report.width
                << "x" << report.height << ", " << report.fps << " fps, " << static_cast<int>(request->clipPaths.size())
                << (request->clipPaths.size() == 1 ? " clip" : " clips")
                << (request->layout == ExportRequest::Layout::Grid ? " in a grid" : "") << ")\n"
                << "provenance: " << QDir::toNativeSeparators(provenance) << "\n";
    for (const std::string& note : report.notes)
        context.out << "note: " << QString::fromStdString(note) << "\n";
    return 0;
}

} // namespace cosmos::app::cli

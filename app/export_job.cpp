#include "app/export_job.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaObject>
#include <QPointer>
#include <QThreadPool>

#include "engine/errors.h"
#include "engine/runner/job_cancelled.h"
#include "widgets/board_labels.h"

namespace cosmos::app {
namespace {

using engine::ExportRequest;
using projects::ProjectStore;
using projects::TakeRecord;

constexpr int kMaxGridClips = 16;

// A take's clip as it goes into an export.
struct Clip {
    TakeRecord take;
    int segmentNumber = 0; // 1-based place on the timeline
    QString path; // absolute
    QString label; // grid cells only
};

bool fail(QString* error, const QString& message)
{
    if (error)
        *error = message;
    return false;
}

int segmentNumberOf(ProjectStore& store, qint64 segmentId)
{
    const auto segment = store.segment(segmentId);
    return segment ? segment->position + 1 : 0;
}

// Why a take has no clip, in the user's language.
QString whyNoClip(const projects::TakeRecord& take)
{
    switch (take.status) {
    case projects::TakeStatus::Queued: return ExportRunner::tr("Take %1 has no clip to export (it is still queued).");
    case projects::TakeStatus::Running: return ExportRunner::tr("Take %1 has no clip to export (it is still running).");
    case projects::TakeStatus::Done: return ExportRunner::tr("Take %1 has no clip to export (its clip is missing).");
    case projects::TakeStatus::Failed: return ExportRunner::tr("Take %1 has no clip to export (it failed).");
    case projects::TakeStatus::Cancelled: return ExportRunner::tr("Take %1 has no clip to export (it was cancelled).");
    case projects::TakeStatus::Interrupted:
        return ExportRunner::tr("Take %1 has no clip to export (it was interrupted).");
    }
    return ExportRunner::tr("Take %1 has no clip to export.");
}

// The take's clip, when it is finished and its file is there; else why not.
std::optional<Clip> clipOf(ProjectStore& store, const TakeRecord& take, QString* why)
{
    if (take.status != projects::TakeStatus::Done || take.clip.isNull()) {
        fail(why, whyNoClip(take).arg(take.id));
        return std::nullopt;
    }
    Clip clip;
    clip.take = take;
    clip.segmentNumber = segmentNumberOf(store, take.segmentId);
    clip.path = store.media().absolutePath(take.clip.path);
    if (!QFileInfo::exists(clip.path)) {
        fail(why, ExportRunner::tr("The clip of take %1 is missing: %2").arg(take.id).arg(clip.path));
        return std::nullopt;
    }
    return clip;
}

QString formatName(ExportRequest::Format format)
{
    switch (format) {
    case ExportRequest::Format::Mp4: return QStringLiteral("mp4");
    case ExportRequest::Format::WebM: return QStringLiteral("webm");
    case ExportRequest::Format::Gif: return QStringLiteral("gif");
    case ExportRequest::Format::PngSequence: return QStringLiteral("png_sequence");
    case ExportRequest::Format::Auto: break;
    }
    return QStringLiteral("unknown");
}

QString filterName(ExportRequest::ScaleFilter filter)
{
    switch (filter) {
    case ExportRequest::ScaleFilter::Nearest: return QStringLiteral("nearest");
    case ExportRequest::ScaleFilter::Bilinear: return QStringLiteral("bilinear");
    case ExportRequest::ScaleFilter::Bicubic: return QStringLiteral("bicubic");
    case ExportRequest::ScaleFilter::Lanczos: return QStringLiteral("lanczos");
    }
    return QStringLiteral("nearest");
}

// The request with its clips and the record of what was exported: the
// project, the settings, and each take's parameters and provenance, so that
// every clip in the file can be made again.
ExportRequest finish(ProjectStore& store, const ExportRequest& base, const QString& what, const QList<Clip>& clips,
    ExportRequest::Layout layout, QJsonObject extra)
{
    ExportRequest request = base;
    request.layout = layout;
    request.clipPaths.clear();
    request.cellLabels.clear();
    QJsonArray records;
    for (const Clip& clip : clips) {
        request.clipPaths.push_back(clip.path.toStdString());
        if (layout == ExportRequest::Layout::Grid)
            request.cellLabels.push_back(clip.label.toStdString());
        QJsonObject record {{QStringLiteral("take_id"), clip.take.id},
            {QStringLiteral("segment_id"), clip.take.segmentId}, {QStringLiteral("segment"), clip.segmentNumber},
            {QStringLiteral("clip"), clip.take.clip.path}, {QStringLiteral("clip_sha256"), clip.take.clip.sha256},
            {QStringLiteral("params"), clip.take.params}, {QStringLiteral("provenance"), clip.take.provenance}};
        if (!clip.label.isEmpty())
            record.insert(QStringLiteral("label"), clip.label);
        records.append(record);
    }
    const ExportRequest::Format format
        = base.format != ExportRequest::Format::Auto ? base.format : engine::exportFormatOf(base.outputPath);
    const QJsonObject settings {{QStringLiteral("format"), formatName(format)},
        {QStringLiteral("fps"), base.fps > 0 ? QJsonValue(base.fps) : QJsonValue(QStringLiteral("clips"))},
        {QStringLiteral("scale"), base.scale}, {QStringLiteral("filter"), filterName(base.filter)},
        {QStringLiteral("quality"), base.quality}};
    QJsonObject provenance {{QStringLiteral("kind"), QStringLiteral("cosmos_export")},
        {QStringLiteral("studio_version"), QStringLiteral(COSMOS_VERSION)},
        {QStringLiteral("exported_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
        {QStringLiteral("project"),
            QJsonObject {{QStringLiteral("name"), store.name()}, {QStringLiteral("folder"), store.folder()}}},
        {QStringLiteral("what"), what},
        {QStringLiteral("layout"),
            layout == ExportRequest::Layout::Grid ? QStringLiteral("grid") : QStringLiteral("sequence")},
        {QStringLiteral("settings"), settings}, {QStringLiteral("clips"), records}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        provenance.insert(it.key(), it.value());
    request.provenanceJson = QJsonDocument(provenance).toJson(QJsonDocument::Compact).toStdString();
    return request;
}

// What tells the board's takes apart, as short text for the grid's cells:
// the differing settings, then the prompt words the others lack.
void labelBoardCells(QList<Clip>& clips)
{
    QList<widgets::BoardCellInfo> cells;
    for (const Clip& clip : clips)
        cells.append({clip.take.id, clip.take.segmentId, clip.take.params});
    const QList<widgets::BoardCellLabel> labels = widgets::labelCells(cells);
    for (int i = 0; i < clips.size() && i < labels.size(); ++i) {
        QStringList parts = labels[i].differences;
        if (!labels[i].changedWords.isEmpty())
            parts << labels[i].changedWords.join(QLatin1Char(' '));
        clips[i].label
            = parts.isEmpty() ? ExportRunner::tr("take %1").arg(clips[i].take.id) : parts.join(QStringLiteral("  "));
    }
}

} // namespace

std::optional<ExportRequest> exportRequestForTake(
    ProjectStore& store, qint64 takeId, const ExportRequest& base, QString* error)
{
    const auto take = store.take(takeId);
    if (!take) {
        fail(error, ExportRunner::tr("There is no take %1 in this project.").arg(takeId));
        return std::nullopt;
    }
    const auto clip = clipOf(store, *take, error);
    if (!clip)
        return std::nullopt;
    return finish(store, base, QStringLiteral("take"), {*clip}, ExportRequest::Layout::Sequence, {});
}

std::optional<ExportRequest> exportRequestForTimeline(ProjectStore& store, const ExportRequest& base, QString* error)
{
    QList<Clip> clips;
    QJsonArray skipped;
    for (const projects::SegmentRecord& segment : store.segments()) {
        const qint64 takeId = store.selectedTakeId(segment.id);
        const auto take = takeId > 0 ? store.take(takeId) : std::nullopt;
        const auto clip = take ? clipOf(store, *take, nullptr) : std::nullopt;
        if (clip)
            clips.append(*clip);
        else
            skipped.append(segment.position + 1);
    }
    if (clips.isEmpty()) {
        fail(error, ExportRunner::tr("The timeline has no selected take with a clip to export."));
        return std::nullopt;
    }
    QJsonObject extra;
    if (!skipped.isEmpty())
        extra.insert(QStringLiteral("skipped_segments"), skipped);
    return finish(store, base, QStringLiteral("timeline"), clips, ExportRequest::Layout::Sequence, extra);
}

std::optional<ExportRequest> exportRequestForBoard(
    ProjectStore& store, qint64 boardId, const ExportRequest& base, QString* error)
{
    const auto board = store.board(boardId);
    if (!board) {
        fail(error, ExportRunner::tr("There is no board %1 in this project.").arg(boardId));
        return std::nullopt;
    }
    QList<Clip> clips;
    QJsonArray skipped;
    for (const qint64 takeId : board->takeIds) {
        const auto take = store.take(takeId);
        const auto clip = take ? clipOf(store, *take, nullptr) : std::nullopt;
        if (clip)
            clips.append(*clip);
        else
            skipped.append(takeId);
    }
    if (clips.isEmpty()) {
        fail(error, ExportRunner::tr("Board “%1” has no finished take to export.").arg(board->name));
        return std::nullopt;
    }
    if (clips.size() > kMaxGridClips) {
        fail(error,
            ExportRunner::tr("Board “%1” has %2 takes; a grid holds at most %3. Remove some from the board first.")
                .arg(board->name)
                .arg(clips.size())
                .arg(kMaxGridClips));
        return std::nullopt;
    }
    QJsonObject extra {{QStringLiteral("board"),
        QJsonObject {{QStringLiteral("id"), board->id}, {QStringLiteral("name"), board->name}}}};
    if (!skipped.isEmpty())
        extra.insert(QStringLiteral("skipped_takes"), skipped);
    if (clips.size() == 1)
        return finish(store, base, QStringLiteral("board"), clips, ExportRequest::Layout::Sequence, extra);
    labelBoardCells(clips);
    return finish(store, base, QStringLiteral("board"), clips, ExportRequest::Layout::Grid, extra);
}

std::optional<ExportRequest> exportRequestFor(
    ProjectStore& store, const widgets::ExportSettings& settings, QString* error)
{
    ExportRequest base;
    base.outputPath = settings.outputPath.toStdString();
    base.format = settings.format;
    base.fps = settings.fps;
    base.scale = settings.scale;
    base.filter = settings.filter;
    base.quality = settings.quality;
    base.overwrite = settings.overwrite;
    switch (settings.what.kind) {
    case widgets::ExportChoice::Kind::Take: return exportRequestForTake(store, settings.what.id, base, error);
    case widgets::ExportChoice::Kind::Timeline: return exportRequestForTimeline(store, base, error);
    case widgets::ExportChoice::Kind::Board: return exportRequestForBoard(store, settings.what.id, base, error);
    }
    return std::nullopt;
}

QList<widgets::ExportChoice> exportChoices(ProjectStore& store, qint64 currentTakeId)
{
    using Kind = widgets::ExportChoice::Kind;
    QList<widgets::ExportChoice> choices;
    if (currentTakeId > 0) {
        if (const auto take = store.take(currentTakeId); take && clipOf(store, *take, nullptr))
            choices.append({Kind::Take, take->id,
                ExportRunner::tr("Take %1 of segment %2").arg(take->id).arg(segmentNumberOf(store, take->segmentId))});
    }
    int segments = 0;
    for (const projects::SegmentRecord& segment : store.segments()) {
        const qint64 takeId = store.selectedTakeId(segment.id);
        const auto take = takeId > 0 ? store.take(takeId) : std::nullopt;
        if (take && clipOf(store, *take, nullptr))
            ++segments;
    }
    if (segments > 0)
        choices.append({Kind::Timeline, 0, ExportRunner::tr("Whole timeline (%n segment(s))", nullptr, segments)});
    for (const projects::BoardRecord& board : store.boards()) {
        int finished = 0;
        for (const qint64 takeId : board.takeIds) {
            const auto take = store.take(takeId);
            if (take && clipOf(store, *take, nullptr))
                ++finished;
        }
        if (finished > 0)
            choices.append({Kind::Board, board.id,
                ExportRunner::tr("Board “%1” (%n take(s))", nullptr, finished).arg(board.name)});
    }
    return choices;
}

// What the runner and its worker share: the worker may outlive the runner.
struct ExportRunner::Run {
    engine::CancelToken cancel;
};

ExportRunner::ExportRunner(QObject* parent) : QObject(parent) { }

ExportRunner::~ExportRunner()
{
    if (m_run)
        m_run->cancel.request(engine::CancelMode::StopNow);
}

bool ExportRunner::start(const engine::ExportRequest& request)
{
    if (m_running)
        return false;
    m_running = true;
    m_run = std::make_shared<Run>();
    QPointer<ExportRunner> self(this);
    auto run = m_run;
    // Posted to the application object, which outlives any runner; the
    // runner, if it still exists, hears of it on its own thread.
    auto post = [self](auto deliver) {
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, deliver] {
                if (ExportRunner* runner = self.data())
                    deliver(*runner);
            },
            Qt::QueuedConnection);
    };
    QThreadPool::globalInstance()->start([request, run, post] {
        auto progress = [&post](int done, int total) {
            post([done, total](ExportRunner& runner) { emit runner.progress(done, total); });
        };
        try {
            engine::ExportReport report = engine::exportClips(request, progress, &run->cancel);
            post([run, report](ExportRunner& runner) {
                if (runner.m_run != run)
                    return;
                runner.m_running = false;
                runner.m_lastReport = report;
                emit runner.finished(QString::fromStdString(report.outputPath));
            });
        } catch (const engine::JobCancelled&) {
            post([run](ExportRunner& runner) {
                if (runner.m_run != run)
                    return;
                runner.m_running = false;
                emit runner.cancelled();
            });
        } catch (const std::exception& error) {
            const QString message = QString::fromStdString(error.what());
            post([run, message](ExportRunner& runner) {
                if (runner.m_run != run)
                    return;
                runner.m_running = false;
                emit runner.failed(message);
            });
        } catch (...) {
            post([run](ExportRunner& runner) {
                if (runner.m_run != run)
                    return;
                runner.m_running = false;
                emit runner.failed(ExportRunner::tr("The export failed for an unknown reason."));
            });
        }
    });
    return true;
}

void ExportRunner::cancel()
{
    if (m_running && m_run)
        m_run->cancel.request(engine::CancelMode::StopNow);
}

} // namespace cosmos::app

#include "projects/take_recorder.h"

#include "projects/project_store.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>

namespace cosmos::projects {
namespace {

QString tr(const char* text)
{
    // lupdate files tr() calls in free functions under the namespace.
    return QCoreApplication::translate("cosmos::projects", text);
}

// The segment the take belongs to: an existing one, or one made now.
std::optional<qint64> segmentFor(ProjectStore& store, const TakeRequest& request, ProjectError* error)
{
    const QList<SegmentRecord> segments = store.segments();
    const int count = int(segments.size());
    const int number = request.segmentNumber > 0 ? request.segmentNumber : qMax(count, 1);
    if (number <= count)
        return segments[number - 1].id;
    if (number > count + 1) {
        *error = ProjectError::make(ProjectError::Code::InvalidArgument,
            tr("The project has %1 segments; a take can go into segment 1 to %2.").arg(count).arg(count + 1));
        return std::nullopt;
    }
    SegmentRecord segment = request.newSegment;
    segment.id = 0;
    segment.position = count;
    if (!request.conditioningFile.isEmpty()) {
        QString detail;
        const auto media = store.media().import(request.conditioningFile, QStringLiteral("assets"), &detail);
        const auto asset = media ? store.addAsset({0, assetKindFor(segment.conditioning),
                               QFileInfo(request.conditioningFile).fileName(), *media, {}})
                                 : std::nullopt;
        if (media && !asset)
            detail = store.lastError().detail;
        if (!asset) {
            *error = ProjectError::make(ProjectError::Code::Io,
                tr("Cannot keep %1 in the project: %2").arg(QDir::toNativeSeparators(request.conditioningFile), detail),
                detail);
            return std::nullopt;
        }
        segment.conditioningAssetId = *asset;
    }
    const std::optional<qint64> id = store.insertSegment(segment);
    if (!id)
        *error = store.lastError();
    return id;
}

} // namespace

std::optional<TakeRecord> startTake(ProjectStore& store, const TakeRequest& request, ProjectError* error)
{
    ProjectError ignored;
    ProjectError& out = error ? *error : ignored;
    out = {};
    TakeRecord take;
    take.params = request.params;
    take.status = TakeStatus::Running;
    take.createdAt = QDateTime::currentDateTimeUtc();
    take.startedAt = take.createdAt;
    // One transaction: a refused take leaves no new segment or asset behind.
    const bool added = store.transact([&] {
        const std::optional<qint64> segmentId = segmentFor(store, request, &out);
        if (!segmentId)
            return false;
        take.segmentId = *segmentId;
        const std::optional<qint64> id = store.addTake(take);
        if (!id) {
            out = store.lastError();
            return false;
        }
        take.id = *id;
        return true;
    });
    if (!added) {
        if (!out.isError())
            out = store.lastError();
        return std::nullopt;
    }
    return take;
}

bool finishTake(ProjectStore& store, TakeRecord& take, const QString& clipFile, const QString& latentFile,
    const QJsonObject& provenance, ProjectError* error, const QByteArray& thumbnailPng)
{
    ProjectError ignored;
    ProjectError& out = error ? *error : ignored;
    out = {};
    // Files before the row: a crash in between leaves an unreferenced file
    // (which a check lists), never a row without its file.
    QString detail;
    const auto clip = store.media().import(clipFile, QStringLiteral("clips"), &detail);
    const auto latents = !clip || latentFile.isEmpty()
        ? std::optional<MediaRef>(MediaRef {})
        : store.media().import(latentFile, QStringLiteral("latents"), &detail);
    if (!clip || !latents) {
        out = ProjectError::make(
            ProjectError::Code::Io, tr("Cannot copy the take into the project: %1").arg(detail), detail);
        abandonTake(store, take, TakeStatus::Failed, out.message);
        return false;
    }
    // A thumbnail is a convenience: without one the take still counts.
    std::optional<MediaRef> thumbnail;
    if (!thumbnailPng.isEmpty())
        thumbnail = store.media().write(thumbnailPng, QStringLiteral("thumbnails"), QStringLiteral("png"), &detail);
    TakeRecord done = take;
    if (thumbnail)
        done.thumbnail = *thumbnail;
    done.clip = *clip;
    done.latents = *latents;
    done.provenance = provenance;
    done.status = TakeStatus::Done;
    done.finishedAt = QDateTime::currentDateTimeUtc();
    done.durationMs = take.startedAt.msecsTo(done.finishedAt);
    const bool recorded = store.transact([&] {
        return store.updateTake(done)
            && (store.selectedTakeId(done.segmentId) != 0 || store.selectTake(done.segmentId, done.id));
    });
    if (!recorded) {
        out = store.lastError();
        return false;
    }
    done.selected = store.selectedTakeId(done.segmentId) == done.id;
    take = done;
    return true;
}

bool abandonTake(ProjectStore& store, TakeRecord& take, TakeStatus status, const QString& message)
{
    TakeRecord ended = take;
    ended.status = status;
    ended.error = message;
    ended.finishedAt = QDateTime::currentDateTimeUtc();
    ended.durationMs = take.startedAt.msecsTo(ended.finishedAt);
    if (!store.updateTake(ended))
        return false;
    take = ended;
    return true;
}

} // namespace cosmos::projects

#include "app/matrix_batch.h"

#include <QCoreApplication>
#include <climits>

#include "app/job_request.h"
#include "projects/project.h"

namespace cosmos::app {
namespace {

using projects::ChangeEvent;
using projects::MatrixCell;

const QString kPrompt = QStringLiteral("prompt");
const QString kSeed = QStringLiteral("seed");
const QString kGuidance = QStringLiteral("guidance");

QString tr(const char* text)
{
    // lupdate files tr() calls in free functions under the namespace.
    return QCoreApplication::translate("cosmos::app", text);
}

ChangeEvent boardsChanged(qint64 boardId)
{
    ChangeEvent event;
    event.type = ChangeEvent::Type::BoardsChanged;
    event.boardId = boardId;
    return event;
}

QJsonObject requestForCell(QJsonObject request, const MatrixCell& cell, qint64 boardId, int index)
{
    if (cell.hasPrompt())
        request.insert(kPrompt, cell.prompt);
    if (cell.hasSeed())
        request.insert(kSeed, cell.seed);
    if (cell.hasGuidance())
        request.insert(kGuidance, cell.guidance);
    request.insert(kMatrixBoardKey, boardId);
    request.insert(kMatrixCellKey, index);
    return request;
}

int cellOf(const QJsonObject& params)
{
    return params.value(kMatrixCellKey).toInt(INT_MAX);
}

} // namespace

std::optional<MatrixBatch> queueMatrix(projects::Project& project, qint64 segmentId, const projects::MatrixAxes& axes,
    const QString& boardName, QString* error)
{
    QString ignored;
    QString& message = error ? *error : ignored;
    message.clear();
    const QString invalid = projects::matrixError(axes);
    if (!invalid.isEmpty()) {
        message = invalid;
        return std::nullopt;
    }
    // Once for all cells: a segment without a fixed seed draws one here.
    const std::optional<QJsonObject> base = requestForSegment(project, segmentId, &message);
    if (!base)
        return std::nullopt;
    const QList<MatrixCell> cells = projects::matrixCells(axes);
    const QString name = boardName.trimmed().isEmpty() ? tr("Matrix") : boardName.trimmed();

    // The store directly, then one event each: a 256-cell batch refreshes
    // the queue's model once, not 256 times.
    projects::ProjectStore& store = project.store();
    MatrixBatch batch;
    const bool queued = store.transact([&] {
        const std::optional<qint64> board = store.addBoard(name);
        if (!board)
            return false;
        batch.boardId = *board;
        for (int i = 0; i < int(cells.size()); ++i) {
            projects::JobRecord job;
            job.state = projects::JobState::Pending;
            job.segmentId = segmentId;
            job.request = requestForCell(*base, cells[i], batch.boardId, i);
            const std::optional<qint64> id = store.enqueueJob(job);
            if (!id)
                return false;
            batch.jobIds << *id;
        }
        return true;
    });
    if (!queued) {
        message = tr("Cannot queue the prompt matrix: %1").arg(store.lastError().message);
        return std::nullopt;
    }
    project.notify(boardsChanged(batch.boardId));
    project.notify({ChangeEvent::Type::JobsChanged, segmentId, 0, 0});
    return batch;
}

bool isMatrixRequest(const QJsonObject& request)
{
    return request.value(kMatrixBoardKey).toInteger() > 0;
}

bool addMatrixTakeToBoard(projects::Project& project, const projects::TakeRecord& take)
{
    if (!isMatrixRequest(take.params))
        return false;
    const qint64 boardId = take.params.value(kMatrixBoardKey).toInteger();
    const int cell = cellOf(take.params);
    projects::ProjectStore& store = project.store();
    if (!store.board(boardId))
        return false;
    // The store only appends: takes of later cells that finished first (the
    // user reordered the queue) leave and come back behind this one.
    QList<qint64> later;
    for (const qint64 id : store.boardTakes(boardId)) {
        const std::optional<projects::TakeRecord> other = store.take(id);
        if (other && other->params.value(kMatrixBoardKey).toInteger() == boardId && cellOf(other->params) > cell)
            later << id;
    }
    const bool added = store.transact([&] {
        for (const qint64 id : std::as_const(later)) {
            if (!store.removeTakeFromBoard(boardId, id))
                return false;
        }
        if (!store.addTakeToBoard(boardId, take.id))
            return false;
        for (const qint64 id : std::as_const(later)) {
            if (!store.addTakeToBoard(boardId, id))
                return false;
        }
        return true;
    });
    if (added)
        project.notify(boardsChanged(boardId));
    return added;
}

} // namespace cosmos::app

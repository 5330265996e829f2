// A prompt matrix queued as one batch: a board, then one job per cell, each
// the segment's request with the cell's prompt, seed and guidance. The
// bridge runs them like any job; as each finishes, its take joins the board
// (addMatrixTakeToBoard), so the board fills while the batch runs.
//
//   QString error;
//   auto batch = queueMatrix(project, segmentId, dialog.axes().value(), dialog.boardName(), &error);
//   if (!batch) showError(error);
//
// The takes belong to the segment like any other: the segment's prompt is
// left as it was, and its selected take changes only if it had none.
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

#include "projects/prompt_matrix.h"

namespace cosmos::projects {
class Project;
struct TakeRecord;
} // namespace cosmos::projects

namespace cosmos::app {

// Request keys of a matrix job (kept in its take's params): the board its
// take joins, and its cell's index in the matrix (the board's order).
inline const QString kMatrixBoardKey = QStringLiteral("board_id");
inline const QString kMatrixCellKey = QStringLiteral("board_cell");

struct MatrixBatch {
    qint64 boardId = 0;
    QList<qint64> jobIds; // one per cell, in matrixCells() order
};

// Creates the board `boardName` and queues one job per cell, all in one
// transaction: on failure (unknown segment, invalid axes, a refused write)
// nothing is left behind and `error` says why. An axis left empty keeps the
// segment's value; a segment with no fixed seed gets one random seed for
// the whole batch, so that its cells differ only in what the matrix varies.
std::optional<MatrixBatch> queueMatrix(projects::Project& project, qint64 segmentId, const projects::MatrixAxes& axes,
    const QString& boardName, QString* error);

// True when `request` (a job's, or a take's params) belongs to a matrix.
bool isMatrixRequest(const QJsonObject& request);

// Puts a finished take of a matrix job on its board, in cell order even
// when the queue ran the cells out of order. False when it is no matrix
// take or its board is gone (the user removed it: nothing to fill).
bool addMatrixTakeToBoard(projects::Project& project, const projects::TakeRecord& take);

} // namespace cosmos::app

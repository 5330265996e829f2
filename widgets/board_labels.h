// What tells the takes of a comparison board apart: for each cell, its title,
// its prompt with the words the other prompts lack highlighted, and the
// settings (seed, guidance, model, ...) whose values are not the same in
// every cell. Settings that every cell shares are left out: the label says
// only what differs.
//
//   const auto labels = labelCells({{12, 3, take12.params}, {13, 3, take13.params}});
//   labels[0].differences;   // {"seed 1"}, labels[1].differences: {"seed 2"}
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace cosmos::widgets {

struct BoardCellInfo {
    qint64 takeId = 0;
    qint64 segmentId = 0;
    QJsonObject params; // projects::TakeRecord::params: prompt, seed, guidance, model, ...
};

struct BoardCellLabel {
    QString title; // "1 · Take 12": the cell's number (its key) and the take
    // The prompt as rich text: the words that are not in every cell's prompt
    // in a bold, coloured span (kBoardHighlightColour); everything escaped.
    QString html;
    QStringList changedWords; // the highlighted words, in prompt order (as typed)
    // Only the settings that differ among the cells, in a fixed order
    // (seed, guidance, model, steps, ...): "seed 42", "guidance 5", "model nano".
    QStringList differences;
};

// The highlight of the prompt words: a warm yellow that reads on the dark
// translucent label background.
inline constexpr const char* kBoardHighlightColour = "#ffc857";

QList<BoardCellLabel> labelCells(const QList<BoardCellInfo>& cells);

// The words of a prompt that are not part of the prompts' common words, one
// flag per whitespace-separated word (exposed for tests and the export grid).
QList<bool> changedWordFlags(const QStringList& words, const QStringList& commonWords);
// The words (normalised: lower case, outer punctuation dropped) that all the
// prompts share, in order.
QStringList commonPromptWords(const QList<QStringList>& prompts);

} // namespace cosmos::widgets

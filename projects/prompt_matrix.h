// A prompt matrix: prompt variants x seeds x guidance values, each cell one
// take to compare side by side on a board (issue #9).
//
//   QString error;
//   MatrixAxes axes;
//   axes.prompts = expandPromptTemplate("a {red|blue} ball {drops|bounces}", &error); // 4 prompts
//   axes.seeds = parseSeedList("1-3", &error).value_or(QList<qint64> {});          // 3 seeds
//   if (matrixError(axes).isEmpty())
//       for (const MatrixCell& cell : matrixCells(axes)) ...                       // 12 cells
//
// An empty axis means "the segment's own value" and counts as one, so that
// a matrix of seeds alone keeps the segment's prompt and guidance.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace cosmos::projects {

// More takes than this are refused as one batch: 256 nano takes are about
// an hour on a CPU, and a board of more cells cannot be compared anyway.
constexpr int kMaxMatrixCells = 256;
// Seeds are the engine's 32-bit seeds.
constexpr qint64 kMaxMatrixSeed = 4294967295LL;
// As the generation settings panel allows.
constexpr double kMaxMatrixGuidance = 20.0;
// MatrixCell values that stand for "the segment's own" (no override).
constexpr qint64 kSegmentSeed = -1;
constexpr double kSegmentGuidance = -1.0;

struct MatrixAxes {
    QStringList prompts;
    QList<qint64> seeds;
    QList<double> guidances;

    bool operator==(const MatrixAxes& other) const
    {
        return prompts == other.prompts && seeds == other.seeds && guidances == other.guidances;
    }
    bool operator!=(const MatrixAxes& other) const { return !(*this == other); }
};

struct MatrixCell {
    QString prompt; // empty: the segment's prompt
    qint64 seed = kSegmentSeed;
    double guidance = kSegmentGuidance;

    bool hasPrompt() const { return !prompt.isEmpty(); }
    bool hasSeed() const { return seed >= 0; }
    bool hasGuidance() const { return guidance >= 0; }
    bool operator==(const MatrixCell& other) const
    {
        return prompt == other.prompt && seed == other.seed && guidance == other.guidance;
    }
    bool operator!=(const MatrixCell& other) const { return !(*this == other); }
};

// One prompt per non-empty line; a line with groups of alternatives, "a
// {red|blue} ball {drops|is thrown upward}", stands for the product of its
// groups (the first group varies slowest). An alternative may be empty
// ("a {|big }ball": with and without the word); white space is simplified.
// Groups do not nest: a brace with no '|' before its '}', or with another
// brace inside, is literal text, so "{a|{b|c}}" reads as "{a|" + group +
// "}". Repeated prompts are kept once, in first order. More than
// kMaxMatrixCells prompts: an empty list and `error` says so.
QStringList expandPromptTemplate(const QString& text, QString* error = nullptr);

// "1, 2, 3", "1 2 3", "1-4" (inclusive) or a mix; empty text: no seeds (the
// segment's own). Fails with a message naming the bad entry: not a number,
// negative or above kMaxMatrixSeed, a backward range, a seed listed twice,
// more than kMaxMatrixCells seeds.
std::optional<QList<qint64>> parseSeedList(const QString& text, QString* error);

// "3, 5, 7" or "3 5 7" (a '.' decimal point); empty: none (the segment's
// own). Each from 0 to kMaxMatrixGuidance, none twice.
std::optional<QList<double>> parseGuidanceList(const QString& text, QString* error);

// The number of cells: the product of the axes, an empty axis counting as
// one; saturates at INT_MAX rather than overflowing.
int matrixSize(const MatrixAxes& axes);

// Why `axes` cannot be queued (too many cells, a blank prompt, a seed or
// guidance out of range); empty when it can.
QString matrixError(const MatrixAxes& axes);

// Every cell, prompt-major (prompt, then seed, then guidance): the order
// the takes are queued and shown on their board. Empty when matrixError()
// is not.
QList<MatrixCell> matrixCells(const MatrixAxes& axes);

} // namespace cosmos::projects

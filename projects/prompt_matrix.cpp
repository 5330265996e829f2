#include "projects/prompt_matrix.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>
#include <climits>

namespace cosmos::projects {
namespace {

QString tr(const char* text)
{
    // lupdate files tr() calls in free functions under the namespace.
    return QCoreApplication::translate("cosmos::projects", text);
}

QString tooManyCells(qint64 count)
{
    return tr("That makes %1 takes; at most %2 can be queued at once.").arg(count).arg(kMaxMatrixCells);
}

// a * b, saturating where it would pass any limit worth reporting.
qint64 times(qint64 a, qint64 b)
{
    constexpr qint64 kCap = qint64(INT_MAX);
    return a > kCap / qMax<qint64>(b, 1) ? kCap : a * b;
}

// A line as literal pieces and groups of alternatives: a literal is a group
// of one.
QList<QStringList> templateParts(const QString& line)
{
    QList<QStringList> parts;
    QString literal;
    int i = 0;
    while (i < line.size()) {
        const QChar c = line.at(i);
        if (c == QLatin1Char('{')) {
            int end = i + 1;
            while (end < line.size() && line.at(end) != QLatin1Char('{') && line.at(end) != QLatin1Char('}'))
                ++end;
            const QString inside = line.mid(i + 1, end - i - 1);
            if (end < line.size() && line.at(end) == QLatin1Char('}') && inside.contains(QLatin1Char('|'))) {
                parts << QStringList {literal};
                literal.clear();
                parts << inside.split(QLatin1Char('|'));
                i = end + 1;
                continue;
            }
        }
        literal += c;
        ++i;
    }
    parts << QStringList {literal};
    return parts;
}

QStringList expandParts(const QList<QStringList>& parts)
{
    QStringList results {QString()};
    for (const QStringList& choices : parts) {
        QStringList next;
        next.reserve(results.size() * choices.size());
        for (const QString& head : std::as_const(results)) {
            for (const QString& choice : choices)
                next << head + choice;
        }
        results = next;
    }
    return results;
}

// Commas and white space both separate entries; "1 - 4" is one range.
QStringList entriesOf(const QString& text)
{
    static const QRegularExpression spacedDash(QStringLiteral("\\s*-\\s*"));
    static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
    QString joined = text;
    joined.replace(spacedDash, QStringLiteral("-"));
    return joined.split(separators, Qt::SkipEmptyParts);
}

std::optional<qint64> seedOf(const QString& entry, QString* error)
{
    bool ok = false;
    const qint64 seed = entry.toLongLong(&ok);
    if (!ok) {
        *error = tr("\"%1\" is not a seed: write numbers like 1, 2, 3 or a range like 1-4.").arg(entry);
        return std::nullopt;
    }
    if (seed < 0 || seed > kMaxMatrixSeed) {
        *error = tr("Seed %1 is out of range: seeds go from 0 to %2.").arg(seed).arg(kMaxMatrixSeed);
        return std::nullopt;
    }
    return seed;
}

} // namespace

QStringList expandPromptTemplate(const QString& text, QString* error)
{
    QStringList prompts;
    QSet<QString> seen;
    for (const QString& rawLine : text.split(QLatin1Char('\n'))) {
        const QString line = rawLine.trimmed();
        if (line.isEmpty())
            continue;
        const QList<QStringList> parts = templateParts(line);
        qint64 count = 1;
        for (const QStringList& choices : parts)
            count = times(count, choices.size());
        // Refused before expanding: "{a|b}" ten times over is 1024 prompts.
        if (count + prompts.size() > kMaxMatrixCells) {
            if (error)
                *error = tr("The prompts make more than %1 variants.").arg(kMaxMatrixCells);
            return {};
        }
        for (const QString& expanded : expandParts(parts)) {
            const QString prompt = expanded.simplified();
            if (!prompt.isEmpty() && !seen.contains(prompt)) {
                seen.insert(prompt);
                prompts << prompt;
            }
        }
    }
    return prompts;
}

std::optional<QList<qint64>> parseSeedList(const QString& text, QString* error)
{
    QString ignored;
    QString& message = error ? *error : ignored;
    QList<qint64> seeds;
    QSet<qint64> seen;
    const auto add = [&](qint64 seed) {
        if (seen.contains(seed)) {
            message = tr("Seed %1 is listed twice.").arg(seed);
            return false;
        }
        if (seeds.size() >= kMaxMatrixCells) {
            message = tr("More than %1 seeds.").arg(kMaxMatrixCells);
            return false;
        }
        seen.insert(seed);
        seeds << seed;
        return true;
    };
    for (const QString& entry : entriesOf(text)) {
        const int dash = int(entry.indexOf(QLatin1Char('-')));
        if (dash <= 0) { // a leading '-' is a negative number, refused as such
            const std::optional<qint64> seed = seedOf(entry, &message);
            if (!seed || !add(*seed))
                return std::nullopt;
            continue;
        }
        const std::optional<qint64> first = seedOf(entry.left(dash), &message);
        const std::optional<qint64> last = first ? seedOf(entry.mid(dash + 1), &message) : std::nullopt;
        if (!first || !last)
            return std::nullopt;
        if (*last < *first) {
            message = tr("The range %1 goes backwards: write the smaller seed first.").arg(entry);
            return std::nullopt;
        }
        // Checked before the loop so that "0-4000000000" does not spin.
        if (*last - *first + 1 + seeds.size() > kMaxMatrixCells) {
            message = tr("More than %1 seeds.").arg(kMaxMatrixCells);
            return std::nullopt;
        }
        for (qint64 seed = *first; seed <= *last; ++seed) {
            if (!add(seed))
                return std::nullopt;
        }
    }
    return seeds;
}

std::optional<QList<double>> parseGuidanceList(const QString& text, QString* error)
{
    static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
    QString ignored;
    QString& message = error ? *error : ignored;
    QList<double> values;
    for (const QString& entry : text.split(separators, Qt::SkipEmptyParts)) {
        bool ok = false;
        const double value = entry.toDouble(&ok);
        if (!ok) {
            message = tr("\"%1\" is not a guidance value: write numbers like 3, 5, 7.").arg(entry);
            return std::nullopt;
        }
        if (value < 0 || value > kMaxMatrixGuidance) {
            message = tr("Guidance %1 is out of range: it goes from 0 to %2.").arg(entry).arg(kMaxMatrixGuidance);
            return std::nullopt;
        }
        if (values.contains(value)) {
            message = tr("Guidance %1 is listed twice.").arg(entry);
            return std::nullopt;
        }
        if (values.size() >= kMaxMatrixCells) {
            message = tr("More than %1 guidance values.").arg(kMaxMatrixCells);
            return std::nullopt;
        }
        values << value;
    }
    return values;
}

int matrixSize(const MatrixAxes& axes)
{
    qint64 size = 1;
    for (const qsizetype count : {axes.prompts.size(), axes.seeds.size(), axes.guidances.size()})
        size = times(size, qMax<qint64>(count, 1));
    return int(size);
}

QString matrixError(const MatrixAxes& axes)
{
    for (const QString& prompt : axes.prompts) {
        if (prompt.trimmed().isEmpty())
            return tr("A prompt is blank.");
    }
    for (const qint64 seed : axes.seeds) {
        if (seed < 0 || seed > kMaxMatrixSeed)
            return tr("Seed %1 is out of range: seeds go from 0 to %2.").arg(seed).arg(kMaxMatrixSeed);
    }
    for (const double guidance : axes.guidances) {
        if (!(guidance >= 0 && guidance <= kMaxMatrixGuidance)) // NaN too
            return tr("Guidance %1 is out of range: it goes from 0 to %2.").arg(guidance).arg(kMaxMatrixGuidance);
    }
    const int size = matrixSize(axes);
    if (size > kMaxMatrixCells)
        return tooManyCells(size);
    return {};
}

QList<MatrixCell> matrixCells(const MatrixAxes& axes)
{
    if (!matrixError(axes).isEmpty())
        return {};
    // An empty axis is one cell with the segment's own value.
    const QStringList prompts = axes.prompts.isEmpty() ? QStringList {QString()} : axes.prompts;
    const QList<qint64> seeds = axes.seeds.isEmpty() ? QList<qint64> {kSegmentSeed} : axes.seeds;
    const QList<double> guidances = axes.guidances.isEmpty() ? QList<double> {kSegmentGuidance} : axes.guidances;
    QList<MatrixCell> cells;
    cells.reserve(prompts.size() * seeds.size() * guidances.size());
    for (const QString& prompt : prompts) {
        for (const qint64 seed : seeds) {
            for (const double guidance : guidances)
                cells << MatrixCell {prompt, seed, guidance};
        }
    }
    return cells;
}

} // namespace cosmos::projects

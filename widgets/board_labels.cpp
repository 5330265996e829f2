#include "widgets/board_labels.h"

#include <algorithm>
#include <vector>

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonValue>
#include <QRegularExpression>

namespace cosmos::widgets {
namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("cosmos::widgets::BoardLabels", text);
}

const QString kPrompt = QStringLiteral("prompt");

// The settings worth naming first, in the order a reader scans them; any
// other differing key follows in alphabetical order.
const QStringList kPreferredOrder = {QStringLiteral("seed"), QStringLiteral("guidance"), QStringLiteral("model"),
    QStringLiteral("steps"), QStringLiteral("sampler"), QStringLiteral("shift"), QStringLiteral("frames"),
    QStringLiteral("resolution"), QStringLiteral("scale"), QStringLiteral("negative_prompt"), QStringLiteral("mode")};

// Bookkeeping that says nothing about how a take looks.
const QStringList kIgnored = {QStringLiteral("segment_id"), QStringLiteral("job_id"), QStringLiteral("created_at")};

QStringList splitWords(const QString& prompt)
{
    return prompt.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
}

// "Ball," and "ball" are the same word for the comparison; the text shown keeps what was typed.
QString normalised(const QString& word)
{
    static const QRegularExpression outerPunctuation(
        QStringLiteral("^[^\\w]+|[^\\w]+$"), QRegularExpression::UseUnicodePropertiesOption);
    QString plain = word.toLower();
    plain.remove(outerPunctuation);
    return plain.isEmpty() ? word : plain;
}

QStringList normalisedWords(const QStringList& words)
{
    QStringList out;
    out.reserve(words.size());
    for (const auto& word : words)
        out << normalised(word);
    return out;
}

// The longest common subsequence of two word lists, as index pairs.
std::vector<std::pair<int, int>> lcsPairs(const QStringList& a, const QStringList& b)
{
    const auto n = static_cast<std::size_t>(a.size());
    const auto m = static_cast<std::size_t>(b.size());
    std::vector<std::vector<int>> length(n + 1, std::vector<int>(m + 1, 0));
    for (std::size_t i = n; i-- > 0;)
        for (std::size_t j = m; j-- > 0;)
            length[i][j] = a[static_cast<int>(i)] == b[static_cast<int>(j)]
                ? length[i + 1][j + 1] + 1
                : std::max(length[i + 1][j], length[i][j + 1]);
    std::vector<std::pair<int, int>> pairs;
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < n && j < m) {
        if (a[static_cast<int>(i)] == b[static_cast<int>(j)]) {
            pairs.emplace_back(static_cast<int>(i), static_cast<int>(j));
            ++i;
            ++j;
        } else if (length[i + 1][j] >= length[i][j + 1]) {
            ++i;
        } else {
            ++j;
        }
    }
    return pairs;
}

QString valueText(const QString& key, const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Null: return tr("none");
    case QJsonValue::Undefined: return tr("default"); // not in this take's record: the model's default
    case QJsonValue::Bool: return value.toBool() ? tr("on") : tr("off");
    case QJsonValue::Double: return QString::number(value.toDouble(), 'g', 6);
    case QJsonValue::String: {
        QString text = value.toString();
        // A model given as a folder: its name says enough.
        if (key == QLatin1String("model") && text.contains(QLatin1Char('/')))
            text = QFileInfo(text).fileName();
        if (text.isEmpty())
            return tr("none");
        constexpr int kLongest = 40;
        return text.size() > kLongest ? text.left(kLongest - 1) + QChar(0x2026) : text;
    }
    case QJsonValue::Array: {
        QStringList parts;
        for (const auto& item : value.toArray())
            parts << valueText(key, item);
        return parts.join(QLatin1Char('x'));
    }
    case QJsonValue::Object: return tr("(settings)");
    }
    return {};
}

QString keyText(const QString& key)
{
    if (key == QLatin1String("negative_prompt"))
        return tr("negative");
    QString text = key;
    return text.replace(QLatin1Char('_'), QLatin1Char(' '));
}

// Keys whose values are not the same in every cell (a missing key counts as a value).
QStringList differingKeys(const QList<BoardCellInfo>& cells)
{
    QStringList keys;
    for (const auto& cell : cells)
        for (auto it = cell.params.begin(); it != cell.params.end(); ++it)
            if (it.key() != kPrompt && !kIgnored.contains(it.key()) && !keys.contains(it.key()))
                keys << it.key();
    QStringList differing;
    for (const auto& key : keys) {
        const QJsonValue first = cells.front().params.value(key);
        const bool same = std::all_of(
            cells.begin(), cells.end(), [&](const BoardCellInfo& cell) { return cell.params.value(key) == first; });
        if (!same)
            differing << key;
    }
    std::sort(differing.begin(), differing.end(), [](const QString& a, const QString& b) {
        const auto rank = [](const QString& key) {
            const auto at = kPreferredOrder.indexOf(key);
            return at < 0 ? kPreferredOrder.size() : at;
        };
        return rank(a) != rank(b) ? rank(a) < rank(b) : a < b;
    });
    return differing;
}

} // namespace

// The common words are a longest common subsequence of all the prompts,
// folded one prompt at a time (LCS(LCS(p0, p1), p2) ...). That is not always
// the longest subsequence common to all of them, but it is one, it keeps word
// order (so "red" moving from the start to the end of a prompt counts as a
// change, which it is for the model), and it costs a few microseconds for
// prompts of tens of words. A word of a prompt is then unchanged when it is
// matched in that prompt's own LCS against the common words.
QStringList commonPromptWords(const QList<QStringList>& prompts)
{
    if (prompts.isEmpty())
        return {};
    QStringList common = normalisedWords(prompts.front());
    for (int i = 1; i < prompts.size(); ++i) {
        const QStringList words = normalisedWords(prompts[i]);
        QStringList next;
        for (const auto& [a, b] : lcsPairs(common, words))
            next << common[a];
        common = next;
    }
    return common;
}

QList<bool> changedWordFlags(const QStringList& words, const QStringList& commonWords)
{
    QList<bool> changed(words.size(), true);
    for (const auto& [a, b] : lcsPairs(normalisedWords(words), commonWords))
        changed[a] = false;
    return changed;
}

QList<BoardCellLabel> labelCells(const QList<BoardCellInfo>& cells)
{
    QList<BoardCellLabel> labels;
    if (cells.isEmpty())
        return labels;

    QList<QStringList> prompts;
    for (const auto& cell : cells)
        prompts << splitWords(cell.params.value(kPrompt).toString());
    const QStringList common = commonPromptWords(prompts);
    const QStringList keys = differingKeys(cells);

    for (int c = 0; c < cells.size(); ++c) {
        const auto& cell = cells[c];
        BoardCellLabel label;
        label.title = cell.takeId > 0 ? tr("%1 · Take %2").arg(c + 1).arg(cell.takeId) : QString::number(c + 1);

        const QStringList& words = prompts[c];
        const QList<bool> changed = changedWordFlags(words, common);
        QStringList parts;
        for (int w = 0; w < words.size(); ++w) {
            const QString escaped = words[w].toHtmlEscaped();
            if (changed[w]) {
                label.changedWords << words[w];
                parts << QStringLiteral("<span style=\"color:%1; font-weight:bold\">%2</span>")
                             .arg(QLatin1String(kBoardHighlightColour), escaped);
            } else {
                parts << escaped;
            }
        }
        label.html = words.isEmpty() ? QStringLiteral("<i>%1</i>").arg(tr("no prompt").toHtmlEscaped())
                                     : parts.join(QLatin1Char(' '));

        for (const auto& key : keys)
            label.differences << tr("%1 %2").arg(keyText(key), valueText(key, cell.params.value(key)));
        labels << label;
    }
    return labels;
}

} // namespace cosmos::widgets

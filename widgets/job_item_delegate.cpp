#include "widgets/job_item_delegate.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>
#include <cmath>

namespace cosmos::widgets {
namespace {

constexpr int kPadding = 8;
constexpr int kChipWidth = 92;
constexpr int kBarHeight = 6;

bool hasProgress(const QModelIndex& index)
{
    return index.data(projects::JobsModel::StateRole).toString() == QLatin1String("running")
        && index.data(JobItemDelegate::StepsRole).toInt() > 0;
}

bool hasError(const QModelIndex& index)
{
    return !index.data(projects::JobsModel::ErrorRole).toString().isEmpty();
}

QFont smaller(QFont font)
{
    font.setPointSizeF(font.pointSizeF() * 0.9);
    return font;
}

} // namespace

JobItemDelegate::JobItemDelegate(QObject* parent) : QStyledItemDelegate(parent) { }

QColor JobItemDelegate::stateColour(const QString& state)
{
    if (state == QLatin1String("running"))
        return QColor(0x2d, 0x7f, 0xf9);
    if (state == QLatin1String("paused"))
        return QColor(0xc8, 0x96, 0x00);
    if (state == QLatin1String("done"))
        return QColor(0x2e, 0x9d, 0x5b);
    if (state == QLatin1String("failed"))
        return QColor(0xd6, 0x45, 0x45);
    if (state == QLatin1String("interrupted"))
        return QColor(0xe0, 0x7b, 0x24);
    if (state == QLatin1String("cancelled"))
        return QColor(0x8a, 0x8a, 0x8a);
    return QColor(0x6b, 0x7a, 0x8f); // pending
}

QString JobItemDelegate::stateText(const QString& state)
{
    if (state == QLatin1String("pending"))
        return tr("Pending");
    if (state == QLatin1String("running"))
        return tr("Running");
    if (state == QLatin1String("paused"))
        return tr("Paused");
    if (state == QLatin1String("done"))
        return tr("Done");
    if (state == QLatin1String("failed"))
        return tr("Failed");
    if (state == QLatin1String("cancelled"))
        return tr("Cancelled");
    if (state == QLatin1String("interrupted"))
        return tr("Interrupted");
    return state;
}

QString JobItemDelegate::phaseText(const QString& phase)
{
    if (phase == QLatin1String("text"))
        return tr("encoding the prompt");
    if (phase == QLatin1String("conditioning"))
        return tr("encoding the conditioning");
    if (phase == QLatin1String("sampling"))
        return tr("sampling");
    if (phase == QLatin1String("decoding"))
        return tr("decoding");
    return phase; // a phase this build does not know yet: its engine word
}

QString JobItemDelegate::etaText(double seconds)
{
    if (!(seconds >= 0) || !std::isfinite(seconds))
        return {};
    const qint64 total = qint64(std::ceil(seconds));
    const qint64 hours = total / 3600;
    const qint64 minutes = (total % 3600) / 60;
    const qint64 rest = total % 60;
    const QString clock = hours > 0
        ? QStringLiteral("%1:%2:%3").arg(hours).arg(minutes, 2, 10, QLatin1Char('0')).arg(rest, 2, 10, QLatin1Char('0'))
        : QStringLiteral("%1:%2").arg(minutes).arg(rest, 2, 10, QLatin1Char('0'));
    return tr("%1 left").arg(clock);
}

QString JobItemDelegate::progressText(int step, int steps, double etaSeconds, const QString& phase)
{
    QStringList parts {tr("Step %1/%2").arg(step).arg(steps)};
    if (!phase.isEmpty())
        parts << phaseText(phase);
    const QString eta = etaText(etaSeconds);
    if (!eta.isEmpty())
        parts << eta;
    return parts.join(QStringLiteral(" · "));
}

QSize JobItemDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    const QFontMetrics main(option.font);
    const QFontMetrics small(smaller(option.font));
    int height = kPadding * 2 + main.height() + 2 + small.height();
    if (hasProgress(index))
        height += 6 + std::max(kBarHeight, small.height());
    else if (hasError(index))
        height += 4 + small.height();
    return {200, height};
}

void JobItemDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &background, painter, widget);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const bool selected = option.state & QStyle::State_Selected;
    const QPalette& palette = option.palette;
    const QColor text = palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    QColor muted = text;
    muted.setAlphaF(0.65);

    const QRect area = option.rect.adjusted(kPadding, kPadding, -kPadding, -kPadding);
    const QFont mainFont = option.font;
    const QFont smallFont = smaller(option.font);
    const QFontMetrics main(mainFont);
    const QFontMetrics small(smallFont);

    // The state chip: its colour says the state at a glance, its word says
    // it without relying on colour.
    const QString state = index.data(projects::JobsModel::StateRole).toString();
    const QColor colour = stateColour(state);
    const QRect chip(area.left(), area.top() + 1, kChipWidth, main.height() + 2);
    QColor fill = colour;
    fill.setAlphaF(selected ? 0.85 : 0.16);
    painter->setPen(QPen(colour, 1.0));
    painter->setBrush(fill);
    painter->drawRoundedRect(QRectF(chip).adjusted(0.5, 0.5, -0.5, -0.5), chip.height() / 2.0, chip.height() / 2.0);
    QFont chipFont = smallFont;
    chipFont.setBold(true);
    painter->setFont(chipFont);
    painter->setPen(selected ? QColor(Qt::white) : colour.darker(115));
    painter->drawText(chip, Qt::AlignCenter, stateText(state));

    // The prompt and the settings line beside the chip.
    const int left = chip.right() + kPadding + 2;
    const int width = area.right() - left;
    QString prompt = index.data(PromptRole).toString().simplified();
    painter->setFont(mainFont);
    painter->setPen(prompt.isEmpty() ? muted : text);
    if (prompt.isEmpty())
        prompt = tr("(no prompt)");
    const QRect promptRect(left, area.top(), width, main.height());
    painter->drawText(promptRect, Qt::AlignLeft | Qt::AlignVCenter, main.elidedText(prompt, Qt::ElideRight, width));

    int y = promptRect.bottom() + 3;
    painter->setFont(smallFont);
    painter->setPen(muted);
    const QString summary = index.data(SummaryRole).toString();
    painter->drawText(QRect(left, y, width, small.height()), Qt::AlignLeft | Qt::AlignVCenter,
        small.elidedText(summary, Qt::ElideRight, width));
    y += small.height() + 6;

    if (hasProgress(index)) {
        const int step = index.data(StepRole).toInt();
        const int steps = index.data(StepsRole).toInt();
        const QString label
            = progressText(step, steps, index.data(EtaRole).toDouble(), index.data(PhaseRole).toString());
        // The words matter more than the bar's length: the bar gets what is left.
        const int labelWidth = std::min(small.horizontalAdvance(label) + 4, width - 60);
        const QRect labelRect(area.right() - labelWidth, y, labelWidth, small.height());
        const int barWidth = std::max(20, width - labelWidth - kPadding);
        const QRectF bar(left, y + (small.height() - kBarHeight) / 2.0, barWidth, kBarHeight);
        QColor track = text;
        track.setAlphaF(0.15);
        painter->setPen(Qt::NoPen);
        painter->setBrush(track);
        painter->drawRoundedRect(bar, kBarHeight / 2.0, kBarHeight / 2.0);
        const double fraction = std::clamp(double(step) / std::max(1, steps), 0.0, 1.0);
        if (fraction > 0) {
            painter->setBrush(selected ? QColor(Qt::white) : colour);
            painter->drawRoundedRect(
                QRectF(bar.left(), bar.top(), std::max(double(kBarHeight), bar.width() * fraction), bar.height()),
                kBarHeight / 2.0, kBarHeight / 2.0);
        }
        painter->setPen(text);
        painter->drawText(
            labelRect, Qt::AlignRight | Qt::AlignVCenter, small.elidedText(label, Qt::ElideRight, labelRect.width()));
    } else if (hasError(index)) {
        const QString error = index.data(projects::JobsModel::ErrorRole).toString().simplified();
        painter->setPen(selected ? text : stateColour(QStringLiteral("failed")));
        painter->drawText(QRect(left, y - 2, width, small.height()), Qt::AlignLeft | Qt::AlignVCenter,
            small.elidedText(error, Qt::ElideRight, width));
    }
    painter->restore();
}

JobQueueModel::JobQueueModel(QObject* parent) : QIdentityProxyModel(parent)
{
    // Connected before any view: the cache is gone before a view asks.
    connect(this, &QAbstractItemModel::modelReset, this, [this] { m_cache.clear(); });
    connect(this, &QAbstractItemModel::layoutChanged, this, [this] { m_cache.clear(); });
    connect(this, &QAbstractItemModel::dataChanged, this, [this] { m_cache.clear(); });
    connect(this, &QAbstractItemModel::rowsInserted, this, [this] { m_cache.clear(); });
    connect(this, &QAbstractItemModel::rowsRemoved, this, [this] { m_cache.clear(); });
}

void JobQueueModel::setProject(projects::Project* project)
{
    m_project = project;
    m_cache.clear();
    setSourceModel(project ? &project->jobsModel() : nullptr);
}

void JobQueueModel::invalidate()
{
    m_cache.clear();
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, 0));
}

void JobQueueModel::setLive(qint64 jobId, int step, int steps, double etaSeconds, const QString& phase)
{
    const qint64 before = m_live.jobId;
    m_live = {jobId, step, steps, etaSeconds, phase};
    for (const qint64 id : {before, jobId}) {
        const int row = rowOf(id);
        if (id && row >= 0)
            emit dataChanged(index(row, 0), index(row, 0));
    }
}

int JobQueueModel::rowOf(qint64 jobId) const
{
    for (int row = 0; row < rowCount(); ++row) {
        if (jobIdAt(row) == jobId)
            return row;
    }
    return -1;
}

QVariant JobQueueModel::data(const QModelIndex& index, int role) const
{
    using projects::JobsModel;
    if (!index.isValid())
        return {};
    const qint64 jobId = QIdentityProxyModel::data(index, JobsModel::IdRole).toLongLong();
    const bool live = jobId == m_live.jobId;
    switch (role) {
    case JobItemDelegate::PromptRole: return info(jobId).prompt;
    case JobItemDelegate::SummaryRole: return info(jobId).summary;
    case JobItemDelegate::StepRole: return live ? QVariant(m_live.step) : QVariant();
    case JobItemDelegate::StepsRole: return live ? QVariant(m_live.steps) : QVariant();
    case JobItemDelegate::EtaRole: return live ? QVariant(m_live.etaSeconds) : QVariant();
    case JobItemDelegate::PhaseRole: return live ? QVariant(m_live.phase) : QVariant();
    case Qt::DisplayRole: // what accessibility and keyboard search read
        return QStringLiteral("%1: %2").arg(
            JobItemDelegate::stateText(QIdentityProxyModel::data(index, JobsModel::StateRole).toString()),
            info(jobId).prompt);
    case Qt::ToolTipRole: {
        const Info& job = info(jobId);
        QStringList lines {job.prompt, job.details, QIdentityProxyModel::data(index, JobsModel::ErrorRole).toString()};
        lines.removeAll(QString());
        return lines.join(QStringLiteral("\n\n"));
    }
    default: return QIdentityProxyModel::data(index, role);
    }
}

Qt::ItemFlags JobQueueModel::flags(const QModelIndex& index) const
{
    return QIdentityProxyModel::flags(index) & ~Qt::ItemIsEditable;
}

const JobQueueModel::Info& JobQueueModel::info(qint64 jobId) const
{
    auto found = m_cache.find(jobId);
    if (found == m_cache.end())
        found = m_cache.insert(jobId, read(jobId));
    return *found;
}

JobQueueModel::Info JobQueueModel::read(qint64 jobId) const
{
    Info result;
    projects::Project* project = m_project.data();
    if (!project)
        return result;
    const std::optional<projects::JobRecord> job = project->store().job(jobId);
    if (!job)
        return result;
    const QJsonObject& request = job->request;
    const auto has = [&](const char* key) { return request.contains(QLatin1String(key)); };
    const auto value = [&](const char* key) { return request.value(QLatin1String(key)); };
    result.prompt = value("prompt").toString();
    const std::optional<projects::SegmentRecord> segment
        = job->segmentId ? project->store().segment(job->segmentId) : std::nullopt;
    QStringList parts {segment ? JobItemDelegate::tr("Segment %1").arg(segment->position + 1)
                               : JobItemDelegate::tr("Segment removed")};
    if (has("frames"))
        parts << JobItemDelegate::tr("%1 frames").arg(value("frames").toInt());
    if (has("steps"))
        parts << JobItemDelegate::tr("%1 steps").arg(value("steps").toInt());
    if (has("seed"))
        parts << JobItemDelegate::tr("seed %1").arg(value("seed").toInteger());
    result.summary = parts.join(QStringLiteral(" · "));
    QStringList details;
    if (has("model"))
        details << JobItemDelegate::tr("Model: %1").arg(value("model").toString());
    if (has("guidance"))
        details << JobItemDelegate::tr("Guidance: %1").arg(value("guidance").toDouble());
    if (!value("negative_prompt").toString().isEmpty())
        details << JobItemDelegate::tr("Negative prompt: %1").arg(value("negative_prompt").toString());
    result.details = details.join(QLatin1Char('\n'));
    return result;
}

} // namespace cosmos::widgets

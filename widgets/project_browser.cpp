#include "widgets/project_browser.h"

#include <QHeaderView>
#include <QLabel>
#include <QScopedValueRollback>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "projects/project.h"
#include "widgets/project_browser_items.h"

namespace cosmos::widgets {
using namespace browser_items;
namespace {

QString statusWord(projects::TakeStatus status)
{
    switch (status) {
    case projects::TakeStatus::Queued: return ProjectBrowser::tr("queued");
    case projects::TakeStatus::Running: return ProjectBrowser::tr("running");
    case projects::TakeStatus::Done: return ProjectBrowser::tr("done");
    case projects::TakeStatus::Failed: return ProjectBrowser::tr("failed");
    case projects::TakeStatus::Cancelled: return ProjectBrowser::tr("cancelled");
    case projects::TakeStatus::Interrupted: return ProjectBrowser::tr("interrupted");
    }
    return {};
}

QString conditioningWord(projects::Conditioning conditioning)
{
    switch (conditioning) {
    case projects::Conditioning::Text: return ProjectBrowser::tr("text");
    case projects::Conditioning::Image: return ProjectBrowser::tr("image");
    case projects::Conditioning::Video: return ProjectBrowser::tr("video");
    case projects::Conditioning::Continue: return ProjectBrowser::tr("continue");
    }
    return {};
}

} // namespace

ProjectBrowser::ProjectBrowser(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("ProjectBrowser"));
    m_title = new QLabel(this);
    m_title->setWordWrap(true);
    m_tree = new QTreeWidget(this);
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Item"), tr("Details")});
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->setUniformRowHeights(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_title);
    layout->addWidget(m_tree);

    connect(m_tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) { onItemActivated(item); });
    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        updateBoardActions();
        if (item && item->data(0, kKindRole).toInt() == SegmentItem)
            emit segmentSelected(item->data(0, kIdRole).toLongLong());
        else if (item && item->data(0, kKindRole).toInt() == TakeItem)
            emit segmentSelected(item->data(0, kSegmentRole).toLongLong());
    });
    createBoardActions();
    rebuild();
}

void ProjectBrowser::setProject(projects::Project* project)
{
    if (m_project)
        disconnect(m_project, nullptr, this, nullptr);
    m_project = project;
    if (m_project)
        connect(m_project, &projects::Project::changed, this, &ProjectBrowser::onChanged);
    rebuild();
}

void ProjectBrowser::onChanged(const projects::ChangeEvent&)
{
    // Projects hold tens of segments, not thousands: rebuilding is simpler
    // than patching and never shows a stale row.
    rebuild();
}

void ProjectBrowser::rebuild()
{
    QList<qint64> expanded;
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        const QTreeWidgetItem* top = m_tree->topLevelItem(i);
        for (int j = 0; j < top->childCount(); ++j)
            if (top->child(j)->isExpanded())
                expanded.append(top->child(j)->data(0, kIdRole).toLongLong());
    }
    const QScopedValueRollback<bool> rebuilding(m_rebuilding, true);
    m_tree->clear();
    if (!m_project) {
        m_title->setText(tr("No project open."));
        return;
    }
    auto& store = m_project->store();
    m_title->setText(tr("<b>%1</b>").arg(store.name().toHtmlEscaped()));

    auto* segments = new QTreeWidgetItem(m_tree, {tr("Timeline")});
    for (const projects::SegmentRecord& segment : store.segments()) {
        const QList<projects::TakeRecord> takes = store.takes(segment.id);
        auto* item = new QTreeWidgetItem(segments,
            {tr("%1. %2").arg(segment.position + 1).arg(segment.prompt.isEmpty() ? tr("(no prompt)") : segment.prompt),
                tr("%1 · %n take(s)", nullptr, int(takes.size())).arg(conditioningWord(segment.conditioning))});
        item->setData(0, kKindRole, SegmentItem);
        item->setData(0, kIdRole, segment.id);
        item->setToolTip(0, segment.prompt);
        if (segment.stale)
            item->setText(1, item->text(1) + tr(" · stale"));
        for (const projects::TakeRecord& take : takes) {
            const QString seed = take.params.value(QStringLiteral("seed")).toVariant().toString();
            auto* takeItem = new QTreeWidgetItem(item,
                {tr("Take %1%2").arg(take.id).arg(take.selected ? tr(" (selected)") : QString()),
                    tr("seed %1 · %2").arg(seed, statusWord(take.status))});
            takeItem->setData(0, kKindRole, TakeItem);
            takeItem->setData(0, kIdRole, take.id);
            takeItem->setData(0, kSegmentRole, segment.id);
            if (!take.error.isEmpty())
                takeItem->setToolTip(1, take.error);
        }
        item->setExpanded(expanded.contains(segment.id));
    }
    segments->setExpanded(true);

    auto* boards = new QTreeWidgetItem(m_tree, {tr("Comparison boards")});
    for (const projects::BoardRecord& board : store.boards()) {
        auto* item = new QTreeWidgetItem(boards, {board.name, tr("%n take(s)", nullptr, int(board.takeIds.size()))});
        item->setData(0, kKindRole, BoardItem);
        item->setData(0, kIdRole, board.id);
        item->setFlags(item->flags() | Qt::ItemIsEditable); // F2 renames it
        // The dock is narrow: the whole name, and what a double-click does.
        item->setToolTip(0, tr("%1\nDouble-click to show it in the Board tab").arg(board.name));
    }
    boards->setExpanded(true);
}

void ProjectBrowser::onItemActivated(QTreeWidgetItem* item)
{
    if (!item)
        return;
    switch (item->data(0, kKindRole).toInt()) {
    case TakeItem:
        emit takeActivated(item->data(0, kSegmentRole).toLongLong(), item->data(0, kIdRole).toLongLong());
        break;
    case BoardItem: emit boardActivated(item->data(0, kIdRole).toLongLong()); break;
    default: break;
    }
}

} // namespace cosmos::widgets

#include "widgets/board_panel.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

#include "widgets/board_view.h"
#include "widgets/clock_transport.h"
#include "widgets/playback_clock.h"

namespace cosmos::widgets {

namespace {
constexpr int kNumberedCells = 9; // keys 1..9
} // namespace

BoardPanel::BoardPanel(QWidget* parent) : QWidget(parent)
{
    m_clock = new PlaybackClock(this);
    m_view = new BoardView(this);
    m_transport = new ClockTransport(m_clock, this);

    m_labels = new QAction(tr("Labels"), this);
    m_labels->setCheckable(true);
    m_labels->setChecked(m_view->labelsVisible());
    m_labels->setShortcut(Qt::Key_I);
    m_labels->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_labels->setToolTip(
        ClockTransport::withShortcut(tr("Show what differs between the takes over each cell"), m_labels->shortcut()));
    m_smooth = new QAction(tr("Smooth"), this);
    m_smooth->setCheckable(true);
    m_smooth->setChecked(m_view->smoothScaling());
    m_smooth->setShortcut(Qt::Key_S);
    m_smooth->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_smooth->setToolTip(ClockTransport::withShortcut(
        tr("Smooth scaling, else sharp pixels (nearest neighbour)"), m_smooth->shortcut()));
    m_transport->addTrailingAction(m_labels);
    m_transport->addTrailingAction(m_smooth);
    addActions(m_transport->playerActions()); // their shortcuts live while the focus is in the panel

    // 1..9 choose a cell, as a click does.
    for (int i = 0; i < kNumberedCells; ++i) {
        auto* choose = new QAction(tr("Use Take %1 of the Board").arg(i + 1), this);
        choose->setShortcut(QKeySequence(Qt::Key_1 + i));
        choose->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(choose, &QAction::triggered, this, [this, i] { chooseCell(i); });
        addAction(choose);
    }

    m_title = new QLabel(this);
    m_title->setTextFormat(Qt::PlainText);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_info = new QLabel(this);
    m_info->setTextFormat(Qt::PlainText);
    m_info->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_info->setToolTip(tr("Click a take (or press its number) to use it in its segment"));

    auto* header = new QHBoxLayout;
    header->setContentsMargins(6, 4, 6, 2);
    header->addWidget(m_title, 1);
    header->addWidget(m_info);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(header);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_transport);

    connect(m_clock, &PlaybackClock::positionChanged, m_view, &BoardView::showFrame);
    connect(m_clock, &PlaybackClock::fpsChanged, this, &BoardPanel::showInfo);
    connect(m_view, &BoardView::cellClicked, this, &BoardPanel::chooseCell);
    connect(m_labels, &QAction::toggled, m_view, &BoardView::setLabelsVisible);
    connect(m_smooth, &QAction::toggled, m_view, &BoardView::setSmoothScaling);
    connect(m_view, &BoardView::labelsVisibleChanged, m_labels, &QAction::setChecked);
    connect(m_view, &BoardView::smoothScalingChanged, m_smooth, &QAction::setChecked);
    clear();
}

void BoardPanel::setBoard(
    const QList<engine::PreviewPtr>& clips, const QList<BoardCellInfo>& cells, double fps, const QString& title)
{
    m_cells = cells;
    m_titleText = title;
    m_view->setClips(clips);
    m_view->setLabels(labelCells(cells));
    m_clock->pause();
    m_clock->setFrameCount(m_view->frameCount());
    m_clock->setFps(fps);
    m_clock->setLoop(true);
    m_clock->seek(0);
    m_view->showFrame(0); // seek(0) is silent when the playhead was there already
    m_title->setText(title.isEmpty() ? tr("Comparison board") : title);
    showInfo();
    m_clock->play();
}

void BoardPanel::clear()
{
    m_clock->pause();
    m_clock->setFrameCount(0);
    m_view->setClips({});
    m_view->setLabels({});
    m_cells.clear();
    m_titleText.clear();
    m_title->setText(tr("Comparison board"));
    showInfo();
}

QString BoardPanel::titleText() const
{
    return m_title->text();
}

QList<QAction*> BoardPanel::playerActions() const
{
    return m_transport->playerActions();
}

void BoardPanel::chooseCell(int index)
{
    if (index < 0 || index >= m_cells.size() || index >= m_view->cellCount() || !m_view->clips().at(index))
        return;
    const auto& cell = m_cells[index];
    emit takeChosen(cell.segmentId, cell.takeId);
}

void BoardPanel::showInfo()
{
    const int cells = m_view->cellCount();
    if (cells == 0) {
        m_info->clear();
        return;
    }
    m_info->setText(
        tr("%1 takes · %2 frames · %3 fps").arg(cells).arg(m_clock->frameCount()).arg(m_clock->fps(), 0, 'g', 3));
}

} // namespace cosmos::widgets

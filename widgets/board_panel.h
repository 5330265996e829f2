// A comparison board on screen: a title line, the BoardView with its labels,
// and a transport, all on ONE PlaybackClock, so every take plays, pauses,
// scrubs, steps and loops together. Clicking a cell (or pressing its number,
// 1 to 9) asks for that take to be used in its segment: the app does it
// through the project (an undoable command); the panel only says which.
//
//   panel->setBoard(clips, cells, 16, tr("Board: red vs blue"));
//   connect(panel, &BoardPanel::takeChosen, app, &App::selectTake);
#pragma once

#include <QList>
#include <QString>
#include <QWidget>

#include "engine/runner/job.h"
#include "widgets/board_labels.h"

class QAction;
class QLabel;

namespace cosmos::widgets {

class BoardView;
class ClockTransport;
class PlaybackClock;

class BoardPanel : public QWidget {
    Q_OBJECT
public:
    explicit BoardPanel(QWidget* parent = nullptr);

    // clips[i] is the take cells[i] (null: not rendered, shown as missing).
    // Labels come from labelCells(cells). Plays from the first frame at fps,
    // looping, as long as the longest clip. Empty clips clear the board.
    void setBoard(
        const QList<engine::PreviewPtr>& clips, const QList<BoardCellInfo>& cells, double fps, const QString& title);
    void clear();

    QList<BoardCellInfo> cells() const { return m_cells; }
    QString titleText() const;

    PlaybackClock* clock() const { return m_clock; }
    BoardView* view() const { return m_view; }
    ClockTransport* transport() const { return m_transport; }
    // Transport actions, then Labels (I) and Smooth (S); their shortcuts work
    // while the focus is in the panel. For a View menu.
    QList<QAction*> playerActions() const;
    QAction* labelsAction() const { return m_labels; }
    QAction* smoothAction() const { return m_smooth; }

signals:
    // A cell was clicked or its number pressed: use this take in this segment.
    void takeChosen(qint64 segmentId, qint64 takeId);

private:
    void chooseCell(int index);
    void showInfo();

    PlaybackClock* m_clock = nullptr;
    BoardView* m_view = nullptr;
    ClockTransport* m_transport = nullptr;
    QLabel* m_title = nullptr;
    QLabel* m_info = nullptr;
    QAction* m_labels = nullptr;
    QAction* m_smooth = nullptr;
    QList<BoardCellInfo> m_cells;
    QString m_titleText;
};

} // namespace cosmos::widgets

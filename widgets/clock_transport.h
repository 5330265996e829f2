// The transport of a player that is not one PreviewView (the comparison board,
// the A/B view): play/pause, frame steps, first/last, a scrub slider, the
// frame number, fps and loop, all on one PlaybackClock. PlayerBar is the same
// for the single preview, plus its zoom actions, which need a PreviewView.
//
// The actions carry the shortcuts (Space, Left, Right, Home, End, L) with
// Qt::WidgetWithChildrenShortcut: add them to the widget whose focus should
// enable them, and to menus. Panels append their own buttons with addTrailingAction.
#pragma once

#include <QList>
#include <QWidget>

class QAction;
class QDoubleSpinBox;
class QHBoxLayout;
class QKeySequence;
class QLabel;
class QSlider;

namespace cosmos::widgets {

class PlaybackClock;

class ClockTransport : public QWidget {
    Q_OBJECT
public:
    explicit ClockTransport(PlaybackClock* clock, QWidget* parent = nullptr);

    // Play/pause, previous, next, first, last, loop, then the trailing ones.
    QList<QAction*> playerActions() const;
    QAction* playAction() const { return m_play; }
    QAction* stepBackwardAction() const { return m_stepBackward; }
    QAction* stepForwardAction() const { return m_stepForward; }
    QAction* toStartAction() const { return m_toStart; }
    QAction* toEndAction() const { return m_toEnd; }
    QAction* loopAction() const { return m_loop; }

    QSlider* slider() const { return m_slider; }
    QLabel* frameLabel() const { return m_frameLabel; }
    QDoubleSpinBox* fpsBox() const { return m_fps; }

    // A tool button at the right end of the bar (a panel's own toggles).
    void addTrailingAction(QAction* action);

    // "Tip (Shortcut)", the tooltip form of every player action.
    static QString withShortcut(const QString& tip, const QKeySequence& shortcut);

private:
    QAction* makeAction(const QString& text, const QKeySequence& shortcut, const QString& tip);
    void addButton(QAction* action);
    void showPlaying(bool playing);
    void showPosition(int frame);
    void showFrameCount(int frames);

    PlaybackClock* m_clock = nullptr;
    QHBoxLayout* m_layout = nullptr;

    QAction* m_play = nullptr;
    QAction* m_stepBackward = nullptr;
    QAction* m_stepForward = nullptr;
    QAction* m_toStart = nullptr;
    QAction* m_toEnd = nullptr;
    QAction* m_loop = nullptr;
    QList<QAction*> m_trailing;

    QSlider* m_slider = nullptr;
    QLabel* m_frameLabel = nullptr;
    QDoubleSpinBox* m_fps = nullptr;
    bool m_resumeAfterScrub = false;
};

} // namespace cosmos::widgets

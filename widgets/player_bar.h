// The controls under a preview: play/pause, frame steps, a scrub slider, the
// frame number, fps, loop, 1:1 zoom and smooth scaling. It drives a
// PlaybackClock and a PreviewView and follows both, so changes made elsewhere
// (a menu, another view sharing the clock) show here too.
//
// The actions carry the shortcuts (Space, Left, Right, Home, End, L, Z, S) with
// Qt::WidgetWithChildrenShortcut: add them to the widget whose focus should
// enable them (PreviewPanel adds them to itself), and to menus.
#pragma once

#include <QList>
#include <QWidget>

class QAction;
class QDoubleSpinBox;
class QLabel;
class QSlider;

namespace cosmos::widgets {

class PlaybackClock;
class PreviewView;

class PlayerBar : public QWidget {
    Q_OBJECT
public:
    PlayerBar(PlaybackClock* clock, PreviewView* view, QWidget* parent = nullptr);

    // In menu order: play/pause, previous, next, first, last, loop, 1:1, smooth.
    QList<QAction*> playerActions() const;
    QAction* playAction() const { return m_play; }
    QAction* stepBackwardAction() const { return m_stepBackward; }
    QAction* stepForwardAction() const { return m_stepForward; }
    QAction* toStartAction() const { return m_toStart; }
    QAction* toEndAction() const { return m_toEnd; }
    QAction* loopAction() const { return m_loop; }
    QAction* actualSizeAction() const { return m_actualSize; }
    QAction* smoothAction() const { return m_smooth; }

    QSlider* slider() const { return m_slider; }
    QLabel* frameLabel() const { return m_frameLabel; }
    QDoubleSpinBox* fpsBox() const { return m_fps; }

private:
    QAction* makeAction(const QString& text, const QKeySequence& shortcut, const QString& tip);
    void showPlaying(bool playing);
    void showPosition(int frame);
    void showFrameCount(int frames);

    PlaybackClock* m_clock = nullptr;
    PreviewView* m_view = nullptr;

    QAction* m_play = nullptr;
    QAction* m_stepBackward = nullptr;
    QAction* m_stepForward = nullptr;
    QAction* m_toStart = nullptr;
    QAction* m_toEnd = nullptr;
    QAction* m_loop = nullptr;
    QAction* m_actualSize = nullptr;
    QAction* m_smooth = nullptr;

    QSlider* m_slider = nullptr;
    QLabel* m_frameLabel = nullptr;
    QDoubleSpinBox* m_fps = nullptr;
    bool m_resumeAfterScrub = false;
};

} // namespace cosmos::widgets

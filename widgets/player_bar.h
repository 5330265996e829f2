// The controls under a preview: ClockTransport (play/pause, frame steps, a
// scrub slider, the frame number, fps, loop) plus 1:1 zoom and smooth
// scaling. It drives a PlaybackClock and a PreviewView and follows both, so
// changes made elsewhere (a menu, another view sharing the clock) show here too.
//
// The actions carry the shortcuts (Space, Left, Right, Home, End, L, Z, S) with
// Qt::WidgetWithChildrenShortcut: add them to the widget whose focus should
// enable them (PreviewPanel adds them to itself), and to menus.
#pragma once

#include <QList>
#include <QWidget>

class QAction;
class QDoubleSpinBox;
class QKeySequence;
class QLabel;
class QSlider;

namespace cosmos::widgets {

class ClockTransport;
class PlaybackClock;
class PreviewView;

class PlayerBar : public QWidget {
    Q_OBJECT
public:
    PlayerBar(PlaybackClock* clock, PreviewView* view, QWidget* parent = nullptr);

    // In menu order: play/pause, previous, next, first, last, loop, 1:1, smooth.
    QList<QAction*> playerActions() const;
    QAction* playAction() const;
    QAction* stepBackwardAction() const;
    QAction* stepForwardAction() const;
    QAction* toStartAction() const;
    QAction* toEndAction() const;
    QAction* loopAction() const;
    QAction* actualSizeAction() const { return m_actualSize; }
    QAction* smoothAction() const { return m_smooth; }

    QSlider* slider() const;
    QLabel* frameLabel() const;
    QDoubleSpinBox* fpsBox() const;

private:
    QAction* makeAction(const QString& text, const QKeySequence& shortcut, const QString& tip);

    ClockTransport* m_transport = nullptr;
    PreviewView* m_view = nullptr;
    QAction* m_actualSize = nullptr;
    QAction* m_smooth = nullptr;
};

} // namespace cosmos::widgets

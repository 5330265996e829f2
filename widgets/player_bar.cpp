#include "widgets/player_bar.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>

#include "widgets/clock_transport.h"
#include "widgets/playback_clock.h"
#include "widgets/preview_view.h"

namespace cosmos::widgets {

PlayerBar::PlayerBar(PlaybackClock* clock, PreviewView* view, QWidget* parent) : QWidget(parent), m_view(view)
{
    m_transport = new ClockTransport(clock, this);
    // One clip here, not a board of them.
    m_transport->slider()->setToolTip(tr("Drag to scrub through the clip"));
    m_transport->frameLabel()->setToolTip(tr("Frame shown / frames in the clip"));

    m_actualSize = makeAction(tr("1:1"), Qt::Key_Z, tr("Actual size: one clip pixel per screen pixel, else fit"));
    m_actualSize->setCheckable(true);
    m_smooth = makeAction(tr("Smooth"), Qt::Key_S, tr("Smooth scaling, else sharp pixels (nearest neighbour)"));
    m_smooth->setCheckable(true);
    m_transport->addTrailingAction(m_actualSize);
    m_transport->addTrailingAction(m_smooth);

    // The transport keeps its own margins: the bar looks as it did on its own.
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_transport);

    connect(m_actualSize, &QAction::toggled, m_view,
        [this](bool actual) { m_view->setZoom(actual ? PreviewView::Zoom::Actual : PreviewView::Zoom::Fit); });
    connect(m_smooth, &QAction::toggled, m_view, &PreviewView::setSmoothScaling);
    connect(m_view, &PreviewView::zoomChanged, m_actualSize,
        [this](PreviewView::Zoom zoom) { m_actualSize->setChecked(zoom == PreviewView::Zoom::Actual); });
    connect(m_view, &PreviewView::smoothScalingChanged, m_smooth, &QAction::setChecked);

    m_actualSize->setChecked(m_view->zoom() == PreviewView::Zoom::Actual);
    m_smooth->setChecked(m_view->smoothScaling());
}

QList<QAction*> PlayerBar::playerActions() const
{
    return m_transport->playerActions();
}
QAction* PlayerBar::playAction() const
{
    return m_transport->playAction();
}
QAction* PlayerBar::stepBackwardAction() const
{
    return m_transport->stepBackwardAction();
}
QAction* PlayerBar::stepForwardAction() const
{
    return m_transport->stepForwardAction();
}
QAction* PlayerBar::toStartAction() const
{
    return m_transport->toStartAction();
}
QAction* PlayerBar::toEndAction() const
{
    return m_transport->toEndAction();
}
QAction* PlayerBar::loopAction() const
{
    return m_transport->loopAction();
}
QSlider* PlayerBar::slider() const
{
    return m_transport->slider();
}
QLabel* PlayerBar::frameLabel() const
{
    return m_transport->frameLabel();
}
QDoubleSpinBox* PlayerBar::fpsBox() const
{
    return m_transport->fpsBox();
}

QAction* PlayerBar::makeAction(const QString& text, const QKeySequence& shortcut, const QString& tip)
{
    auto* action = new QAction(text, this);
    action->setShortcut(shortcut);
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    action->setToolTip(ClockTransport::withShortcut(tip, shortcut));
    return action;
}

} // namespace cosmos::widgets

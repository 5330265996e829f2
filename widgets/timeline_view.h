// The timeline along the bottom of the studio window: one clip per segment,
// as long as its frames, with the selected take's thumbnail, prompt,
// duration, mode and take stack; a ruler with the playhead; zoom and scroll.
// Every edit goes through the Project, so every edit can be undone.
//
//   auto* timeline = new TimelineView(window);
//   timeline->setProject(project);
//   editMenu->addActions(timeline->editActions());
//   connect(timeline, &TimelineView::segmentSelected, inspector, &Inspector::showSegment);
//
// Mouse: click a clip to select it, drag it to reorder, double-click to
// play it; click or drag on the ruler to move the playhead; wheel to
// scroll, Ctrl+wheel to zoom; drop an image or a video on a clip to make it
// Image2World / Video2World (on the empty track: a new segment).
// Keys: Left/Right select, Home/End first/last, Return plays, and the
// shortcuts of editActions().
#pragma once

#include <QAbstractScrollArea>
#include <QList>
#include <QPointer>

#include "widgets/timeline_items.h"
#include "widgets/timeline_layout.h"
#include "widgets/timeline_painter.h"

class QMimeData;

namespace cosmos::projects {
class Project;
struct ChangeEvent;
} // namespace cosmos::projects

namespace cosmos::widgets {

class TakeStackPopup;
class TimelineActions;

class TimelineView : public QAbstractScrollArea {
    Q_OBJECT
public:
    explicit TimelineView(QWidget* parent = nullptr);
    ~TimelineView() override;

    // Null shows an empty timeline. The view restores and keeps the
    // project's UI state (selection, zoom, playhead).
    void setProject(projects::Project* project);
    projects::Project* project() const;

    qint64 selectedSegment() const { return m_selected; }
    // 0 clears the selection; an unknown id is ignored.
    void selectSegment(qint64 segmentId);

    // In frames from the start of the timeline (clamped to its length).
    int playhead() const { return m_playhead; }
    void setPlayhead(int frame);

    double zoom() const { return m_layout.pixelsPerFrame(); }
    void setZoom(double pixelsPerFrame); // clamped to the layout's limits

    // Add, insert, delete, duplicate, move left/right, zoom in/out/fit, in
    // menu order with separators; enabled as the selection allows.
    QList<QAction*> editActions() const;
    TimelineActions* actions() const { return m_actions; }

    // The timeline as shown, and where its parts are (viewport coordinates;
    // null rects for unknown segments or parts too small to show).
    QList<qint64> segmentIds() const;
    QRect clipRect(qint64 segmentId) const;
    QRect takeBadgeRect(qint64 segmentId) const;
    // The regenerate (stale) or generate (no take) button.
    QRect actionButtonRect(qint64 segmentId) const;
    int startFrameOf(qint64 segmentId) const; // -1: unknown
    int totalFrames() const;
    // The take stack popup while it is open, else null.
    TakeStackPopup* takeStackPopup() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

public slots:
    void zoomIn();
    void zoomOut();
    void zoomToFit();
    void showTakeStack(qint64 segmentId);

signals:
    void segmentSelected(qint64 segmentId); // 0: none
    void regenerateRequested(qint64 segmentId); // a stale segment's button
    // A segment with no take yet: its button, double-click or Return.
    void generateRequested(qint64 segmentId);
    // The user moved the playhead (ruler click or drag); not emitted for
    // setPlayhead(), so a player can drive the view without an echo.
    void playheadMoved(int frame);
    void takeActivated(qint64 segmentId, qint64 takeId); // double-click, Return: play it
    void errorOccurred(const QString& message);

protected:
    bool viewportEvent(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void scrollContentsBy(int dx, int dy) override;
    void changeEvent(QEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dragLeaveEvent(QDragLeaveEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    enum class Part { None, Body, TakeBadge, ActionButton };
    struct Hit {
        int index = -1;
        Part part = Part::None;
    };

    // Reads the store again and keeps the selection on a segment that exists.
    void refresh();
    void onProjectChanged(const projects::ChangeEvent& event);
    void relayout();
    void updateActions();
    void saveUiState();
    int indexOf(qint64 segmentId) const;
    const TimelineItem* itemOf(qint64 segmentId) const;
    Hit hitAt(const QPoint& pos) const;
    void setZoomAround(double pixelsPerFrame, double anchorX);
    double zoomAnchorX() const;
    QString toolTipAt(const QPoint& pos) const;
    void ensureVisible(int index);
    void activate(int index);
    void movePlayheadTo(int x);

    // Edits (timeline_view_edits.cpp).
    void addSegment();
    void insertSegment();
    void deleteSegment();
    void duplicateSegment();
    void moveSelected(int delta);
    void finishDrag(int gap);
    bool isEditable() const { return editableProject() != nullptr; }
    // The project when it can be changed (open, not read-only), else null.
    projects::Project* editableProject() const;
    // Files dropped (timeline_view_edits.cpp): the first image or video.
    QString droppableFile(const QMimeData* mime) const;
    void dropFile(const QString& file, int index);

    QPointer<projects::Project> m_project;
    TimelineActions* m_actions = nullptr;
    QList<TimelineItem> m_items;
    TimelineLayout m_layout;
    ThumbnailCache m_thumbnails;
    qint64 m_selected = 0;
    int m_selectedRow = -1; // where the selection was, for when it goes
    int m_playhead = 0;
    QPointer<TakeStackPopup> m_popup;

    // Mouse state.
    enum class Press { None, Ruler, Clip };
    Press m_press = Press::None;
    QPoint m_pressPos;
    int m_pressIndex = -1;
    bool m_dragging = false; // a clip is being reordered
    int m_dragGap = -1;
    int m_dragX = 0; // the mouse, while dragging
    Hit m_hover;
    // A file dragged over the view.
    int m_dropIndex = -1; // the clip under it; count(): the empty track
    QString m_dropHint;
};

} // namespace cosmos::widgets

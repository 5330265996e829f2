// The timeline, driven as a user would: shortcuts, clicks, a real mouse drag,
// the take stack popup, the regenerate button and a dropped file; every edit
// checked in the store and undone.
#include <QBuffer>
#include <QDropEvent>
#include <QListWidget>
#include <QMimeData>
#include <QPainter>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include "projects/asset_import.h"
#include "projects/project.h"
#include "widgets/take_stack_popup.h"
#include "widgets/timeline_actions.h"
#include "widgets/timeline_view.h"

using namespace cosmos;
using namespace cosmos::widgets;
using projects::Conditioning;

class TestTimelineView : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<projects::Project> makeProject()
    {
        projects::ProjectError error;
        auto store = projects::ProjectStore::create(m_root.filePath(QString("p%1").arg(m_count++)), "p", &error);
        if (!store)
            qFatal("%s", qPrintable(error.message));
        return std::make_unique<projects::Project>(std::move(store));
    }

    // A shown view on `project`, with keyboard focus in an active window.
    std::unique_ptr<TimelineView> makeView(projects::Project& project)
    {
        auto view = std::make_unique<TimelineView>();
        view->resize(1100, view->sizeHint().height());
        view->setProject(&project);
        view->show();
        view->activateWindow();
        view->setFocus();
        if (!QTest::qWaitForWindowActive(view.get()))
            qWarning("the window did not become active");
        return view;
    }

    static qint64 addSegment(projects::Project& project, const QString& prompt,
        Conditioning conditioning = Conditioning::Text, int frames = 0)
    {
        projects::SegmentRecord segment;
        segment.prompt = prompt;
        segment.conditioning = conditioning;
        segment.position = 1000; // append
        if (frames > 0)
            segment.settings.insert("frames", frames);
        return project.addSegment(segment);
    }

    // A picture with something in it, so that thumbnails look like frames.
    static QImage picture(const QColor& sky, const QColor& ground, int seed)
    {
        QImage image(160, 90, QImage::Format_RGB32);
        QPainter painter(&image);
        QLinearGradient gradient(0, 0, 0, 90);
        gradient.setColorAt(0, sky.lighter(130));
        gradient.setColorAt(0.6, sky);
        gradient.setColorAt(0.61, ground);
        gradient.setColorAt(1, ground.darker(150));
        painter.fillRect(image.rect(), gradient);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(255, 240, 200));
        painter.drawEllipse(QPointF(30 + seed * 23 % 100, 25), 10, 10);
        painter.setBrush(ground.darker(170));
        painter.drawRect(60 + seed * 11 % 60, 40, 22, 20);
        return image;
    }

    static projects::MediaRef writeThumbnail(projects::Project& project, const QImage& image)
    {
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "PNG");
        QString error;
        return project.store().media().write(bytes, "thumbnails", "png", &error).value_or(projects::MediaRef {});
    }

    // A finished take of `frames` frames at 16 fps, with a thumbnail.
    static qint64 addTake(
        projects::Project& project, qint64 segmentId, int seed, const QImage& thumbnail, int frames = 33)
    {
        projects::TakeRecord take;
        take.segmentId = segmentId;
        take.status = projects::TakeStatus::Done;
        take.params = {{"seed", seed}, {"frames", frames}};
        take.provenance = {{"frames", frames}, {"fps", 16}};
        take.thumbnail = writeThumbnail(project, thumbnail);
        take.durationMs = 2400;
        take.createdAt = QDateTime::currentDateTimeUtc();
        return project.addTake(take).value_or(0);
    }

    static QString prompts(projects::Project& project)
    {
        QStringList list;
        for (const projects::SegmentRecord& segment : project.store().segments())
            list << segment.prompt;
        return list.join(",");
    }

    static QList<qint64> storeOrder(projects::Project& project)
    {
        QList<qint64> ids;
        for (const projects::SegmentRecord& segment : project.store().segments())
            ids << segment.id;
        return ids;
    }

    // A point on a clip away from its buttons.
    static QPoint body(const QRect& clip) { return {clip.left() + 10, clip.top() + TimelineLayout::kBarHeight + 6}; }

    // A real drag: press, several moves with the button held, release.
    static void drag(QWidget* widget, QPoint from, QPoint to)
    {
        QTest::mousePress(widget, Qt::LeftButton, {}, from);
        const int steps = 8;
        for (int step = 1; step <= steps; ++step)
            QTest::mouseMove(widget, from + (to - from) * step / steps);
        QTest::mouseRelease(widget, Qt::LeftButton, {}, to);
    }

    // Enter, move and drop of `file` at `pos` of the viewport.
    static void dropFile(TimelineView& view, const QString& file, QPoint pos)
    {
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(file)});
        QDragEnterEvent enter(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(view.viewport(), &enter);
        QDragMoveEvent move(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(view.viewport(), &move);
        QVERIFY(move.isAccepted());
        QDropEvent drop(QPointF(pos), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(view.viewport(), &drop);
    }

    QTemporaryDir m_root;
    int m_count = 0;

private slots:
    void shortcutsAddThreeClips()
    {
        auto project = makeProject();
        auto view = makeView(*project);
        QSignalSpy selected(view.get(), &TimelineView::segmentSelected);
        for (int i = 0; i < 3; ++i)
            QTest::keyClick(view.get(), Qt::Key_T, Qt::ControlModifier);
        const QList<qint64> ids = storeOrder(*project);
        QCOMPARE(ids.size(), 3);
        QCOMPARE(view->segmentIds(), ids);
        QCOMPARE(view->selectedSegment(), ids[2]); // the newest is selected
        QCOMPARE(selected.last().at(0).toLongLong(), ids[2]);
        // The second and third continue the first.
        QCOMPARE(project->store().segment(ids[1])->conditioning, Conditioning::Continue);

        // Three clips side by side, each 33 frames (the default) long.
        const double zoom = view->zoom();
        int right = -1;
        for (const qint64 id : ids) {
            const QRect rect = view->clipRect(id);
            QVERIFY(view->viewport()->rect().contains(rect));
            QCOMPARE(rect.top(), TimelineLayout::kTrackTop);
            QCOMPARE(rect.height(), TimelineLayout::kClipHeight);
            QVERIFY(qAbs(rect.width() - (33 * zoom - TimelineLayout::kClipGap)) <= 1.0);
            QVERIFY(rect.left() > right);
            right = rect.right();
        }
        QCOMPARE(view->totalFrames(), 99);
        QCOMPARE(view->startFrameOf(ids[2]), 66);

        // A segment's "frames" setting makes its clip longer.
        project->setSetting(ids[0], "frames", 66);
        QVERIFY(qAbs(view->clipRect(ids[0]).width() - (66 * zoom - TimelineLayout::kClipGap)) <= 1.0);
        QVERIFY(view->clipRect(ids[1]).left() > view->clipRect(ids[0]).right());

        // Undoing the last addition selects the neighbour.
        project->undoStack().undo(); // the setting
        project->undoStack().undo(); // the third segment
        QCOMPARE(view->segmentIds().size(), 2);
        QCOMPARE(view->selectedSegment(), ids[1]);

        // Ctrl+Shift+T inserts before the selection.
        QTest::keyClick(view.get(), Qt::Key_T, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(storeOrder(*project).size(), 3);
        QCOMPARE(storeOrder(*project)[0], ids[0]);
        QCOMPARE(storeOrder(*project)[2], ids[1]);
        QCOMPARE(view->selectedSegment(), storeOrder(*project)[1]);
        QCOMPARE(project->undoStack().undoText(), QString("Insert Segment"));
    }

    void actionsShowShortcutsAndFollowSelection()
    {
        auto project = makeProject();
        auto view = makeView(*project);
        TimelineActions* actions = view->actions();
        QVERIFY(view->editActions().contains(actions->addSegment()));
        for (QAction* action : view->editActions()) {
            if (!action->isSeparator())
                QVERIFY2(action->toolTip().contains(action->shortcut().toString(QKeySequence::NativeText)),
                    qPrintable(action->toolTip()));
        }
        QVERIFY(actions->addSegment()->isEnabled());
        QVERIFY(!actions->deleteSegment()->isEnabled()); // nothing selected
        addSegment(*project, "a");
        addSegment(*project, "b");
        view->selectSegment(storeOrder(*project)[0]);
        QVERIFY(actions->deleteSegment()->isEnabled());
        QVERIFY(!actions->moveLeft()->isEnabled());
        QVERIFY(actions->moveRight()->isEnabled());
        // Alt+Right moves it, and undo moves it back.
        QTest::keyClick(view.get(), Qt::Key_Right, Qt::AltModifier);
        QCOMPARE(prompts(*project), QString("b,a"));
        QVERIFY(actions->moveLeft()->isEnabled());
        QVERIFY(!actions->moveRight()->isEnabled());
        project->undoStack().undo();
        QCOMPARE(prompts(*project), QString("a,b"));
    }

    void dragReordersAndUndoes()
    {
        auto project = makeProject();
        const qint64 a = addSegment(*project, "a");
        addSegment(*project, "b");
        const qint64 c = addSegment(*project, "c");
        auto view = makeView(*project);
        const QRect from = view->clipRect(a);
        const QRect to = view->clipRect(c);
        // Dropped on the right half of "c": after it.
        drag(view->viewport(), body(from), QPoint(to.right() - 4, to.center().y()));
        QCOMPARE(prompts(*project), QString("b,c,a"));
        QCOMPARE(view->segmentIds(), storeOrder(*project));
        QCOMPARE(view->selectedSegment(), a);
        QVERIFY(view->clipRect(a).left() > view->clipRect(c).right());
        project->undoStack().undo();
        QCOMPARE(prompts(*project), QString("a,b,c"));
        QCOMPARE(view->segmentIds(), storeOrder(*project));
        project->undoStack().redo();
        QCOMPARE(prompts(*project), QString("b,c,a"));

        // Back to the front: dropped on the left half of the first clip.
        const QRect first = view->clipRect(storeOrder(*project)[0]);
        drag(view->viewport(), body(view->clipRect(a)), QPoint(first.left() + 4, first.center().y()));
        QCOMPARE(prompts(*project), QString("a,b,c"));

        // A click without a drag moves nothing.
        const int steps = project->undoStack().count();
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, body(view->clipRect(c)));
        QCOMPARE(view->selectedSegment(), c);
        QCOMPARE(project->undoStack().count(), steps);
    }

    void deleteAndDuplicateWithUndo()
    {
        auto project = makeProject();
        addSegment(*project, "a");
        const qint64 b = addSegment(*project, "b", Conditioning::Image);
        const qint64 c = addSegment(*project, "c");
        project->setNegativePrompt(b, "blurry");
        project->setSetting(b, "steps", 12);
        auto view = makeView(*project);

        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, body(view->clipRect(b)));
        QCOMPARE(view->selectedSegment(), b);
        QTest::keyClick(view.get(), Qt::Key_Delete);
        QCOMPARE(prompts(*project), QString("a,c"));
        QCOMPARE(view->selectedSegment(), c); // the next one takes its place
        QCOMPARE(view->segmentIds().size(), 2);
        project->undoStack().undo();
        QCOMPARE(prompts(*project), QString("a,b,c"));
        QCOMPARE(view->segmentIds(), storeOrder(*project));

        view->selectSegment(b);
        QTest::keyClick(view.get(), Qt::Key_D, Qt::ControlModifier);
        QCOMPARE(prompts(*project), QString("a,b,b,c"));
        const projects::SegmentRecord copy = project->store().segments()[2];
        QVERIFY(copy.id != b);
        QCOMPARE(view->selectedSegment(), copy.id);
        QCOMPARE(copy.negativePrompt, QString("blurry"));
        QCOMPARE(copy.conditioning, Conditioning::Image);
        QCOMPARE(copy.settings.value("steps").toInt(), 12);
        QCOMPARE(view->segmentIds().size(), 4);
        project->undoStack().undo();
        QCOMPARE(prompts(*project), QString("a,b,c"));
        QCOMPARE(view->selectedSegment(), c);
    }

    void takeStackPopupSwitchesTake()
    {
        auto project = makeProject();
        const qint64 segment = addSegment(*project, "a ball rolls");
        const qint64 first = addTake(*project, segment, 7, picture(Qt::blue, Qt::darkGreen, 1));
        const qint64 second = addTake(*project, segment, 8, picture(Qt::darkCyan, Qt::darkYellow, 2), 49);
        project->selectTake(segment, first);
        auto view = makeView(*project);
        const int width = view->clipRect(segment).width();

        const QRect badge = view->takeBadgeRect(segment);
        QVERIFY(!badge.isNull());
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, badge.center());
        TakeStackPopup* popup = view->takeStackPopup();
        QVERIFY(popup);
        QVERIFY(QTest::qWaitForWindowExposed(popup));
        QCOMPARE(popup->list()->count(), 2);
        QVERIFY(popup->list()->item(1)->text().contains("seed 8"));
        QVERIFY(popup->list()->item(0)->text().contains("in use"));

        QListWidget* list = popup->list();
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(list->item(1)).center());
        QCOMPARE(project->store().selectedTakeId(segment), second);
        QTRY_VERIFY(!view->takeStackPopup()); // closed (and deleted)
        // The clip is now as long as the 49-frame take.
        QVERIFY(view->clipRect(segment).width() > width);
        project->undoStack().undo();
        QCOMPARE(project->store().selectedTakeId(segment), first);
        QCOMPARE(view->clipRect(segment).width(), width);
    }

    void staleSegmentOffersRegenerate()
    {
        auto project = makeProject();
        const qint64 first = addSegment(*project, "first");
        const qint64 next = addSegment(*project, "then", Conditioning::Continue);
        const qint64 empty = addSegment(*project, "not yet");
        const qint64 take = addTake(*project, first, 1, picture(Qt::blue, Qt::darkGreen, 1));
        const qint64 other = addTake(*project, first, 2, picture(Qt::darkBlue, Qt::darkGreen, 3));
        project->selectTake(first, take);
        project->selectTake(next, addTake(*project, next, 3, picture(Qt::gray, Qt::darkGray, 4)));
        // Made after the first segment's take: up to date.
        QVERIFY(project->store().setSegmentStale(next, false));
        project->notify({projects::ChangeEvent::Type::SegmentChanged, next, 0});
        auto view = makeView(*project);
        QVERIFY(view->actionButtonRect(first).isNull()); // generated, not stale
        QVERIFY(view->actionButtonRect(next).isNull());

        // Another take of the first segment makes the one continuing it stale.
        project->selectTake(first, other);
        QVERIFY(project->store().segment(next)->stale);
        const QRect button = view->actionButtonRect(next);
        QVERIFY(!button.isNull());
        QSignalSpy regenerate(view.get(), &TimelineView::regenerateRequested);
        QSignalSpy generate(view.get(), &TimelineView::generateRequested);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, button.center());
        QCOMPARE(regenerate.count(), 1);
        QCOMPARE(regenerate.at(0).at(0).toLongLong(), next);

        // A segment without takes offers to generate instead.
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->actionButtonRect(empty).center());
        QCOMPARE(generate.count(), 1);
        QCOMPARE(generate.at(0).at(0).toLongLong(), empty);
        QCOMPARE(regenerate.count(), 1);

        project->undoStack().undo(); // the take selection and the stale mark
        QVERIFY(view->actionButtonRect(next).isNull());
    }

    void droppedImageAndVideoConditionTheSegment()
    {
        auto project = makeProject();
        const qint64 segment = addSegment(*project, "a ball");
        auto view = makeView(*project);
        QSignalSpy errors(view.get(), &TimelineView::errorOccurred);
        QTemporaryDir files;
        const QString image = files.filePath("start.png");
        QVERIFY(picture(Qt::red, Qt::black, 5).save(image));

        dropFile(*view, image, view->clipRect(segment).center());
        QCOMPARE(errors.count(), 0);
        projects::SegmentRecord record = *project->store().segment(segment);
        QCOMPARE(record.conditioning, Conditioning::Image);
        QVERIFY(record.conditioningAssetId > 0);
        QSqlQuery asset(project->store().database());
        QVERIFY(
            asset.exec(QString("SELECT kind, name, path FROM assets WHERE id = %1").arg(record.conditioningAssetId)));
        QVERIFY(asset.next());
        QCOMPARE(asset.value(0).toString(), QString("image"));
        QCOMPARE(asset.value(1).toString(), QString("start.png"));
        QVERIFY(QFileInfo::exists(project->store().media().absolutePath(asset.value(2).toString())));
        project->undoStack().undo();
        record = *project->store().segment(segment);
        QCOMPARE(record.conditioning, Conditioning::Text);
        QCOMPARE(record.conditioningAssetId, 0);
        project->undoStack().redo();
        QCOMPARE(project->store().segment(segment)->conditioning, Conditioning::Image);

        // A video file makes it Video2World.
        const QString video = files.filePath("motion.mp4");
        QFile file(video);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(4096, 'v'));
        file.close();
        dropFile(*view, video, view->clipRect(segment).center());
        QCOMPARE(project->store().segment(segment)->conditioning, Conditioning::Video);

        // On the empty track right of the clips: a new Image2World segment.
        const QRect clip = view->clipRect(segment);
        dropFile(*view, image, QPoint(clip.right() + 60, clip.center().y()));
        QCOMPARE(project->store().segments().size(), 2);
        QCOMPARE(project->store().segments().last().conditioning, Conditioning::Image);
        QCOMPARE(view->selectedSegment(), project->store().segments().last().id);

        // A damaged image is refused with a message and changes nothing.
        const QString broken = files.filePath("broken.png");
        QFile brokenFile(broken);
        QVERIFY(brokenFile.open(QIODevice::WriteOnly));
        brokenFile.write("not a png at all");
        brokenFile.close();
        const int steps = project->undoStack().count();
        dropFile(*view, broken, view->clipRect(segment).center());
        QCOMPARE(errors.count(), 1);
        QVERIFY(errors.at(0).at(0).toString().contains("broken.png"));
        QCOMPARE(project->undoStack().count(), steps);
        QCOMPARE(project->store().segment(segment)->conditioning, Conditioning::Video);
    }

    void assetImportRefusesMissingFiles()
    {
        auto project = makeProject();
        projects::ProjectError error;
        QVERIFY(!projects::importAsset(project->store(), "/nonexistent/x.png", Conditioning::Image, &error));
        QCOMPARE(error.code, projects::ProjectError::Code::Io);
        QVERIFY(error.message.contains("x.png"));
        QCOMPARE(projects::conditioningForFile("a/B.JPG"), std::optional(Conditioning::Image));
        QCOMPARE(projects::conditioningForFile("a/b.gif"), std::optional(Conditioning::Video));
        QVERIFY(!projects::conditioningForFile("a/b.txt"));
    }

    void playheadKeysAndZoom()
    {
        auto project = makeProject();
        const qint64 a = addSegment(*project, "a");
        const qint64 b = addSegment(*project, "b");
        const qint64 take = addTake(*project, b, 3, picture(Qt::blue, Qt::darkGreen, 1));
        project->selectTake(b, take);
        auto view = makeView(*project);
        QSignalSpy moved(view.get(), &TimelineView::playheadMoved);
        QSignalSpy activated(view.get(), &TimelineView::takeActivated);
        QSignalSpy generate(view.get(), &TimelineView::generateRequested);

        // A click on the ruler over the second clip's start.
        const QRect clip = view->clipRect(b);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, QPoint(clip.left(), 8));
        QVERIFY(qAbs(view->playhead() - 33) <= 1);
        QCOMPARE(moved.count(), 1);
        view->setPlayhead(10); // from a player: no echo
        QCOMPARE(view->playhead(), 10);
        QCOMPARE(moved.count(), 1);

        // Keys: Left/Right select, Return plays, or generates a new segment.
        view->selectSegment(a);
        QTest::keyClick(view.get(), Qt::Key_Right);
        QCOMPARE(view->selectedSegment(), b);
        QTest::keyClick(view.get(), Qt::Key_Return);
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.at(0).at(1).toLongLong(), take);
        QTest::keyClick(view.get(), Qt::Key_Left);
        QCOMPARE(view->selectedSegment(), a);
        QTest::keyClick(view.get(), Qt::Key_Return);
        QCOMPARE(generate.count(), 1);
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, body(view->clipRect(b)));
        QCOMPARE(activated.count(), 2);

        // Zoom: Ctrl+=, Ctrl+wheel, fit.
        const double zoom = view->zoom();
        QTest::keyClick(view.get(), Qt::Key_Equal, Qt::ControlModifier);
        QVERIFY(view->zoom() > zoom);
        QVERIFY(view->clipRect(a).width() > clip.width());
        QTest::keyClick(view.get(), Qt::Key_Minus, Qt::ControlModifier);
        QVERIFY(qAbs(view->zoom() - zoom) < 1e-9);
        const QPoint centre = view->clipRect(a).center();
        QWheelEvent wheel(centre, view->viewport()->mapToGlobal(centre), {}, QPoint(0, 240), Qt::NoButton,
            Qt::ControlModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(view->viewport(), &wheel);
        QVERIFY(view->zoom() > zoom * 1.5);
        view->zoomToFit();
        QVERIFY(view->clipRect(b).right() <= view->viewport()->width());
        QVERIFY(view->clipRect(b).right() > view->viewport()->width() - 2 * TimelineLayout::kSideMargin);
        // The zoom is kept in the project's UI state.
        QVERIFY(qAbs(project->uiState().timelineZoom * TimelineLayout::kDefaultPixelsPerFrame - view->zoom()) < 1e-9);
    }

    void screenshot()
    {
        auto project = makeProject();
        const struct {
            const char* prompt;
            Conditioning mode;
            QColor sky, ground;
            int takes;
        } segments[] = {
            {"A red ball rolls across a wooden table towards the edge", Conditioning::Text, QColor(70, 110, 190),
                QColor(120, 80, 40), 3},
            {"The ball falls off the table and bounces on the floor", Conditioning::Continue, QColor(90, 120, 170),
                QColor(110, 90, 70), 1},
            {"A robot arm picks up the ball", Conditioning::Image, QColor(160, 160, 170), QColor(60, 60, 70), 2},
            {"The arm places it in a basket", Conditioning::Continue, QColor(150, 150, 165), QColor(70, 70, 80), 1},
            {"Camera pans out over the warehouse", Conditioning::Video, QColor(0, 0, 0), QColor(0, 0, 0), 0},
        };
        QList<qint64> ids;
        int seed = 0;
        for (const auto& segment : segments) {
            const qint64 id = addSegment(*project, segment.prompt, segment.mode);
            ids << id;
            qint64 last = 0;
            for (int take = 0; take < segment.takes; ++take) {
                ++seed;
                last = addTake(*project, id, seed, picture(segment.sky, segment.ground, seed), take == 0 ? 33 : 49);
            }
            if (last)
                project->selectTake(id, last);
        }
        project->store().setSegmentStale(ids[3], true);
        project->notify({projects::ChangeEvent::Type::SegmentChanged, ids[3], 0});

        for (const bool dark : {false, true}) {
            QPalette palette = QApplication::style()->standardPalette();
            if (dark) {
                palette.setColor(QPalette::Window, QColor(45, 45, 48));
                palette.setColor(QPalette::WindowText, QColor(220, 220, 220));
                palette.setColor(QPalette::Base, QColor(30, 30, 32));
                palette.setColor(QPalette::Text, QColor(220, 220, 220));
                palette.setColor(QPalette::Button, QColor(53, 53, 56));
                palette.setColor(QPalette::ButtonText, QColor(220, 220, 220));
                palette.setColor(QPalette::Highlight, QColor(61, 142, 230));
            }
            auto view = makeView(*project);
            view->setPalette(palette);
            view->resize(900, view->sizeHint().height());
            view->selectSegment(ids[2]);
            view->setPlayhead(45);
            QVERIFY(QTest::qWaitForWindowExposed(view.get()));
            const QString path = dark ? "/tmp/timeline_dark.png" : "/tmp/timeline.png";
            QVERIFY(view->grab().save(path));
        }
    }
};

QTEST_MAIN(TestTimelineView)
#include "tst_timeline_view.moc"

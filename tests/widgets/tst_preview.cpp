#include <QAction>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QSignalSpy>
#include <QSlider>
#include <QThread>
#include <QToolButton>
#include <QtTest>

#include <cstdlib>

#include "tests/widgets/test_pictures.h"
#include "widgets/playback_clock.h"
#include "widgets/player_bar.h"
#include "widgets/preview_panel.h"
#include "widgets/preview_view.h"

using namespace cosmos::widgets;
using cosmos::engine::PreviewFrames;
using cosmos::engine::PreviewPtr;

namespace {

QColor colourOf(int index)
{
    return QColor(QColor::fromHsv((index * 47) % 360, 220, 230).rgb()); // 8 bits a channel, as the frames hold
}

// Frame i: its top half colourOf(base + i), its bottom half white (to catch a
// picture upside down).
PreviewPtr makeClip(int frames, int width, int height, int base = 0, int step = 0)
{
    auto clip = cosmos::test::paintedClip(frames, width, height,
        [&](int t, int, int y) { return y < height / 2 ? colourOf(base + t) : QColor(Qt::white); });
    clip->step = step;
    return clip;
}

// A clip like the nano model's: a gradient with a square moving across it.
PreviewPtr sceneClip(int frames, int size)
{
    return cosmos::test::paintedClip(frames, size, size, [](int t, int x, int y) {
        const bool square = x >= 8 + t && x < 24 + t && y >= 20 && y < 36;
        return square ? QColor(250, 210, 40) : QColor(30 + 2 * x, 60 + 2 * y, 150);
    });
}

const QColor kBackground(24, 24, 27);

QToolButton* buttonFor(QWidget* parent, QAction* action)
{
    for (auto* button : parent->findChildren<QToolButton*>())
        if (button->defaultAction() == action)
            return button;
    return nullptr;
}

} // namespace

class TestPreview : public QObject {
    Q_OBJECT
private slots:
    void viewShowsTheFrameAsked()
    {
        PreviewView view;
        view.resize(320, 320);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setFrames(makeClip(4, 64, 64));
        view.showFrame(2);
        QCOMPARE(view.shownFrame(), 2);
        QTRY_VERIFY(view.paintedFrames() > 0);

        const QImage cpu = view.grabShownFrame();
        QCOMPARE(cpu.size(), QSize(64, 64));
        QCOMPARE(cpu.pixelColor(32, 10), colourOf(2));
        QCOMPARE(cpu.pixelColor(32, 50), QColor(Qt::white));
        const QImage screen = view.grabFramebuffer();
        COMPARE_COLOUR(screen.pixelColor(160, 100), colourOf(2)); // the top is the top
        COMPARE_COLOUR(screen.pixelColor(160, 220), QColor(Qt::white));

        view.showFrame(99);
        QCOMPARE(view.shownFrame(), 3);
        COMPARE_COLOUR(view.grabFramebuffer().pixelColor(160, 100), colourOf(3));
        view.showFrame(-4);
        QCOMPARE(view.shownFrame(), 0);

        // Fewer frames: the index is clamped, the pointer is the caller's.
        view.showFrame(3);
        const auto shorter = makeClip(2, 64, 64, 10);
        view.setFrames(shorter);
        QCOMPARE(view.shownFrame(), 1);
        QCOMPARE(view.frames(), shorter);
        COMPARE_COLOUR(view.grabFramebuffer().pixelColor(160, 100), colourOf(11));
    }

    void fitKeepsAspectAndActualSizeIsOneToOne()
    {
        PreviewView view;
        view.resize(400, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setFrames(makeClip(1, 64, 32));

        // Nearest neighbour fits at a whole factor: 6x, 384x192, centred.
        QCOMPARE(view.frameRect(), QRectF(8, 54, 384, 192));
        QImage screen = view.grabFramebuffer();
        COMPARE_COLOUR(screen.pixelColor(200, 20), kBackground); // letterbox bar
        COMPARE_COLOUR(screen.pixelColor(200, 100), colourOf(0));
        COMPARE_COLOUR(screen.pixelColor(200, 200), QColor(Qt::white));
        COMPARE_COLOUR(screen.pixelColor(3, 150), kBackground);

        view.setSmoothScaling(true); // any factor: the full width
        QCOMPARE(view.frameRect(), QRectF(0, 50, 400, 200));

        view.setZoom(PreviewView::Zoom::Actual);
        QCOMPARE(view.frameRect(), QRectF(168, 134, 64, 32));
        screen = view.grabFramebuffer();
        COMPARE_COLOUR(screen.pixelColor(100, 140), kBackground);
        COMPARE_COLOUR(screen.pixelColor(200, 140), colourOf(0));
        COMPARE_COLOUR(screen.pixelColor(200, 160), QColor(Qt::white));
        COMPARE_COLOUR(screen.pixelColor(200, 170), kBackground);
    }

    void nearestKeepsPixelsSharp()
    {
        PreviewView view;
        view.resize(256, 256);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        // 2x2 checkerboard of black and white: nearest has no grey, smooth has.
        auto clip = std::make_shared<PreviewFrames>();
        clip->frames = 1;
        clip->width = 2;
        clip->height = 2;
        clip->rgb = {0, 0, 0, 255, 255, 255, 255, 255, 255, 0, 0, 0};
        view.setFrames(clip);
        const auto greyAtCentre = [&] {
            const QColor centre = view.grabFramebuffer().pixelColor(127, 60);
            return centre.red() > 10 && centre.red() < 245;
        };
        QVERIFY(!greyAtCentre());
        view.setSmoothScaling(true);
        QVERIFY(greyAtCentre());
    }

    void emptyViewSaysSo()
    {
        PreviewView view;
        view.resize(400, 200);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setEmptyMessage(QStringLiteral("NOTHING HERE"));
        // Through the GL framebuffer and through QWidget::grab (a window screenshot).
        for (const QImage& screen : {view.grabFramebuffer(), view.grab().toImage()}) {
            int lit = 0;
            for (int y = 0; y < screen.height(); ++y)
                for (int x = 0; x < screen.width(); ++x)
                    lit += cosmos::test::nearColour(screen.pixelColor(x, y), kBackground, 20) ? 0 : 1;
            QVERIFY2(lit > 50, qPrintable(QString::number(lit))); // the message's text
        }
        QCOMPARE(view.paintedFrames(), 0);
        QVERIFY(view.grabShownFrame().isNull());

        // Malformed frames are refused rather than read past their end.
        auto broken = std::make_shared<PreviewFrames>(*makeClip(2, 8, 8));
        broken->rgb.resize(20);
        QTest::ignoreMessage(QtWarningMsg, "PreviewView: ignoring malformed frames 2 8 8 20");
        view.setFrames(broken);
        QVERIFY(!view.frames());
    }

    void clockPlaysPausesAndDropsFrames()
    {
        PlaybackClock clock;
        QSignalSpy positions(&clock, &PlaybackClock::positionChanged);
        QSignalSpy playing(&clock, &PlaybackClock::playingChanged);
        clock.play();
        QVERIFY(!clock.isPlaying()); // nothing to play

        clock.setFrameCount(1000);
        clock.setFps(50);
        clock.play();
        QVERIFY(clock.isPlaying());
        QCOMPARE(playing.count(), 1);
        QTRY_VERIFY(clock.position() >= 3);

        // A stalled GUI thread: the clip keeps time and skips frames.
        const int before = clock.position();
        const int emitted = static_cast<int>(positions.count());
        QThread::msleep(300);
        QTRY_VERIFY(clock.position() >= before + 12);
        QVERIFY2(positions.count() - emitted < clock.position() - before,
            qPrintable(QStringLiteral("%1 signals for %2 frames")
                           .arg(positions.count() - emitted)
                           .arg(clock.position() - before)));

        clock.pause();
        QVERIFY(!clock.isPlaying());
        const int paused = clock.position();
        QTest::qWait(80);
        QCOMPARE(clock.position(), paused);
    }

    void clockSeeksStepsAndLoops()
    {
        PlaybackClock clock;
        clock.setFrameCount(10);
        clock.seek(4);
        QCOMPARE(clock.position(), 4);
        clock.seek(50);
        QCOMPARE(clock.position(), 9);
        clock.seek(-1);
        QCOMPARE(clock.position(), 0);

        QVERIFY(clock.loop());
        clock.stepBackward();
        QCOMPARE(clock.position(), 9); // wraps with loop
        clock.stepForward();
        QCOMPARE(clock.position(), 0);
        clock.setLoop(false);
        clock.stepBackward();
        QCOMPARE(clock.position(), 0);
        clock.seekToEnd();
        clock.stepForward();
        QCOMPARE(clock.position(), 9);

        // Steps pause.
        clock.seekToStart();
        clock.play();
        clock.stepForward();
        QVERIFY(!clock.isPlaying());
        QCOMPARE(clock.position(), 1);

        // Without loop, playing stops on the last frame; from there, play starts over.
        clock.setFps(120);
        clock.seek(6);
        QSignalSpy playing(&clock, &PlaybackClock::playingChanged);
        clock.play();
        QTRY_VERIFY(!clock.isPlaying());
        QCOMPARE(clock.position(), 9);
        QCOMPARE(playing.count(), 2);
        clock.play();
        QVERIFY(clock.position() < 9);

        // With loop it wraps and keeps going.
        clock.setLoop(true);
        clock.seek(8);
        QSignalSpy positions(&clock, &PlaybackClock::positionChanged);
        QTRY_VERIFY(positions.contains(QList<QVariant> {0}));
        QVERIFY(clock.isPlaying());

        clock.setFrameCount(3); // the playhead is clamped
        QVERIFY(clock.position() < 3);
        clock.setFrameCount(0);
        QVERIFY(!clock.isPlaying());
        QCOMPARE(clock.position(), 0);
    }

    void livePreviewDropsStaleSteps()
    {
        PreviewPanel panel;
        panel.resize(480, 420);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QSignalSpy modes(&panel, &PreviewPanel::modeChanged);

        panel.showLivePreview(makeClip(8, 64, 64, 0, 1), 12);
        QCOMPARE(panel.mode(), PreviewPanel::Mode::Live);
        QCOMPARE(modes.count(), 1);
        QVERIFY(panel.clock()->isPlaying());
        QCOMPARE(panel.clock()->frameCount(), 8);
        QTRY_VERIFY(panel.view()->paintedFrames() > 0);

        // Twelve steps arrive faster than the screen: one paint, the newest.
        // (The animation is held so that only the steps ask for paints.)
        panel.clock()->pause();
        panel.clock()->seek(5);
        const int painted = panel.view()->paintedFrames();
        for (int step = 1; step <= 12; ++step)
            panel.showLivePreview(makeClip(8, 64, 64, 100 * step, step), 12);
        QCOMPARE(panel.clock()->position(), 5); // no restart: the motion continues
        QCOMPARE(panel.view()->shownFrame(), 5);
        QTRY_VERIFY(panel.view()->paintedFrames() > painted);
        QVERIFY2(panel.view()->paintedFrames() - painted <= 2,
            qPrintable(QString::number(panel.view()->paintedFrames() - painted)));
        QCOMPARE(panel.view()->frames()->step, 12);
        QVERIFY2(panel.titleText().contains(QStringLiteral("step 12/12")), qPrintable(panel.titleText()));
        QCOMPARE(modes.count(), 1);

        const int shown = panel.view()->shownFrame();
        const QImage screen = panel.view()->grabFramebuffer();
        COMPARE_COLOUR(screen.pixelColor(screen.width() / 2, screen.height() / 2 - 20), colourOf(1200 + shown));

        // The animation loops on its own.
        panel.clock()->play();
        QSignalSpy positions(panel.clock(), &PlaybackClock::positionChanged);
        QTRY_VERIFY(positions.count() >= 3);

        panel.clear();
        QCOMPARE(panel.mode(), PreviewPanel::Mode::Empty);
        QVERIFY(!panel.view()->frames());
        QVERIFY(!panel.clock()->isPlaying());
    }

    void playerBarAndKeysDriveTheClock()
    {
        PreviewPanel panel;
        panel.resize(640, 480);
        panel.show();
        panel.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&panel));
        panel.playClip(makeClip(10, 64, 64), 16, QStringLiteral("Take 3"));
        QCOMPARE(panel.mode(), PreviewPanel::Mode::Clip);
        QCOMPARE(panel.titleText(), QStringLiteral("Take 3"));
        QVERIFY(panel.clock()->isPlaying());
        PlayerBar* bar = panel.bar();

        QToolButton* play = buttonFor(bar, bar->playAction());
        QVERIFY(play);
        QVERIFY2(play->toolTip().contains(QStringLiteral("(Space)")), qPrintable(play->toolTip()));
        QTest::mouseClick(play, Qt::LeftButton);
        QVERIFY(!panel.clock()->isPlaying());
        QTest::mouseClick(play, Qt::LeftButton);
        QVERIFY(panel.clock()->isPlaying());

        panel.view()->setFocus();
        QTest::keyClick(panel.view(), Qt::Key_Space);
        QVERIFY(!panel.clock()->isPlaying());
        QTest::keyClick(panel.view(), Qt::Key_Home);
        QCOMPARE(panel.clock()->position(), 0);
        QTest::keyClick(panel.view(), Qt::Key_Right);
        QTest::keyClick(panel.view(), Qt::Key_Right);
        QCOMPARE(panel.clock()->position(), 2);
        QCOMPARE(panel.view()->shownFrame(), 2);
        QCOMPARE(bar->frameLabel()->text(), QStringLiteral("3 / 10"));
        QCOMPARE(bar->slider()->value(), 2);
        QTest::keyClick(panel.view(), Qt::Key_Left);
        QCOMPARE(panel.clock()->position(), 1);
        QTest::keyClick(panel.view(), Qt::Key_End);
        QCOMPARE(panel.clock()->position(), 9);
        QTest::keyClick(panel.view(), Qt::Key_L);
        QVERIFY(!panel.clock()->loop());
        QVERIFY(!bar->loopAction()->isChecked());
        QTest::mouseClick(buttonFor(bar, bar->loopAction()), Qt::LeftButton);
        QVERIFY(panel.clock()->loop());

        QTest::mouseClick(buttonFor(bar, bar->stepBackwardAction()), Qt::LeftButton);
        QCOMPARE(panel.clock()->position(), 8);
        QTest::mouseClick(buttonFor(bar, bar->toStartAction()), Qt::LeftButton);
        QCOMPARE(panel.clock()->position(), 0);

        bar->slider()->setValue(6); // as a drag does
        QCOMPARE(panel.clock()->position(), 6);
        QCOMPARE(panel.view()->shownFrame(), 6);
        bar->fpsBox()->setValue(24);
        QCOMPARE(panel.clock()->fps(), 24.0);

        QTest::mouseClick(buttonFor(bar, bar->actualSizeAction()), Qt::LeftButton);
        QCOMPARE(panel.view()->zoom(), PreviewView::Zoom::Actual);
        QTest::keyClick(panel.view(), Qt::Key_Z);
        QCOMPARE(panel.view()->zoom(), PreviewView::Zoom::Fit);
        QTest::keyClick(panel.view(), Qt::Key_S);
        QVERIFY(panel.view()->smoothScaling());
        panel.view()->setSmoothScaling(false); // set elsewhere: the bar follows
        QVERIFY(!bar->smoothAction()->isChecked());

        QCOMPARE(panel.playerActions().size(), 8);
        for (auto* action : panel.playerActions())
            QVERIFY2(action->toolTip().contains(action->shortcut().toString(QKeySequence::NativeText)),
                qPrintable(action->toolTip()));
    }

    void sequencePlaysSegmentAfterSegment()
    {
        PreviewPanel panel;
        panel.resize(480, 420);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        const auto first = makeClip(5, 64, 64, 0);
        const auto second = makeClip(7, 64, 64, 20);
        const auto third = makeClip(3, 64, 64, 40);
        QSignalSpy segments(&panel, &PreviewPanel::segmentChanged);
        panel.playSequence({first, nullptr, second, third}, 16, QStringLiteral("Timeline"));
        QCOMPARE(panel.mode(), PreviewPanel::Mode::Sequence);
        QCOMPARE(panel.clock()->frameCount(), 15);
        QCOMPARE(panel.segmentStart(2), 5);
        QCOMPARE(panel.segmentStart(1), -1);
        QCOMPARE(panel.currentSegment(), 0);
        panel.clock()->pause();

        panel.clock()->seek(6);
        QCOMPARE(panel.view()->frames(), second);
        QCOMPARE(panel.view()->shownFrame(), 1);
        QCOMPARE(panel.currentSegment(), 2);
        QCOMPARE(segments.last().at(0).toInt(), 2);
        QVERIFY2(panel.titleText().contains(QStringLiteral("segment 3/4")), qPrintable(panel.titleText()));
        const QImage screen = panel.view()->grabFramebuffer();
        COMPARE_COLOUR(screen.pixelColor(screen.width() / 2, screen.height() / 2 - 20), colourOf(21));

        panel.clock()->seekToEnd();
        QCOMPARE(panel.view()->frames(), third);
        QCOMPARE(panel.view()->shownFrame(), 2);
        panel.clock()->stepForward(); // loops to the first segment
        QCOMPARE(panel.view()->frames(), first);
        QCOMPARE(panel.currentSegment(), 0);

        panel.playSequence({nullptr}, 16, QStringLiteral("Nothing"));
        QCOMPARE(panel.mode(), PreviewPanel::Mode::Empty);
    }

    // COSMOS_PREVIEW_SCREENSHOT=/tmp/preview.png saves what the panel looks like.
    void screenshot()
    {
        const QString path = qEnvironmentVariable("COSMOS_PREVIEW_SCREENSHOT");
        if (path.isEmpty())
            QSKIP("set COSMOS_PREVIEW_SCREENSHOT to save a screenshot");
        PreviewPanel panel;
        panel.resize(720, 560);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.playClip(sceneClip(33, 64), 16, QStringLiteral("Take 2 · a square slides right"));
        panel.clock()->pause();
        panel.clock()->seek(11);
        QVERIFY(panel.grab().save(path));
        PreviewPanel empty;
        empty.resize(720, 560);
        empty.show();
        QVERIFY(QTest::qWaitForWindowExposed(&empty));
        QVERIFY(empty.grab().save(QString(path).replace(QStringLiteral(".png"), QStringLiteral("_empty.png"))));
    }
};

QTEST_MAIN(TestPreview)
#include "tst_preview.moc"

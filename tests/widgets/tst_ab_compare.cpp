// A/B comparison: the difference numbers (zero for a take against itself,
// exact for known colours, refused for different sizes), the wipe showing A
// left and B right of its line, the heatmap, and the per-frame plot.
#include <QAction>
#include <QSignalSpy>
#include <QSlider>
#include <QtTest>

#include <cmath>
#include <cstdlib>
#include <stdexcept>

#include "tests/widgets/test_pictures.h"
#include "widgets/ab_compare_view.h"
#include "widgets/difference_plot.h"
#include "widgets/frame_difference.h"
#include "widgets/playback_clock.h"

using namespace cosmos::widgets;
using cosmos::engine::PreviewFrames;
using cosmos::engine::PreviewPtr;

namespace {

// Every pixel of every frame one colour (frame t: red + t).
PreviewPtr flatClip(QColor colour, int frames = 33, int width = 64, int height = 64)
{
    return cosmos::test::paintedClip(frames, width, height,
        [&](int t, int, int) { return QColor(std::min(255, colour.red() + t), colour.green(), colour.blue()); });
}

// A gradient with a bright square moving across it; `shift` moves the square.
PreviewPtr sceneClip(int frames, int size, int shift)
{
    return cosmos::test::paintedClip(frames, size, size, [shift](int t, int x, int y) {
        const int left = 6 + t + shift;
        const bool square = x >= left && x < left + 16 && y >= 20 + shift / 2 && y < 36 + shift / 2;
        return square ? QColor(250, 210 - shift * 4, 40 + shift * 6) : QColor(30 + 2 * x, 60 + 2 * y, 150);
    });
}

bool allBlack(const QImage& image)
{
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            if ((image.pixel(x, y) & 0xffffffU) != 0)
                return false;
    return true;
}

int brightness(QRgb colour)
{
    return qRed(colour) + qGreen(colour) + qBlue(colour);
}

// A point of the shown frame, as a fraction of its rectangle, in canvas pixels.
QPoint at(const AbCompareView& view, double fx, double fy)
{
    const QRectF frame = view.frameRect();
    return QPointF(frame.left() + frame.width() * fx, frame.top() + frame.height() * fy).toPoint();
}

} // namespace

class TestAbCompare : public QObject {
    Q_OBJECT
private slots:
    void aTakeAgainstItselfIsAllZero()
    {
        const PreviewPtr take = sceneClip(33, 64, 0);
        const std::vector<double> means = meanDifferencePerFrame(*take, *take);
        QCOMPARE(means.size(), std::size_t {33});
        for (double mean : means)
            QCOMPARE(mean, 0.0);
        for (int frame : {0, 16, 32}) {
            const QImage heatmap = differenceHeatmap(*take, *take, frame);
            QCOMPARE(heatmap.size(), QSize(64, 64));
            QVERIFY(allBlack(heatmap));
        }
        // An equal copy (another buffer) is just as equal.
        const PreviewPtr copy = std::make_shared<PreviewFrames>(*take);
        for (double mean : meanDifferencePerFrame(*take, *copy))
            QCOMPARE(mean, 0.0);
    }

    void differentTakesDifferByTheExpectedAmount()
    {
        const PreviewPtr a = sceneClip(33, 64, 0);
        const PreviewPtr b = sceneClip(33, 64, 6);
        const std::vector<double> means = meanDifferencePerFrame(*a, *b);
        QCOMPARE(means.size(), std::size_t {33});
        for (double mean : means)
            QVERIFY(mean > 0.5);
        const QImage heatmap = differenceHeatmap(*a, *b, 5);
        QVERIFY(!allBlack(heatmap));
        QCOMPARE(heatmap.pixel(60, 60) & 0xffffffU, 0U); // the same background there
        QVERIFY(brightness(heatmap.pixel(20, 30)) > 100); // the squares do not overlap there

        // Known colours: |100-110| + |100-90| + |100-100| over 3 channels.
        const PreviewPtr grey = flatClip(QColor(100, 100, 100), 4);
        const PreviewPtr other = flatClip(QColor(110, 90, 100), 4);
        for (double mean : meanDifferencePerFrame(*grey, *other))
            QVERIFY(std::abs(mean - 20.0 / 3.0) < 1e-9);
        // Black against white is the top of the ramp; more difference is never darker.
        const PreviewPtr black = flatClip(QColor(0, 0, 0), 1);
        const PreviewPtr white = flatClip(QColor(255, 255, 255), 1);
        QCOMPARE(meanDifferencePerFrame(*black, *white).front(), 255.0);
        QCOMPARE(differenceHeatmap(*black, *white, 0).pixel(3, 3), differenceColour(1.0));
        QCOMPARE(differenceColour(0.0) & 0xffffffU, 0U);
        for (int i = 1; i <= 20; ++i)
            QVERIFY(brightness(differenceColour(i / 20.0)) > brightness(differenceColour((i - 1) / 20.0)));
    }

    void framesPastTheShorterClipUseItsLastFrameAndSizesMustMatch()
    {
        const PreviewPtr longer = flatClip(QColor(100, 0, 0), 10);
        const PreviewPtr shorter = flatClip(QColor(100, 0, 0), 3); // red 100, 101, 102
        const std::vector<double> means = meanDifferencePerFrame(*longer, *shorter);
        QCOMPARE(means.size(), std::size_t {10});
        QCOMPARE(means[2], 0.0);
        QVERIFY(std::abs(means[9] - 7.0 / 3.0) < 1e-9); // red 109 against the held 102
        QVERIFY(!allBlack(differenceHeatmap(*longer, *shorter, 9)));
        QVERIFY(allBlack(differenceHeatmap(*longer, *shorter, 2)));

        const PreviewPtr small = flatClip(QColor(100, 0, 0), 10, 32, 32);
        try {
            meanDifferencePerFrame(*longer, *small);
            QFAIL("clips of different sizes were compared");
        } catch (const std::invalid_argument& error) {
            const QString message = QString::fromUtf8(error.what());
            QVERIFY2(message.contains(QStringLiteral("64x64")) && message.contains(QStringLiteral("32x32")),
                qPrintable(message));
        }
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, differenceHeatmap(*longer, *small, 0));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, meanDifferencePerFrame(*longer, PreviewFrames {}));
        auto truncated = std::make_shared<PreviewFrames>(*longer);
        truncated->rgb.resize(100);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, meanDifferencePerFrame(*longer, *truncated));
    }

    void wipeShowsAOnTheLeftAndBOnTheRight()
    {
        AbCompareView view;
        view.resize(640, 560);
        view.show();
        view.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&view));
        const QColor red(200, 30, 30);
        const QColor blue(30, 60, 210);
        view.setClips(flatClip(red, 8), flatClip(blue, 8), QStringLiteral("Take 1"), QStringLiteral("Take 2"), 16);
        view.clock()->pause();
        view.clock()->seek(0);
        QCOMPARE(view.mode(), AbCompareView::Mode::Wipe);
        QVERIFY(view.wipeAction()->isChecked());
        QVERIFY(!view.differenceAction()->isChecked());
        view.setWipePosition(0.5);

        QImage canvas = view.grabCanvas();
        COMPARE_COLOUR(canvas.pixelColor(at(view, 0.25, 0.6)), red);
        COMPARE_COLOUR(canvas.pixelColor(at(view, 0.45, 0.3)), red);
        COMPARE_COLOUR(canvas.pixelColor(at(view, 0.55, 0.3)), blue);
        COMPARE_COLOUR(canvas.pixelColor(at(view, 0.75, 0.6)), blue);

        // Dragging the line moves it; the slider follows.
        QSignalSpy moved(&view, &AbCompareView::wipePositionChanged);
        QTest::mousePress(view.canvas(), Qt::LeftButton, {}, at(view, 0.2, 0.5));
        QVERIFY(std::abs(view.wipePosition() - 0.2) < 0.01);
        QTest::mouseMove(view.canvas(), at(view, 0.8, 0.5));
        QTest::mouseRelease(view.canvas(), Qt::LeftButton, {}, at(view, 0.8, 0.5));
        QVERIFY(std::abs(view.wipePosition() - 0.8) < 0.01);
        QVERIFY(moved.size() >= 2);
        QCOMPARE(view.wipeSlider()->value(), static_cast<int>(std::lround(view.wipePosition() * 1000)));
        canvas = view.grabCanvas();
        COMPARE_COLOUR(canvas.pixelColor(at(view, 0.7, 0.6)), red);
        COMPARE_COLOUR(canvas.pixelColor(at(view, 0.9, 0.6)), blue);

        // The slider moves it too; at the ends one clip fills the frame.
        view.wipeSlider()->setValue(1000);
        QCOMPARE(view.wipePosition(), 1.0);
        canvas = view.grabCanvas();
        COMPARE_COLOUR(canvas.pixelColor(at(view, 0.98, 0.6)), red);
        view.wipeSlider()->setValue(0);
        COMPARE_COLOUR(view.grabCanvas().pixelColor(at(view, 0.02, 0.6)), blue);
        view.setWipePosition(7); // clamped
        QCOMPARE(view.wipePosition(), 1.0);

        // Frames follow the clock; the shorter clip holds its last frame.
        view.setClips(flatClip(red, 8), flatClip(blue, 3), QStringLiteral("Take 1"), QStringLiteral("Take 2"));
        view.clock()->pause();
        view.setWipePosition(0.5);
        view.clock()->seek(6);
        QCOMPARE(view.shownFrame(), 6);
        canvas = view.grabCanvas();
        COMPARE_COLOUR(canvas.pixelColor(at(view, 0.25, 0.6)), QColor(206, 30, 30));
        COMPARE_COLOUR(canvas.pixelColor(at(view, 0.75, 0.6)), QColor(32, 60, 210));
    }

    void differenceModeShowsTheHeatmap()
    {
        AbCompareView view;
        view.resize(640, 560);
        view.show();
        view.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&view));
        const PreviewPtr take = sceneClip(33, 64, 0);
        view.setClips(take, take, QStringLiteral("Take 1"), QStringLiteral("Take 1 again"));
        view.clock()->pause();
        QTRY_VERIFY(!view.isMeasuring());
        QCOMPARE(view.meanDifferences().size(), std::size_t(33));
        view.canvas()->setFocus();
        QTest::keyClick(view.canvas(), Qt::Key_D);
        QCOMPARE(view.mode(), AbCompareView::Mode::Difference);
        QVERIFY(view.differenceAction()->isChecked());
        QVERIFY(!view.wipeSlider()->isEnabled());
        for (double mean : view.meanDifferences())
            QCOMPARE(mean, 0.0);
        QVERIFY(allBlack(view.shownDifference()));
        QImage canvas = view.grabCanvas();
        for (const auto& [fx, fy] : {std::pair {0.5, 0.5}, std::pair {0.2, 0.8}, std::pair {0.8, 0.3}})
            COMPARE_COLOUR(canvas.pixelColor(at(view, fx, fy)), QColor(Qt::black));

        view.setClips(take, sceneClip(33, 64, 6), QStringLiteral("Take 1"), QStringLiteral("Take 2"));
        view.clock()->pause();
        QTRY_VERIFY(!view.isMeasuring());
        view.clock()->seek(5);
        QCOMPARE(view.mode(), AbCompareView::Mode::Difference); // the mode stays with new clips
        QVERIFY(!allBlack(view.shownDifference()));
        canvas = view.grabCanvas();
        QVERIFY(brightness(canvas.pixel(at(view, 20.5 / 64, 30.5 / 64))) > 100);
        COMPARE_COLOUR(canvas.pixelColor(at(view, 60.5 / 64, 4.5 / 64)), QColor(Qt::black));

        QTest::keyClick(view.canvas(), Qt::Key_W);
        QCOMPARE(view.mode(), AbCompareView::Mode::Wipe);

        // Different sizes: the wipe works, the difference says why it cannot.
        view.setClips(take, sceneClip(33, 32, 0), QStringLiteral("64"), QStringLiteral("32"));
        QVERIFY(!view.isMeasuring()); // nothing to measure
        QVERIFY(view.meanDifferences().empty());
        QVERIFY(view.differenceError().contains(QStringLiteral("32")));
        QVERIFY(view.shownDifference().isNull());
        QCOMPARE(view.plot()->pointCount(), 0);
        view.setMode(AbCompareView::Mode::Difference);
        QVERIFY(!view.grabCanvas().isNull());
    }

    void thePlotHasOnePointPerFrameAndClickingItSeeks()
    {
        AbCompareView view;
        view.resize(640, 560);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const PreviewPtr a = sceneClip(33, 64, 0);
        const PreviewPtr b = sceneClip(25, 64, 3);
        DifferencePlot* plot = view.plot();
        // Measured off the GUI thread: the clips play at once, the plot fills
        // in; a measurement for clips no longer shown is dropped.
        view.setClips(a, a, QStringLiteral("A"), QStringLiteral("A"), 30);
        QVERIFY(view.isMeasuring());
        view.setClips(a, b, QStringLiteral("A"), QStringLiteral("B"), 30);
        QVERIFY(view.isMeasuring());
        QCOMPARE(plot->pointCount(), 0);
        QVERIFY(view.clock()->isPlaying());
        view.clock()->pause();
        view.clock()->seek(7); // moved on while measured: the marker goes there too
        QSignalSpy measured(&view, &AbCompareView::differencesMeasured);
        QTRY_COMPARE(plot->pointCount(), 33);
        QTest::qWait(50);
        QCOMPARE(measured.size(), 1);
        QCOMPARE(plot->currentFrame(), 7);
        view.clock()->play();
        QCOMPARE(plot->values(), meanDifferencePerFrame(*a, *b));
        for (int i = 1; i < 33; ++i)
            QVERIFY(plot->pointAt(i).x() > plot->pointAt(i - 1).x());

        // Playing moves the plot's marker with the picture.
        QVERIFY(view.clock()->isPlaying());
        QTRY_VERIFY(view.clock()->position() >= 3);
        view.clock()->pause();
        QCOMPARE(plot->currentFrame(), view.clock()->position());
        QCOMPARE(view.shownFrame(), view.clock()->position());

        QTest::mouseClick(plot, Qt::LeftButton, {}, plot->pointAt(20).toPoint());
        QCOMPARE(view.clock()->position(), 20);
        QCOMPARE(view.shownFrame(), 20);
        QCOMPARE(plot->currentFrame(), 20);
        QTest::mousePress(plot, Qt::LeftButton, {}, plot->pointAt(2).toPoint());
        QTest::mouseMove(plot, plot->pointAt(9).toPoint());
        QTest::mouseRelease(plot, Qt::LeftButton, {}, plot->pointAt(9).toPoint());
        QCOMPARE(view.clock()->position(), 9);
        QVERIFY(!view.clock()->isPlaying());

        // A take against itself: every point on the baseline.
        view.setClips(a, a, QStringLiteral("A"), QStringLiteral("A"));
        QTRY_COMPARE(plot->pointCount(), 33);
        for (int i = 0; i < 33; ++i)
            QCOMPARE(plot->pointAt(i).y(), plot->pointAt(0).y());
        QVERIFY(plot->pointAt(0).y() > plot->height() / 2);
    }

    void screenshots()
    {
        const QByteArray folder = qgetenv("COSMOS_SCREENSHOT_DIR");
        AbCompareView view;
        view.resize(720, 640);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setClips(sceneClip(33, 64, 0), sceneClip(33, 64, 6), QStringLiteral("Take 12 · seed 1"),
            QStringLiteral("Take 13 · seed 2"));
        view.clock()->pause();
        view.clock()->seek(10);
        view.setWipePosition(0.42);
        QTRY_VERIFY(!view.isMeasuring());
        const QImage wipe = view.grab().toImage();
        view.setMode(AbCompareView::Mode::Difference);
        const QImage difference = view.grab().toImage();
        QVERIFY(!wipe.isNull() && !difference.isNull());
        QVERIFY(wipe != difference);
        if (!folder.isEmpty()) {
            QVERIFY(wipe.save(QString::fromLocal8Bit(folder) + QStringLiteral("/ab.png")));
            QVERIFY(difference.save(QString::fromLocal8Bit(folder) + QStringLiteral("/ab_difference.png")));
        }
    }
};

QTEST_MAIN(TestAbCompare)
#include "tst_ab_compare.moc"

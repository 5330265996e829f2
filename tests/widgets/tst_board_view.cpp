// The comparison board: labels that say what differs, a grid of clips on one
// clock (play, pause, scrub, step keep every cell on the same frame), short
// clips holding their last frame, and a click choosing a take.
#include <QJsonObject>
#include <QLabel>
#include <QSignalSpy>
#include <QSlider>
#include <QToolButton>
#include <QtTest>

#include <cmath>
#include <cstdlib>

#include "tests/widgets/test_pictures.h"
#include "widgets/board_labels.h"
#include "widgets/board_panel.h"
#include "widgets/board_view.h"
#include "widgets/clock_transport.h"
#include "widgets/playback_clock.h"

using namespace cosmos::widgets;
using cosmos::engine::PreviewFrames;
using cosmos::engine::PreviewPtr;

namespace {

// Frame t of clip c is one flat colour, different for every frame of a clip.
QColor colourOf(int clip, int frame)
{
    return QColor(QColor::fromHsv((clip * 90 + frame * 11) % 360, 200, 220).rgb());
}

PreviewPtr flatClip(int clipIndex, int frames, int size = 64)
{
    return cosmos::test::paintedClip(
        frames, size, size, [clipIndex](int t, int, int) { return colourOf(clipIndex, t); });
}

// For the screenshot: a ball of `ball` colour dropping onto a floor, its
// start depending on the seed, like the nano model's clips.
PreviewPtr ballClip(QColor ball, int seed, int frames = 33, int size = 64)
{
    const double x0 = 14 + (seed * 13) % 36;
    return cosmos::test::paintedClip(frames, size, size, [&](int t, int x, int y) {
        const double fall = std::min(1.0, t / 20.0);
        const double cy
            = 10 + fall * fall * 38 - (t > 20 ? 6 * std::sin((t - 20) * 0.5) * std::exp(-(t - 20) * 0.2) : 0);
        const double cx = x0 + t * 0.3;
        const double d = std::hypot(x - cx, y - cy);
        if (d < 6.5)
            return ball.lighter(static_cast<int>(130 - d * 8));
        return y < 54 ? QColor(70 + y, 100 + y, 160 + y / 2) : QColor(110, 96, 80);
    });
}

QJsonObject params(const QString& prompt, int seed, double guidance, const QString& model = QStringLiteral("nano"))
{
    return {{QStringLiteral("prompt"), prompt}, {QStringLiteral("seed"), seed}, {QStringLiteral("guidance"), guidance},
        {QStringLiteral("model"), model}, {QStringLiteral("steps"), 12}};
}

// Every cell shows the panel's playhead (clamped to its clip) and paints its own clip's colour there.
#define VERIFY_IN_SYNC(panel, clips)                                                                                   \
    do {                                                                                                               \
        const int position = (panel).clock()->position();                                                              \
        QCOMPARE((panel).view()->shownFrame(), position);                                                              \
        const QList<int> frames = (panel).view()->cellFrames();                                                        \
        QCOMPARE(frames.size(), (clips).size());                                                                       \
        for (int c = 0; c < (clips).size(); ++c) {                                                                     \
            const int expected = std::min(position, (clips)[c]->frames - 1);                                           \
            QCOMPARE(frames[c], expected);                                                                             \
            const QImage cell = (panel).view()->grabCell(c);                                                           \
            QVERIFY(!cell.isNull());                                                                                   \
            COMPARE_COLOUR(cell.pixelColor(cell.width() / 2, cell.height() * 45 / 100), colourOf(c, expected));        \
        }                                                                                                              \
    } while (false)

QList<BoardCellInfo> fourCells()
{
    return {{11, 1, params(QStringLiteral("a red ball drops"), 1, 5)},
        {12, 1, params(QStringLiteral("a blue ball drops"), 2, 5)},
        {13, 2, params(QStringLiteral("a green ball drops"), 3, 5)},
        {14, 2, params(QStringLiteral("a yellow ball drops"), 4, 5)}};
}

QToolButton* buttonFor(QWidget* parent, QAction* action)
{
    for (auto* button : parent->findChildren<QToolButton*>())
        if (button->defaultAction() == action)
            return button;
    return nullptr;
}

} // namespace

class TestBoardView : public QObject {
    Q_OBJECT
private slots:
    void labelsHighlightOnlyTheWordsThatDiffer()
    {
        const auto labels = labelCells({{21, 1, params(QStringLiteral("a red ball drops"), 1, 5)},
            {22, 1, params(QStringLiteral("a blue ball drops"), 2, 5)}});
        QCOMPARE(labels.size(), 2);
        QCOMPARE(labels[0].changedWords, QStringList {QStringLiteral("red")});
        QCOMPARE(labels[1].changedWords, QStringList {QStringLiteral("blue")});
        const QString highlight
            = QStringLiteral("<span style=\"color:%1; font-weight:bold\">").arg(QLatin1String(kBoardHighlightColour));
        QCOMPARE(labels[0].html, QStringLiteral("a %1red</span> ball drops").arg(highlight));
        QCOMPARE(labels[1].html, QStringLiteral("a %1blue</span> ball drops").arg(highlight));
        // Seeds differ; guidance, model and steps are the same, so they are not listed.
        QCOMPARE(labels[0].differences, QStringList {QStringLiteral("seed 1")});
        QCOMPARE(labels[1].differences, QStringList {QStringLiteral("seed 2")});
        QCOMPARE(labels[0].title, QStringLiteral("1 · Take 21"));
        QCOMPARE(labels[1].title, QStringLiteral("2 · Take 22"));
    }

    void labelsFollowWordOrderAndListEveryDifferingSetting()
    {
        const auto labels = labelCells({
            {1, 1, params(QStringLiteral("A red ball drops."), 7, 5, QStringLiteral("/models/cosmos-2b"))},
            {2, 1, params(QStringLiteral("a red ball drops slowly"), 7, 7.5)},
            {3, 1, params(QStringLiteral("a ball <red> drops"), 7, 5)},
        });
        // Case and trailing punctuation do not make a word differ; an added word does;
        // so does a word that moved, and the text is escaped.
        QCOMPARE(labels[0].changedWords, QStringList {QStringLiteral("red")});
        QCOMPARE(labels[1].changedWords, (QStringList {QStringLiteral("red"), QStringLiteral("slowly")}));
        QCOMPARE(labels[2].changedWords, QStringList {QStringLiteral("<red>")});
        QVERIFY2(labels[2].html.contains(QStringLiteral("&lt;red&gt;</span>")), qPrintable(labels[2].html));
        QVERIFY(labels[0].html.startsWith(QStringLiteral("A ")));
        // Guidance before model, a model folder by its name; the same seed is not listed.
        QCOMPARE(
            labels[0].differences, (QStringList {QStringLiteral("guidance 5"), QStringLiteral("model cosmos-2b")}));
        QCOMPARE(labels[1].differences, (QStringList {QStringLiteral("guidance 7.5"), QStringLiteral("model nano")}));

        // All the same: nothing highlighted, nothing listed.
        const auto same = labelCells(
            {{1, 1, params(QStringLiteral("a ball"), 1, 5)}, {2, 1, params(QStringLiteral("a ball"), 1, 5)}});
        QVERIFY(same[0].changedWords.isEmpty());
        QVERIFY(same[1].differences.isEmpty());
        QCOMPARE(same[0].html, QStringLiteral("a ball"));
        // A setting missing from one take is a difference too.
        QJsonObject bare = params(QStringLiteral("a ball"), 1, 5);
        bare.remove(QStringLiteral("guidance"));
        const auto missing = labelCells({{1, 1, params(QStringLiteral("a ball"), 1, 5)}, {2, 1, bare}});
        QCOMPARE(missing[1].differences, QStringList {QStringLiteral("guidance default")});
        QVERIFY(labelCells({}).isEmpty());
    }

    void gridHasCeilSqrtColumnsAndCellsUnderTheMouse()
    {
        BoardView view;
        view.resize(800, 600);
        for (int n = 2; n <= 16; ++n) {
            QList<PreviewPtr> clips;
            for (int c = 0; c < n; ++c)
                clips << flatClip(c, 3, 16);
            view.setClips(clips);
            QCOMPARE(view.cellCount(), n);
            QCOMPARE(view.columns(), static_cast<int>(std::ceil(std::sqrt(n))));
            QCOMPARE(view.rows(), (n + view.columns() - 1) / view.columns());
            for (int c = 0; c < n; ++c) {
                const QRect cell = view.cellRect(c);
                QVERIFY(QRect(0, 0, 800, 600).contains(cell));
                QCOMPARE(view.cellAt(cell.center()), c);
                QVERIFY(cell.contains(view.cellFrameRect(c).toAlignedRect()));
                for (int other = 0; other < c; ++other)
                    QVERIFY(!cell.intersects(view.cellRect(other)));
            }
        }
        QCOMPARE(view.cellAt(QPoint(1, 1)), -1); // the margin
        QList<PreviewPtr> many;
        for (int c = 0; c < 20; ++c)
            many << flatClip(c, 2, 8);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("at most 16")));
        view.setClips(many);
        QCOMPARE(view.cellCount(), BoardView::kMaxCells);
    }

    void fourTakesPlayPauseScrubAndStepInSync()
    {
        BoardPanel panel;
        panel.resize(800, 640);
        panel.show();
        panel.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&panel));
        const QList<PreviewPtr> clips {flatClip(0, 33), flatClip(1, 33), flatClip(2, 33), flatClip(3, 33)};
        panel.setBoard(clips, fourCells(), 40, QStringLiteral("Red, blue, green, yellow"));
        QCOMPARE(panel.titleText(), QStringLiteral("Red, blue, green, yellow"));
        QCOMPARE(panel.clock()->frameCount(), 33);
        QVERIFY(panel.clock()->isPlaying());

        // While playing, every position the clock reaches is every cell's frame.
        int checked = 0;
        int outOfStep = 0;
        connect(panel.clock(), &PlaybackClock::positionChanged, &panel, [&](int frame) {
            ++checked;
            for (int shown : panel.view()->cellFrames())
                outOfStep += shown == frame ? 0 : 1;
        });
        const int paintedBefore = panel.view()->paintedFrames();
        QTRY_VERIFY(panel.clock()->position() >= 6);
        QVERIFY(checked >= 2); // frames may be skipped on a busy machine, positions still reached
        QCOMPARE(outOfStep, 0);
        QVERIFY(panel.view()->paintedFrames() > paintedBefore); // playing paints, not only moves numbers

        // Pause (Space), then every cell is on the paused frame, on screen too.
        panel.view()->setFocus();
        QTest::keyClick(panel.view(), Qt::Key_Space);
        QVERIFY(!panel.clock()->isPlaying());
        VERIFY_IN_SYNC(panel, clips);

        // Scrub: the slider seeks, as a drag does.
        QSlider* slider = panel.transport()->slider();
        slider->setValue(20);
        QCOMPARE(panel.clock()->position(), 20);
        VERIFY_IN_SYNC(panel, clips);
        slider->setValue(3);
        VERIFY_IN_SYNC(panel, clips);

        // Step: keys and buttons.
        QTest::keyClick(panel.view(), Qt::Key_Right);
        QCOMPARE(panel.clock()->position(), 4);
        VERIFY_IN_SYNC(panel, clips);
        QTest::keyClick(panel.view(), Qt::Key_Left);
        QTest::keyClick(panel.view(), Qt::Key_Left);
        QCOMPARE(panel.clock()->position(), 2);
        VERIFY_IN_SYNC(panel, clips);
        QTest::mouseClick(buttonFor(panel.transport(), panel.transport()->stepForwardAction()), Qt::LeftButton);
        QCOMPARE(panel.clock()->position(), 3);
        QTest::keyClick(panel.view(), Qt::Key_End);
        QCOMPARE(panel.clock()->position(), 32);
        VERIFY_IN_SYNC(panel, clips);
        QCOMPARE(panel.transport()->frameLabel()->text(), QStringLiteral("33 / 33"));

        // Loop: stepping past the end wraps, L turns it off.
        QTest::keyClick(panel.view(), Qt::Key_Right);
        QCOMPARE(panel.clock()->position(), 0);
        VERIFY_IN_SYNC(panel, clips);
        QTest::keyClick(panel.view(), Qt::Key_L);
        QVERIFY(!panel.clock()->loop());

        // Play again (the button), pause again: still in step.
        QTest::mouseClick(buttonFor(panel.transport(), panel.transport()->playAction()), Qt::LeftButton);
        QVERIFY(panel.clock()->isPlaying());
        QTRY_VERIFY(panel.clock()->position() >= 3);
        QTest::keyClick(panel.view(), Qt::Key_Space);
        VERIFY_IN_SYNC(panel, clips);
        QCOMPARE(outOfStep, 0);

        // Labels and smooth scaling toggle from their keys.
        QTest::keyClick(panel.view(), Qt::Key_I);
        QVERIFY(!panel.view()->labelsVisible());
        QVERIFY(!panel.labelsAction()->isChecked());
        QTest::keyClick(panel.view(), Qt::Key_S);
        QVERIFY(panel.view()->smoothScaling());
        VERIFY_IN_SYNC(panel, clips);
        QVERIFY(panel.labelsAction()->toolTip().contains(QStringLiteral("(I)")));
    }

    void aShortClipHoldsItsLastFrame()
    {
        BoardPanel panel;
        panel.resize(800, 640);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        const QList<PreviewPtr> clips {flatClip(0, 33), flatClip(1, 33), flatClip(2, 5), flatClip(3, 33)};
        panel.setBoard(clips, fourCells(), 16, QStringLiteral("Short one"));
        panel.clock()->pause();
        QCOMPARE(panel.clock()->frameCount(), 33); // the longest clip sets the length
        panel.clock()->seek(20);
        QCOMPARE(panel.view()->cellFrames(), (QList<int> {20, 20, 4, 20}));
        VERIFY_IN_SYNC(panel, clips);
        panel.clock()->seek(4);
        QCOMPARE(panel.view()->cellFrames(), (QList<int> {4, 4, 4, 4}));
        panel.clock()->seek(2);
        VERIFY_IN_SYNC(panel, clips);
        panel.clock()->seekToEnd();
        QCOMPARE(panel.view()->cellFrames(), (QList<int> {32, 32, 4, 32}));
        VERIFY_IN_SYNC(panel, clips);
    }

    void clickingACellChoosesItsTake()
    {
        BoardPanel panel;
        panel.resize(800, 640);
        panel.show();
        panel.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&panel));
        QList<PreviewPtr> clips {flatClip(0, 8), flatClip(1, 8), flatClip(2, 8), nullptr};
        panel.setBoard(clips, fourCells(), 16, QStringLiteral("Pick one"));
        QSignalSpy chosen(&panel, &BoardPanel::takeChosen);
        BoardView* view = panel.view();

        QTest::mouseClick(view, Qt::LeftButton, {}, view->cellRect(2).center());
        QCOMPARE(chosen.size(), 1);
        QCOMPARE(chosen.at(0).at(0).toLongLong(), 2); // segment
        QCOMPARE(chosen.at(0).at(1).toLongLong(), 13); // take
        QTest::mouseClick(view, Qt::LeftButton, {}, view->cellRect(0).topLeft() + QPoint(5, 5));
        QCOMPARE(chosen.size(), 2);
        QCOMPARE(chosen.at(1).at(1).toLongLong(), 11);

        // Not a click: a press in one cell let go in another, the gap, a cell without a clip.
        QTest::mousePress(view, Qt::LeftButton, {}, view->cellRect(0).center());
        QTest::mouseRelease(view, Qt::LeftButton, {}, view->cellRect(1).center());
        QTest::mouseClick(
            view, Qt::LeftButton, {}, QPoint(view->cellRect(0).right() + 2, view->cellRect(0).center().y()));
        QTest::mouseClick(view, Qt::LeftButton, {}, view->cellRect(3).center());
        QTest::mouseClick(view, Qt::RightButton, {}, view->cellRect(1).center());
        QCOMPARE(chosen.size(), 2);

        // Keys 1..9 choose cells as clicks do.
        view->setFocus();
        QTest::keyClick(view, Qt::Key_2);
        QCOMPARE(chosen.size(), 3);
        QCOMPARE(chosen.at(2).at(1).toLongLong(), 12);
        QTest::keyClick(view, Qt::Key_4); // no clip
        QTest::keyClick(view, Qt::Key_7); // no cell
        QCOMPARE(chosen.size(), 3);
        QCOMPARE(view->cellFrames().at(3), -1);
        QVERIFY(view->grabCell(3).isNull());
    }

    void screenshotOfALabelledBoard()
    {
        BoardPanel panel;
        panel.resize(900, 720);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QList<BoardCellInfo> cells {
            {31, 1, params(QStringLiteral("a red ball drops onto the wooden floor and bounces"), 1, 5)},
            {32, 1, params(QStringLiteral("a blue ball drops onto the wooden floor and bounces"), 2, 5)},
            {33, 1, params(QStringLiteral("a red ball drops onto the wooden floor and bounces"), 3, 7)},
            {34, 1, params(QStringLiteral("a heavy red ball drops onto the floor"), 1, 5)},
        };
        panel.setBoard({ballClip(QColor(220, 40, 40), 1), ballClip(QColor(40, 90, 230), 2),
                           ballClip(QColor(220, 40, 40), 3), ballClip(QColor(200, 30, 30), 1, 33)},
            cells, 16, QStringLiteral("Board · red vs blue"));
        panel.clock()->pause();
        panel.clock()->seek(18);
        QTest::mouseMove(panel.view(), panel.view()->cellRect(1).center()); // the hover outline
        QTRY_COMPARE(panel.view()->hoveredCell(), 1);
        const QImage shot = panel.grab().toImage();
        QVERIFY(!shot.isNull());
        const QByteArray folder = qgetenv("COSMOS_SCREENSHOT_DIR");
        if (!folder.isEmpty())
            QVERIFY(shot.save(QString::fromLocal8Bit(folder) + QStringLiteral("/board.png")));
        // The labels are painted: the top-left of cell 0's frame is the label box, not the clip.
        const QImage cell = panel.view()->grabCell(0);
        QVERIFY(!cosmos::test::nearColour(cell.pixelColor(8, 8), QColor(70, 100, 160), 10));
        panel.view()->setLabelsVisible(false);
        const QColor sky = panel.view()->grabCell(0).pixelColor(8, 8);
        QVERIFY2(cosmos::test::nearColour(sky, QColor(70, 100, 160), 10),
            qPrintable(cosmos::test::describeColour(sky))); // the sky at the clip's top
    }
};

QTEST_MAIN(TestBoardView)
#include "tst_board_view.moc"

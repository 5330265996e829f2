// The inspector driven as a user would: typing in the prompt edits the
// segment through the project (one merged undo step), undo updates the
// editor without moving the cursor, the token count follows a fake and the
// real nano tokenizer, the seed lock and randomise, the model's frame
// counts, explained clamping, Ctrl+Return, presets and the history.
#include <QAction>
#include <QComboBox>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>
#include <QtTest>

#include "engine/text/bpe_tokenizer.h"
#include "projects/project.h"
#include "widgets/generation_settings_panel.h"
#include "widgets/inspector_panel.h"
#include "widgets/prompt_editor.h"

using namespace cosmos;
using namespace cosmos::widgets;

namespace {

QList<ModelChoice> models()
{
    ModelChoice nano;
    nano.name = "nano";
    nano.folder = "/models/nano";
    nano.frameCounts = {33, 17, 9, 5, 1};
    nano.resolutions = {QSize(64, 64)};
    ModelChoice big;
    big.name = "cosmos-2b";
    big.folder = "/models/cosmos-2b";
    big.frameCounts = {93, 61};
    big.resolutions = {QSize(1280, 704), QSize(960, 960)};
    big.defaultSteps = 35;
    big.defaultGuidance = 7.0;
    big.fps = 16;
    return {nano, big};
}

int wordCount(const QString& text)
{
    return int(text.split(QLatin1Char(' '), Qt::SkipEmptyParts).size());
}

} // namespace

class TestInspector : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_root;
    int m_count = 0;
    std::unique_ptr<projects::Project> m_project;
    std::unique_ptr<QWidget> m_window; // holds the inspector and the undo action, like the main window
    InspectorPanel* m_inspector = nullptr;
    qint64 m_first = 0;
    qint64 m_second = 0;

    projects::SegmentRecord stored(qint64 id)
    {
        return m_project->store().segment(id).value_or(projects::SegmentRecord {});
    }
    QPlainTextEdit* promptEdit() { return m_inspector->promptEditor()->promptEdit(); }
    GenerationSettingsPanel* panel() { return m_inspector->settingsPanel(); }
    template<typename T>
    T* child(const char* name)
    {
        T* found = m_inspector->findChild<T*>(QString::fromLatin1(name));
        if (!found)
            qFatal("no child %s", name);
        return found;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName("CosmosStudioTests");
        QCoreApplication::setApplicationName("tst_inspector");
    }

    void init()
    {
        QSettings().clear();
        projects::ProjectError error;
        auto store = projects::ProjectStore::create(m_root.filePath(QString("p%1").arg(m_count++)), "p", &error);
        QVERIFY2(store, qPrintable(error.message));
        m_project = std::make_unique<projects::Project>(std::move(store));
        projects::SegmentRecord first;
        first.prompt = "a red ball";
        first.settings = {{"model", "nano"}, {"steps", 12}, {"frames", 33}};
        m_first = m_project->addSegment(first);
        projects::SegmentRecord second;
        second.position = 1;
        m_second = m_project->addSegment(second);
        m_project->undoStack().clear();

        m_window = std::make_unique<QWidget>();
        auto* layout = new QVBoxLayout(m_window.get());
        m_inspector = new InspectorPanel(m_window.get());
        layout->addWidget(m_inspector);
        QAction* undo = m_project->undoStack().createUndoAction(m_window.get());
        undo->setShortcut(QKeySequence::Undo);
        m_window->addAction(undo);
        m_inspector->setModelChoices(models());
        m_inspector->setProject(m_project.get());
        m_inspector->setSegment(m_first);
        m_window->resize(420, 820);
        m_window->show();
        m_window->activateWindow(); // no window manager under Xvfb
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }

    void cleanup()
    {
        m_window.reset();
        m_project.reset();
    }

    void typingEditsTheSegmentAndUndoesInOneStep()
    {
        QCOMPARE(promptEdit()->toPlainText(), QString("a red ball"));
        promptEdit()->setFocus();
        promptEdit()->moveCursor(QTextCursor::End);
        QTest::keyClicks(promptEdit(), " rolls left");
        QCOMPARE(stored(m_first).prompt, QString("a red ball rolls left"));
        QCOMPARE(m_project->undoStack().count(), 1); // eleven keystrokes, one command

        // Ctrl+Z in the editor reaches the project's undo, not the editor's.
        promptEdit()->setTextCursor([&] {
            QTextCursor cursor = promptEdit()->textCursor();
            cursor.setPosition(2);
            return cursor;
        }());
        QTest::keyClick(promptEdit(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(stored(m_first).prompt, QString("a red ball"));
        QCOMPARE(promptEdit()->toPlainText(), QString("a red ball"));
        QCOMPARE(promptEdit()->textCursor().position(), 2); // the undone span was elsewhere

        m_project->undoStack().redo();
        QCOMPARE(promptEdit()->toPlainText(), QString("a red ball rolls left"));
        QCOMPARE(promptEdit()->textCursor().position(), 2);
    }

    void changesFromElsewhereKeepTheCursorOnItsCharacter()
    {
        promptEdit()->setFocus();
        QTextCursor cursor = promptEdit()->textCursor();
        cursor.setPosition(6); // before "ball"
        promptEdit()->setTextCursor(cursor);
        m_project->setPrompt(m_first, "Slowly, a red ball");
        QCOMPARE(promptEdit()->toPlainText(), QString("Slowly, a red ball"));
        QCOMPARE(promptEdit()->textCursor().position(), 14); // still before "ball"
        m_project->setNegativePrompt(m_first, "blur");
        QCOMPARE(m_inspector->promptEditor()->negativePromptEdit()->toPlainText(), QString("blur"));
        QCOMPARE(promptEdit()->textCursor().position(), 14);
        QCOMPARE(m_project->undoStack().count(), 2); // no edits echoed back
    }

    void tokenCountFollowsAFakeCounter()
    {
        PromptEditor* editor = m_inspector->promptEditor();
        QVERIFY(!child<QLabel>("promptTokens")->isVisible()); // no tokenizer: no count
        m_inspector->setTokenCounter(wordCount);
        QCOMPARE(editor->tokenCountText(), QString("3 / 512 tokens"));
        QVERIFY(child<QLabel>("promptTokens")->isVisible());
        promptEdit()->setFocus();
        promptEdit()->moveCursor(QTextCursor::End);
        QTest::keyClicks(promptEdit(), " bounces twice");
        QCOMPARE(editor->tokenCountText(), QString("5 / 512 tokens"));
        QVERIFY(!editor->isOverTokenLimit());

        QList<ModelChoice> tight = models();
        tight[0].maxPromptTokens = 4;
        m_inspector->setModelChoices(tight);
        QCOMPARE(editor->tokenCountText(), QString("5 / 4 tokens"));
        QVERIFY(editor->isOverTokenLimit());
        QVERIFY(child<QLabel>("promptTokens")->property("overLimit").toBool());
        QVERIFY(child<QLabel>("promptTokens")->toolTip().contains("first 4 tokens"));

        // A counter that throws shows "?" rather than stopping the typing.
        m_inspector->setTokenCounter([](const QString&) -> int { throw std::runtime_error("bad"); });
        QCOMPARE(editor->tokenCountText(), QString("? / 4 tokens"));
    }

    void tokenCountUsesTheRealNanoTokenizer()
    {
        const auto tokenizer = std::make_shared<engine::text::BpeTokenizer>(
            engine::text::BpeTokenizer::fromFile(COSMOS_SOURCE_DIR "/resources/models/nano/tokenizer.json"));
        m_inspector->setTokenCounter(
            [tokenizer](const QString& text) { return int(tokenizer->encode(text.toStdString()).size()); });
        const QString prompt = "A robot arm picks up the red cube and places it in the bowl.";
        m_project->setPrompt(m_first, prompt);
        const int expected = int(tokenizer->encode(prompt.toStdString()).size());
        QVERIFY(expected > 5);
        QCOMPARE(m_inspector->promptEditor()->promptTokenCount(), expected);
        QCOMPARE(m_inspector->promptEditor()->tokenCountText(), QString("%1 / 512 tokens").arg(expected));
        promptEdit()->setFocus();
        promptEdit()->moveCursor(QTextCursor::End);
        QTest::keyClicks(promptEdit(), " Then it falls.");
        QVERIFY(m_inspector->promptEditor()->promptTokenCount() > expected);
    }

    void seedIsRedrawnUnlessLocked()
    {
        auto* seed = child<QSpinBox>("seed");
        auto* lock = child<QToolButton>("seedLock");
        QCOMPARE(seed->text(), QString("Random")); // no seed yet
        QVERIFY(!lock->isChecked());
        QPushButton* generate = child<QPushButton>("generateButton");

        QTest::mouseClick(generate, Qt::LeftButton);
        const qint64 first = stored(m_first).settings.value("seed").toInteger(-1);
        QVERIFY(first >= 0);
        QCOMPARE(seed->value(), int(first));
        QTest::mouseClick(generate, Qt::LeftButton);
        const qint64 second = stored(m_first).settings.value("seed").toInteger(-1);
        QVERIFY(second != first); // a clash is one chance in 2^31

        QTest::mouseClick(lock, Qt::LeftButton);
        QVERIFY(stored(m_first).settings.value("seed_locked").toBool());
        QCOMPARE(panel()->seedForNextTake(), int(second));
        QTest::mouseClick(generate, Qt::LeftButton);
        QCOMPARE(stored(m_first).settings.value("seed").toInteger(), second);

        QTest::mouseClick(child<QToolButton>("seedRandomise"), Qt::LeftButton);
        const qint64 third = stored(m_first).settings.value("seed").toInteger();
        QVERIFY(third != second);
        QCOMPARE(seed->value(), int(third));
        QVERIFY(lock->isChecked()); // randomise keeps the lock

        // Typing a seed while unlocked locks it: the user wants that one.
        QTest::mouseClick(lock, Qt::LeftButton);
        QVERIFY(!stored(m_first).settings.value("seed_locked").toBool());
        seed->setFocus();
        seed->selectAll();
        QTest::keyClicks(seed, "1234");
        QTest::keyClick(seed, Qt::Key_Return);
        QCOMPARE(stored(m_first).settings.value("seed").toInteger(), 1234);
        QVERIFY(stored(m_first).settings.value("seed_locked").toBool());
        QVERIFY(lock->isChecked());
    }

    void framesOfferOnlyTheModelsCounts()
    {
        auto* frames = child<QComboBox>("frames");
        auto countsOf = [frames] {
            QList<int> counts;
            for (int i = 0; i < frames->count(); ++i)
                counts << frames->itemData(i).toInt();
            return counts;
        };
        QCOMPARE(countsOf(), (QList<int> {33, 17, 9, 5, 1}));
        QCOMPARE(frames->currentData().toInt(), 33);
        QVERIFY(frames->currentText().contains("2.1 s"));

        auto* model = child<QComboBox>("model");
        model->setFocus();
        QTest::keyClick(model, Qt::Key_Down); // the user picks the next model
        QCOMPARE(stored(m_first).settings.value("model").toString(), QString("cosmos-2b"));
        QCOMPARE(countsOf(), (QList<int> {93, 61}));
        QCOMPARE(child<QComboBox>("resolution")->count(), 2);
        // The segment's 33 frames are not the big model's: shown as the nearest, with the reason.
        QCOMPARE(frames->currentData().toInt(), 61);
        QVERIFY2(panel()->validationNote().contains("cosmos-2b does not offer 33 frames; the nearest count, 61"),
            qPrintable(panel()->validationNote()));
        QVERIFY(child<QLabel>("validationNote")->isVisible());
        QCOMPARE(m_inspector->effectiveSettings().value("frames").toInt(), 61);
        QCOMPARE(stored(m_first).settings.value("frames").toInt(), 33);

        frames->setFocus();
        QTest::keyClick(frames, Qt::Key_Up);
        QCOMPARE(stored(m_first).settings.value("frames").toInt(), 93);
        QVERIFY(panel()->validationNote().isEmpty());
        QVERIFY(!child<QLabel>("validationNote")->isVisible());
    }

    void invalidValuesAreClampedAndExplained()
    {
        m_project->setSetting(m_second, "steps", 900);
        m_project->setSetting(m_second, "frames", 12);
        m_project->setSetting(m_second, "sampler", "dpm");
        m_project->setSetting(m_second, "resolution", "100x100");
        m_project->setSetting(m_second, "model", "gone");
        m_inspector->setSegment(m_second);
        QCOMPARE(child<QSpinBox>("steps")->value(), 200);
        QCOMPARE(child<QComboBox>("frames")->currentData().toInt(), 9); // nearest to 12
        QCOMPARE(child<QComboBox>("sampler")->currentText(), QString("unipc"));
        QCOMPARE(child<QComboBox>("model")->currentText(), QString("nano"));
        const QString note = panel()->validationNote();
        for (const char* part : {"gone", "900", "12 frames", "dpm", "100x100"})
            QVERIFY2(note.contains(part), qPrintable(note));
        QVERIFY(child<QLabel>("validationNote")->isVisible());
        QCOMPARE(stored(m_second).settings.value("steps").toInt(), 900); // the store keeps the user's value

        QStringList notes;
        const QJsonObject fixed = GenerationSettingsPanel::validated(
            {{"steps", "many"}, {"guidance", -2.0}, {"seed", 5}}, models(), &notes);
        QCOMPARE(fixed.value("steps").toInt(), 12);
        QCOMPARE(fixed.value("guidance").toDouble(), 0.0);
        QCOMPARE(fixed.value("seed").toInteger(), 5);
        QCOMPARE(fixed.value("resolution").toString(), QString("64x64"));
        QCOMPARE(notes.size(), 2);
    }

    void settingEditsAreUndoable()
    {
        auto* steps = child<QSpinBox>("steps");
        steps->setFocus();
        QTest::keyClick(steps, Qt::Key_Up);
        QTest::keyClick(steps, Qt::Key_Up);
        QCOMPARE(stored(m_first).settings.value("steps").toInt(), 14);
        QCOMPARE(m_project->undoStack().count(), 1); // a burst of one setting merges
        m_project->undoStack().undo();
        QCOMPARE(steps->value(), 12);
    }

    void ctrlReturnGenerates()
    {
        QSignalSpy spy(m_inspector, &InspectorPanel::generateRequested);
        QVERIFY(m_inspector->generateAction()->toolTip().contains("Ctrl+Return"));
        promptEdit()->setFocus();
        promptEdit()->moveCursor(QTextCursor::End);
        QTest::keyClick(promptEdit(), Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).toLongLong(), m_first);
        QCOMPARE(promptEdit()->toPlainText(), QString("a red ball")); // no new line typed
        QCOMPARE(m_inspector->promptEditor()->history(), QStringList {"a red ball"});

        m_inspector->setSegment(0);
        QVERIFY(!m_inspector->generateAction()->isEnabled());
        QVERIFY(!child<QPushButton>("generateButton")->isEnabled());
        QVERIFY(child<QLabel>("inspectorHint")->isVisible());
        QVERIFY(!promptEdit()->isEnabled());
        QTest::keyClick(m_window.get(), Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(spy.count(), 1);
    }

    void historyRecallsAPrompt()
    {
        PromptEditor* editor = m_inspector->promptEditor();
        QTest::mouseClick(child<QPushButton>("generateButton"), Qt::LeftButton);
        m_inspector->setSegment(m_second);
        QCOMPARE(promptEdit()->toPlainText(), QString());
        emit editor->historyMenu()->aboutToShow(); // what opening it does
        QAction* recall = nullptr;
        for (QAction* action : editor->historyMenu()->actions()) {
            if (action->text() == "a red ball")
                recall = action;
        }
        QVERIFY(recall);
        recall->trigger();
        QCOMPARE(stored(m_second).prompt, QString("a red ball"));
        QCOMPARE(promptEdit()->toPlainText(), QString("a red ball"));
    }

    void presetsSaveAndApplyAsOneUndoStep()
    {
        PromptEditor* editor = m_inspector->promptEditor();
        m_project->setNegativePrompt(m_first, "blurry");
        m_project->setSetting(m_first, "steps", 20);
        // Through the menu and its name dialog, as the user does it.
        emit editor->presetsMenu()->aboutToShow();
        QAction* save = editor->presetsMenu()->findChild<QAction*>("savePreset");
        QVERIFY(save);
        save->trigger();
        auto* dialog = editor->findChild<QInputDialog*>("presetNameDialog");
        QVERIFY(dialog);
        dialog->setTextValue("Ball");
        dialog->accept();
        QCOMPARE(editor->presetNames(), QStringList {"Ball"});

        m_inspector->setSegment(m_second);
        const int commands = m_project->undoStack().count();
        emit editor->presetsMenu()->aboutToShow();
        QAction* apply = editor->presetsMenu()->findChild<QAction*>("applyPreset");
        QVERIFY(apply);
        apply->trigger();
        QCOMPARE(stored(m_second).prompt, QString("a red ball"));
        QCOMPARE(stored(m_second).negativePrompt, QString("blurry"));
        QCOMPARE(stored(m_second).settings.value("steps").toInt(), 20);
        QCOMPARE(child<QSpinBox>("steps")->value(), 20);
        QCOMPARE(promptEdit()->toPlainText(), QString("a red ball"));
        QCOMPARE(m_project->undoStack().count(), commands + 1);
        m_project->undoStack().undo();
        QCOMPARE(stored(m_second).prompt, QString());
        QVERIFY(!stored(m_second).settings.contains("steps"));

        QVERIFY(editor->deletePreset("Ball"));
        QVERIFY(editor->presetNames().isEmpty());
    }

    void followsTheSegmentAway()
    {
        m_project->removeSegment(m_first);
        QCOMPARE(m_inspector->segment(), 0);
        QVERIFY(!m_inspector->generateAction()->isEnabled());
        m_project.reset(); // a destroyed project is dropped, not used
        m_inspector->setSegment(m_second);
        QCOMPARE(m_inspector->segment(), 0);
    }

    void screenshot()
    {
        m_project->setPrompt(m_first,
            "A robot arm picks up the red cube from the table and places it gently in the blue bowl; the camera "
            "stays still.");
        m_project->setNegativePrompt(m_first, "blurry, flickering, distorted hands");
        m_project->setSetting(m_first, "frames", 12);
        m_inspector->setTokenCounter(wordCount);
        m_window->resize(400, 860);
        QTest::qWait(50);
        QVERIFY(m_window->grab().save("/tmp/inspector.png"));
        m_inspector->setSegment(0);
        QTest::qWait(20);
        QVERIFY(m_window->grab().save("/tmp/inspector_empty.png"));
    }
};

QTEST_MAIN(TestInspector)
#include "tst_inspector.moc"

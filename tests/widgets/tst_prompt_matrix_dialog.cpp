// The prompt matrix dialog driven by the keyboard: typing the axes updates
// the take count and time estimate, bad input is explained and blocks
// Queue, and Ctrl+Return (or the button) hands over exactly the typed axes.
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QtTest>

#include "widgets/prompt_matrix_dialog.h"

using namespace cosmos;
using projects::MatrixAxes;
using widgets::PromptMatrixDialog;

namespace {

void typeInto(QWidget* widget, const QString& text)
{
    widget->setFocus();
    QTest::keyClicks(widget, text);
}

void clearLine(QLineEdit* edit)
{
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
}

} // namespace

class TestPromptMatrixDialog : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<PromptMatrixDialog> m_dialog;

    PromptMatrixDialog& dialog() { return *m_dialog; }
    QString summary() { return dialog().summaryLabel()->text(); }

private slots:
    void init()
    {
        m_dialog = std::make_unique<PromptMatrixDialog>();
        m_dialog->show();
        m_dialog->activateWindow(); // no window manager under Xvfb: shortcuts need an active window
        QVERIFY(QTest::qWaitForWindowActive(m_dialog.get()));
    }
    void cleanup() { m_dialog.reset(); }

    void typingUpdatesCountAndEstimate()
    {
        dialog().setSecondsPerTake(20);
        QVERIFY(!dialog().queueButton()->isEnabled()); // nothing to queue yet
        QVERIFY(dialog().errorLabel()->isVisible());

        typeInto(dialog().promptsEdit(), "a red ball");
        QVERIFY(dialog().queueButton()->isEnabled());
        QVERIFY(!dialog().errorLabel()->isVisible());
        QCOMPARE(dialog().takeCount(), 1);
        QVERIFY2(summary().startsWith("1 take, under a minute"), qPrintable(summary()));
        QVERIFY2(summary().contains("the segment's seed"), qPrintable(summary()));

        QTest::keyClick(dialog().promptsEdit(), Qt::Key_Return);
        QTest::keyClicks(dialog().promptsEdit(), "a {green|blue} cube");
        QCOMPARE(dialog().takeCount(), 3);

        typeInto(dialog().seedsEdit(), "1-4");
        QCOMPARE(dialog().takeCount(), 12);
        typeInto(dialog().guidancesEdit(), "3, 7");
        QCOMPARE(dialog().takeCount(), 24);
        // 24 takes x 20 s = 8 min.
        QVERIFY2(summary().startsWith("24 takes, about 8 min"), qPrintable(summary()));
        QVERIFY2(summary().contains("3 prompts × 4 seeds × 2 guidance values"), qPrintable(summary()));

        // The estimate follows the caller's seconds per take.
        dialog().setSecondsPerTake(300);
        QVERIFY2(summary().startsWith("24 takes, about 2 h 0 min"), qPrintable(summary()));
        dialog().setSecondsPerTake(0);
        QVERIFY2(summary().startsWith("24 takes ("), qPrintable(summary()));

        // The board is named after the first prompt until the user names it.
        QCOMPARE(dialog().boardNameEdit()->text(), QString("Matrix: a red ball"));
        QCOMPARE(dialog().boardName(), QString("Matrix: a red ball"));
        clearLine(dialog().boardNameEdit());
        typeInto(dialog().boardNameEdit(), "Colours");
        typeInto(dialog().promptsEdit(), " today");
        QCOMPARE(dialog().boardName(), QString("Colours"));
        // Cleared: the name follows the first prompt again.
        clearLine(dialog().boardNameEdit());
        QCOMPARE(dialog().boardName(), QString("Matrix: a red ball"));
        QCOMPARE(dialog().boardNameEdit()->placeholderText(), QString("Matrix: a red ball"));
        dialog().promptsEdit()->setFocus();
        QTest::keyClick(dialog().promptsEdit(), Qt::Key_Home, Qt::ControlModifier);
        QTest::keyClicks(dialog().promptsEdit(), "now ");
        QCOMPARE(dialog().boardNameEdit()->text(), QString("Matrix: now a red ball"));
    }

    void explainsInvalidSeeds()
    {
        dialog().setPromptText("a red ball");
        typeInto(dialog().seedsEdit(), "1, two");
        QVERIFY(!dialog().queueButton()->isEnabled());
        QVERIFY(dialog().errorLabel()->isVisible());
        const QString error = dialog().errorLabel()->text();
        QVERIFY2(error.startsWith("Seeds: \"two\" is not a seed"), qPrintable(error));
        QCOMPARE(dialog().takeCount(), 0);
        QVERIFY(!dialog().axes());

        // Ctrl+Return does nothing while the input is invalid.
        QSignalSpy queued(&dialog(), &PromptMatrixDialog::queueRequested);
        QTest::keyClick(dialog().seedsEdit(), Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(queued.isEmpty());
        QVERIFY(dialog().isVisible());

        clearLine(dialog().seedsEdit());
        typeInto(dialog().seedsEdit(), "4-1");
        QVERIFY2(dialog().errorLabel()->text().contains("backwards"), qPrintable(dialog().errorLabel()->text()));
        clearLine(dialog().seedsEdit());
        typeInto(dialog().seedsEdit(), "1-300");
        QVERIFY2(
            dialog().errorLabel()->text().contains("More than 256 seeds"), qPrintable(dialog().errorLabel()->text()));

        // Within limits per axis, but too many cells together.
        clearLine(dialog().seedsEdit());
        typeInto(dialog().seedsEdit(), "1-200");
        typeInto(dialog().guidancesEdit(), "3 5");
        QVERIFY(!dialog().queueButton()->isEnabled());
        QVERIFY2(dialog().errorLabel()->text().contains("400 takes"), qPrintable(dialog().errorLabel()->text()));

        clearLine(dialog().seedsEdit());
        QVERIFY(dialog().queueButton()->isEnabled());
        QVERIFY(!dialog().errorLabel()->isVisible());
        QCOMPARE(dialog().takeCount(), 2);
    }

    void ctrlReturnEmitsTheAxes()
    {
        QSignalSpy queued(&dialog(), &PromptMatrixDialog::queueRequested);
        QSignalSpy accepted(&dialog(), &QDialog::accepted);
        typeInto(dialog().promptsEdit(), "a {red|blue} ball");
        typeInto(dialog().seedsEdit(), "5, 9");
        typeInto(dialog().guidancesEdit(), "2.5");
        // From inside the prompt box, where plain Return is a new line.
        dialog().promptsEdit()->setFocus();
        QTest::keyClick(dialog().promptsEdit(), Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(queued.count(), 1);
        const auto axes = queued.at(0).at(0).value<MatrixAxes>();
        QCOMPARE(axes.prompts, (QStringList {"a red ball", "a blue ball"}));
        QCOMPARE(axes.seeds, (QList<qint64> {5, 9}));
        QCOMPARE(axes.guidances, QList<double> {2.5});
        QCOMPARE(queued.at(0).at(1).toString(), QString("Matrix: a red ball"));
        QCOMPARE(dialog().promptsEdit()->toPlainText(), QString("a {red|blue} ball")); // no new line typed
        QCOMPARE(accepted.count(), 1);
        QVERIFY(!dialog().isVisible());
    }

    void randomSeedsFillTheSeedField()
    {
        dialog().setPromptText("a red ball");
        dialog().randomSeedCountBox()->setValue(3);
        QTest::mouseClick(dialog().randomSeedsButton(), Qt::LeftButton);
        const QStringList seeds = dialog().seedsEdit()->text().split(", ");
        QCOMPARE(seeds.size(), 3);
        QCOMPARE(dialog().takeCount(), 3);
        QVERIFY(dialog().queueButton()->isEnabled());

        // The Queue button does what Ctrl+Return does.
        QSignalSpy queued(&dialog(), &PromptMatrixDialog::queueRequested);
        QTest::mouseClick(dialog().queueButton(), Qt::LeftButton);
        QCOMPARE(queued.count(), 1);
        const auto axes = queued.at(0).at(0).value<MatrixAxes>();
        QCOMPARE(axes.seeds.size(), 3);
        QCOMPARE(QString::number(axes.seeds[1]), seeds[1]);
        QVERIFY(axes.guidances.isEmpty()); // the segment's own
    }

    void tooltipsShowTheShortcut()
    {
        QVERIFY2(dialog().queueButton()->toolTip().contains(
                     QKeySequence(Qt::CTRL | Qt::Key_Return).toString(QKeySequence::NativeText)),
            qPrintable(dialog().queueButton()->toolTip()));
    }
};

QTEST_MAIN(TestPromptMatrixDialog)
#include "tst_prompt_matrix_dialog.moc"

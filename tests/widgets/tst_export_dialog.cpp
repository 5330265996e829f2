// The export dialog driven as a user would: fill it in, press Export and get
// the settings; an existing file is replaced only when the user says Yes;
// progress, finish, failure and cancel show, and Cancel / Esc ask to stop.
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QtTest>

#include "widgets/export_dialog.h"

using namespace cosmos::widgets;
using Format = cosmos::engine::ExportRequest::Format;
using ScaleFilter = cosmos::engine::ExportRequest::ScaleFilter;

class TestExportDialog : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_folder;
    std::unique_ptr<ExportDialog> m_dialog;
    const QList<ExportChoice> m_choices {{ExportChoice::Kind::Take, 7, "Take 7 of segment 1"},
        {ExportChoice::Kind::Timeline, 0, "Whole timeline"}, {ExportChoice::Kind::Board, 3, "Board 'Seeds'"}};

    ExportDialog& dialog() { return *m_dialog; }

    // Replaces a spin box's text by typing, as a user would.
    static void type(QAbstractSpinBox* box, const QString& text)
    {
        box->setFocus();
        QTest::keyClick(box, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(box, text);
        QTest::keyClick(box, Qt::Key_Tab);
    }

    // Picks a combo box's row with the keyboard.
    static void pick(QComboBox* box, int row)
    {
        box->setFocus();
        QTest::keyClick(box, Qt::Key_Home);
        for (int i = 0; i < row; ++i)
            QTest::keyClick(box, Qt::Key_Down);
        QCOMPARE(box->currentIndex(), row);
    }

    QMessageBox* waitForQuestion()
    {
        if (!QTest::qWaitFor(
                [this] { return dialog().overwriteQuestion() && dialog().overwriteQuestion()->isVisible(); }))
            return nullptr;
        return dialog().overwriteQuestion();
    }

private slots:
    void init()
    {
        m_dialog = std::make_unique<ExportDialog>(m_choices);
        m_dialog->show();
        m_dialog->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_dialog.get())); // shortcuts go to the active window
    }
    void cleanup() { m_dialog.reset(); }

    void exportEmitsTheFilledInSettings()
    {
        QSignalSpy requested(&dialog(), &ExportDialog::exportRequested);
        pick(dialog().choiceBox(), 2);
        type(dialog().fpsBox(), "8");
        type(dialog().scaleBox(), "2");
        pick(dialog().filterBox(), 3);
        const QString path = m_folder.filePath("board.gif");
        dialog().setOutputPath(path);
        QCOMPARE(dialog().formatBox()->currentData().toInt(), int(Format::Gif)); // from the suffix
        QVERIFY(!dialog().qualityBox()->isEnabled()); // GIF has no quality setting

        QTest::mouseClick(dialog().exportButton(), Qt::LeftButton);
        QCOMPARE(requested.count(), 1);
        const auto settings = requested.at(0).at(0).value<ExportSettings>();
        QCOMPARE(settings.what.kind, ExportChoice::Kind::Board);
        QCOMPARE(settings.what.id, 3);
        QCOMPARE(settings.format, Format::Gif);
        QCOMPARE(settings.fps, 8.0);
        QCOMPARE(settings.scale, 2);
        QCOMPARE(settings.filter, ScaleFilter::Lanczos);
        QCOMPARE(settings.outputPath, path);
        QVERIFY(!settings.overwrite);

        // Running: the inputs wait, Cancel is offered, the bar is busy.
        QVERIFY(dialog().isRunning());
        QVERIFY(!dialog().exportButton()->isEnabled());
        QVERIFY(!dialog().pathEdit()->isEnabled());
        QVERIFY(dialog().cancelButton()->isEnabled());
        QCOMPARE(dialog().progressBar()->maximum(), 0);
        QTest::mouseClick(dialog().exportButton(), Qt::LeftButton);
        QCOMPARE(requested.count(), 1); // not twice
    }

    void progressFinishAndFailureShow()
    {
        QSignalSpy requested(&dialog(), &ExportDialog::exportRequested);
        dialog().setOutputPath(m_folder.filePath("take.mp4"));
        QTest::keyClick(&dialog(), Qt::Key_Return, Qt::ControlModifier); // the shortcut
        QCOMPARE(requested.count(), 1);
        QCOMPARE(requested.at(0).at(0).value<ExportSettings>().what.kind, ExportChoice::Kind::Take);

        dialog().setProgress(0, 0);
        QCOMPARE(dialog().progressBar()->maximum(), 0);
        dialog().setProgress(3, 12);
        QCOMPARE(dialog().progressBar()->maximum(), 12);
        QCOMPARE(dialog().progressBar()->value(), 3);
        dialog().setFinished(m_folder.filePath("take.mp4"));
        QVERIFY(!dialog().isRunning());
        QVERIFY(dialog().exportButton()->isEnabled());
        QVERIFY(!dialog().cancelButton()->isEnabled());
        QCOMPARE(dialog().progressBar()->value(), dialog().progressBar()->maximum());
        QVERIFY2(dialog().statusLabel()->text().contains("take.mp4"), qPrintable(dialog().statusLabel()->text()));

        QTest::mouseClick(dialog().exportButton(), Qt::LeftButton);
        QCOMPARE(requested.count(), 2);
        dialog().setFailed("the disk is full");
        QVERIFY(!dialog().isRunning());
        QVERIFY2(
            dialog().statusLabel()->text().contains("the disk is full"), qPrintable(dialog().statusLabel()->text()));
    }

    void cancelAndEscapeAskToStop()
    {
        QSignalSpy cancel(&dialog(), &ExportDialog::cancelRequested);
        dialog().setOutputPath(m_folder.filePath("long.webm"));
        QTest::mouseClick(dialog().exportButton(), Qt::LeftButton);
        QVERIFY(dialog().isRunning());
        dialog().setProgress(2, 40);
        QTest::mouseClick(dialog().cancelButton(), Qt::LeftButton);
        QCOMPARE(cancel.count(), 1);
        QVERIFY(!dialog().cancelButton()->isEnabled()); // asked once
        dialog().setCancelled();
        QVERIFY(!dialog().isRunning());
        QVERIFY(dialog().statusLabel()->text().contains("nothing was written"));
        QCOMPARE(dialog().progressBar()->value(), 0);

        // Esc while running cancels the export and keeps the dialog open.
        QTest::mouseClick(dialog().exportButton(), Qt::LeftButton);
        QTest::keyClick(&dialog(), Qt::Key_Escape);
        QCOMPARE(cancel.count(), 2);
        QVERIFY(dialog().isVisible());
        dialog().setCancelled();
        // Esc when idle closes it.
        QTest::keyClick(&dialog(), Qt::Key_Escape);
        QVERIFY(!dialog().isVisible());
    }

    void anExistingFileIsReplacedOnlyWhenTheUserSaysYes()
    {
        const QString path = m_folder.filePath("existing.mp4");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("old");
        file.close();
        QSignalSpy requested(&dialog(), &ExportDialog::exportRequested);
        dialog().setOutputPath(path);

        QTest::mouseClick(dialog().exportButton(), Qt::LeftButton);
        QMessageBox* question = waitForQuestion();
        QVERIFY(question);
        QVERIFY(question->text().contains("existing.mp4"));
        QTest::mouseClick(question->button(QMessageBox::No), Qt::LeftButton);
        QTRY_VERIFY(!dialog().overwriteQuestion());
        QCOMPARE(requested.count(), 0);
        QVERIFY(!dialog().isRunning());
        QVERIFY(dialog().statusLabel()->text().contains("kept"));

        QTest::mouseClick(dialog().exportButton(), Qt::LeftButton);
        question = waitForQuestion();
        QVERIFY(question);
        QTest::mouseClick(question->button(QMessageBox::Yes), Qt::LeftButton);
        QCOMPARE(requested.count(), 1);
        QVERIFY(requested.at(0).at(0).value<ExportSettings>().overwrite);
        QVERIFY(dialog().isRunning());
    }

    void anExistingPngSequenceCountsToo()
    {
        const QString folder = m_folder.filePath("frames");
        QVERIFY(QDir().mkpath(folder));
        QSignalSpy requested(&dialog(), &ExportDialog::exportRequested);
        dialog().setOutputPath(folder);
        QCOMPARE(dialog().formatBox()->currentData().toInt(), int(Format::PngSequence));
        QTest::mouseClick(dialog().exportButton(), Qt::LeftButton);
        QCOMPARE(requested.count(), 1); // an empty folder: nothing to replace, no question
        dialog().setFailed("test");

        QFile frame(folder + "/frame_0001.png");
        QVERIFY(frame.open(QIODevice::WriteOnly));
        frame.close();
        QTest::mouseClick(dialog().exportButton(), Qt::LeftButton);
        QMessageBox* question = waitForQuestion();
        QVERIFY(question);
        QTest::keyClick(question, Qt::Key_Escape); // Esc is No
        QTRY_VERIFY(!dialog().overwriteQuestion());
        QCOMPARE(requested.count(), 1);
    }

    void theFormatDecidesTheSuffix()
    {
        dialog().setOutputPath(m_folder.filePath("clip.mp4"));
        QVERIFY(dialog().qualityBox()->isEnabled());
        pick(dialog().formatBox(), 1);
        QCOMPARE(dialog().outputPath(), m_folder.filePath("clip.webm"));
        QVERIFY(dialog().qualityBox()->isEnabled());
        pick(dialog().formatBox(), 3);
        QCOMPARE(dialog().outputPath(), m_folder.filePath("clip")); // a folder
        QVERIFY(!dialog().qualityBox()->isEnabled());
        pick(dialog().formatBox(), 2);
        QCOMPARE(dialog().outputPath(), m_folder.filePath("clip.gif"));
        dialog().setOutputPath(m_folder.filePath("shot_%04d.png"));
        QCOMPARE(dialog().formatBox()->currentData().toInt(), int(Format::PngSequence));
        pick(dialog().formatBox(), 0);
        QCOMPARE(dialog().outputPath(), m_folder.filePath("shot.mp4"));

        // The filter matters only when the picture is enlarged.
        type(dialog().scaleBox(), "1");
        QVERIFY(!dialog().filterBox()->isEnabled());
        type(dialog().scaleBox(), "4");
        QVERIFY(dialog().filterBox()->isEnabled());
    }

    void nothingHappensWithoutAPath()
    {
        QSignalSpy requested(&dialog(), &ExportDialog::exportRequested);
        dialog().pathEdit()->clear();
        QTest::mouseClick(dialog().exportButton(), Qt::LeftButton);
        QCOMPARE(requested.count(), 0);
        QVERIFY(!dialog().isRunning());
        QVERIFY(dialog().statusLabel()->text().contains("Choose where"));
    }
};

QTEST_MAIN(TestExportDialog)
#include "tst_export_dialog.moc"

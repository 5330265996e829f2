#include <QHeaderView>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QTreeWidget>
#include <QtTest>

#include <filesystem>
#include <fstream>
#include <future>

#include "widgets/model_list.h"
#include "widgets/model_manager_dialog.h"

using namespace cosmos::widgets;
namespace fs = std::filesystem;

namespace {

const fs::path kNano = fs::path(COSMOS_SOURCE_DIR) / "resources/models/nano";

// Holds checks back until opened; opens itself when it goes out of scope, so
// a failing test never leaves a worker waiting.
class Gate {
public:
    ~Gate() { open(); }
    void open()
    {
        if (!m_opened) {
            m_opened = true;
            m_promise.set_value();
        }
    }
    ModelList::Checker checker()
    {
        std::shared_future<void> opened = m_promise.get_future().share();
        return [opened](const std::string& folder) {
            opened.wait();
            return cosmos::engine::tools::checkModelFolder(folder);
        };
    }

private:
    std::promise<void> m_promise;
    bool m_opened = false;
};

QString statusOf(const ModelManagerDialog& dialog, int row)
{
    return dialog.modelTable()->topLevelItem(row)->text(ModelManagerDialog::StatusColumn);
}

} // namespace

class TestModelManager : public QObject {
    Q_OBJECT

    QTemporaryDir m_temp;
    int m_counter = 0;

    // A nano folder whose files link to the real ones, except the damaged one.
    QString linkedNano(const std::function<void(const fs::path&)>& damage)
    {
        const fs::path folder = fs::path(m_temp.path().toStdString()) / ("broken" + std::to_string(++m_counter));
        fs::create_directories(folder);
        for (const auto& entry : fs::directory_iterator(kNano))
            fs::create_symlink(entry.path(), folder / entry.path().filename());
        damage(folder);
        return QString::fromStdString(folder.string());
    }

    QString nanoCopy(const QString& name)
    {
        const fs::path folder = fs::path(m_temp.path().toStdString()) / name.toStdString();
        fs::copy(kNano, folder, fs::copy_options::recursive);
        return QString::fromStdString(folder.string());
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_temp.isValid());
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(
            QStringLiteral("CosmosStudioTests-%1").arg(QCoreApplication::applicationPid()));
        QCoreApplication::setApplicationName(QStringLiteral("tst_model_manager"));
    }
    void init() { QSettings().clear(); }
    void cleanupTestCase() { QSettings().clear(); }

    void listsNanoAndVerifiesIt()
    {
        ModelList models;
        ModelManagerDialog dialog(models);
        QCOMPARE(dialog.modelTable()->topLevelItemCount(), 1);
        QVERIFY(dialog.modelTable()->topLevelItem(0)->text(ModelManagerDialog::NameColumn).startsWith("nano"));
        QCOMPARE(statusOf(dialog, 0), QStringLiteral("Not checked"));
        QVERIFY(dialog.reportText().contains("Not checked yet"));
        QCOMPARE(models.usableModels().size(), 1);
        QCOMPARE(models.usableModels().front().reference(), QStringLiteral("nano"));
        QVERIFY(!dialog.removeButton()->isEnabled()); // the built-in model stays
        QVERIFY(!models.removeFolder(models.entries().front().folder));

        // Showing the dialog checks what is not checked yet.
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTRY_COMPARE(statusOf(dialog, 0), QStringLiteral("OK"));

        QTest::mouseClick(dialog.verifyButton(), Qt::LeftButton);
        QCOMPARE(statusOf(dialog, 0), QStringLiteral("Checking…")); // the result arrives through the event loop
        QVERIFY(!dialog.verifyButton()->isEnabled());
        QTRY_COMPARE(statusOf(dialog, 0), QStringLiteral("OK"));
        QVERIFY(dialog.verifyButton()->isEnabled());
        QVERIFY2(dialog.reportText().contains("Ready to use."), qPrintable(dialog.reportText()));
        QVERIFY2(dialog.reportText().contains("dit.safetensors: 131 tensors"), qPrintable(dialog.reportText()));
        QVERIFY(dialog.modelTable()->topLevelItem(0)->text(ModelManagerDialog::SizeColumn).contains("MiB"));
        QVERIFY(!dialog.findChild<QProgressBar*>("busyBar")->isVisible());
    }

    void badFolderShowsItsProblemWithoutBlocking()
    {
        ModelList models;
        Gate gate;
        models.setChecker(gate.checker());
        ModelManagerDialog dialog(models);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const QString folder = linkedNano([](const fs::path& f) {
            fs::remove(f / "config.json");
            std::ofstream(f / "config.json") << "{ oops";
        });

        QElapsedTimer clock;
        clock.start();
        dialog.addFolder(folder);
        QVERIFY(clock.elapsed() < 200); // returned at once: the check waits behind the gate
        QVERIFY(dialog.isBusy());
        QVERIFY(dialog.findChild<QProgressBar*>("busyBar")->isVisible());
        QCOMPARE(dialog.selectedFolder(), ModelList::cleanFolder(folder));
        QCOMPARE(statusOf(dialog, 1), QStringLiteral("Checking…"));

        // The event loop keeps running while the check is held: timers fire
        // and the dialog still reacts to input.
        int ticks = 0;
        QTimer ticker;
        connect(&ticker, &QTimer::timeout, [&ticks] { ++ticks; });
        ticker.start(10);
        QTest::qWait(150);
        QVERIFY2(ticks >= 5, qPrintable(QString::number(ticks)));
        QVERIFY(dialog.grab().save("/tmp/model_manager_busy.png"));
        dialog.modelTable()->setCurrentItem(dialog.modelTable()->topLevelItem(0));
        QVERIFY(dialog.reportText().contains("nano"));
        dialog.selectFolder(folder);

        gate.open();
        QTRY_VERIFY(!dialog.isBusy());
        QCOMPARE(statusOf(dialog, 1), QStringLiteral("Problem"));
        const QString report = dialog.reportText();
        QVERIFY2(report.contains("Problem: config.json is not valid JSON"), qPrintable(report));
        QVERIFY2(report.contains("not offered for generation"), qPrintable(report));
        QVERIFY(!dialog.findChild<QProgressBar*>("busyBar")->isVisible());
        // Listed with its problem, but neither usable nor saved.
        QCOMPARE(models.usableModels().size(), 1);
        QVERIFY(!QSettings().value("models/folders").toStringList().contains(ModelList::cleanFolder(folder)));
        QVERIFY(dialog.removeButton()->isEnabled());
    }

    void truncatedWeightsAreExplained()
    {
        ModelList models;
        ModelManagerDialog dialog(models);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const QString folder = linkedNano([](const fs::path& f) {
            fs::remove(f / "dit.safetensors");
            fs::copy_file(kNano / "dit.safetensors", f / "dit.safetensors");
            fs::resize_file(f / "dit.safetensors", 4096);
        });
        dialog.addFolder(folder);
        QTRY_COMPARE(statusOf(dialog, 1), QStringLiteral("Problem"));
        const QString report = dialog.reportText();
        QVERIFY2(report.contains("Problem: dit.safetensors cannot be read"), qPrintable(report));
        QVERIFY2(report.contains("truncated file?"), qPrintable(report));
        QVERIFY2(report.contains("vae.safetensors: 194 tensors"), qPrintable(report)); // the rest is still checked
        QVERIFY(dialog.modelTable()
                    ->topLevelItem(1)
                    ->toolTip(ModelManagerDialog::StatusColumn)
                    .contains("dit.safetensors"));
        QVERIFY(dialog.grab().save("/tmp/model_manager_problem.png"));
    }

    void copyOfNanoIsAddedSavedAndRemoved()
    {
        const QString folder = nanoCopy(QStringLiteral("nano-copy"));
        {
            ModelList models;
            QSignalSpy changed(&models, &ModelList::changed);
            ModelManagerDialog dialog(models);
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            dialog.addFolder(folder);
            QTRY_COMPARE(statusOf(dialog, 1), QStringLiteral("OK"));
            QVERIFY(changed.count() >= 2);
            QCOMPARE(dialog.modelTable()->topLevelItem(1)->text(ModelManagerDialog::NameColumn),
                QStringLiteral("nano (nano-copy)"));
            QVERIFY2(dialog.reportText().contains("Ready to use."), qPrintable(dialog.reportText()));
            QCOMPARE(models.usableModels().size(), 2);
            QCOMPARE(models.usableModels().at(1).reference(), ModelList::cleanFolder(folder));

            QTRY_COMPARE(statusOf(dialog, 0), QStringLiteral("OK"));
            QVERIFY(dialog.grab().save("/tmp/model_manager.png"));

            dialog.addFolder(folder); // twice: named, not listed twice
            QCOMPARE(dialog.modelTable()->topLevelItemCount(), 2);
            QVERIFY(dialog.reportText().contains("listed already"));
        }
        {
            // Saved: the next start lists it, usable, not checked yet.
            ModelList models;
            QCOMPARE(models.entries().size(), 2);
            QCOMPARE(models.entries().at(1).folder, ModelList::cleanFolder(folder));
            QCOMPARE(models.entries().at(1).name, QStringLiteral("nano (nano-copy)"));
            QCOMPARE(models.entries().at(1).status, ModelEntry::Status::NotChecked);
            QCOMPARE(models.usableModels().size(), 2);

            ModelManagerDialog dialog(models);
            dialog.selectFolder(folder);
            QVERIFY(dialog.reportText().contains("Not checked yet"));
            dialog.show();
            QTRY_COMPARE(statusOf(dialog, 1), QStringLiteral("OK"));
            QVERIFY(dialog.removeButton()->isEnabled());
            QTest::mouseClick(dialog.removeButton(), Qt::LeftButton);
            QCOMPARE(dialog.modelTable()->topLevelItemCount(), 1);
            QCOMPARE(models.usableModels().size(), 1);
            QVERIFY(QSettings().value("models/folders").toStringList().isEmpty());
            QVERIFY(QFileInfo::exists(folder + "/config.json")); // the files stay
        }
    }

    void missingFolderIsAProblemNotACrash()
    {
        ModelList models;
        ModelManagerDialog dialog(models);
        const QString folder = m_temp.filePath("does-not-exist");
        dialog.addFolder(folder);
        QTRY_COMPARE(statusOf(dialog, 1), QStringLiteral("Problem"));
        QVERIFY2(dialog.reportText().contains("does not exist"), qPrintable(dialog.reportText()));
    }

    void removedWhileCheckingDropsTheResult()
    {
        ModelList models;
        Gate gate;
        models.setChecker(gate.checker());
        const QString folder = nanoCopy(QStringLiteral("nano-removed"));
        QVERIFY(models.addFolder(folder));
        QVERIFY(models.removeFolder(folder));
        gate.open();
        QTRY_VERIFY(!models.isChecking());
        QCOMPARE(models.entries().size(), 1);
        QVERIFY(QSettings().value("models/folders").toStringList().isEmpty());
    }
};

QTEST_MAIN(TestModelManager)
#include "tst_model_manager.moc"

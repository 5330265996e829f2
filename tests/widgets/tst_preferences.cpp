#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QMainWindow>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStyle>
#include <QtTest>

#include "widgets/preferences_dialog.h"
#include "widgets/studio_preferences.h"
#include "widgets/studio_status_bar.h"
#include "widgets/theme.h"

using namespace cosmos::widgets;

namespace {

template<typename T>
T* child(QWidget& parent, const char* name)
{
    T* widget = parent.findChild<T*>(QString::fromLatin1(name));
    if (!widget)
        qFatal("no child %s", name);
    return widget;
}

QPushButton* standardButton(QWidget& dialog, QDialogButtonBox::StandardButton which)
{
    return dialog.findChild<QDialogButtonBox*>()->button(which);
}

void selectData(QComboBox* combo, const QString& data)
{
    combo->setCurrentIndex(combo->findData(data));
}

} // namespace

class TestPreferences : public QObject {
    Q_OBJECT

    QPalette m_platformPalette;
    QString m_platformStyle;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(
            QStringLiteral("CosmosStudioTests-%1").arg(QCoreApplication::applicationPid()));
        QCoreApplication::setApplicationName(QStringLiteral("tst_preferences"));
        m_platformPalette = QApplication::palette();
        m_platformStyle = QApplication::style()->name();
        QVERIFY(!isDarkPalette(m_platformPalette));
    }
    void init() { QSettings().clear(); }
    void cleanup() { applyTheme(Theme::System); }
    void cleanupTestCase() { QSettings().clear(); }

    void defaultsUntilSaved()
    {
        const StudioPreferences loaded = StudioPreferences::load();
        QCOMPARE(loaded, StudioPreferences());
        QCOMPARE(loaded.device, QStringLiteral("auto"));
        QCOMPARE(loaded.cpuThreads, 0);
        QCOMPARE(loaded.theme, QStringLiteral("system"));
    }

    void roundTripThroughSettings()
    {
        StudioPreferences p;
        p.device = "cpu";
        p.cpuThreads = 2;
        p.defaultSteps = 20;
        p.defaultGuidance = 0.0; // a real value, not "model default"
        p.defaultFrames = 17;
        p.theme = "dark";
        p.language = "ko";
        p.save();
        QCOMPARE(QSettings().value("preferences/device").toString(), QStringLiteral("cpu"));
        const StudioPreferences loaded = StudioPreferences::load();
        QCOMPARE(loaded, p);
        QCOMPARE(loaded.defaultGuidance, 0.0);
    }

    void badStoredValuesFallBack()
    {
        QSettings().setValue("preferences/device", "tpu");
        QSettings().setValue("preferences/theme", "purple");
        QSettings().setValue("preferences/cpuThreads", -4);
        QSettings().setValue("preferences/defaultFrames", 30);
        const StudioPreferences loaded = StudioPreferences::load();
        QCOMPARE(loaded.device, QStringLiteral("auto"));
        QCOMPARE(loaded.theme, QStringLiteral("system"));
        QCOMPARE(loaded.cpuThreads, 0);
        QCOMPARE(loaded.defaultFrames, 29); // frame counts are 1 + 4k
    }

    void dialogEditsAndSavesWithOk()
    {
        StudioPreferences saved;
        saved.defaultSteps = 30;
        saved.save();
        PreferencesDialog dialog;
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCOMPARE(child<QSpinBox>(dialog, "stepsSpin")->value(), 30);
        QCOMPARE(child<QDoubleSpinBox>(dialog, "guidanceSpin")->text(), QStringLiteral("Model default"));
        QCOMPARE(child<QSpinBox>(dialog, "framesSpin")->text(), QStringLiteral("Model default"));

        selectData(child<QComboBox>(dialog, "deviceCombo"), "cpu");
        auto* threads = child<QSpinBox>(dialog, "threadsSpin");
        threads->setFocus();
        QTest::keyClick(threads, Qt::Key_Up);
        QCOMPARE(threads->value(), 1);
        auto* frames = child<QSpinBox>(dialog, "framesSpin");
        frames->setFocus();
        QTest::keyClick(frames, Qt::Key_Up); // model default -> 1
        QTest::keyClick(frames, Qt::Key_Up); // 1 -> 5
        QCOMPARE(frames->value(), 5);
        auto* guidance = child<QDoubleSpinBox>(dialog, "guidanceSpin");
        guidance->setFocus();
        QTest::keyClick(guidance, Qt::Key_Up); // model default -> 0 (the prompt alone)
        QCOMPARE(guidance->value(), 0.0);
        selectData(child<QComboBox>(dialog, "languageCombo"), "ko");

        QSignalSpy applied(&dialog, &PreferencesDialog::applied);
        QTest::mouseClick(standardButton(dialog, QDialogButtonBox::Ok), Qt::LeftButton);
        QCOMPARE(applied.count(), 1);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        const StudioPreferences loaded = StudioPreferences::load();
        QCOMPARE(loaded.device, QStringLiteral("cpu"));
        QCOMPARE(loaded.cpuThreads, 1);
        QCOMPARE(loaded.defaultSteps, 30);
        QCOMPARE(loaded.defaultGuidance, 0.0);
        QCOMPARE(loaded.defaultFrames, 5);
        QCOMPARE(loaded.language, QStringLiteral("ko"));
        QCOMPARE(applied.first().first().value<StudioPreferences>(), loaded);
    }

    void cancelKeepsTheSavedValues()
    {
        PreferencesDialog dialog;
        dialog.show();
        child<QSpinBox>(dialog, "stepsSpin")->setValue(99);
        QTest::mouseClick(standardButton(dialog, QDialogButtonBox::Cancel), Qt::LeftButton);
        QCOMPARE(StudioPreferences::load().defaultSteps, 0);
        QVERIFY(!QSettings().contains("preferences/defaultSteps"));
    }

    void languageChangeSaysRestart()
    {
        PreferencesDialog dialog;
        auto* note = child<QLabel>(dialog, "languageNote");
        QVERIFY(note->text().contains("restart"));
        QVERIFY(!note->font().bold());
        selectData(child<QComboBox>(dialog, "languageCombo"), "ko");
        QVERIFY(note->font().bold());
    }

    void darkThemeChangesThePaletteAtOnce()
    {
        PreferencesDialog dialog;
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(!isDarkPalette(QApplication::palette()));
        QVERIFY(dialog.grab().save("/tmp/preferences.png"));

        selectData(child<QComboBox>(dialog, "themeCombo"), "dark");
        QVERIFY(isDarkPalette(QApplication::palette())); // previewed before Apply
        QCOMPARE(QApplication::style()->name().toLower(), QStringLiteral("fusion"));
        QTRY_VERIFY(isDarkPalette(dialog.palette())); // widgets follow through events
        QVERIFY(dialog.grab().save("/tmp/preferences_dark.png"));

        // Cancel takes the preview back.
        dialog.reject();
        QVERIFY(!isDarkPalette(QApplication::palette()));
        QCOMPARE(QApplication::palette().color(QPalette::Window), m_platformPalette.color(QPalette::Window));
        QCOMPARE(currentTheme(), Theme::System);

        // Apply keeps it, and saves it.
        PreferencesDialog second;
        selectData(child<QComboBox>(second, "themeCombo"), "dark");
        QTest::mouseClick(standardButton(second, QDialogButtonBox::Apply), Qt::LeftButton);
        second.reject();
        QVERIFY(isDarkPalette(QApplication::palette()));
        QCOMPARE(StudioPreferences::load().theme, QStringLiteral("dark"));

        applyTheme(Theme::Light);
        QVERIFY(!isDarkPalette(QApplication::palette()));
        applyTheme(Theme::System);
        QCOMPARE(QApplication::style()->name(), m_platformStyle);
        QCOMPARE(QApplication::palette().color(QPalette::Window), m_platformPalette.color(QPalette::Window));
    }

    void statusBarShowsMemoryDeviceModelAndJobs()
    {
        QMainWindow window;
        auto* bar = new StudioStatusBar(&window);
        window.setStatusBar(bar);
        window.resize(900, 200);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        QVERIFY(StudioStatusBar::residentBytes() > 1024 * 1024);
        QVERIFY2(QRegularExpression("^Memory: \\d+(\\.\\d)? MiB$").match(bar->memoryText()).hasMatch(),
            qPrintable(bar->memoryText()));
        QCOMPARE(bar->findChild<QLabel*>("memoryLabel")->text(), bar->memoryText());
        QCOMPARE(StudioStatusBar::kMemoryRefreshMs, 2000);

        // The memory label follows the process: hold 64 MiB more and refresh.
        const qint64 before = StudioStatusBar::residentBytes();
        QByteArray ballast(64 * 1024 * 1024, 'x');
        bar->refreshMemory();
        QVERIFY(StudioStatusBar::residentBytes() > before + 32 * 1024 * 1024);
        QVERIFY(ballast.size() > 0);

        QCOMPARE(bar->modelText(), QStringLiteral("No model loaded"));
        bar->setDevice(QStringLiteral("CPU · 2 threads"));
        bar->setModel(QStringLiteral("nano"));
        bar->setJobSummary(QStringLiteral("1 running · step 5/12"));
        QCOMPARE(bar->deviceText(), QStringLiteral("CPU · 2 threads"));
        QCOMPARE(bar->modelText(), QStringLiteral("Model: nano"));
        QVERIFY(bar->findChild<QLabel*>("jobLabel")->isVisible());
        QCOMPARE(bar->jobSummaryText(), QStringLiteral("1 running · step 5/12"));
        bar->showMessage(QStringLiteral("Saved"));
        QVERIFY(window.grab().save("/tmp/status_bar.png"));
        bar->setJobSummary(QString());
        QVERIFY(!bar->findChild<QLabel*>("jobLabel")->isVisible());
    }
};

QTEST_MAIN(TestPreferences)
#include "tst_preferences.moc"

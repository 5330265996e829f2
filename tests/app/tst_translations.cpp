#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QStandardPaths>
#include <QtTest>

#include "app/main_window.h"
#include "app/translations.h"

using namespace cosmos;

class TestTranslations : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName("CosmosStudioTests");
        QCoreApplication::setApplicationName("tst_translations");
    }

    void languageOptionPicksTheLocale()
    {
        QCOMPARE(app::localeForLanguage("ko").language(), QLocale::Korean);
        QCOMPARE(app::localeForLanguage("ko_KR").language(), QLocale::Korean);
        QCOMPARE(app::localeForLanguage("").name(), QLocale::system().name());
    }

    void englishNeedsNoTranslation()
    {
        QVERIFY(!app::installTranslations(*QCoreApplication::instance(), QLocale(QLocale::English)));
    }

    void koreanMenusAreTranslated()
    {
        QVERIFY(app::installTranslations(*QCoreApplication::instance(), QLocale(QLocale::Korean, QLocale::SouthKorea)));
        app::MainWindow window(nullptr);
        QStringList titles;
        for (QAction* action : window.menuBar()->actions())
            titles << action->text();
        QCOMPARE(titles, (QStringList {"파일(&F)", "편집(&E)", "보기(&V)", "도움말(&H)"}));
        QCOMPARE(window.findChild<QAction*>("actionQuit")->text(), QStringLiteral("종료(&Q)"));
        QCOMPARE(window.findChild<QAction*>("actionAbout")->text(), QStringLiteral("Cosmos Studio 정보(&A)"));
        QCOMPARE(window.windowTitle(), QStringLiteral("코스모스 스튜디오"));
        // Every action in every menu has a translation (no English left).
        for (QMenu* menu : {window.fileMenu(), window.editMenu(), window.viewMenu(), window.helpMenu()})
            for (QAction* action : menu->actions())
                if (!action->isSeparator() && !action->text().isEmpty())
                    QVERIFY2(action->text().contains(QRegularExpression("[\\x{AC00}-\\x{D7A3}]")),
                        qPrintable(action->text()));
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"

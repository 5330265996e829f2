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
        QCOMPARE(titles,
            (QStringList {
                "파일(&F)", "편집(&E)", "보기(&V)", "타임라인(&T)", "생성(&G)", "재생(&P)", "비교(&C)", "도움말(&H)"}));
        QCOMPARE(window.findChild<QAction*>("actionQuit")->text(), QStringLiteral("종료(&Q)"));
        QCOMPARE(window.findChild<QAction*>("actionAbout")->text(), QStringLiteral("Cosmos Studio 정보(&A)"));
        QCOMPARE(window.findChild<QAction*>("actionPlayTimeline")->text(), QStringLiteral("타임라인 재생(&T)"));
        QCOMPARE(window.findChild<QAction*>("actionExport")->text(), QStringLiteral("내보내기(&E)..."));
        QCOMPARE(window.findChild<QAction*>("actionPromptMatrix")->text(), QStringLiteral("프롬프트 매트릭스(&M)..."));
        QCOMPARE(window.findChild<QAction*>("actionCompareTakes")->text(), QStringLiteral("테이크 A/B 비교(&A)"));
        QCOMPARE(window.windowTitle(), QStringLiteral("코스모스 스튜디오"));
        // Every action in every menu of the menu bar, submenus included, has a
        // translation (no English left). The Open Recent entries are file
        // names (their status tip is the path): not ours to translate.
        const QRegularExpression hangul("[\\x{AC00}-\\x{D7A3}]");
        QList<QMenu*> menus;
        for (QAction* action : window.menuBar()->actions())
            if (action->menu())
                menus << action->menu();
        QCOMPARE(menus.size(), 8);
        int checked = 0;
        for (int index = 0; index < menus.size(); ++index) {
            QMenu* menu = menus[index];
            for (QAction* action : menu->actions()) {
                if (action->menu())
                    menus << action->menu();
                if (action->isSeparator() || action->text().isEmpty())
                    continue;
                if (menu == window.recentMenu() && !action->statusTip().isEmpty())
                    continue; // a project's file name
                QVERIFY2(action->text().contains(hangul),
                    qPrintable(QStringLiteral("%1: %2").arg(menu->title(), action->text())));
                ++checked;
            }
        }
        QVERIFY(menus.contains(window.recentMenu()));
        QVERIFY2(checked >= 30, qPrintable(QString::number(checked)));
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"

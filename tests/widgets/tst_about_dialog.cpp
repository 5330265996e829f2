#include <QClipboard>
#include <QDialogButtonBox>
#include <QPushButton>
#include <QTableWidget>
#include <QtTest>

#include "widgets/about_dialog.h"

using namespace cosmos::widgets;

class TestAboutDialog : public QObject {
    Q_OBJECT
private slots:
    void showsEveryComponent()
    {
        AboutDialog dialog("0.1.0", {{"Qt", "6.4.2"}, {"LibTorch", "1.13.0"}});
        QCOMPARE(dialog.table()->rowCount(), 2);
        QCOMPARE(dialog.table()->item(1, 0)->text(), QStringLiteral("LibTorch"));
        QCOMPARE(dialog.table()->item(1, 1)->text(), QStringLiteral("1.13.0"));
        QCOMPARE(dialog.versionsText(), QStringLiteral("Qt: 6.4.2\nLibTorch: 1.13.0"));
    }

    void copyButtonPutsVersionsOnClipboard()
    {
        AboutDialog dialog("0.1.0", {{"SQLite", "3.40.1"}});
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QPushButton* copy = nullptr;
        for (auto* button : dialog.findChildren<QPushButton*>())
            if (button->text().contains("Copy"))
                copy = button;
        QVERIFY(copy);
        QApplication::clipboard()->clear();
        QTest::mouseClick(copy, Qt::LeftButton);
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("SQLite: 3.40.1"));
    }
};

QTEST_MAIN(TestAboutDialog)
#include "tst_about_dialog.moc"

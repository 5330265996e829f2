#include <QRegularExpression>
#include <QStandardPaths>
#include <QtTest>

#include "projects/preference.h"
#include "projects/recent_projects.h"
#include "projects/sqlite_info.h"

using namespace cosmos::projects;

class TestPreference : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName("CosmosStudioTests");
        QCoreApplication::setApplicationName("tst_preference");
    }
    void init() { QSettings().clear(); }

    void returnsDefaultUntilSet()
    {
        Preference<int> steps {"test/steps", 35};
        QCOMPARE(steps.get(), 35);
        steps.set(12);
        QCOMPARE(steps.get(), 12);
        QCOMPARE(Preference<int>("test/steps", 35).get(), 12); // shared through QSettings
        steps.reset();
        QCOMPARE(steps.get(), 35);
    }

    void keepsBinaryValues()
    {
        Preference<QByteArray> blob {"test/blob"};
        QVERIFY(blob.get().isEmpty());
        const QByteArray value("\x00\x01\xff layout", 10);
        blob.set(value);
        QCOMPARE(blob.get(), value);
    }

    void recentProjectsAreOrderedUniqueAndBounded()
    {
        RecentProjects recent;
        QVERIFY(recent.list().isEmpty());
        recent.add("/p/a");
        recent.add("/p/b");
        recent.add("/p/a/"); // same folder, cleaned
        QCOMPARE(recent.list(), (QStringList {"/p/a", "/p/b"}));
        for (int i = 0; i < 20; ++i)
            recent.add(QStringLiteral("/p/x%1").arg(i));
        QCOMPARE(recent.list().size(), RecentProjects::kMaxEntries);
        QCOMPARE(recent.list().first(), QStringLiteral("/p/x19"));
        recent.remove("/p/x19");
        QCOMPARE(recent.list().first(), QStringLiteral("/p/x18"));
        recent.clear();
        QVERIFY(recent.list().isEmpty());
    }

    void sqliteReportsItsVersion()
    {
        const QString version = sqliteVersion();
        QVERIFY2(QRegularExpression("^3\\.\\d+\\.\\d+$").match(version).hasMatch(), qPrintable(version));
    }
};

QTEST_GUILESS_MAIN(TestPreference)
#include "tst_preference.moc"

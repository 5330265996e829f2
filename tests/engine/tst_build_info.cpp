#include <QRegularExpression>
#include <QtTest>

#include "engine/build_info.h"

using namespace cosmos::engine;

class TestBuildInfo : public QObject {
    Q_OBJECT
private slots:
    void reportsEveryComponent()
    {
        const BuildInfo info = queryBuildInfo();
        QCOMPARE(QString::fromStdString(info.engineVersion), QStringLiteral(COSMOS_VERSION));
        QStringList names;
        for (const auto& component : info.components) {
            names << QString::fromStdString(component.name);
            QVERIFY2(!component.version.empty(), component.name.c_str());
        }
        QCOMPARE(names, (QStringList {"LibTorch", "FFmpeg", "spdlog"}));
    }

    void versionsLookLikeVersions()
    {
        const QRegularExpression dotted(QStringLiteral("^\\d+\\.\\d+"));
        for (const auto& component : queryBuildInfo().components)
            QVERIFY2(dotted.match(QString::fromStdString(component.version)).hasMatch(), component.version.c_str());
        // FFmpeg's entry names the loaded library ABI as well as the release.
        QVERIFY(QString::fromStdString(queryBuildInfo().components[1].version).contains("libavformat"));
    }

    void cudaCountAgreesWithAvailability()
    {
        const BuildInfo info = queryBuildInfo();
        if (info.cudaAvailable)
            QVERIFY(info.cudaDeviceCount > 0);
        else
            QCOMPARE(info.cudaDeviceCount, 0);
    }
};

QTEST_GUILESS_MAIN(TestBuildInfo)
#include "tst_build_info.moc"

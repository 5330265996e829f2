#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

// Builds the .deb with CPack into a temporary folder and checks its contents.
class TestPackage : public QObject {
    Q_OBJECT
private slots:
    void debianPackageHoldsTheStudio()
    {
        if (QStandardPaths::findExecutable("dpkg-deb").isEmpty())
            QSKIP("dpkg-deb is not installed");
        QTemporaryDir out;
        QVERIFY(out.isValid());
        QProcess cpack;
        cpack.setWorkingDirectory(COSMOS_BINARY_DIR);
        cpack.start("cpack", {"-G", "DEB", "--config", COSMOS_BINARY_DIR "/CPackConfig.cmake", "-B", out.path()});
        QVERIFY(cpack.waitForFinished(300000));
        QVERIFY2(cpack.exitCode() == 0, cpack.readAll().constData());

        const QStringList debs = QDir(out.path()).entryList({"cosmos-studio_*.deb"});
        QCOMPARE(debs.size(), 1);
        QProcess list;
        list.start("dpkg-deb", {"-c", out.filePath(debs.first())});
        QVERIFY(list.waitForFinished(60000));
        const QString contents = QString::fromUtf8(list.readAllStandardOutput());
        for (const char* path : {"./usr/bin/cosmos-studio", "./usr/bin/cosmos-cli",
                 "./usr/share/applications/org.cosmos_studio.CosmosStudio.desktop",
                 "./usr/share/metainfo/org.cosmos_studio.CosmosStudio.metainfo.xml",
                 "./usr/share/icons/hicolor/scalable/apps/org.cosmos_studio.CosmosStudio.svg",
                 "./usr/share/cosmos-studio/translations/cosmos_studio_ko.qm"})
            QVERIFY2(contents.contains(QLatin1String(path)), path);
    }
};

QTEST_GUILESS_MAIN(TestPackage)
#include "tst_package.moc"

// Media files: atomic, content-addressed writes; cleaning; the check.
#include <QTemporaryDir>
#include <QtTest>

#include "projects/media_store.h"

using namespace cosmos::projects;

class TestMediaStore : public QObject {
    Q_OBJECT
private slots:
    void writesAreContentAddressedAndHashed()
    {
        QTemporaryDir dir;
        MediaStore media(dir.path());
        const QByteArray data = "frames of a red ball";
        QString error;
        const auto ref = media.write(data, "clips", "mp4", &error);
        QVERIFY2(ref, qPrintable(error));
        QCOMPARE(ref->sha256, MediaStore::sha256(data));
        QCOMPARE(ref->sizeBytes, data.size());
        QVERIFY(ref->path.startsWith("media/clips/"));
        QVERIFY(ref->path.endsWith(".mp4"));
        QCOMPARE(MediaStore::sha256OfFile(media.absolutePath(ref->path)), ref->sha256);
        // The same content lands on the same file.
        QCOMPARE(media.write(data, "clips", "mp4", &error)->path, ref->path);
        const QStringList leftovers = QDir(dir.filePath("media/clips")).entryList({"*.tmp"}, QDir::Files);
        QVERIFY(leftovers.isEmpty());
    }

    void importsAFile()
    {
        QTemporaryDir dir;
        MediaStore media(dir.path());
        QFile source(dir.filePath("picture.png"));
        QVERIFY(source.open(QIODevice::WriteOnly));
        source.write(QByteArray(3 * 1024 * 1024 + 17, 'x')); // more than one chunk
        source.close();
        QString error;
        const auto ref = media.import(source.fileName(), "assets", &error);
        QVERIFY2(ref, qPrintable(error));
        QVERIFY(ref->path.endsWith(".png"));
        QCOMPARE(ref->sha256, MediaStore::sha256OfFile(source.fileName()));
        QVERIFY(!media.import(dir.filePath("missing.png"), "assets", &error));
        QVERIFY(error.contains("missing.png"));
    }

    void checkFindsMissingCorruptAndOrphanedFiles()
    {
        QTemporaryDir dir;
        MediaStore media(dir.path());
        const MediaRef kept = *media.write("kept", "clips", "mp4", nullptr);
        const MediaRef damaged = *media.write("damaged", "clips", "mp4", nullptr);
        const MediaRef orphan = *media.write("orphan", "thumbnails", "png", nullptr);
        const MediaRef gone {"media/clips/gone.mp4", MediaStore::sha256("gone"), 4};
        QFile file(media.absolutePath(damaged.path));
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("DAMAGED");
        file.close();
        QCOMPARE(media.check({kept}).orphaned, (QStringList {damaged.path, orphan.path}));
        const MediaCheck report = media.check({kept, damaged, gone});
        QCOMPARE(report.missing, QStringList {gone.path});
        QCOMPARE(report.corrupt, QStringList {damaged.path});
        QCOMPARE(report.orphaned, QStringList {orphan.path});
        QVERIFY(!report.isClean());
        QVERIFY(media.check({kept, damaged, orphan}).corrupt.size() == 1);
    }

    // `cosmos-cli project check rel` names the folder relative to the
    // working directory; its files must still match their rows.
    void checkWorksForARelativeFolder()
    {
        QTemporaryDir dir;
        const QString previous = QDir::currentPath();
        QVERIFY(QDir::setCurrent(dir.path()));
        MediaStore media("project");
        const MediaRef kept = *media.write("kept", "clips", "mp4", nullptr);
        const MediaCheck report = media.check({kept});
        QDir::setCurrent(previous);
        QVERIFY2(report.isClean(), qPrintable(report.orphaned.join(", ")));
    }

    void removesTemporaryFiles()
    {
        QTemporaryDir dir;
        MediaStore media(dir.path());
        const MediaRef kept = *media.write("kept", "clips", "mp4", nullptr);
        for (const char* name : {"media/clips/a.tmp", "media/latents/deep/b.tmp"}) {
            QDir().mkpath(QFileInfo(dir.filePath(name)).path());
            QFile file(dir.filePath(name));
            QVERIFY(file.open(QIODevice::WriteOnly));
        }
        QCOMPARE(media.removeTemporaryFiles(), 2);
        QCOMPARE(media.removeTemporaryFiles(), 0);
        QVERIFY(QFileInfo::exists(media.absolutePath(kept.path)));
    }
};

QTEST_GUILESS_MAIN(TestMediaStore)
#include "tst_media_store.moc"

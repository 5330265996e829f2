// Crash safety: a writer is killed with SIGKILL at random moments; after
// each kill the project opens, passes PRAGMA integrity_check, and every take
// whose commit the writer reported is there with its clip, hash intact.
#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include "projects/project_store.h"

using namespace cosmos::projects;

class TestKill : public QObject {
    Q_OBJECT
private slots:
    void committedTakesSurviveSigkill()
    {
        constexpr int kKills = 50;
        QTemporaryDir root;
        const QString folder = root.filePath("project");
        const quint32 seed = QRandomGenerator::global()->generate();
        qInfo("seed %u", seed);
        QRandomGenerator random(seed);
        QSet<qint64> committed;
        int killsWithWrites = 0;
        QElapsedTimer clock;
        clock.start();
        for (int kill = 0; kill < kKills; ++kill) {
            QProcess child;
            child.start(QStringLiteral(PROJECT_WRITER_CHILD), {folder});
            QVERIFY2(child.waitForStarted(10000), qPrintable(child.errorString()));
            // One kill in five at any moment from start-up (opening, migrating,
            // recovering); the others once writing runs (its start-up, which
            // loads the engine's libraries, takes most of a second).
            if (kill % 5 == 0) {
                QThread::msleep(random.bounded(0, 700));
            } else {
                QVERIFY(child.waitForReadyRead(10000));
                QThread::msleep(random.bounded(0, 150));
            }
            QCOMPARE(child.state(), QProcess::Running); // it only stops when killed
            child.kill(); // SIGKILL
            QVERIFY(child.waitForFinished(10000));
            QCOMPARE(child.exitStatus(), QProcess::CrashExit);

            // Only whole lines: a torn last line is a print the kill cut off.
            const QByteArray out = child.readAllStandardOutput();
            const QList<QByteArray> lines = out.left(out.lastIndexOf('\n') + 1).split('\n');
            int printed = 0;
            for (const QByteArray& line : lines) {
                if (!line.isEmpty()) {
                    committed.insert(line.toLongLong());
                    ++printed;
                }
            }
            killsWithWrites += printed > 0 ? 1 : 0;

            ProjectError error;
            auto store = ProjectStore::open(folder, &error);
            if (!store && error.code == ProjectError::Code::NotFound && committed.isEmpty())
                continue; // killed before it created the project
            QVERIFY2(store, qPrintable(error.message + " / " + error.detail));
            const IntegrityReport report = store->check();
            QCOMPARE(report.integrity, QStringList {"ok"});
            QVERIFY(report.foreignKeys.isEmpty());
            QVERIFY2(report.media.missing.isEmpty(), qPrintable(report.media.missing.join(", ")));
            QVERIFY2(report.media.corrupt.isEmpty(), qPrintable(report.media.corrupt.join(", ")));
            for (const qint64 id : committed) {
                const std::optional<TakeRecord> take = store->take(id);
                QVERIFY2(take, qPrintable(QString("take %1 lost after kill %2").arg(id).arg(kill)));
                QCOMPARE(MediaStore::sha256OfFile(store->media().absolutePath(take->clip.path)), take->clip.sha256);
            }
            for (const JobRecord& job : store->jobs())
                QVERIFY(job.state != JobState::Running);
            const QStringList temps = QDir(folder + "/media/clips").entryList({"*.tmp"}, QDir::Files);
            QVERIFY2(temps.isEmpty(), qPrintable(temps.join(", ")));
        }
        qInfo("%d kills (%d after writes), %lld committed takes checked, %lld ms", kKills, killsWithWrites,
            qint64(committed.size()), clock.elapsed());
        QVERIFY(killsWithWrites >= kKills / 2);
    }
};

QTEST_GUILESS_MAIN(TestKill)
#include "tst_kill.moc"

// Files the engine rewrites (a training run's state, a model's card and
// records, a dataset's index) are whole or the old version: a failed write,
// a full disk or an abandoned file never leaves a truncated file under the
// final name, and the error says which file and why.
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include "engine/errors.h"
#include "engine/util/atomic_file.h"
#include "engine/util/json_read.h"

using namespace cosmos::engine;

namespace {

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// What `write` throws as an EngineError; empty when it does not throw.
template<typename Write>
QString errorOf(Write&& write)
{
    try {
        write();
    } catch (const EngineError& error) {
        return QString::fromStdString(error.what());
    }
    return {};
}

} // namespace

class TestAtomicFile : public QObject {
    Q_OBJECT

private slots:
    void writesAndReplacesWholeFiles()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath("state.json");
        util::writeFileAtomically(path.toStdString(), "first\n");
        QCOMPARE(readAll(path), QByteArray("first\n"));
        util::writeFileAtomically(path.toStdString(), "second, longer\n");
        QCOMPARE(readAll(path), QByteArray("second, longer\n"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList {"state.json"});
    }

    void anAbandonedFileLeavesTheOldOne()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath("index.jsonl");
        util::writeFileAtomically(path.toStdString(), "old\n");
        {
            util::AtomicFile file(path.toStdString());
            file.stream() << "half a new";
        } // no commit: a run stopped mid-way
        QCOMPARE(readAll(path), QByteArray("old\n"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList {"index.jsonl"});
    }

    void aFullDiskKeepsTheOldFileAndSaysSo()
    {
        if (!QFile::exists("/dev/full"))
            QSKIP("no /dev/full on this system");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath("MODEL_CARD.md");
        util::writeFileAtomically(path.toStdString(), "the old card\n");
        // The partial file leads to /dev/full, where every flush fails with
        // ENOSPC; a short text fails only when the stream is closed.
        QVERIFY(QFile::link("/dev/full", path + ".partial"));
        const QString message = errorOf([&] { util::writeFileAtomically(path.toStdString(), "a new card\n"); });
        QVERIFY2(message.contains(path) && message.contains("disk full"), qPrintable(message));
        QCOMPARE(readAll(path), QByteArray("the old card\n"));
        QVERIFY(!QFileInfo(path + ".partial").isSymLink());
    }

    void unwritablePlacesAreNamed()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString missing = dir.filePath("no-such-folder/state.json");
        QString message = errorOf([&] { util::writeFileAtomically(missing.toStdString(), "x"); });
        QVERIFY2(message.contains("no-such-folder/state.json.partial"), qPrintable(message));

        // A folder in the final file's place: the rename fails, the partial goes.
        const QString blocked = dir.filePath("config.json");
        QVERIFY(QDir().mkpath(blocked + "/inside"));
        message = errorOf([&] { util::writeFileAtomically(blocked.toStdString(), "{}"); });
        QVERIFY2(message.contains("config.json") && message.contains("into place"), qPrintable(message));
        QVERIFY(!QFile::exists(blocked + ".partial"));
        QVERIFY(QFileInfo(blocked).isDir());
    }

    void optionalRecordsReadAsObjects()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const auto path = dir.filePath("training.json").toStdString();
        QVERIFY(util::readJsonObjectIfPresent(path).empty());
        for (const char* broken : {"{\"runs\": [", "[1, 2]", "\"text\""}) {
            util::writeFileAtomically(path, broken);
            const auto read = util::readJsonObjectIfPresent(path);
            QVERIFY2(read.is_object() && read.empty(), broken);
        }
        util::writeFileAtomically(path, R"({"runs": [{"steps": {"dit": 3}}]})");
        QCOMPARE(util::readJsonObjectIfPresent(path)["runs"].size(), std::size_t(1));
    }
};

QTEST_GUILESS_MAIN(TestAtomicFile)
#include "tst_atomic_file.moc"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

#include "tests/support/cli_process.h"

class TestCli : public QObject {
    Q_OBJECT
private:
    using Result = cosmos::tests::CliResult;
    Result run(const QStringList& arguments) { return cosmos::tests::runCosmosCli(arguments, m_home.path()); }
    QTemporaryDir m_home;

private slots:
    void versionListsEveryComponent()
    {
        const Result result = run({"--version"});
        QCOMPARE(result.code, 0);
        QVERIFY(result.out.startsWith("Cosmos Studio " COSMOS_VERSION "\n"));
        for (const char* name : {"Qt: 6.", "LibTorch: ", "FFmpeg: ", "SQLite: 3.", "spdlog: 1.", "CUDA: "})
            QVERIFY2(result.out.contains(QLatin1String(name)), name);
    }

    void doctorReportsTheEngine()
    {
        const Result result = run({"doctor", "--matmul-size", "128"});
        QCOMPARE(result.code, 0);
        for (const char* field : {"LibTorch:", "Threads:", "BLAS:", "CUDA:", "GFLOP/s at 128x128", "Status:"})
            QVERIFY2(result.out.contains(QLatin1String(field)), qPrintable(result.out));
    }

    void doctorSpeaksJson()
    {
        const Result result = run({"doctor", "--json", "--matmul-size", "64"});
        QCOMPARE(result.code, 0);
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(result.out.toUtf8(), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        const QJsonObject report = doc.object();
        QVERIFY(report.value("matmul").toObject().value("gflops").toDouble() > 0.0);
        QCOMPARE(report.value("matmul").toObject().value("size").toInt(), 64);
        QVERIFY(report.value("intra_op_threads").toInt() >= 1);
        QVERIFY(!report.value("blas").toObject().value("kind").toString().isEmpty());
    }

    void badInputIsExplained()
    {
        Result result = run({"frobnicate"});
        QCOMPARE(result.code, 2);
        QVERIFY(result.err.contains("unknown command 'frobnicate'"));
        result = run({"doctor", "--matmul-size", "huge"});
        QCOMPARE(result.code, 2);
        QVERIFY(result.err.contains("--matmul-size must be an integer"));
        result = run({});
        QCOMPARE(result.code, 2);
        QVERIFY(result.err.contains("usage: cosmos-cli"));
    }

    // A command checks every numeric value before it starts and names all
    // the bad ones in one go, so a long training command is fixed in one edit.
    void everyBadValueIsNamedAtOnce()
    {
        const QString work = m_home.filePath("never-made");
        const Result result = run({"nano-train", "--work", work, "--dit-steps", "many", "--clips", "0", "--vae-frames",
            "6", "--dit-lr", "-1", "--dit-ball-weight", "nan", "--dit-first-frame-weight", "0", "--vae-ball-weight",
            "-2", "--dit-two-ball-share", "1.5"});
        QCOMPARE(result.code, 2);
        for (const char* message : {"nano-train: --dit-steps must be an integer from 0 to 10000000, got 'many'",
                 "nano-train: --clips must be an integer from 1 to 1000000, got '0'",
                 "nano-train: --vae-frames must be 1 + 4k (5, 9, 13, ...), got '6'",
                 "nano-train: --dit-lr must be a number above 0, got '-1'",
                 "nano-train: --dit-ball-weight must be a number above 0, got 'nan'",
                 "nano-train: --dit-first-frame-weight must be a number above 0, got '0'",
                 "nano-train: --vae-ball-weight must be a number above 0, got '-2'",
                 "nano-train: --dit-two-ball-share must be a number from 0 to 1, got '1.5'"})
            QVERIFY2(result.err.contains(QLatin1String(message)), qPrintable(result.err));
        QVERIFY(!QFileInfo::exists(work)); // refused before any work

        const Result generate = run({"generate", "--prompt", "a ball", "--out", m_home.filePath("a.mp4"), "--steps",
            "-3", "--guidance", "101"});
        QCOMPARE(generate.code, 2);
        QVERIFY2(generate.err.contains("generate: --steps must be an integer from 0 to 1000, got '-3'"),
            qPrintable(generate.err));
        QVERIFY2(generate.err.contains("generate: --guidance must be a number from 0 to 100, got '101'"),
            qPrintable(generate.err));
        QVERIFY(!QFileInfo::exists(m_home.filePath("a.mp4")));
    }

    // Every command answers --help on stdout with status 0, and an unknown
    // option with its own name and status 2.
    void everyCommandExplainsItself()
    {
        for (const char* command : {"doctor", "generate", "bench", "nano-data", "nano-train", "nano-eval", "sample",
                 "render", "inspect", "forward", "tokenize"}) {
            Result result = run({command, "--help"});
            QVERIFY2(result.code == 0, command);
            QVERIFY2(result.out.contains("--help"), command);
            result = run({command, "--no-such-option"});
            QVERIFY2(result.code == 2, command);
            QVERIFY2(result.err.contains(
                         QStringLiteral("cosmos-cli %1: Unknown option 'no-such-option'").arg(QLatin1String(command))),
                qPrintable(result.err));
        }
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"

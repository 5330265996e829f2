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
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"

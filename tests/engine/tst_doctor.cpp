#include <QtTest>

#include "engine/doctor.h"

using namespace cosmos::engine;

class TestDoctor : public QObject {
    Q_OBJECT
private slots:
    void classifiesDebianBlasLayouts_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("kind");
        QTest::newRow("openblas-pthread")
            << "/usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3" << int(BlasKind::OpenBlas);
        QTest::newRow("openblas-serial") << "/usr/lib/x86_64-linux-gnu/openblas-serial/libblas.so.3"
                                         << int(BlasKind::OpenBlas);
        QTest::newRow("reference") << "/usr/lib/x86_64-linux-gnu/blas/libblas.so.3" << int(BlasKind::Reference);
        QTest::newRow("libopenblas") << "/usr/lib/x86_64-linux-gnu/libopenblas.so.0" << int(BlasKind::OpenBlas);
        QTest::newRow("mkl") << "/opt/intel/lib/libmkl_rt.so.2" << int(BlasKind::Mkl);
        QTest::newRow("blis") << "/usr/lib/x86_64-linux-gnu/blis-openmp/libblas.so.3" << int(BlasKind::Blis);
        QTest::newRow("not blas") << "/usr/lib/x86_64-linux-gnu/libc.so.6" << int(BlasKind::Unknown);
    }
    void classifiesDebianBlasLayouts()
    {
        QFETCH(QString, path);
        QFETCH(int, kind);
        QCOMPARE(int(classifyBlasLibrary(path.toStdString())), kind);
    }

    void libblasDecidesOverStandaloneOpenblas()
    {
        // libopenblas.so.0 mapped beside the reference libblas.so.3: LibTorch
        // binds to libblas.so.3, so the reference BLAS is what runs.
        const BlasInfo info = probeBlasFromPaths(
            {"/usr/lib/x86_64-linux-gnu/libopenblas.so.0", "/usr/lib/x86_64-linux-gnu/blas/libblas.so.3"});
        QCOMPARE(int(info.kind), int(BlasKind::Reference));
        QCOMPARE(
            QString::fromStdString(info.libraryPath), QStringLiteral("/usr/lib/x86_64-linux-gnu/blas/libblas.so.3"));
        QCOMPARE(int(probeBlasFromPaths({"/lib/libc.so.6"}).kind), int(BlasKind::Unknown));
    }

    void reportsAMeasuredRun()
    {
        DoctorOptions options;
        options.matmulSize = 128;
        options.minMeasureSeconds = 0.05;
        const DoctorReport report = runDoctor(options, nullLogger());
        QVERIFY(!report.torchVersion.empty());
        QVERIFY(report.intraOpThreads >= 1);
        QVERIFY(report.interOpThreads >= 1);
        QCOMPARE(report.matmulSize, 128);
        QVERIFY(report.matmulGflops > 0.0);
        // This process links LibTorch, so some BLAS must be mapped.
        QVERIFY(report.blas.kind != BlasKind::Unknown);
        QCOMPARE(report.healthy(), report.warnings.empty());
        if (report.blas.kind == BlasKind::Reference)
            QVERIFY(!report.warnings.empty());
    }

    void formatsTextAndJson()
    {
        DoctorReport report;
        report.torchVersion = "1.13.0";
        report.intraOpThreads = 2;
        report.interOpThreads = 1;
        report.blas = {BlasKind::Reference, "/usr/lib/x86_64-linux-gnu/blas/libblas.so.3"};
        report.matmulSize = 64;
        report.matmulGflops = 12.5;
        report.warnings.push_back("slow BLAS");
        const QString text = QString::fromStdString(formatDoctorText(report));
        QVERIFY(text.contains("LibTorch:        1.13.0"));
        QVERIFY(text.contains("reference BLAS"));
        QVERIFY(text.contains("12.5 GFLOP/s"));
        QVERIFY(text.contains("WARNING: slow BLAS"));
        QVERIFY(text.contains("problems found"));

        const auto json = doctorToJson(report);
        QCOMPARE(json.at("matmul").at("gflops").get<double>(), 12.5);
        QCOMPARE(json.at("healthy").get<bool>(), false);
        QCOMPARE(json.at("blas").at("kind").get<std::string>(), std::string("reference BLAS (slow)"));
    }
};

QTEST_GUILESS_MAIN(TestDoctor)
#include "tst_doctor.moc"

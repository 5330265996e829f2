// Exporting clips: every format, as a sequence and as a grid, decodes back
// with the expected frames, size, rate, pictures and provenance; existing
// files are never replaced unasked; failures and cancels leave nothing.
// LibTorch before Qt: Qt's `slots` macro would break LibTorch's headers.
#include <torch/torch.h>

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/resource.h>

#include <array>
#include <csignal>
#include <cstdint>
#include <filesystem>
#include <functional>

#include "engine/errors.h"
#include "engine/logging.h"
#include "engine/media/ffmpeg_log.h"
#include "engine/media/media_encoder.h"
#include "engine/media/media_error.h"
#include "engine/runner/job_cancelled.h"
#include "engine/tools/clip_export.h"
#include "engine/tools/clip_frames.h"

using namespace cosmos::engine;

namespace {

namespace fs = std::filesystem;

constexpr int kClipSize = 32;
constexpr double kClipFps = 20.0; // whole 1/100 s GIF delays

// Clip k, frame t: one flat colour, different for every clip and frame.
std::array<int, 3> colourOf(int clip, int frame)
{
    return {40 + 40 * clip, 20 + 30 * frame, 100};
}

// result: [T, H, W, 3] uint8
torch::Tensor flatClip(int clip, int frames, int size)
{
    auto bytes = torch::empty({frames, size, size, 3}, torch::kUInt8);
    for (int t = 0; t < frames; ++t) {
        const auto colour = colourOf(clip, t);
        for (int c = 0; c < 3; ++c)
            bytes[t].select(2, c).fill_(colour[static_cast<std::size_t>(c)]);
    }
    return bytes;
}

QString errorOf(const std::function<void()>& work)
{
    try {
        work();
    } catch (const std::exception& error) {
        return QString::fromStdString(error.what());
    }
    return QStringLiteral("NO ERROR");
}

QStringList entries(const QString& folder)
{
    return QDir(folder).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
}

// The pixel (x, y) of frame t as {r, g, b}.
std::array<int, 3> pixelOf(const PreviewFrames& clip, int t, int x, int y)
{
    const std::size_t at = ((static_cast<std::size_t>(t) * clip.height + y) * clip.width + x) * 3;
    return {clip.rgb[at], clip.rgb[at + 1], clip.rgb[at + 2]};
}

const char* const kProvenance = R"({"project": {"name": "Export test"}, "what": "board", "takes": [1, 2]})";

} // namespace

class TestClipExport : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_sources; // the clips to export, written once
    QStringList m_clips; // PNG sequences (lossless) of 4, 6, 5 and 3 frames
    QString m_oddClip; // another size

    QString writeClip(const QString& name, int clip, int frames, int size)
    {
        media::EncodeOptions options;
        options.fps = kClipFps;
        const QString path = m_sources.filePath(name);
        media::encodeVideo(path.toStdString(), flatClip(clip, frames, size), options);
        return path;
    }

    std::vector<std::string> clips(int count) const
    {
        std::vector<std::string> paths;
        for (int i = 0; i < count; ++i)
            paths.push_back(m_clips[i].toStdString());
        return paths;
    }

private slots:
    void initTestCase()
    {
        media::routeFfmpegLog(nullLogger());
        const int frames[] = {4, 6, 5, 3};
        for (int i = 0; i < 4; ++i)
            m_clips << writeClip(QStringLiteral("clip%1").arg(i), i, frames[i], kClipSize);
        m_oddClip = writeClip(QStringLiteral("odd"), 5, 3, 16);
    }
    void cleanupTestCase() { media::routeFfmpegLog(nullptr); }

    void everyFormatAndLayoutDecodesBack_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("grid");
        QTest::addColumn<bool>("exact"); // lossless: the pictures can be compared
        for (const bool grid : {false, true}) {
            const QString layout = grid ? QStringLiteral("grid") : QStringLiteral("sequence");
            QTest::newRow(qPrintable(layout + " mp4")) << "out.mp4" << grid << false;
            QTest::newRow(qPrintable(layout + " webm")) << "out.webm" << grid << false;
            QTest::newRow(qPrintable(layout + " gif")) << "out.gif" << grid << false;
            QTest::newRow(qPrintable(layout + " png folder")) << "frames" << grid << true;
            QTest::newRow(qPrintable(layout + " png pattern")) << "out_%04d.png" << grid << true;
        }
    }

    void everyFormatAndLayoutDecodesBack()
    {
        QFETCH(QString, name);
        QFETCH(bool, grid);
        QFETCH(bool, exact);
        QTemporaryDir folder;
        ExportRequest request;
        request.outputPath = folder.filePath(name).toStdString();
        request.provenanceJson = kProvenance;
        if (grid) {
            request.layout = ExportRequest::Layout::Grid;
            request.clipPaths = clips(4);
            request.cellLabels = {"A", "seed 2", "", "x"};
            request.scale = 2;
            request.fps = 10; // every frame kept, played at 10 fps
        } else {
            request.clipPaths = clips(3); // fps 0: the clips' own
            request.scale = 3;
        }
        QList<QPair<int, int>> calls;
        const ExportReport report = exportClips(
            request,
            [&](int done, int total) {
                calls.append({done, total});
            },
            nullptr);

        const int frames = grid ? 6 : 4 + 6 + 5; // the longest clip, or all of them
        const int size = grid ? 2 * kClipSize * 2 : kClipSize * 3;
        const double fps = grid ? 10.0 : kClipFps;
        QCOMPARE(report.frames, frames);
        QCOMPARE(report.width, size);
        QCOMPARE(report.height, size);
        QCOMPARE(report.fps, fps);
        QCOMPARE(report.outputPath, request.outputPath);
        QVERIFY(!calls.isEmpty());
        QCOMPARE(calls.first(), qMakePair(0, 0)); // reading the clips: the amount of work is not known yet
        QCOMPARE(calls.last(), qMakePair(frames, frames));

        const DecodedClip decoded = decodeClip(request.outputPath);
        QCOMPARE(decoded.frames->frames, frames);
        QCOMPARE(decoded.frames->width, size);
        QCOMPARE(decoded.frames->height, size);
        QVERIFY2(std::abs(decoded.fps - fps) < 0.01, qPrintable(QString::number(decoded.fps)));

        // The provenance: embedded, and in the JSON beside the file (or the sequence's sidecar).
        const QJsonObject expected = QJsonDocument::fromJson(kProvenance).object();
        const std::string embedded = readEmbeddedProvenance(request.outputPath);
        QCOMPARE(QJsonDocument::fromJson(QByteArray::fromStdString(embedded)).object(), expected);
        QVERIFY(fs::is_regular_file(report.provenancePath));
        QFile beside(QString::fromStdString(report.provenancePath));
        QVERIFY(beside.open(QIODevice::ReadOnly));
        const QJsonObject besideJson = QJsonDocument::fromJson(beside.readAll()).object();
        if (name.endsWith(".png") || !name.contains('.'))
            QCOMPARE(QJsonDocument::fromJson(besideJson["metadata"]["cosmos_provenance"].toString().toUtf8()).object(),
                expected);
        else
            QCOMPARE(besideJson, expected);
        QVERIFY2(!entries(folder.path()).join(' ').contains("partial"), qPrintable(entries(folder.path()).join(' ')));

        if (!exact)
            return;
        const PreviewFrames& out = *decoded.frames;
        if (grid) {
            // Cell k is clip k (2 columns); frame 5 of a shorter clip holds its last frame.
            const int lengths[] = {4, 6, 5, 3};
            for (int k = 0; k < 4; ++k) {
                const int x = (k % 2) * 64 + 48, y = (k / 2) * 64 + 48; // away from the label
                for (const int t : {0, 2, 5}) {
                    const auto colour = colourOf(k, std::min(t, lengths[k] - 1));
                    QCOMPARE(pixelOf(out, t, x, y), colour);
                }
            }
            // Cell 0's label "A": a white glyph pixel on a darkened box (scale 2, nearest).
            QCOMPARE(pixelOf(out, 0, 6, 4), (std::array<int, 3> {255, 255, 255})); // A's top bar
            const auto plain = colourOf(0, 0);
            QCOMPARE(
                pixelOf(out, 0, 2, 2), (std::array<int, 3> {plain[0] * 2 / 5, plain[1] * 2 / 5, plain[2] * 2 / 5}));
            // Cell 2 has no label.
            QCOMPARE(pixelOf(out, 0, 6, 64 + 4), colourOf(2, 0));
        } else {
            // Clip 0's 4 frames, then clip 1's 6, then clip 2's 5.
            QCOMPARE(pixelOf(out, 0, 10, 10), colourOf(0, 0));
            QCOMPARE(pixelOf(out, 3, 10, 10), colourOf(0, 3));
            QCOMPARE(pixelOf(out, 4, 10, 10), colourOf(1, 0));
            QCOMPARE(pixelOf(out, 10, 10, 10), colourOf(2, 0));
            QCOMPARE(pixelOf(out, 14, 95, 95), colourOf(2, 4));
        }
    }

    void aThreeClipGridHasTwoColumns()
    {
        QTemporaryDir folder;
        ExportRequest request;
        request.layout = ExportRequest::Layout::Grid;
        request.clipPaths = clips(3);
        request.outputPath = folder.filePath("three").toStdString();
        const ExportReport report = exportClips(request);
        QCOMPARE(report.width, 2 * kClipSize);
        QCOMPARE(report.height, 2 * kClipSize);
        const DecodedClip decoded = decodeClip(request.outputPath);
        QCOMPARE(pixelOf(*decoded.frames, 0, 48, 48), (std::array<int, 3> {0, 0, 0})); // the empty fourth cell
        QVERIFY(readEmbeddedProvenance(request.outputPath).empty()); // none given
    }

    void existingFilesAreNotReplacedUnasked()
    {
        QTemporaryDir folder;
        ExportRequest request;
        request.clipPaths = clips(1);
        request.outputPath = folder.filePath("take.mp4").toStdString();
        request.provenanceJson = kProvenance;
        exportClips(request);
        QVERIFY(exportTargetExists(request.outputPath));
        const auto size = fs::file_size(request.outputPath);
        const auto time = fs::last_write_time(request.outputPath);

        request.clipPaths = clips(2);
        const QString error = errorOf([&] { exportClips(request); });
        QVERIFY2(error.contains("take.mp4") && error.contains("already exists"), qPrintable(error));
        QCOMPARE(fs::file_size(request.outputPath), size);
        QVERIFY(fs::last_write_time(request.outputPath) == time);

        // Its JSON alone counts too: it would be replaced.
        fs::rename(request.outputPath, folder.filePath("moved.mp4").toStdString());
        QVERIFY(exportTargetExists(request.outputPath));
        QVERIFY(errorOf([&] { exportClips(request); }).contains("already exists"));

        request.overwrite = true;
        QCOMPARE(exportClips(request).frames, 4 + 6);
        QCOMPARE(decodeClip(request.outputPath).frames->frames, 4 + 6);

        // A PNG sequence exists when its first frame or sidecar does.
        const std::string frames = folder.filePath("frames").toStdString();
        QVERIFY(!exportTargetExists(frames));
        fs::create_directory(frames);
        QVERIFY(!exportTargetExists(frames)); // an empty folder replaces nothing
        request.outputPath = frames;
        request.overwrite = false;
        exportClips(request);
        QVERIFY(exportTargetExists(frames));
        QVERIFY(errorOf([&] { exportClips(request); }).contains("already exists"));
    }

    void badRequestsAreExplained()
    {
        QTemporaryDir folder;
        const std::string out = folder.filePath("out.mp4").toStdString();
        auto errorFor = [&](const std::function<void(ExportRequest&)>& change) {
            ExportRequest request;
            request.clipPaths = clips(2);
            request.outputPath = out;
            change(request);
            return errorOf([&] { exportClips(request); });
        };
        QString error = errorFor([](ExportRequest& r) {
            r.layout = ExportRequest::Layout::Grid;
            r.clipPaths.resize(1);
        });
        QVERIFY2(error.contains("2 to 16 clips, found 1"), qPrintable(error));
        error = errorFor([this](ExportRequest& r) {
            r.layout = ExportRequest::Layout::Grid;
            r.clipPaths = std::vector<std::string>(17, m_clips[0].toStdString());
        });
        QVERIFY2(error.contains("found 17"), qPrintable(error));
        error = errorFor([this](ExportRequest& r) { r.clipPaths.push_back(m_oddClip.toStdString()); });
        QVERIFY2(error.contains("different sizes") && error.contains("16x16"), qPrintable(error));
        error = errorFor([&](ExportRequest& r) { r.clipPaths.push_back(folder.filePath("gone.mp4").toStdString()); });
        QVERIFY2(error.contains("clip 3 of 3") && error.contains("gone.mp4"), qPrintable(error));
        error = errorFor([&](ExportRequest& r) { r.outputPath = folder.filePath("out.avi").toStdString(); });
        QVERIFY2(error.contains("'.avi'") && error.contains(".mp4"), qPrintable(error));
        error = errorFor([&](ExportRequest& r) { r.outputPath = folder.filePath("one.png").toStdString(); });
        QVERIFY2(error.contains("one picture") && error.contains("name_%04d.png"), qPrintable(error));
        error = errorFor([](ExportRequest& r) { r.scale = 17; });
        QVERIFY2(error.contains("scale from 1 to 16, found 17"), qPrintable(error));
        error = errorFor([](ExportRequest& r) { r.quality = 0; });
        QVERIFY2(error.contains("quality from 1 to 100"), qPrintable(error));
        error = errorFor([](ExportRequest& r) { r.provenanceJson = "[1, 2]"; });
        QVERIFY2(error.contains("not a JSON object"), qPrintable(error));
        error = errorFor([](ExportRequest& r) { r.clipPaths.clear(); });
        QVERIFY2(error.contains("no clips"), qPrintable(error));
        QVERIFY2(entries(folder.path()).isEmpty(), qPrintable(entries(folder.path()).join(' ')));
    }

    void unwritableFoldersLeaveNothing()
    {
        // /proc takes no new files, even from root (who may write anywhere else).
        for (const char* path : {"/proc/cosmos_export.mp4", "/proc/cosmos_export.gif", "/proc/cosmos_export_%04d.png",
                 "/proc/cosmos_no_such_folder/export.webm"}) {
            ExportRequest request;
            request.clipPaths = clips(2);
            request.outputPath = path;
            request.provenanceJson = kProvenance;
            const QString error = errorOf([&] { exportClips(request); });
            QVERIFY2(error.contains("/proc/cosmos_") && !error.contains("NO ERROR"), qPrintable(error));
            qInfo().noquote() << error;
            QVERIFY(!fs::exists(path));
        }
    }

    void aFailingWriterLeavesNothing_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("mp4") << "fail.mp4";
        QTest::newRow("webm") << "fail.webm";
        QTest::newRow("gif") << "fail.gif";
        QTest::newRow("png folder") << "fail_frames";
        QTest::newRow("png pattern") << "fail_%04d.png";
    }

    void aFailingWriterLeavesNothing()
    {
        QFETCH(QString, name);
        QTemporaryDir folder;
        ExportRequest request;
        request.layout = ExportRequest::Layout::Grid;
        request.clipPaths = clips(4);
        request.outputPath = folder.filePath(name).toStdString();
        request.provenanceJson = kProvenance;
        request.failAfterFrames = 3;
        try {
            exportClips(request);
            QFAIL("no failure");
        } catch (const media::MediaError& error) {
            QCOMPARE(error.kind(), media::MediaErrorKind::WriteFailed);
            QVERIFY2(
                QString(error.what()).contains(name) && QString(error.what()).contains("after frame 3"), error.what());
        }
        QVERIFY2(entries(folder.path()).isEmpty(), qPrintable(entries(folder.path()).join(' ')));
    }

    void aFullDiskLeavesNothing()
    {
        // A file-size limit makes writes past it fail (EFBIG) as on a full disk.
        QTemporaryDir folder;
        const QString noise = folder.filePath("noise.mp4");
        media::EncodeOptions options;
        options.quality = 100;
        media::encodeVideo(noise.toStdString(), torch::randint(0, 256, {8, 64, 64, 3}, torch::kUInt8), options);
        QTemporaryDir target;
        ExportRequest request;
        request.clipPaths = {noise.toStdString()};
        request.outputPath = target.filePath("full.mp4").toStdString();
        request.provenanceJson = kProvenance;
        request.scale = 4;
        request.quality = 100;
        rlimit previous {};
        QCOMPARE(getrlimit(RLIMIT_FSIZE, &previous), 0);
        std::signal(SIGXFSZ, SIG_IGN);
        rlimit limited = previous;
        limited.rlim_cur = 4000;
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &limited), 0);
        const QString error = errorOf([&] { exportClips(request); });
        setrlimit(RLIMIT_FSIZE, &previous);
        std::signal(SIGXFSZ, SIG_DFL);
        QVERIFY2(error.contains("full.mp4") && error.contains("disk or quota is full"), qPrintable(error));
        qInfo().noquote() << error;
        QVERIFY2(entries(target.path()).isEmpty(), qPrintable(entries(target.path()).join(' ')));
    }

    void provenanceThatCannotBeWrittenTakesTheFileWithIt()
    {
        // A folder in the way of the JSON's temporary name: the clip is
        // written, the JSON is not, and the clip goes again.
        QTemporaryDir folder;
        ExportRequest request;
        request.clipPaths = clips(2);
        request.outputPath = folder.filePath("take.gif").toStdString();
        request.provenanceJson = kProvenance;
        fs::create_directory(request.outputPath + ".json.partial");
        const QString error = errorOf([&] { exportClips(request); });
        QVERIFY2(error.contains("take.gif.json"), qPrintable(error));
        QVERIFY2(entries(folder.path()).isEmpty(), qPrintable(entries(folder.path()).join(' ')));
    }

    void cancelMidwayLeavesNothing_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("mp4") << "cancel.mp4";
        QTest::newRow("gif") << "cancel.gif";
        QTest::newRow("png folder") << "cancel_frames";
    }

    void cancelMidwayLeavesNothing()
    {
        QFETCH(QString, name);
        QTemporaryDir folder;
        ExportRequest request;
        request.clipPaths = clips(3);
        request.outputPath = folder.filePath(name).toStdString();
        request.provenanceJson = kProvenance;
        CancelToken cancel;
        int lastDone = 0;
        auto progress = [&](int done, int total) {
            lastDone = done;
            if (total > 0 && done == 5)
                cancel.request(CancelMode::StopNow);
        };
        QVERIFY_THROWS_EXCEPTION(JobCancelled, exportClips(request, progress, &cancel));
        QCOMPARE(lastDone, 5);
        QVERIFY2(entries(folder.path()).isEmpty(), qPrintable(entries(folder.path()).join(' ')));

        // Cancelled before it starts: not a clip is read.
        CancelToken early;
        early.request(CancelMode::FinishTake);
        QVERIFY_THROWS_EXCEPTION(JobCancelled, exportClips(request, {}, &early));
        QVERIFY(entries(folder.path()).isEmpty());
    }

    void formatsAreToldByTheirNames()
    {
        using Format = ExportRequest::Format;
        QCOMPARE(exportFormatOf("a/b.mp4"), Format::Mp4);
        QCOMPARE(exportFormatOf("b.MOV"), Format::Mp4);
        QCOMPARE(exportFormatOf("b.webm"), Format::WebM);
        QCOMPARE(exportFormatOf("b.gif"), Format::Gif);
        QCOMPARE(exportFormatOf("b_%04d.png"), Format::PngSequence);
        QCOMPARE(exportFormatOf(m_sources.filePath("frames_to_be").toStdString()), Format::PngSequence);
        QCOMPARE(exportFormatOf("b.png"), Format::Auto);
        QCOMPARE(exportFormatOf("b_%s.png"), Format::Auto);
    }
};

QTEST_GUILESS_MAIN(TestClipExport)
#include "tst_clip_export.moc"

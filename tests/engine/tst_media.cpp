// LibTorch before Qt: Qt's `slots` macro would break LibTorch's headers.
#include <torch/torch.h>

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/resource.h>

#include <cmath>
#include <csignal>
#include <cstdint>
#include <filesystem>
#include <fstream>

#include "engine/logging.h"
#include "engine/media/ffmpeg_log.h"
#include "engine/media/frame_resampler.h"
#include "engine/media/media_decoder.h"
#include "engine/media/media_encoder.h"
#include "engine/media/media_error.h"

using namespace cosmos::engine;
using namespace cosmos::engine::media;

namespace {

namespace fs = std::filesystem;

// A smooth gradient with a coloured square moving right and down: frames
// differ, colours are saturated, edges are sharp.
// result: [T, H, W, 3] uint8
torch::Tensor syntheticClip(int frames, int height, int width)
{
    auto clip = torch::empty({frames, height, width, 3}, torch::kUInt8);
    auto pixels = clip.accessor<std::uint8_t, 4>();
    for (int t = 0; t < frames; ++t)
        for (int y = 0; y < height; ++y)
            for (int x = 0; x < width; ++x) {
                const bool square = x >= 4 + 2 * t && x < 20 + 2 * t && y >= 8 + t && y < 24 + t;
                pixels[t][y][x][0] = square ? 250 : static_cast<std::uint8_t>(40 + 160 * x / width);
                pixels[t][y][x][1] = square ? 200 : static_cast<std::uint8_t>(60 + 120 * y / height);
                pixels[t][y][x][2] = square ? 30 : 140;
            }
    return clip;
}

// [T, H, W, 3] uint8 -> [3, T, H, W] float in [-1, 1]
torch::Tensor toUnit(const torch::Tensor& bytes)
{
    return bytes.permute({3, 0, 1, 2}).to(torch::kFloat32).div(127.5).sub(1.0);
}

// [3, T, H, W] float in [-1, 1] -> [T, H, W, 3] uint8
torch::Tensor toBytes(const torch::Tensor& unit)
{
    return unit.add(1.0).mul(127.5).round().clamp(0, 255).to(torch::kUInt8).permute({1, 2, 3, 0}).contiguous();
}

double psnr(const torch::Tensor& a, const torch::Tensor& b)
{
    const double mse = (a.to(torch::kFloat64) - b.to(torch::kFloat64)).pow(2).mean().item<double>();
    return mse == 0 ? 99.0 : 10.0 * std::log10(255.0 * 255.0 / mse);
}

template<typename Function>
QString errorOf(Function&& function, MediaErrorKind expectedKind)
{
    try {
        function();
    } catch (const MediaError& error) {
        if (error.kind() != expectedKind)
            return QStringLiteral("WRONG KIND %1: %2").arg(static_cast<int>(error.kind())).arg(error.what());
        return QString::fromStdString(error.what());
    } catch (const std::exception& error) {
        return QStringLiteral("WRONG TYPE: ") + error.what();
    }
    return QStringLiteral("NO ERROR");
}

// True when `error` is a message of the expected kind (not "WRONG ..." or
// "NO ERROR" from errorOf) containing every one of `parts`.
bool mentions(const QString& error, const QStringList& parts)
{
    if (error.startsWith("WRONG") || error == "NO ERROR")
        return false;
    for (const auto& part : parts)
        if (!error.contains(part))
            return false;
    return true;
}

// A 16-bit mono WAV: a valid media file without a video stream.
void writeWav(const std::string& path)
{
    const std::uint32_t samples = 8000;
    std::ofstream out(path, std::ios::binary);
    const auto u32 = [&](std::uint32_t v) {
        for (int i = 0; i < 4; ++i)
            out.put(static_cast<char>((v >> (8 * i)) & 0xff));
    };
    const auto u16 = [&](std::uint16_t v) {
        out.put(static_cast<char>(v & 0xff));
        out.put(static_cast<char>(v >> 8));
    };
    out << "RIFF";
    u32(36 + samples * 2);
    out << "WAVEfmt ";
    u32(16);
    u16(1);
    u16(1);
    u32(8000);
    u32(16000);
    u16(2);
    u16(16);
    out << "data";
    u32(samples * 2);
    for (std::uint32_t i = 0; i < samples; ++i)
        u16(static_cast<std::uint16_t>(static_cast<std::int16_t>(8000 * std::sin(i * 0.1))));
}

QStringList entries(const QString& folder)
{
    return QDir(folder).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
}

} // namespace

class TestMedia : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::string path(const QString& name) const { return m_dir.filePath(name).toStdString(); }

    // Encodes the 17-frame clip at `fps` and decodes it back at the source rate and size.
    double roundTrip(const QString& name, double fps, const QString& codec)
    {
        const auto clip = syntheticClip(17, 64, 64);
        EncodeOptions options;
        options.fps = fps;
        options.quality = 95;
        const auto written = encodeVideo(path(name), toUnit(clip), options);
        if (written.frames != 17 || written.width != 64 || written.height != 64)
            return -1;
        const auto decoded = decodeVideo(path(name));
        const auto bytes = toBytes(decoded.frames);
        if (bytes.sizes() != clip.sizes()) {
            qWarning() << "decoded shape" << QString::fromStdString(c10::str(bytes.sizes()));
            return -2;
        }
        if (decoded.source.codecName != codec.toStdString() || decoded.source.width != 64 || decoded.source.height != 64
            || std::fabs(decoded.fps - fps) > 0.05 * fps) {
            qWarning() << "source" << decoded.source.codecName.c_str() << decoded.source.width << decoded.fps;
            return -3;
        }
        const double value = psnr(bytes, clip);
        qInfo().noquote() << name << "PSNR" << QString::number(value, 'f', 2) << "dB,"
                          << QFileInfo(m_dir.filePath(name)).size() << "bytes";
        return value;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        routeFfmpegLog(nullLogger()); // libx264's statistics and the damaged files' complaints stay quiet
    }

    void cleanupTestCase() { routeFfmpegLog(nullptr); }

    void mp4RoundTrip() { QVERIFY(roundTrip("clip.mp4", 32, "h264") > 30); }
    void webmRoundTrip() { QVERIFY(roundTrip("clip.webm", 32, "vp9") > 30); }
    void gifRoundTrip() { QVERIFY(roundTrip("clip.gif", 20, "gif") > 20); } // 20 fps: whole 1/100 s delays

    void pngSequenceRoundTripsExactly()
    {
        const auto clip = syntheticClip(17, 48, 64);
        EncodeOptions options;
        options.fps = 32;
        for (const QString& target : {QStringLiteral("frames"), QStringLiteral("seq_%04d.png")}) {
            const auto written = encodeVideo(path(target), toUnit(clip), options);
            QCOMPARE(written.frames, 17);
            QCOMPARE(written.files.size(), std::size_t(18)); // 17 frames + sidecar
            for (const auto& file : written.files)
                QVERIFY2(fs::exists(file), file.c_str());
            const auto decoded = decodeVideo(path(target));
            QCOMPARE(decoded.fps, 32.0);
            QVERIFY(torch::equal(toBytes(decoded.frames), clip));
        }
        QVERIFY(fs::exists(path("frames/frame_0001.png")));
        QVERIFY(fs::exists(path("frames/frame.json")));
        QVERIFY(fs::exists(path("seq_0017.png")));
        QVERIFY(fs::exists(path("seq.json")));
        QVERIFY(!fs::exists(path("seq_0018.png")));

        // A shorter sequence under the same name removes the old tail.
        encodeVideo(path("seq_%04d.png"), toUnit(clip.narrow(0, 0, 5)), options);
        QVERIFY(!fs::exists(path("seq_0006.png")));
        QCOMPARE(decodeVideo(path("seq_%04d.png")).frames.size(1), 5);
    }

    // Frames made on request are encoded as the same frames given whole: each
    // asked for once, in order (a grid export never holds its frames at once).
    void providedFramesAreAskedForOneAtATime()
    {
        const auto clip = syntheticClip(9, 32, 48);
        std::vector<int> asked;
        FrameProvider provider;
        provider.count = 9;
        provider.height = 32;
        provider.width = 48;
        provider.frame = [&](int index) {
            asked.push_back(index);
            return clip[index].clone();
        };
        EncodeOptions options;
        options.scale = 2;
        const auto written = encodeVideo(path("provided"), provider, options);
        QCOMPARE(written.frames, 9);
        QCOMPARE(written.width, 96);
        QCOMPARE(asked, std::vector<int>({0, 1, 2, 3, 4, 5, 6, 7, 8}));
        encodeVideo(path("given"), clip, options);
        QVERIFY(torch::equal(decodeVideo(path("provided")).frames, decodeVideo(path("given")).frames));
        asked.clear();
        encodeVideo(path("provided.gif"), provider, options);
        QCOMPARE(asked.size(), std::size_t(9));

        // A frame that is not what the provider promised stops the encoding,
        // saying which, and leaves nothing.
        provider.frame = [&](int index) { return index == 4 ? clip[index].narrow(0, 0, 16).clone() : clip[index]; };
        const QString error
            = errorOf([&] { encodeVideo(path("wrong.mp4"), provider); }, MediaErrorKind::InvalidArgument);
        QVERIFY2(mentions(error, {"frame 5", "48x32"}), qPrintable(error));
        QVERIFY(!fs::exists(path("wrong.mp4")));
        QVERIFY(!fs::exists(path("wrong.mp4.partial")));
        provider.count = 0;
        QVERIFY(mentions(errorOf([&] { encodeVideo(path("none.mp4"), provider); }, MediaErrorKind::InvalidArgument),
            {"at least one frame"}));
    }

    void metadataRoundTrip_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("mp4") << "meta.mp4";
        QTest::newRow("mov") << "meta.mov";
        QTest::newRow("webm") << "meta.webm";
        QTest::newRow("mkv") << "meta.mkv";
        QTest::newRow("gif") << "meta.gif";
        QTest::newRow("png folder") << "meta_frames";
        QTest::newRow("png pattern") << "meta_%03d.png";
    }

    void metadataRoundTrip()
    {
        QFETCH(QString, name);
        EncodeOptions options;
        options.metadata["comment"] = "made by Cosmos Studio";
        options.metadata["cosmos_provenance"]
            = "{\"model\": \"predict2.5-2b\", \"seed\": 42, \"prompt\": \"a \\\"quoted\\\" prompt, "
              "\u00fcn\u00efc\u00f8d\u00e9 \u65e5\u672c\\nsecond line\"}"; // no raw string: moc cannot read them
        options.metadata["cosmos_lines"] = "line one\nline two\ttabbed";
        // Longer than one GIF sub-block and than typical tag buffers.
        options.metadata["cosmos_long"] = std::string(1000, 'x') + "end";
        encodeVideo(path(name), toUnit(syntheticClip(5, 32, 32)), options);
        const auto metadata = readMetadata(path(name));
        for (const auto& [key, value] : options.metadata) {
            QVERIFY2(metadata.count(key), key.c_str());
            QCOMPARE(metadata.at(key), value);
        }
    }

    void imageDecodeCoversAndCrops()
    {
        // 80 wide, 40 high: left half red, right half blue, a green band on top.
        auto image = torch::zeros({40, 80, 3}, torch::kUInt8);
        image.narrow(1, 0, 40).select(2, 0).fill_(255);
        image.narrow(1, 40, 40).select(2, 2).fill_(255);
        image.narrow(0, 0, 10).fill_(0);
        image.narrow(0, 0, 10).select(2, 1).fill_(255);
        for (const QString& name :
            {QStringLiteral("halves.png"), QStringLiteral("halves.jpg"), QStringLiteral("halves.webp")}) {
            encodeImage(path(name), image);
            const auto native = decodeImage(path(name));
            QCOMPARE(native.sizes(), (std::vector<int64_t> {3, 40, 80}));
            if (name.endsWith(".png"))
                QVERIFY(torch::equal(toBytes(native.unsqueeze(1))[0], image));

            // Square: scaled to 64x32, the middle 32 columns kept.
            const auto square = toBytes(decodeImage(path(name), 32, 32).unsqueeze(1))[0].to(torch::kInt);
            QCOMPARE(square.sizes(), (std::vector<int64_t> {32, 32, 3}));
            const auto near = [&](int y, int x, int r, int g, int b) {
                const auto pixel = square[y][x];
                return std::abs(pixel[0].item<int>() - r) < 40 && std::abs(pixel[1].item<int>() - g) < 40
                    && std::abs(pixel[2].item<int>() - b) < 40;
            };
            QVERIFY2(near(2, 4, 0, 255, 0), qPrintable(name + " top left is green"));
            QVERIFY2(near(28, 4, 255, 0, 0), qPrintable(name + " bottom left is red"));
            QVERIFY2(near(28, 28, 0, 0, 255), qPrintable(name + " bottom right is blue"));
            QVERIFY2(near(2, 28, 0, 255, 0), qPrintable(name + " top right is green"));

            // Wide: scaled to 64x32, the middle 16 rows kept: the green band is cropped away.
            const auto wide = toBytes(decodeImage(path(name), 64, 16).unsqueeze(1))[0].to(torch::kInt);
            QCOMPARE(wide.sizes(), (std::vector<int64_t> {16, 64, 3}));
            QVERIFY2(wide[3][2][0].item<int>() > 200 && wide[3][2][1].item<int>() < 60, qPrintable(name));
            QVERIFY2(wide[3][60][2].item<int>() > 200 && wide[3][60][1].item<int>() < 60, qPrintable(name));
        }
    }

    void percentInFileNameIsNotAPattern()
    {
        const auto image = syntheticClip(1, 16, 24)[0];
        encodeImage(path("50%.png"), image);
        QVERIFY(torch::equal(toBytes(decodeImage(path("50%.png")).unsqueeze(1))[0], image));
    }

    void videoDecodeResamplesByTimestamps()
    {
        const auto clip = syntheticClip(16, 64, 64);
        EncodeOptions options;
        options.fps = 32;
        options.quality = 95;
        encodeVideo(path("rate.mp4"), toUnit(clip), options);

        VideoDecodeOptions half;
        half.fps = 16;
        const auto decoded = decodeVideo(path("rate.mp4"), half);
        QCOMPARE(decoded.frames.size(1), 8);
        QCOMPARE(decoded.fps, 16.0);
        const auto bytes = toBytes(decoded.frames);
        for (int i = 0; i < 8; ++i) {
            QVERIFY(std::fabs(decoded.sourceTimesSeconds[i] - 2 * i / 32.0) < 1e-3);
            QVERIFY(psnr(bytes[i], clip[2 * i]) > 30);
            QVERIFY(psnr(bytes[i], clip[2 * i]) > psnr(bytes[i], clip[2 * i + 1]));
        }

        half.maxFrames = 3;
        half.selection = FrameSelection::Last;
        const auto last = toBytes(decodeVideo(path("rate.mp4"), half).frames);
        QCOMPARE(last.size(0), 3);
        QVERIFY(psnr(last[0], clip[10]) > 30 && psnr(last[2], clip[14]) > 30);
        half.selection = FrameSelection::First;
        const auto first = toBytes(decodeVideo(path("rate.mp4"), half).frames);
        QVERIFY(psnr(first[0], clip[0]) > 30 && psnr(first[2], clip[4]) > 30);

        VideoDecodeOptions twice;
        twice.fps = 64;
        twice.width = 32;
        twice.height = 16;
        const auto doubled = decodeVideo(path("rate.mp4"), twice);
        QCOMPARE(doubled.frames.sizes(), (std::vector<int64_t> {3, 32, 16, 32}));

        const auto info = probeVideo(path("rate.mp4"));
        QCOMPARE(info.frameCount, 16);
        QVERIFY(info.frameCountExact);
        QVERIFY(std::fabs(info.durationSeconds - 0.5) < 0.01);
        QCOMPARE(info.codecName, std::string("h264"));
    }

    void variableFrameRateGifIsResampled()
    {
        // GIF delays are whole 1/100 s: 32 fps is written as 3, 3, 3, 4, ... cs.
        const auto clip = syntheticClip(17, 64, 64);
        EncodeOptions options;
        options.fps = 32;
        const auto written = encodeVideo(path("vfr.gif"), toUnit(clip), options);
        QCOMPARE(written.notes.size(), std::size_t(1)); // the uneven delays are reported
        VideoDecodeOptions decode;
        decode.fps = 32;
        const auto decoded = decodeVideo(path("vfr.gif"), decode);
        QCOMPARE(decoded.frames.size(1), 17);
        const auto bytes = toBytes(decoded.frames);
        for (int i = 0; i < 17; ++i) {
            QVERIFY(std::fabs(decoded.sourceTimesSeconds[i] - i / 32.0) < 0.011);
            QVERIFY2(psnr(bytes[i], clip[i]) > 20, qPrintable(QString::number(i)));
            if (i + 1 < 17)
                QVERIFY(psnr(bytes[i], clip[i]) > psnr(bytes[i], clip[i + 1]));
        }
    }

    void resamplerHandlesVariableFrameRates()
    {
        // Source frames at uneven times; output at 10 fps takes the nearest.
        NearestFrameResampler resampler(10);
        const double times[] = {0.0, 0.04, 0.19, 0.21, 0.5};
        std::vector<int> picks; // source index for each output frame
        int previous = 0;
        for (int i = 0; i < 5; ++i) {
            const auto fill = resampler.push(times[i]);
            picks.insert(picks.end(), fill.fromPrevious, previous);
            picks.insert(picks.end(), fill.fromCurrent, i);
            previous = i;
        }
        picks.insert(picks.end(), resampler.finish(0.6), previous);
        // 0.0->0, 0.1->0.04 (1), 0.2->0.19/0.21 tie at 0.01: later (3), 0.3->0.21 (3), 0.4->0.5 (4), 0.5->4
        QCOMPARE(picks, (std::vector<int> {0, 1, 3, 3, 4, 4}));
    }

    void scalingAndOddSizes()
    {
        const auto clip = syntheticClip(5, 32, 32);
        EncodeOptions options;
        options.scale = 2;
        auto written = encodeVideo(path("big_%02d.png"), toUnit(clip), options);
        QCOMPARE(written.width, 64);
        const auto big = toBytes(decodeVideo(path("big_%02d.png")).frames);
        QVERIFY(torch::equal(big, clip.repeat_interleave(2, 1).repeat_interleave(2, 2)));

        options.scale = 1.5;
        options.scaleFilter = ScaleFilter::Lanczos;
        written = encodeVideo(path("lanczos.mp4"), toUnit(clip), options);
        QCOMPARE(written.width, 48);
        QCOMPARE(probeVideo(path("lanczos.mp4")).width, 48);

        const auto odd = syntheticClip(5, 33, 31);
        options = {};
        written = encodeVideo(path("odd.mp4"), toUnit(odd), options);
        QCOMPARE(written.width, 32);
        QCOMPARE(written.height, 34);
        QCOMPARE(written.notes.size(), std::size_t(1));
        const auto padded = decodeVideo(path("odd.mp4"));
        QCOMPARE(padded.frames.size(2), 34);
        QCOMPARE(padded.frames.size(3), 32);
        written = encodeVideo(path("odd.webm"), toUnit(odd), options);
        QCOMPARE(written.width, 31);
        QCOMPARE(decodeVideo(path("odd.webm")).frames.size(3), 31);
    }

    void readErrorsAreExplained()
    {
        QString error = errorOf([&] { decodeVideo(path("missing.mp4")); }, MediaErrorKind::MissingFile);
        QVERIFY2(mentions(error, {"missing.mp4", "does not exist"}), qPrintable(error));
        error = errorOf([&] { decodeImage(path("missing.png")); }, MediaErrorKind::MissingFile);
        QVERIFY2(mentions(error, {"missing.png"}), qPrintable(error));

        {
            std::ofstream text(path("notes.mp4"));
            text << "These are notes, not a video.\n";
        }
        error = errorOf([&] { decodeVideo(path("notes.mp4")); }, MediaErrorKind::NotMedia);
        QVERIFY2(mentions(error, {"notes.mp4", "FFmpeg says"}), qPrintable(error));

        writeWav(path("sound.wav"));
        error = errorOf([&] { decodeVideo(path("sound.wav")); }, MediaErrorKind::NoVideoStream);
        QVERIFY2(mentions(error, {"sound.wav", "1 audio stream"}), qPrintable(error));

        error = errorOf([&] { decodeVideo(path("empty_%04d.png")); }, MediaErrorKind::MissingFile);
        QVERIFY2(mentions(error, {"empty_%04d.png"}), qPrintable(error));
    }

    void truncatedVideoDecodesWhatItCan()
    {
        EncodeOptions options;
        options.quality = 95;
        // Long enough that the first keyframe is a small part of the file;
        // faststart puts the index first, so the cut loses frames, not the index.
        encodeVideo(path("whole.mp4"), toUnit(syntheticClip(40, 64, 64)), options);
        const auto size = fs::file_size(path("whole.mp4"));
        fs::copy_file(path("whole.mp4"), path("cut.mp4"));
        fs::resize_file(path("cut.mp4"), size * 6 / 10);

        const auto partial = decodeVideo(path("cut.mp4"));
        const auto got = partial.frames.size(1);
        QVERIFY2(got >= 1 && got < 40, qPrintable(QString::number(got)));
        QVERIFY(!partial.warnings.empty());

        VideoDecodeOptions all;
        all.minFrames = 40;
        const QString error = errorOf([&] { decodeVideo(path("cut.mp4"), all); }, MediaErrorKind::TooFewFrames);
        QVERIFY2(
            mentions(error, {"cut.mp4", "expected at least 40 frames", QStringLiteral("got %1").arg(got), "truncated"}),
            qPrintable(error));
        qInfo().noquote() << error;

        // Cut inside the index: not readable at all, and said so.
        fs::copy_file(path("whole.mp4"), path("stub.mp4"));
        fs::resize_file(path("stub.mp4"), 100);
        const QString stub = errorOf([&] { decodeVideo(path("stub.mp4")); }, MediaErrorKind::NotMedia);
        QVERIFY2(mentions(stub, {"stub.mp4", "no streams"}), qPrintable(stub));
        qInfo().noquote() << stub;
    }

    void writeErrorsLeaveNothing()
    {
        const auto frames = toUnit(syntheticClip(3, 16, 16));
        for (const char* name : {"/proc/cosmos_no_such_folder/clip.mp4", "/proc/clip.mp4", "/proc/clip.gif",
                 "/proc/clip_%04d.png", "/proc/clip.webm"}) {
            const QString error = errorOf([&] { encodeVideo(name, frames); }, MediaErrorKind::WriteFailed);
            // A PNG sequence names the frame file that failed.
            QVERIFY2(mentions(error, {QString(name).replace("%04d", "0001")}), qPrintable(error));
            QVERIFY(!fs::exists(name));
        }

        QString error = errorOf([&] { encodeVideo(path("clip.xyz"), frames); }, MediaErrorKind::InvalidArgument);
        QVERIFY2(mentions(error, {"clip.xyz", "'.xyz'", ".mp4"}), qPrintable(error));
        QVERIFY(!fs::exists(path("clip.xyz")));

        error = errorOf([&] { encodeVideo(path("many.png"), frames); }, MediaErrorKind::InvalidArgument);
        QVERIFY2(mentions(error, {"many.png", "found 3 frames"}), qPrintable(error));

        error = errorOf(
            [&] {
                encodeVideo(path("shape.mp4"), torch::zeros({4, 3, 16, 16}));
            },
            MediaErrorKind::InvalidArgument);
        QVERIFY2(mentions(error, {"shape.mp4", "[4, 3, 16, 16]"}), qPrintable(error));

        EncodeOptions badKey;
        badKey.metadata["Has Space"] = "x";
        error = errorOf([&] { encodeVideo(path("key.mp4"), frames, badKey); }, MediaErrorKind::InvalidArgument);
        QVERIFY2(mentions(error, {"key.mp4", "Has Space"}), qPrintable(error));
        QVERIFY(!fs::exists(path("key.mp4")));
    }

    void fullDiskLeavesNothing_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("mp4") << "full.mp4";
        QTest::newRow("webm") << "full.webm";
        QTest::newRow("gif") << "full.gif";
        QTest::newRow("png pattern") << "full_%04d.png";
    }

    void fullDiskLeavesNothing()
    {
        // A file-size limit makes writes past it fail (EFBIG) as on a full
        // disk, without needing one.
        QFETCH(QString, name);
        QTemporaryDir folder;
        const std::string target = folder.filePath(name).toStdString();
        const auto frames = torch::rand({3, 17, 64, 64}) * 2 - 1; // noise: no frame compresses below the limit
        rlimit previous {};
        QCOMPARE(getrlimit(RLIMIT_FSIZE, &previous), 0);
        std::signal(SIGXFSZ, SIG_IGN);
        rlimit limited = previous;
        limited.rlim_cur = 2000;
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &limited), 0);
        EncodeOptions options;
        options.quality = 100;
        const QString error = errorOf([&] { encodeVideo(target, frames, options); }, MediaErrorKind::WriteFailed);
        setrlimit(RLIMIT_FSIZE, &previous);
        std::signal(SIGXFSZ, SIG_DFL);
        QVERIFY2(mentions(error, {QString(name).replace("%04d", "0001").section('.', 0, 0)}), qPrintable(error));
        qInfo().noquote() << error;
        QVERIFY2(entries(folder.path()).isEmpty(), qPrintable(entries(folder.path()).join(", ")));
    }

    void cancelLeavesNothing_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("mp4") << "cancel.mp4";
        QTest::newRow("webm") << "cancel.webm";
        QTest::newRow("gif") << "cancel.gif";
        QTest::newRow("png folder") << "cancel_frames";
        QTest::newRow("png pattern") << "cancel_%04d.png";
    }

    void cancelLeavesNothing()
    {
        QFETCH(QString, name);
        QTemporaryDir folder;
        const std::string target = folder.filePath(name).toStdString();
        EncodeOptions options;
        int calls = 0;
        options.progress = [&](int frame, int frames) {
            ++calls;
            return !(frame == 5 && frames == 10);
        };
        try {
            encodeVideo(target, toUnit(syntheticClip(10, 32, 32)), options);
            QFAIL("not cancelled");
        } catch (const MediaCancelled& cancelled) {
            QCOMPARE(cancelled.frame(), 5);
            QVERIFY(QString(cancelled.what()).contains(name));
        }
        QCOMPARE(calls, 5);
        QVERIFY2(entries(folder.path()).isEmpty(), qPrintable(entries(folder.path()).join(", ")));
    }
};

QTEST_GUILESS_MAIN(TestMedia)
#include "tst_media.moc"

// LibTorch before Qt: Qt's `slots` macro would break LibTorch's headers.
#include <torch/torch.h>

#include <QTemporaryDir>
#include <QtTest>

#include <cstdint>
#include <cstdlib>
#include <filesystem>

#include "engine/logging.h"
#include "engine/media/ffmpeg_log.h"
#include "engine/media/media_encoder.h"
#include "engine/media/media_error.h"
#include "engine/tools/clip_frames.h"

using namespace cosmos::engine;

namespace {

namespace fs = std::filesystem;

// Frame t is one flat colour with a bright square whose place moves with t.
// result: [T, H, W, 3] uint8
torch::Tensor colourClip(int frames, int height, int width)
{
    auto clip = torch::empty({frames, height, width, 3}, torch::kUInt8);
    auto pixels = clip.accessor<std::uint8_t, 4>();
    for (int t = 0; t < frames; ++t)
        for (int y = 0; y < height; ++y)
            for (int x = 0; x < width; ++x) {
                const bool square = x >= t && x < t + 4 && y >= 2 && y < 6;
                pixels[t][y][x][0] = square ? 255 : static_cast<std::uint8_t>(20 * t);
                pixels[t][y][x][1] = square ? 255 : static_cast<std::uint8_t>(200 - 10 * t);
                pixels[t][y][x][2] = square ? 255 : 60;
            }
    return clip;
}

// [T, H, W, 3] uint8 -> [3, T, H, W] float in [-1, 1]
torch::Tensor toUnit(const torch::Tensor& bytes)
{
    return bytes.permute({3, 0, 1, 2}).to(torch::kFloat32).div(127.5).sub(1.0);
}

PreviewPtr flatClip(int frames, int width, int height, std::uint8_t value)
{
    auto clip = std::make_shared<PreviewFrames>();
    clip->frames = frames;
    clip->width = width;
    clip->height = height;
    clip->rgb.assign(static_cast<std::size_t>(frames * width * height * 3), value);
    return clip;
}

template<typename Error, typename Work>
QString errorOf(Work work)
{
    try {
        work();
    } catch (const Error& error) {
        return QString::fromStdString(error.what());
    }
    return {};
}

} // namespace

class TestClipFrames : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { media::routeFfmpegLog(nullLogger()); } // libx264's statistics and the damage stay quiet
    void cleanupTestCase() { media::routeFfmpegLog(nullptr); }

    void losslessClipComesBackExactly()
    {
        QTemporaryDir dir;
        const auto clip = colourClip(6, 8, 16);
        media::EncodeOptions options;
        options.fps = 12;
        const std::string folder = dir.filePath("frames").toStdString();
        media::encodeVideo(folder, toUnit(clip), options);

        const DecodedClip decoded = decodeClip(folder);
        QVERIFY(decoded.frames);
        QCOMPARE(decoded.frames->frames, 6);
        QCOMPARE(decoded.frames->width, 16);
        QCOMPARE(decoded.frames->height, 8);
        QCOMPARE(decoded.frames->step, 0);
        QCOMPARE(decoded.fps, 12.0);
        QVERIFY(decoded.warnings.empty());
        const auto* expected = clip.data_ptr<std::uint8_t>();
        QVERIFY(std::equal(decoded.frames->rgb.begin(), decoded.frames->rgb.end(), expected));
        QCOMPARE(decoded.frames->rgb.size(), static_cast<std::size_t>(clip.numel()));
    }

    void videoKeepsFrameCountRateAndColours()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath("take.mp4").toStdString();
        media::encodeVideo(path, toUnit(colourClip(20, 64, 64)));

        const DecodedClip decoded = decodeClip(path);
        QCOMPARE(decoded.frames->frames, 20);
        QCOMPARE(decoded.frames->width, 64);
        QCOMPARE(decoded.fps, 16.0);
        // Frame 10, pixel (40, 40): outside the square, (200, 100, 60) before H.264.
        const auto at = ((10 * 64 + 40) * 64 + 40) * 3;
        QVERIFY(std::abs(decoded.frames->rgb[at] - 200) < 12);
        QVERIFY(std::abs(decoded.frames->rgb[at + 1] - 100) < 12);
        QVERIFY(std::abs(decoded.frames->rgb[at + 2] - 60) < 12);
    }

    void brokenFilesAreExplained()
    {
        QTemporaryDir dir;
        const std::string missing = dir.filePath("missing.mp4").toStdString();
        QString error = errorOf<media::MediaError>([&] { decodeClip(missing); });
        QVERIFY2(error.contains("missing.mp4") && error.contains("does not exist"), qPrintable(error));

        const std::string whole = dir.filePath("whole.mp4").toStdString();
        media::EncodeOptions options;
        options.quality = 95;
        media::encodeVideo(whole, toUnit(colourClip(40, 64, 64)), options);

        // Cut in the middle: what is left plays, and the damage is reported.
        const std::string cut = dir.filePath("cut.mp4").toStdString();
        fs::copy_file(whole, cut);
        fs::resize_file(cut, fs::file_size(whole) * 6 / 10);
        const DecodedClip partial = decodeClip(cut);
        QVERIFY(partial.frames->frames >= 1 && partial.frames->frames < 40);
        QVERIFY(!partial.warnings.empty());
        qInfo() << "truncated:" << partial.frames->frames << "frames," << partial.warnings.front().c_str();

        // Cut inside the header: nothing to play, an error naming the file.
        const std::string stub = dir.filePath("stub.mp4").toStdString();
        fs::copy_file(whole, stub);
        fs::resize_file(stub, 100);
        error = errorOf<EngineError>([&] { decodeClip(stub); });
        QVERIFY2(error.contains("stub.mp4"), qPrintable(error));
        qInfo().noquote() << error;
    }

    void clipsJoinInOrder()
    {
        const auto joined
            = concatenateClips({flatClip(2, 4, 3, 10), nullptr, flatClip(3, 4, 3, 20), flatClip(0, 0, 0, 0)});
        QVERIFY(joined);
        QCOMPARE(joined->frames, 5);
        QCOMPARE(joined->width, 4);
        QCOMPARE(joined->height, 3);
        QCOMPARE(joined->rgb.size(), std::size_t(5 * 4 * 3 * 3));
        QCOMPARE(joined->rgb.front(), std::uint8_t(10));
        QCOMPARE(joined->rgb[2 * 4 * 3 * 3 - 1], std::uint8_t(10));
        QCOMPARE(joined->rgb[2 * 4 * 3 * 3], std::uint8_t(20));
        QCOMPARE(joined->rgb.back(), std::uint8_t(20));

        QVERIFY(!concatenateClips({}));
        QVERIFY(!concatenateClips({nullptr}));
    }

    void clipsOfDifferentSizesAreRefused()
    {
        QString error = errorOf<EngineError>([] { concatenateClips({flatClip(2, 4, 3, 0), flatClip(1, 8, 3, 0)}); });
        QVERIFY2(error.contains("clip 2 is 8x3") && error.contains("4x3"), qPrintable(error));

        auto broken = std::make_shared<PreviewFrames>(*flatClip(2, 4, 3, 0));
        broken->rgb.resize(10);
        error = errorOf<EngineError>([&] { concatenateClips({broken}); });
        QVERIFY2(error.contains("holds 10 bytes"), qPrintable(error));
    }
};

QTEST_MAIN(TestClipFrames)
#include "tst_clip_frames.moc"

// LibTorch before Qt: Qt's `slots` macro would break LibTorch's headers.
#include <torch/torch.h>

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

#include <atomic>
#include <cmath>
#include <map>
#include <mutex>
#include <new>
#include <tuple>

#include <nlohmann/json.hpp>

#include "engine/media/ffmpeg_log.h"
#include "engine/media/media_encoder.h"
#include "engine/runner/decode_speed_record.h"
#include "engine/runner/engine_runner.h"
#include "engine/runner/generation_job.h"
#include "engine/runner/model_cache.h"
#include "engine/runner/out_of_memory.h"
#include "engine/text/bpe_tokenizer.h"

using namespace cosmos::engine;

namespace {

constexpr std::uint64_t GiB = std::uint64_t(1) << 30;

// The nano architecture with seeded random weights and the fixture
// tokenizer; each call counted, as the cache should call it once per model.
ModelLoader nanoLoader(std::atomic<int>& calls, std::uint64_t seed = 7)
{
    return [&calls, seed] {
        ++calls;
        static const auto tokenizer = std::make_shared<const text::BpeTokenizer>(
            text::BpeTokenizer::fromFile(COSMOS_SOURCE_DIR "/tests/fixtures/tokenizer/tokenizer.json"));
        const auto config = pipeline::WorldModelConfig::nano();
        return pipeline::WorldModel::random(config, seed, pipeline::makePromptTokenizer(tokenizer, config.text));
    };
}

// The smallest take: 5 frames of 64x64 in 2 steps.
GenerationJobSpec nanoSpec(const QString& out, ModelLoader loader, int steps = 2)
{
    GenerationJobSpec spec;
    spec.modelKey = "nano";
    spec.loadModel = std::move(loader);
    spec.request.prompt = "a red ball bounces to the right";
    spec.request.frames = 5;
    spec.request.steps = steps;
    spec.request.seed = 42;
    spec.output.path = out.toStdString();
    return spec;
}

[[noreturn]] void throwTorchError(const std::string& message)
{
    throw c10::Error(c10::SourceLocation {__func__, __FILE__, static_cast<std::uint32_t>(__LINE__)}, message);
}

// What one job reported, by the name the test gave it.
struct JobRecord {
    std::vector<std::string> phases; // each phase once, in order
    std::vector<int> samplingSteps;
    int previews = 0;
    int previewFrames = 0;
    std::optional<JobResult> result;
    std::string failure;
    bool cancelled = false;
};

class Recorder {
public:
    using ProgressHook = std::function<void(JobId, const StepProgress&)>;

    JobCallbacks callbacks(const std::string& name, ProgressHook hook = {})
    {
        JobCallbacks c;
        c.progress = [this, name, hook](JobId id, const StepProgress& p) {
            {
                std::lock_guard<std::mutex> lock(m_mutex);
                auto& job = m_jobs[name];
                if (job.phases.empty() || job.phases.back() != p.phase)
                    job.phases.push_back(p.phase);
                if (p.phase == "sampling")
                    job.samplingSteps.push_back(p.step);
            }
            if (hook)
                hook(id, p);
        };
        c.preview = [this, name](JobId, const PreviewPtr& frames) {
            std::lock_guard<std::mutex> lock(m_mutex);
            ++m_jobs[name].previews;
            m_jobs[name].previewFrames = frames->frames;
        };
        c.finished = [this, name](JobId, const JobResult& result) {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_jobs[name].result = result;
        };
        c.failed = [this, name](JobId, const std::string& message) {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_jobs[name].failure = message;
        };
        c.cancelled = [this, name](JobId, CancelMode) {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_jobs[name].cancelled = true;
        };
        return c;
    }

    JobRecord operator[](const std::string& name)
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        return m_jobs[name];
    }

private:
    std::mutex m_mutex;
    std::map<std::string, JobRecord> m_jobs;
};

// The cache's keys, read on the engine thread as the cache requires.
std::vector<std::string> loadedKeys(EngineRunner& runner, const std::shared_ptr<ModelCache>& cache)
{
    std::vector<std::string> keys;
    runner.post([&] { keys = cache->loadedKeys(); });
    runner.waitIdle();
    return keys;
}

} // namespace

class TestGenerationJobs : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { media::routeFfmpegLog(nullLogger()); } // libx264's statistics stay quiet
    void cleanupTestCase() { media::routeFfmpegLog(nullptr); }

    void twoJobsShareOneLoadedModel()
    {
        QTemporaryDir dir;
        std::atomic<int> loads {0};
        auto cache = std::make_shared<ModelCache>(nullLogger());
        EngineRunner runner(nullLogger());
        Recorder record;
        const QString first = dir.filePath("first.mp4");
        const QString second = dir.filePath("second.mp4");
        auto secondSpec = nanoSpec(second, nanoLoader(loads));
        secondSpec.request.seed = 43;
        runner.submit("first", makeGenerationJob(cache, nanoSpec(first, nanoLoader(loads))), record.callbacks("first"));
        runner.submit("second", makeGenerationJob(cache, secondSpec), record.callbacks("second"));
        runner.waitIdle();

        QCOMPARE(loads.load(), 1);
        for (const char* name : {"first", "second"}) {
            const JobRecord job = record[name];
            QVERIFY2(job.result, job.failure.c_str());
            QCOMPARE(job.samplingSteps, (std::vector<int> {1, 2}));
            QCOMPARE(job.previews, 2);
            QCOMPARE(job.previewFrames, 5);
            QCOMPARE(job.phases.back(), std::string("writing"));
        }
        // Only the first job had to load the model.
        QCOMPARE(record["first"].phases.front(), std::string("loading"));
        QCOMPARE(record["second"].phases.front(), std::string("text"));

        const JobResult result = *record["second"].result;
        QCOMPARE(result.outputPath, second.toStdString());
        QVERIFY2(result.summary.find("wrote " + second.toStdString() + " (5 frames, 64x64, 2 steps") == 0,
            result.summary.c_str());
        const auto provenance = nlohmann::json::parse(result.provenanceJson);
        QCOMPARE(provenance["prompt"].get<std::string>(), std::string("a red ball bounces to the right"));
        QCOMPARE(provenance["seed"].get<int>(), 43);
        QCOMPARE(provenance["model"]["weights"].get<std::string>(), std::string("random:7"));
        for (const QString& out : {first, second}) {
            QVERIFY(QFileInfo::exists(out));
            QVERIFY(QFileInfo::exists(out + ".json"));
        }
        const auto metadata = media::readMetadata(second.toStdString());
        QVERIFY(nlohmann::json::parse(metadata.at("cosmos_provenance"))["seed"] == 43);

        // Unloading on request: a task posted between jobs.
        QCOMPARE(loadedKeys(runner, cache), std::vector<std::string> {"nano"});
        runner.post([cache] { cache->unloadAll(); });
        QCOMPARE(loadedKeys(runner, cache), std::vector<std::string> {});
    }

    // A decode speed measured in one session gives the next session's first
    // take a time left that counts its decoding; without it the decoding
    // phase's time left is unknown until the model has decoded once.
    void theDecodeSpeedIsKeptForTheNextSessionsFirstTake()
    {
        QTemporaryDir dir;
        const std::string file = dir.filePath("data/decode_speeds.json").toStdString();
        auto firstTake = [&](const std::shared_ptr<DecodeSpeedRecord>& speeds, const QString& name) {
            std::atomic<int> loads {0};
            auto cache = std::make_shared<ModelCache>(nullLogger()); // a fresh session: nothing loaded
            EngineRunner runner(nullLogger());
            auto spec = nanoSpec(dir.filePath(name + ".mp4"), nanoLoader(loads));
            spec.decodeSpeeds = speeds;
            double decodingEta = StepProgress::kEtaUnknown - 1;
            double lastSamplingEta = -1;
            JobCallbacks callbacks;
            callbacks.progress = [&](JobId, const StepProgress& p) {
                if (p.phase == "decoding")
                    decodingEta = p.etaSeconds;
                if (p.phase == "sampling" && p.step == p.steps)
                    lastSamplingEta = p.etaSeconds;
            };
            std::string failure;
            callbacks.failed = [&](JobId, const std::string& message) { failure = message; };
            runner.submit(name.toStdString(), makeGenerationJob(cache, spec), callbacks);
            runner.waitIdle();
            return std::make_tuple(failure, decodingEta, lastSamplingEta);
        };

        // No record: unknown.
        const auto [noRecordFailure, unknownEta, unknownAfterSampling] = firstTake(nullptr, "plain");
        QVERIFY2(noRecordFailure.empty(), noRecordFailure.c_str());
        QCOMPARE(unknownEta, StepProgress::kEtaUnknown);
        QCOMPARE(unknownAfterSampling, 0.0); // the decoding to come is not known

        // Session one measures and keeps it, in a folder it makes.
        const auto [firstFailure, firstEta, firstAfterSampling]
            = firstTake(std::make_shared<DecodeSpeedRecord>(file, nullLogger()), "one");
        QVERIFY2(firstFailure.empty(), firstFailure.c_str());
        QCOMPARE(firstEta, StepProgress::kEtaUnknown);
        const auto kept = DecodeSpeedRecord(file, nullLogger()).secondsPerLatentPixel("random:7@cpu");
        QVERIFY(kept && *kept > 0.0);

        // Session two's first take knows it: 2 latent frames of 8 x 8.
        const auto [secondFailure, secondEta, secondAfterSampling]
            = firstTake(std::make_shared<DecodeSpeedRecord>(file, nullLogger()), "two");
        QVERIFY2(secondFailure.empty(), secondFailure.c_str());
        QVERIFY(std::abs(secondEta - *kept * 2 * 8 * 8) < 1e-9 * secondEta);
        QCOMPARE(secondAfterSampling, secondEta); // all steps done: only the decoding is left
    }

    // The record is a convenience: a broken file is read as empty and
    // replaced; one that cannot be written leaves the take as it was.
    void aBrokenOrUnwritableDecodeSpeedFileNeverFailsATake()
    {
        QTemporaryDir dir;
        const QString broken = dir.filePath("broken.json");
        {
            QFile file(broken);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("{\"decode_seconds_per_latent_pixel\": {\"random:7@cpu\": ");
        }
        const QString blocked = dir.filePath("blocked/decode_speeds.json");
        QVERIFY(QDir(dir.path()).mkpath("blocked/decode_speeds.json")); // a folder where the file would go
        for (const QString& path : {broken, blocked}) {
            auto speeds = std::make_shared<DecodeSpeedRecord>(path.toStdString(), nullLogger());
            QVERIFY(!speeds->secondsPerLatentPixel("random:7@cpu"));
            std::atomic<int> loads {0};
            auto cache = std::make_shared<ModelCache>(nullLogger());
            EngineRunner runner(nullLogger());
            Recorder record;
            auto spec = nanoSpec(dir.filePath("take.mp4"), nanoLoader(loads));
            spec.decodeSpeeds = speeds;
            runner.submit("take", makeGenerationJob(cache, spec), record.callbacks("take"));
            runner.waitIdle();
            QVERIFY2(record["take"].result, record["take"].failure.c_str());
            QVERIFY(speeds->secondsPerLatentPixel("random:7@cpu")); // known for this session either way
        }
        QVERIFY(DecodeSpeedRecord(broken.toStdString(), nullLogger()).secondsPerLatentPixel("random:7@cpu"));
        QVERIFY(QFileInfo(blocked).isDir());
    }

    void stopNowDuringSamplingEndsTheJobWithinAStep()
    {
        QTemporaryDir dir;
        std::atomic<int> loads {0};
        auto cache = std::make_shared<ModelCache>(nullLogger());
        EngineRunner runner(nullLogger());
        Recorder record;
        const QString stopped = dir.filePath("stopped.mp4");
        const QString next = dir.filePath("next.mp4");
        auto stopAtStepOne = [&runner](JobId id, const StepProgress& p) {
            if (p.phase == "sampling" && p.step == 1)
                runner.cancel(id, CancelMode::StopNow);
        };
        runner.submit("stopped", makeGenerationJob(cache, nanoSpec(stopped, nanoLoader(loads), 6)),
            record.callbacks("stopped", stopAtStepOne));
        runner.submit("next", makeGenerationJob(cache, nanoSpec(next, nanoLoader(loads))), record.callbacks("next"));
        runner.waitIdle();

        QVERIFY(record["stopped"].cancelled);
        QCOMPARE(record["stopped"].samplingSteps, std::vector<int> {1}); // not one step more
        QVERIFY(!QFileInfo::exists(stopped));
        QVERIFY(!QFileInfo::exists(stopped + ".json"));
        QVERIFY2(record["next"].result, record["next"].failure.c_str());
        QVERIFY(QFileInfo::exists(next));
        QCOMPARE(loads.load(), 1); // the cancelled job's model served the next one
    }

    void finishTakeCompletesTheTakeButStopNowWhileDecodingWritesNothing()
    {
        QTemporaryDir dir;
        std::atomic<int> loads {0};
        auto cache = std::make_shared<ModelCache>(nullLogger());
        EngineRunner runner(nullLogger());
        Recorder record;
        const QString finished = dir.filePath("finished.gif");
        const QString dropped = dir.filePath("dropped.gif");
        runner.submit("finished", makeGenerationJob(cache, nanoSpec(finished, nanoLoader(loads))),
            record.callbacks("finished", [&runner](JobId id, const StepProgress& p) {
                if (p.phase == "sampling" && p.step == 1)
                    runner.cancel(id, CancelMode::FinishTake);
            }));
        runner.submit("dropped", makeGenerationJob(cache, nanoSpec(dropped, nanoLoader(loads))),
            record.callbacks("dropped", [&runner](JobId id, const StepProgress& p) {
                if (p.phase == "decoding")
                    runner.cancel(id, CancelMode::StopNow);
            }));
        runner.waitIdle();

        QVERIFY2(record["finished"].result, record["finished"].failure.c_str());
        QCOMPARE(record["finished"].samplingSteps, (std::vector<int> {1, 2}));
        QVERIFY(QFileInfo::exists(finished));
        QVERIFY(record["dropped"].cancelled);
        QVERIFY(!QFileInfo::exists(dropped));
    }

    void aBadRequestFailsClearlyAndTheQueueContinues()
    {
        QTemporaryDir dir;
        std::atomic<int> loads {0};
        auto cache = std::make_shared<ModelCache>(nullLogger());
        EngineRunner runner(nullLogger());
        Recorder record;
        auto badFrames = nanoSpec(dir.filePath("bad.mp4"), nanoLoader(loads));
        badFrames.request.frames = 12;
        auto badFolder = nanoSpec(dir.filePath("missing/bad.mp4"), nanoLoader(loads));
        auto noModel = nanoSpec(dir.filePath("none.mp4"), {});
        noModel.modelKey.clear();
        runner.submit("frames", makeGenerationJob(cache, badFrames), record.callbacks("frames"));
        runner.submit("folder", makeGenerationJob(cache, badFolder), record.callbacks("folder"));
        runner.submit("model", makeGenerationJob(cache, noModel), record.callbacks("model"));
        runner.submit("good", makeGenerationJob(cache, nanoSpec(dir.filePath("good.mp4"), nanoLoader(loads))),
            record.callbacks("good"));
        runner.waitIdle();

        QCOMPARE(record["frames"].failure, std::string("model 'nano' cannot make 12 frames (valid: 33, 17, 9, 5, 1)"));
        QVERIFY2(
            record["folder"].failure.find("does not exist") != std::string::npos, record["folder"].failure.c_str());
        QVERIFY2(record["model"].failure.find("names no model") != std::string::npos, record["model"].failure.c_str());
        QVERIFY2(record["good"].result, record["good"].failure.c_str());
        QCOMPARE(loads.load(), 1);
    }

    void memoryPressureUnloadsTheLeastRecentlyUsedModelFirst()
    {
        // A pretend machine: 10 GiB free with nothing loaded, 4 GiB per model,
        // 3 GiB wanted free before a load. Two models fit; a third needs room.
        ModelCache* self = nullptr;
        ModelCacheOptions options;
        options.minHostBytes = 3 * GiB;
        options.hostProbe
            = [&self]() -> std::optional<std::uint64_t> { return 10 * GiB - 4 * GiB * self->loadedKeys().size(); };
        ModelCache cache(nullLogger(), options);
        self = &cache;
        std::atomic<int> loadsA {0}, loadsB {0}, loadsC {0};

        cache.acquire("a", nanoLoader(loadsA, 1)).encodePrompt("a red ball");
        cache.acquire("b", nanoLoader(loadsB, 2)).encodePrompt("a red ball");
        QVERIFY(cache.acquire("a", nanoLoader(loadsA, 1)).textEncoderLoaded()); // no pressure yet: all kept
        QCOMPARE(cache.loadedKeys(), (std::vector<std::string> {"a", "b"})); // most recent first

        cache.acquire("c", nanoLoader(loadsC, 3));
        QCOMPARE(cache.loadedKeys(), (std::vector<std::string> {"c", "a"})); // b was the least recently used
        QVERIFY(!cache.acquire("a", nanoLoader(loadsA, 1)).textEncoderLoaded()); // text encoders went first
        QCOMPARE(loadsA.load(), 1);
        QCOMPARE(loadsB.load(), 1);
        QCOMPARE(loadsC.load(), 1);

        QVERIFY(cache.unload("c"));
        QVERIFY(!cache.unload("c"));
        QCOMPARE(cache.loadedKeys(), std::vector<std::string> {"a"});

        // An unknown amount (no probe answer) is no reason to unload anything.
        ModelCacheOptions unknown;
        unknown.hostProbe = [] { return std::optional<std::uint64_t>(); };
        ModelCache quiet(nullLogger(), unknown);
        quiet.acquire("a", nanoLoader(loadsA, 1));
        quiet.acquire("b", nanoLoader(loadsB, 2));
        QCOMPARE(quiet.loadedKeys().size(), std::size_t(2));
        QVERIFY(systemAvailableMemory().value_or(0) > 0); // the real probe reads /proc/meminfo
    }

    void outOfMemoryIsRetriedOnceAfterUnloadingTheRest()
    {
        QTemporaryDir dir;
        std::atomic<int> otherLoads {0}, loads {0};
        auto cache = std::make_shared<ModelCache>(nullLogger());
        EngineRunner runner(nullLogger());
        Recorder record;
        runner.post([&] { cache->acquire("other", nanoLoader(otherLoads, 9)); });

        // Loading runs out of memory once: everything else goes, then it fits.
        auto loader = nanoLoader(loads);
        auto tightLoader = [&loads, loader]() -> std::unique_ptr<pipeline::WorldModel> {
            if (loads == 0) {
                ++loads;
                throw std::bad_alloc();
            }
            return loader();
        };
        runner.submit("take", makeGenerationJob(cache, nanoSpec(dir.filePath("take.mp4"), tightLoader)),
            record.callbacks("take"));
        runner.waitIdle();
        QVERIFY2(record["take"].result, record["take"].failure.c_str());
        QCOMPARE(loads.load(), 2);
        QCOMPARE(loadedKeys(runner, cache), std::vector<std::string> {"nano"});

        // Generating runs out of (device) memory once: the model's own text
        // encoder goes too (its prompt embeddings stay cached), then it works.
        runner.post([&] { cache->acquire("other", nanoLoader(otherLoads, 9)); });
        std::vector<bool> textEncoderLoaded;
        runner.submit(
            "work",
            [&](JobContext&) {
                cache->use("nano", tightLoader, [&](pipeline::WorldModel& model) {
                    textEncoderLoaded.push_back(model.textEncoderLoaded());
                    if (textEncoderLoaded.size() == 1)
                        throwTorchError("CUDA out of memory. Tried to allocate 20.00 GiB");
                });
                return JobResult {"worked", {}, {}};
            },
            record.callbacks("work"));
        runner.waitIdle();
        QVERIFY2(record["work"].result, record["work"].failure.c_str());
        QCOMPARE(textEncoderLoaded, (std::vector<bool> {true, false}));
        QCOMPARE(loadedKeys(runner, cache), std::vector<std::string> {"nano"});
        QCOMPARE(loads.load(), 2); // kept loaded throughout
    }

    void outOfMemoryTwiceFailsWithASuggestion()
    {
        QTemporaryDir dir;
        std::atomic<int> loads {0};
        auto cache = std::make_shared<ModelCache>(nullLogger());
        EngineRunner runner(nullLogger());
        Recorder record;
        auto hopeless = [&loads]() -> std::unique_ptr<pipeline::WorldModel> {
            ++loads;
            throwTorchError("DefaultCPUAllocator: can't allocate memory: you tried to allocate 68719476736 bytes.");
        };
        auto spec = nanoSpec(dir.filePath("huge.mp4"), hopeless);
        spec.modelKey = "huge";
        runner.submit("load", makeGenerationJob(cache, spec), record.callbacks("load"));
        int attempts = 0;
        runner.submit(
            "generate",
            [&](JobContext&) -> JobResult {
                cache->use("nano", nanoLoader(loads), [&](pipeline::WorldModel&) {
                    ++attempts;
                    throw std::bad_alloc();
                });
                return {};
            },
            record.callbacks("generate"));
        runner.submit("after", makeGenerationJob(cache, nanoSpec(dir.filePath("after.mp4"), nanoLoader(loads))),
            record.callbacks("after"));
        runner.waitIdle();

        const std::string load = record["load"].failure;
        QVERIFY2(load.find("out of memory while loading model 'huge', even with every other model unloaded "
                           "(DefaultCPUAllocator: can't allocate memory")
                == 0,
            load.c_str());
        QVERIFY2(load.find("try the CPU device") != std::string::npos, load.c_str());
        const std::string generate = record["generate"].failure;
        QVERIFY2(generate.find("out of memory while generating with model 'nano'") == 0, generate.c_str());
        QVERIFY2(generate.find("Try fewer frames, a smaller resolution, or the CPU device.") != std::string::npos,
            generate.c_str());
        QVERIFY2(generate.find("Try", generate.find("Try") + 1) == std::string::npos, generate.c_str()); // said once
        QCOMPARE(attempts, 2);
        QCOMPARE(loads.load(), 3); // huge twice, nano once (kept for the next job)
        QVERIFY2(record["after"].result, record["after"].failure.c_str());
        QCOMPARE(loads.load(), 3);
    }
};

QTEST_GUILESS_MAIN(TestGenerationJobs)
#include "tst_generation_jobs.moc"

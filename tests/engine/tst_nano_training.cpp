// LibTorch before Qt: Qt's `slots` macro would break LibTorch's headers.
#include <torch/torch.h>

#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "engine/errors.h"
#include "engine/nano/nano_model_card.h"
#include "engine/nano/nano_tensors.h"
#include "engine/nano/nano_training.h"
#include "engine/nano/nano_training_parts.h"
#include "engine/nano/nano_world.h"
#include "engine/pipeline/generation.h"
#include "engine/pipeline/world_model.h"
#include "engine/weights/checkpoint.h"
#include "engine/weights/safetensors_writer.h"

using namespace cosmos::engine;
using namespace cosmos::engine::nano;

namespace {

// A run small enough for a unit test: every stage, a few steps each.
NanoTrainOptions tinyRun(const QString& root)
{
    NanoTrainOptions o;
    o.workDir = (root + "/work").toStdString();
    o.outDir = (root + "/model").toStdString();
    o.vaeSteps = 16;
    o.vaeBatch = 2;
    o.vaeFrames = 5; // shorter than a segment: quick
    o.vaeCrop = 16;
    o.vaeLearningRate = 2e-3;
    o.latentClips = 6;
    o.ditSteps = 24;
    o.ditBatch = 4;
    o.ditLearningRate = 2e-3;
    o.tokenizerClips = 60;
    o.statisticsClips = 4;
    o.previewClips = 2;
    o.validationClips = 4;
    o.checkpointEvery = 4;
    o.logEvery = 1;
    return o;
}

// Two tiny runs for the continuation tests: `first` under root/a (4 DiT
// steps, trained by the caller) and `next` under root/b, continuing from the
// model `first` writes.
struct TinyContinuation {
    NanoTrainOptions first, next;
};
TinyContinuation tinyContinuation(const QString& root)
{
    TinyContinuation runs {tinyRun(root + "/a"), tinyRun(root + "/b")};
    runs.first.ditSteps = 4;
    runs.next.initFrom = runs.first.outDir;
    return runs;
}

// What trainNanoModel refused `run` with (an EngineError's message), or ""
// when it trained.
std::string refusalOf(const NanoTrainOptions& run)
{
    try {
        trainNanoModel(run, nullLogger());
    } catch (const EngineError& error) {
        return error.what();
    }
    return {};
}

// Losses of one stage from loss.tsv (or another log of that form), in step order.
std::vector<double> losses(const std::string& workDir, const std::string& stage, const char* log = "loss.tsv")
{
    std::ifstream in(workDir + "/" + log);
    std::vector<double> values;
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        std::string name;
        int step = 0;
        double loss = 0, seconds = 0;
        fields >> name >> step >> loss >> seconds;
        if (name == stage)
            values.push_back(loss);
    }
    return values;
}

// The held-out loss measured last at `step`, from validation.tsv.
double validationAt(const std::string& workDir, int step)
{
    std::ifstream in(workDir + "/validation.tsv");
    std::string line;
    double found = -1;
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        std::string stage;
        int at = 0;
        double loss = 0;
        if (fields >> stage >> at >> loss && at == step)
            found = loss;
    }
    return found;
}

QByteArray fileBytes(const std::string& path)
{
    QFile file(QString::fromStdString(path));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

double mean(const std::vector<double>& v, std::size_t from, std::size_t to)
{
    double sum = 0;
    for (std::size_t i = from; i < to; ++i)
        sum += v[i];
    return sum / static_cast<double>(to - from);
}

} // namespace

class TestNanoTraining : public QObject {
    Q_OBJECT

private slots:
    void trainsFromScratchStopsResumesAndExportsAWorkingModel()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto options = tinyRun(dir.path());

        // Stop during the DiT stage: a checkpoint is written.
        options.progress = [](const NanoTrainProgress& p) { return !(p.stage == "dit" && p.step == 6); };
        auto report = trainNanoModel(options, nullLogger());
        QVERIFY(!report.finished);
        QVERIFY(QFile::exists(QString::fromStdString(options.workDir + "/state.json")));

        // Running again continues from step 6, not from scratch.
        int firstDitStep = -1;
        options.progress = [&](const NanoTrainProgress& p) {
            if (p.stage == "dit" && firstDitStep < 0)
                firstDitStep = p.step;
            return true;
        };
        report = trainNanoModel(options, nullLogger());
        QVERIFY(report.finished);
        QCOMPARE(firstDitStep, 7);
        QCOMPARE(report.steps.at("dit"), 24);

        // The losses fall.
        const auto vae = losses(options.workDir, "vae");
        QCOMPARE(vae.size(), std::size_t(16));
        QVERIFY2(mean(vae, 12, 16) < 0.7 * mean(vae, 0, 4),
            qPrintable(QString("tokenizer loss %1 -> %2").arg(mean(vae, 0, 4)).arg(mean(vae, 12, 16))));
        const auto dit = losses(options.workDir, "dit");
        QVERIFY(dit.size() >= 24);
        QVERIFY2(mean(dit, dit.size() - 6, dit.size()) < mean(dit, 0, 6),
            qPrintable(QString("DiT loss %1 -> %2").arg(mean(dit, 0, 6)).arg(mean(dit, dit.size() - 6, dit.size()))));

        // The training record keeps what the stopped first run did: the
        // tokenizer trained only then, yet its loss and time are recorded.
        {
            std::ifstream in(options.outDir + "/training.json");
            const auto runs = nlohmann::json::parse(in)["runs"];
            QCOMPARE(runs.size(), std::size_t(1)); // stopped and resumed: one run
            const auto run = runs.back();
            QCOMPARE(run["steps"]["dit"].get<int>(), 24);
            QVERIFY(run["final_loss"].contains("vae"));
            QCOMPARE(run["final_loss"]["vae"].get<double>(), mean(vae, vae.size() - 10, vae.size()));
            QVERIFY(run["seconds"]["vae"].get<double>() > 0.0);
            QVERIFY(run["seconds"]["dit"].get<double>() > 0.0);
            // The held-out loss: at each run's start and every checkpoint,
            // falling, its last value recorded and shown on the card.
            const auto validation = losses(options.workDir, "dit", "validation.tsv");
            QCOMPARE(validation.size(), std::size_t(1 + 2 + 1 + 5)); // start, 4, stop at 6; start, 8..24
            QVERIFY2(validation.back() < 0.9 * validation.front(),
                qPrintable(QString("held-out loss %1 -> %2").arg(validation.front()).arg(validation.back())));
            QCOMPARE(run["final_loss"]["dit_validation"].get<double>(), validation.back());
            // Each line also holds the first latent frame's own held-out loss.
            std::ifstream lines(options.workDir + "/validation.tsv");
            for (std::string line; std::getline(lines, line);) {
                std::istringstream fields(line);
                std::string stage;
                int step = 0;
                double all = 0, firstFrame = -1;
                QVERIFY2(fields >> stage >> step >> all >> firstFrame, line.c_str());
                QVERIFY2(std::isfinite(firstFrame) && firstFrame > 0.0, line.c_str());
            }
            QVERIFY(fileBytes(options.outDir + "/MODEL_CARD.md").contains("held-out DiT loss"));
        }

        // The exported folder is a model the pipeline loads and runs.
        for (const char* file : {"config.json", "dit.safetensors", "vae.safetensors", "text_encoder.safetensors",
                 "tokenizer.json", "training.json", "MODEL_CARD.md"})
            QVERIFY2(QFile::exists(QString::fromStdString(options.outDir + "/" + file)), file);
        auto model = pipeline::WorldModel::load(options.outDir);
        QCOMPARE(model->config().previewFactors.size(), std::size_t(16 * 3));
        QVERIFY(model->config().vae.latentStd.front() != 1.0); // measured, not the identity
        pipeline::GenerationRequest request;
        request.prompt = "a large red ball is thrown to the right";
        request.frames = 5;
        request.steps = 2;
        const auto take = pipeline::generate(*model, request);
        QCOMPARE(take.video.size(1), 5);
        QVERIFY(torch::isfinite(take.video).all().item<bool>());
    }

    void continuesFromAFinishedModel()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto [first, second] = tinyContinuation(dir.path());
        QVERIFY(trainNanoModel(first, nullLogger()).finished);
        second.vaeSteps = 0; // keep the tokenizer, and its latent statistics
        second.ditSteps = 4;
        second.ditBallWeight = 4; // ball pixels weigh more in this run's loss
        second.ditFirstFrameWeight = 3; // and so does each clip's first latent frame
        second.ditTwoBallShare = 0.5; // two-ball clips drawn for half the windows
        QVERIFY(trainNanoModel(second, nullLogger()).finished);
        const auto a = pipeline::WorldModel::load(first.outDir);
        const auto b = pipeline::WorldModel::load(second.outDir);
        QCOMPARE(b->config().vae.latentMean, a->config().vae.latentMean);
        std::ifstream record(second.outDir + "/training.json");
        const auto json = nlohmann::json::parse(record);
        QCOMPARE(json["runs"].size(), std::size_t(2));
        QCOMPARE(json["total_steps"]["dit"].get<int>(), 8);
        QCOMPARE(json["runs"][1]["options"]["dit_ball_weight"].get<double>(), 4.0);
        QCOMPARE(json["runs"][1]["options"]["dit_first_frame_weight"].get<double>(), 3.0);
        const QByteArray card = fileBytes(second.outDir + "/MODEL_CARD.md");
        // Its loss is a weighted one, and the card says so.
        QCOMPARE(json["runs"][1]["options"]["dit_two_ball_share"].get<double>(), 0.5);
        QVERIFY2(
            card.contains("| 4 (batch 4, 6 clips, peak lr 0.002, balls x4, first frame x3, two-ball clips 50 %) |"),
            card.constData());
        QVERIFY(card.contains("not comparable"));
        QVERIFY(std::isfinite(json["runs"][1]["final_loss"]["dit"].get<double>()));

        // The same folder trained on from the model it made (as when that
        // model was committed and the next session names it): its earlier
        // run is listed once, not again after the model's own rows.
        auto third = second;
        third.initFrom = second.outDir;
        third.outDir = (dir.path() + "/c").toStdString();
        third.ditSteps = 6;
        QVERIFY(trainNanoModel(third, nullLogger()).finished);
        std::ifstream thirdRecord(third.outDir + "/training.json");
        const auto continued = nlohmann::json::parse(thirdRecord);
        QCOMPARE(continued["runs"].size(), std::size_t(3));
        QCOMPARE(continued["runs"][1], json["runs"][1]);
        QCOMPARE(continued["runs"][2]["steps"]["dit"].get<int>(), 2);
        QCOMPARE(continued["total_steps"]["dit"].get<int>(), 10);
    }

    // The decoder fine-tuned alone in a fresh work folder, on other clips
    // (another data seed): the encoder is the finished model's, so are the
    // latent statistics the DiT learned with. Training the whole tokenizer
    // measures them again.
    void decoderAloneFromAFinishedModelKeepsItsLatentStatistics()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto [first, decoder] = tinyContinuation(dir.path());
        QVERIFY(trainNanoModel(first, nullLogger()).finished);
        const auto start = pipeline::WorldModel::load(first.outDir);

        decoder.dataSeed = 2;
        decoder.vaeSteps = 4;
        decoder.vaeDecoderOnly = true;
        decoder.ditSteps = 0;
        QVERIFY(trainNanoModel(decoder, nullLogger()).finished);
        const auto tuned = pipeline::WorldModel::load(decoder.outDir);
        QCOMPARE(tuned->config().vae.latentMean, start->config().vae.latentMean);
        QCOMPARE(tuned->config().vae.latentStd, start->config().vae.latentStd);
        QVERIFY(!torch::equal(tuned->vae().named_parameters(true)["decoder.head.2.weight"],
            start->vae().named_parameters(true)["decoder.head.2.weight"]));

        auto whole = decoder;
        whole.workDir = (dir.path() + "/c/work").toStdString();
        whole.outDir = (dir.path() + "/c/model").toStdString();
        whole.vaeDecoderOnly = false;
        QVERIFY(trainNanoModel(whole, nullLogger()).finished);
        QVERIFY(pipeline::WorldModel::load(whole.outDir)->config().vae.latentMean != start->config().vae.latentMean);
    }

    // One work folder trained on four times: more DiT steps keep the
    // tokenizer's outputs, more tokenizer steps redo them, the decoder alone
    // keeps them; the training record has a row per run.
    void trainingOnRedoesLatentsOnlyWhenTheEncoderChangesAndRecordsEachRun()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto options = tinyRun(dir.path());
        options.ditSteps = 4;
        QVERIFY(trainNanoModel(options, nullLogger()).finished);
        const std::string latents = options.workDir + "/latents_00000.safetensors";
        const std::string stats = options.workDir + "/vae_stats.json";
        const auto firstLatents = fileBytes(latents), firstStats = fileBytes(stats);
        QVERIFY(!firstLatents.isEmpty());
        // A folder from before run rows: its steps so far become one row.
        {
            const std::string path = options.workDir + "/state.json";
            std::ifstream in(path);
            auto json = nlohmann::json::parse(in);
            QCOMPARE(json["runs"].size(), std::size_t(1));
            json.erase("runs");
            std::ofstream(path) << json.dump();
        }

        // More DiT steps alone: the tokenizer's outputs stay as they are.
        options.ditSteps = 6;
        QVERIFY(trainNanoModel(options, nullLogger()).finished);
        QVERIFY(fileBytes(latents) == firstLatents);

        // More tokenizer steps: statistics and latents describe the new weights.
        options.vaeSteps = 20;
        options.ditSteps = 8;
        QVERIFY(trainNanoModel(options, nullLogger()).finished);
        const auto secondLatents = fileBytes(latents), secondStats = fileBytes(stats);
        QVERIFY(!secondLatents.isEmpty());
        QVERIFY(secondLatents != firstLatents);
        QVERIFY(secondStats != firstStats);

        // The decoder alone: the encoder is untouched, so its latents and
        // statistics stay valid.
        std::map<std::string, torch::Tensor> before;
        for (const auto& item : pipeline::WorldModel::load(options.outDir)->vae().named_parameters(true))
            before[item.key()] = item.value().detach().clone();
        options.vaeSteps = 24;
        options.vaeDecoderOnly = true;
        options.ditSteps = 10;
        QVERIFY(trainNanoModel(options, nullLogger()).finished);
        QVERIFY(fileBytes(latents) == secondLatents);
        QVERIFY(fileBytes(stats) == secondStats);
        int decoderChanged = 0, encoderChanged = 0;
        for (const auto& item : pipeline::WorldModel::load(options.outDir)->vae().named_parameters(true)) {
            const bool same = torch::equal(item.value(), before.at(item.key()));
            const bool decoder = item.key().rfind("decoder.", 0) == 0 || item.key().rfind("conv2.", 0) == 0;
            (decoder ? decoderChanged : encoderChanged) += same ? 0 : 1;
        }
        QVERIFY(decoderChanged > 0);
        QCOMPARE(encoderChanged, 0);

        // A row per run, each with the steps it trained and its own losses.
        {
            std::ifstream record(options.outDir + "/training.json");
            const auto json = nlohmann::json::parse(record);
            const auto& runs = json["runs"];
            QCOMPARE(runs.size(), std::size_t(4));
            const std::vector<std::pair<int, int>> trained {{16, 4}, {0, 2}, {4, 2}, {4, 2}};
            for (std::size_t i = 0; i < trained.size(); ++i) {
                QCOMPARE(runs[i]["steps"]["vae"].get<int>(), trained[i].first);
                QCOMPARE(runs[i]["steps"]["dit"].get<int>(), trained[i].second);
                QCOMPARE(runs[i]["data_seed"].get<int>(), 1);
            }
            QVERIFY(runs[0].value("earlier", false));
            QVERIFY(!runs[1].contains("earlier"));
            QVERIFY(!runs[1]["started"].get<std::string>().empty());
            QCOMPARE(runs[1]["steps_from"]["dit"].get<int>(), 4);
            QVERIFY(!runs[1]["final_loss"].contains("vae")); // the tokenizer did not train then
            QCOMPARE(runs[1]["final_loss"]["dit_validation"].get<double>(), validationAt(options.workDir, 6));
            QVERIFY(runs[3]["options"]["vae_decoder_only"].get<bool>());
            QCOMPARE(json["total_steps"]["vae"].get<int>(), 24);
            QCOMPARE(json["total_steps"]["dit"].get<int>(), 10);
            const QByteArray card = fileBytes(options.outDir + "/MODEL_CARD.md");
            QVERIFY(card.contains("earlier runs"));
            QVERIFY(card.contains("| 4 (decoder, 5-frame windows) |"));
        }

        // Stale latents that cannot be removed stop the run with their name
        // (a non-empty folder in a chunk's place: root may remove any file).
        QVERIFY(QFile::remove(QString::fromStdString(latents)));
        QVERIFY(QDir().mkpath(QString::fromStdString(latents + "/blocker")));
        options.vaeSteps = 26;
        options.vaeDecoderOnly = false;
        // Stale latents that cannot be removed stop the run.
        const std::string refusal = refusalOf(options);
        QVERIFY2(refusal.find("latents_00000.safetensors") != std::string::npos, refusal.c_str());
    }

    void theCardSaysWhereAndInWhatBatchesEachRunTrained()
    {
        // Rows as training.json keeps them: a CPU run, a GPU run (the
        // GPU trainer records its device) without the clip count and
        // learning rate, a decoder run, and an older row with no options.
        const auto training = nlohmann::json::parse(R"({"runs": [
            {"started": "2026-11-27T02:06:22Z", "data_seed": 1, "steps": {"vae": 0, "dit": 2000},
             "options": {"device": "cpu", "dit_batch": 12, "latent_clips": 2560, "dit_lr": 1e-4,
                         "dit_ball_weight": 5.0}},
            {"started": "2026-11-27T06:03:26Z", "data_seed": 1, "steps": {"vae": 0, "dit": 5525},
             "options": {"device": "cuda", "dit_batch": 32, "dit_ball_weight": 5.0, "dit_first_frame_weight": 4.0}},
            {"started": "2026-11-28T01:00:00Z", "data_seed": 1, "steps": {"vae": 0, "dit": 900},
             "options": {"device": "cuda", "dit_batch": 128, "dit_two_ball_share": 0.6}},
            {"started": "2026-11-27T13:00:00Z", "data_seed": 1, "steps": {"vae": 800, "dit": 0},
             "options": {"vae_decoder_only": true, "vae_frames": 33, "vae_ball_weight": 3.0}},
            {"earlier": true, "data_seed": 1, "steps": {"vae": 100, "dit": 300}}],
            "total_steps": {"vae": 100, "dit": 8725}})");
        const auto card = nanoModelCard(pipeline::WorldModelConfig::nano(), training, nlohmann::json::object());
        QVERIFY2(
            card.find("| 2000 (batch 12, 2560 clips, peak lr 0.0001, balls x5) |") != std::string::npos, card.c_str());
        QVERIFY2(card.find("| 5525 (cuda, batch 32, balls x5, first frame x4) |") != std::string::npos, card.c_str());
        QVERIFY2(card.find("| 900 (cuda, batch 128, two-ball clips 60 %) |") != std::string::npos, card.c_str());
        QVERIFY(card.find("`--dit-two-ball-share`") != std::string::npos);
        // A tokenizer run that weighted its balls' pixels says so too.
        QVERIFY2(card.find("| 800 (decoder, 33-frame windows, balls x3) | 0 |") != std::string::npos, card.c_str());
        QVERIFY(card.find("the tokenizer MSE shown is the plain one") != std::string::npos);
        QVERIFY2(card.find("| 300 |") != std::string::npos, card.c_str());
        QVERIFY(card.find("`scripts/gpu-train`") != std::string::npos);
        QVERIFY(card.find("Total: 100 tokenizer steps, 8725 DiT steps.") != std::string::npos);
    }

    // The DiT's loss weights come from where the balls are, at the latents'
    // resolution: the first frame alone, then groups of four frames.
    void ballCoverageMarksWhereTheBallsAre()
    {
        NanoClipSpec spec = NanoClipSpec::fromSeed(11);
        spec.balls.resize(1);
        spec.balls[0].large = true;
        const NanoClip clip = simulateClip(spec, 33);
        const auto coverage = ballCoverage(clip, 8, 4);
        QCOMPARE(coverage.sizes().vec(), std::vector<std::int64_t>({1, 9, 8, 8}));
        QVERIFY(coverage.min().item<float>() >= 0.0f && coverage.max().item<float>() <= 1.0f);
        // Latent frame 0 is image frame 0: the cells add up to the ball's area.
        const double radius = spec.balls[0].radius();
        const double area = coverage[0][0].sum().item<double>() * 64.0;
        QVERIFY2(std::abs(area - M_PI * radius * radius) < 0.1 * M_PI * radius * radius,
            qPrintable(QString("area %1, radius %2").arg(area).arg(radius)));
        const auto& start = clip.truth[0][0];
        QVERIFY(coverage[0][0][int(start.y / 8)][int(start.x / 8)].item<float>() > 0.2f);
        // Later latent frames hold the ball wherever it was in their four frames.
        for (int f : {1, 4, 17, 32}) {
            const auto& at = clip.truth[static_cast<std::size_t>(f)][0];
            QVERIFY2(coverage[0][1 + (f - 1) / 4][int(at.y / 8)][int(at.x / 8)].item<float>() > 0.0f,
                qPrintable(QString("frame %1").arg(f)));
        }
        // Far from every ball: nothing.
        QCOMPARE((coverage > 0).sum().item<std::int64_t>() < coverage.numel() / 2, true);
    }

    // The tokenizer's ball weight marks the pixels its windows' balls cover
    // and changes nothing of what the windows show.
    void tokenizerWindowsWeighTheirBallPixels()
    {
        QTemporaryDir dir;
        auto options = tinyRun(dir.path());
        options.vaeBatch = 4;
        options.vaeFrames = 9;
        options.vaeCrop = 24;
        const int step = 5;
        const VaeBatch plain = vaeBatch(options, step);
        QVERIFY(!plain.weights.defined());
        options.vaeBallWeight = 4.0;
        const VaeBatch weighted = vaeBatch(options, step);
        QVERIFY(torch::equal(weighted.video, plain.video));
        QCOMPARE(weighted.weights.sizes().vec(), std::vector<std::int64_t>({4, 1, 9, 24, 24}));
        QVERIFY(weighted.weights.min().item<float>() == 1.0f && weighted.weights.max().item<float>() == 4.0f);
        // Where a ball covers a pixel the window shows one of that clip's
        // ball colours (where two balls overlap, the one drawn last).
        const auto pixels = ((weighted.video + 1.0) * 127.5).round().permute({0, 2, 3, 4, 1}); // [B, T, H, W, 3]
        std::int64_t ballPixels = 0, ballColoured = 0;
        for (int b = 0; b < options.vaeBatch; ++b) {
            const auto spec = NanoClipSpec::fromSeed(
                trainingClipSeed(options.dataSeed, static_cast<std::uint64_t>(step * options.vaeBatch + b)));
            // Inside the ball (a pixel and its eight neighbours covered): the
            // disc's edge pixels are blended with the backdrop.
            const auto full = (weighted.weights[b] == 4.0f).to(torch::kFloat); // [1, T, H, W]
            const auto covered = (-torch::max_pool2d(-full[0], 3, 1, 1)) == 1.0f; // [T, H, W]
            auto near = torch::zeros_like(covered);
            for (const BallSpec& ball : spec.balls) {
                const auto rgb = ballColourRgb(ball.colour);
                const auto colour = torch::tensor({float(rgb[0]), float(rgb[1]), float(rgb[2])});
                near = near.logical_or((pixels[b] - colour).abs().amax(-1) <= 2.0f);
            }
            ballPixels += covered.sum().item<std::int64_t>();
            ballColoured += covered.logical_and(near).sum().item<std::int64_t>();
        }
        QVERIFY2(ballPixels > 50, qPrintable(QString::number(ballPixels)));
        QVERIFY2(ballColoured > 0.95 * double(ballPixels),
            qPrintable(QString("%1 of %2").arg(ballColoured).arg(ballPixels)));
    }

    // A window from a clip's start weighs the clip's first latent frame
    // more; a window from later holds no first frame, so nothing changes.
    void firstLatentFrameWeighsMoreOnlyWhereAWindowHoldsIt()
    {
        const auto clip = torch::rand({1, 11, 8, 8}) + 1.0;
        const auto fromStart = ditWindowLossWeights(clip, 0, 9, 4.0);
        QCOMPARE(fromStart.sizes().vec(), std::vector<std::int64_t>({1, 9, 8, 8}));
        QVERIFY(torch::allclose(fromStart.select(1, 0), clip.select(1, 0) * 4.0));
        QVERIFY(torch::equal(fromStart.slice(1, 1), clip.slice(1, 1, 9)));
        QVERIFY(torch::equal(ditWindowLossWeights(clip, 2, 9, 4.0), clip.slice(1, 2, 11)));
        QVERIFY(torch::equal(ditWindowLossWeights(clip, 0, 9, 1.0), clip.slice(1, 0, 9)));
        // The clip's own weights stay as they were (every batch slices them anew).
        QVERIFY(torch::equal(ditWindowLossWeights(clip, 0, 9, 4.0), fromStart));
    }

    // Training and the validation loss noise their windows through one helper:
    // rectified flow, x_sigma = (1 - sigma) x0 + sigma noise, velocity noise - x0.
    void flowMatchingNoisesAsTheSamplerIntegrates()
    {
        const auto sigma = shiftedNoiseLevel(torch::tensor({0.0, 0.5, 1.0}, torch::kFloat64), 5.0);
        QVERIFY(torch::allclose(sigma, torch::tensor({0.0, 2.5 / 3.0, 1.0}, torch::kFloat64)));
        const auto x0 = torch::randn({3, 2, 4, 2, 2}), noise = torch::randn({3, 2, 4, 2, 2});
        const auto flow = flowMatchingInput(x0, noise, sigma.to(torch::kFloat32));
        QVERIFY(torch::allclose(flow.noisy[0], x0[0]));
        QVERIFY(torch::allclose(flow.noisy[2], noise[2]));
        QVERIFY(torch::allclose(flow.noisy[1], x0[1] / 6.0 + noise[1] * 5.0 / 6.0));
        QVERIFY(torch::allclose(flow.target, noise - x0));
        QCOMPARE(flow.timesteps.sizes().vec(), std::vector<std::int64_t>({3, 4}));
        QVERIFY(torch::allclose(flow.timesteps[1], torch::full({4}, 2500.0f / 3.0f)));
    }

    void modesShareTheDitWindowsAsConfigured()
    {
        NanoTrainOptions options;
        options.text2WorldShare = 0.5;
        options.image2WorldShare = 0.2;
        options.video2WorldShare = 0.1;
        std::map<std::pair<bool, int>, int> seen; // (from the start, latent frames given) -> windows
        constexpr int kDraws = 1000;
        for (int i = 0; i < kDraws; ++i) {
            const DitWindow window = chooseDitWindow(options, (i + 0.5) / kDraws, std::uint64_t(i) * 7919u, 3, 2);
            QVERIFY(window.start >= 0 && window.start < 3);
            ++seen[{window.start == 0, window.conditioned}];
        }
        QCOMPARE(seen[std::make_pair(true, 0)], 500); // Text2World
        QCOMPARE(seen[std::make_pair(true, 1)], 200); // Image2World
        QCOMPARE(seen[std::make_pair(true, 2)], 100); // Video2World
        QCOMPARE(seen[std::make_pair(false, 2)], 200); // continuations, always mid-clip
        QCOMPARE(int(seen.size()), 4);
        // A clip with one possible window continues from its start.
        QCOMPARE(chooseDitWindow(options, 0.99, 5, 1, 2).start, std::int64_t(0));

        QTemporaryDir dir;
        auto run = tinyRun(dir.path());
        run.video2WorldShare = 0.4; // 0.4 + 0.15 + 0.4 > 1
        run.text2WorldShare = 0.5;
        const std::string refusal = refusalOf(run);
        QVERIFY2(refusal.find("mode shares") != std::string::npos, refusal.c_str());
        QVERIFY(!QFile::exists(QString::fromStdString(run.workDir + "/state.json")));
    }

    // Two-ball clips can be drawn more often than their share of the data.
    void twoBallClipsAreDrawnAtTheirShare()
    {
        NanoTrainOptions options;
        const DitClipPools pools = ditClipPools(options, 400);
        QCOMPARE(int(pools.oneBall.size() + pools.twoBalls.size()), 400);
        // The simulator makes about 43 % of its clips with two balls.
        QVERIFY2(pools.twoBalls.size() > 120 && pools.twoBalls.size() < 220,
            qPrintable(QString::number(pools.twoBalls.size())));
        for (const std::int64_t clip : pools.twoBalls)
            QCOMPARE(int(NanoClipSpec::fromSeed(trainingClipSeed(options.dataSeed, 1000000 + std::uint64_t(clip)))
                             .balls.size()),
                2);

        constexpr int kDraws = 1000;
        int two = 0;
        std::set<std::int64_t> drawn;
        for (int i = 0; i < kDraws; ++i) {
            const std::int64_t clip = chooseDitClip(pools, 0.7, (i + 0.5) / kDraws, std::uint64_t(i) * 7919u);
            QVERIFY(clip >= 0 && clip < 400);
            two += std::count(pools.twoBalls.begin(), pools.twoBalls.end(), clip) > 0 ? 1 : 0;
            drawn.insert(clip);
        }
        QCOMPARE(two, 700);
        QVERIFY(drawn.size() > 300); // spread over each pool, not a few clips
        // With one pool empty, the other serves every draw.
        const DitClipPools oneOnly {pools.oneBall, {}};
        QVERIFY(std::count(pools.oneBall.begin(), pools.oneBall.end(), chooseDitClip(oneOnly, 0.9, 0.1, 17)) == 1);

        QTemporaryDir dir;
        auto run = tinyRun(dir.path());
        run.ditTwoBallShare = 1.5;
        const std::string refusal = refusalOf(run);
        QVERIFY2(refusal.find("two-ball") != std::string::npos, refusal.c_str());
    }

    void askingForMoreLatentClipsEncodesTheOnesMissing()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto options = tinyRun(dir.path());
        options.ditSteps = 2;
        QVERIFY(trainNanoModel(options, nullLogger()).finished);
        const std::string chunk = options.workDir + "/latents_00000.safetensors";
        const auto before = Checkpoint::open(chunk).load("latents").clone();
        QCOMPARE(before.size(0), std::int64_t(6));

        // The latents stage is marked done, but the chunk is short of the
        // clips asked for now: the run encodes it again with all of them
        // (before, it trained on the 6 clips it had, or failed on a missing
        // chunk) and the clips it had come out the same.
        options.latentClips = 9;
        options.ditSteps = 4;
        QVERIFY(trainNanoModel(options, nullLogger()).finished);
        const auto after = Checkpoint::open(chunk).load("latents");
        QCOMPARE(after.size(0), std::int64_t(9));
        QVERIFY(torch::allclose(after.slice(0, 0, 6), before, 1e-4, 1e-5));
    }

    // Latents that change between their encoding and the DiT's loading
    // (another run in the same work folder, a copy from elsewhere) stop the
    // run with the file's name instead of training on the wrong clips.
    void latentsChangedAfterEncodingStopTheRunWithTheirName()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto options = tinyRun(dir.path());
        options.latentClips = 65; // two chunks: 64 clips and 1
        options.latentClipFrames = 33; // a segment: the quickest to encode
        options.ditSteps = 2;
        const std::string chunk = options.workDir + "/latents_00000.safetensors";
        bool replaced = false;
        options.progress = [&](const NanoTrainProgress& progress) {
            // While the second chunk encodes, the first is cut to 6 clips.
            if (progress.stage == "latents" && progress.step > 64 && !replaced) {
                const auto latents = Checkpoint::open(chunk).load("latents").slice(0, 0, 6).contiguous();
                writeSafetensors(chunk, {{"latents", latents}});
                replaced = true;
            }
            return true;
        };
        // Latents short of their clips are not trained on.
        const std::string refusal = refusalOf(options);
        QVERIFY(replaced);
        QVERIFY2(refusal.find("latents_00000.safetensors") != std::string::npos, refusal.c_str());
        QVERIFY2(refusal.find("encode them again") != std::string::npos, refusal.c_str());
        QVERIFY(!QFile::exists(QString::fromStdString(options.outDir + "/dit.safetensors")));
    }

    void eachRunTowardANewTargetGetsItsOwnLearningSchedule()
    {
        QTemporaryDir dir;
        const std::string workDir = dir.path().toStdString();
        {
            TrainingState state(workDir);
            const LearningSchedule first = state.schedule("dit", 0, 1000);
            QCOMPARE(first.from, 0);
            QCOMPARE(first.to, 1000);
            state.save();
        }
        // Resumed toward the same target: the schedule carries on.
        TrainingState resumed(workDir);
        const LearningSchedule carried = resumed.schedule("dit", 400, 1000);
        QCOMPARE(carried.from, 0);
        QVERIFY(scheduledLearningRate(400, carried, 1.0) < 0.9);
        // Continued toward a new target (as from committed weights): warm-up
        // and cosine again over the new steps, not the tail of the old decay.
        const LearningSchedule next = resumed.schedule("dit", 1000, 2000);
        QCOMPARE(next.from, 1000);
        QCOMPARE(scheduledLearningRate(1000, next, 1.0), 0.01);
        QVERIFY(std::abs(scheduledLearningRate(1100, next, 1.0) - 1.0) < 1e-9);
        QVERIFY(std::abs(scheduledLearningRate(2000, next, 1.0) - 0.1) < 1e-9);
        // Stages keep their own schedules.
        QCOMPARE(resumed.schedule("vae", 1000, 2000).from, 1000);
        QCOMPARE(resumed.schedule("dit", 1500, 2000).from, 1000);
    }

    void aRunStoppedBeforeANewOptionResumesItsRowWhenTheOptionIsAtItsDefault()
    {
        QTemporaryDir dir;
        const std::string workDir = dir.path().toStdString();
        const NanoTrainOptions defaults;
        // A run stopped at step 40 by a binary that had no two-ball share.
        {
            TrainingState state(workDir);
            auto older = runIdentity(defaults);
            older["options"].erase("dit_two_ball_share");
            state.beginRun(older, "2026-11-20T10:00:00Z", older);
            state.setSteps("dit", 40);
            state.save();
        }
        // Resumed by this binary with the option at its default: the same row goes on, now naming the option.
        {
            TrainingState state(workDir);
            state.beginRun(runIdentity(defaults), "2026-11-21T10:00:00Z", runIdentity(defaults));
            QCOMPARE(state.runs().size(), std::size_t(1));
            QCOMPARE(state.runs()[0]["started"].get<std::string>(), std::string("2026-11-20T10:00:00Z"));
            QCOMPARE(state.runs()[0]["options"]["dit_two_ball_share"].get<double>(), 0.0);
            state.save();
        }
        // With the option set, it is another run.
        TrainingState state(workDir);
        auto changed = defaults;
        changed.ditTwoBallShare = 0.6;
        state.beginRun(runIdentity(changed), "2026-11-22T10:00:00Z", runIdentity(defaults));
        QCOMPARE(state.runs().size(), std::size_t(2));
        QCOMPARE(state.runs()[1]["options"]["dit_two_ball_share"].get<double>(), 0.6);
        QCOMPARE(state.runs()[1]["from"]["dit"].get<int>(), 40);
    }

    void refusesADeviceItCannotTrainOn()
    {
        QTemporaryDir dir;
        auto run = tinyRun(dir.path());
        auto refused = [&](const std::string& device, const std::string& expected) {
            run.device = device;
            return refusalOf(run).find(expected) != std::string::npos;
        };
        QVERIFY(refused("tpu", "unknown device 'tpu' (valid: cpu, cuda, cuda:N)"));
        QVERIFY(refused("cuda:x", "unknown device 'cuda:x'"));
        if (!torch::cuda::is_available())
            QVERIFY(refused("cuda", "CUDA is not available"));
        // Refused before any work: no work folder was made.
        QVERIFY(!QFile::exists(QString::fromStdString(run.workDir)));
    }

    // Tokenizer windows longer than a clip have no frames to come from, and
    // the causal tokenizer takes 1 + 4k frames.
    void refusesTokenizerWindowsItCannotCut()
    {
        QTemporaryDir dir;
        auto run = tinyRun(dir.path());
        for (int frames : {0, 6, NanoWorldConstants::frames + 4}) {
            run.vaeFrames = frames;
            const std::string refusal = refusalOf(run);
            QVERIFY2(refusal.find("1 + 4k frames, at most a segment (33), not " + std::to_string(frames))
                    != std::string::npos,
                refusal.c_str());
        }
        QVERIFY(!QFile::exists(QString::fromStdString(run.workDir)));
    }

    void refusesAnInitFolderThatIsNotANanoModel()
    {
        QTemporaryDir dir;
        auto options = tinyRun(dir.path());
        options.initFrom = (dir.path() + "/missing").toStdString();
        QVERIFY_THROWS_EXCEPTION(EngineError, trainNanoModel(options, nullLogger()));
    }
};

QTEST_GUILESS_MAIN(TestNanoTraining)
#include "tst_nano_training.moc"

#include "app/job_request.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QRandomGenerator>

#include "engine/errors.h"
#include "engine/pipeline/model_locator.h"
#include "projects/project.h"

namespace cosmos::app {
namespace {

using engine::tools::GenerateOptions;
using projects::Conditioning;

const QString kSegmentId = QStringLiteral("segment_id");
const QString kPrompt = QStringLiteral("prompt");
const QString kNegativePrompt = QStringLiteral("negative_prompt");
const QString kMode = QStringLiteral("mode");
const QString kModel = QStringLiteral("model");
const QString kFrames = QStringLiteral("frames");
const QString kSteps = QStringLiteral("steps");
const QString kGuidance = QStringLiteral("guidance");
const QString kSeed = QStringLiteral("seed");
const QString kSampler = QStringLiteral("sampler");
const QString kDevice = QStringLiteral("device");
const QString kScale = QStringLiteral("scale");
const QString kImage = QStringLiteral("image");
const QString kVideo = QStringLiteral("video");
const QString kContinue = QStringLiteral("continue");
const QString kAssetId = QStringLiteral("asset_id");
const QString kRandomWeightsSeed = QStringLiteral("random_weights_seed");
const QString kConfig = QStringLiteral("config");
const QString kTokenizer = QStringLiteral("tokenizer");
const QString kNano = QStringLiteral("nano");

QString tr(const char* text)
{
    // lupdate files tr() calls in free functions under the namespace.
    return QCoreApplication::translate("cosmos::app", text);
}

QString text(const std::string& value)
{
    return QString::fromStdString(value);
}

// A number as the settings panel stores it, or as typed into JSON by hand.
std::optional<double> numberOf(const QJsonValue& value)
{
    if (value.isDouble())
        return value.toDouble();
    if (value.isString()) {
        bool ok = false;
        const double number = value.toString().trimmed().toDouble(&ok);
        if (ok)
            return number;
    }
    return std::nullopt;
}

// The absolute path of an asset's file; empty when there is no such asset.
QString assetPath(projects::ProjectStore& store, qint64 assetId)
{
    const std::optional<projects::AssetRecord> asset = store.asset(assetId);
    return asset ? store.media().absolutePath(asset->media.path) : QString();
}

// 1-based place of a segment on the timeline, and the one before it.
struct Neighbour {
    int number = 0; // 0: the segment is gone
    qint64 previousId = 0; // 0: it is the first
};

Neighbour neighbourOf(projects::ProjectStore& store, qint64 segmentId)
{
    const QList<projects::SegmentRecord> segments = store.segments();
    for (int i = 0; i < segments.size(); ++i) {
        if (segments[i].id == segmentId)
            return {i + 1, i > 0 ? segments[i - 1].id : 0};
    }
    return {};
}

// The latent of the previous segment's selected take.
std::optional<QString> continueLatent(projects::ProjectStore& store, qint64 segmentId, QString* error)
{
    const Neighbour place = neighbourOf(store, segmentId);
    if (place.number == 0) {
        *error = tr("The segment of this job was deleted.");
        return std::nullopt;
    }
    if (place.previousId == 0) {
        *error = tr("segment 1 is the first segment: there is no take before it to continue from");
        return std::nullopt;
    }
    const qint64 takeId = store.selectedTakeId(place.previousId);
    const std::optional<projects::TakeRecord> take = takeId ? store.take(takeId) : std::nullopt;
    if (!take || take->status != projects::TakeStatus::Done || take->latents.isNull()) {
        *error = tr("segment %1 has no finished take to continue from").arg(place.number - 1);
        return std::nullopt;
    }
    const QString path = store.media().absolutePath(take->latents.path);
    if (!QFileInfo::exists(path)) {
        *error = tr("segment %1's selected take lost its latent file (%2): there is nothing to continue from")
                     .arg(place.number - 1)
                     .arg(path);
        return std::nullopt;
    }
    return path;
}

std::optional<QString> modelFolder(const QString& model, const ModelFolders& models, QString* error)
{
    const QString name = model.isEmpty() ? kNano : model;
    if (const auto known = models.constFind(name); known != models.constEnd())
        return known.value();
    try {
        return text(engine::pipeline::resolveModelFolder(name.toStdString()));
    } catch (const engine::EngineError& failure) {
        *error = text(failure.what());
        return std::nullopt;
    }
}

// The image or video file a conditioned request starts from.
std::optional<QString> conditioningFile(
    projects::ProjectStore& store, const QJsonObject& request, const QString& key, QString* error)
{
    const qint64 assetId = request.value(kAssetId).toInteger();
    const QString path = assetId > 0 ? assetPath(store, assetId) : request.value(key).toString();
    if (path.isEmpty()) {
        const int number = neighbourOf(store, request.value(kSegmentId).toInteger()).number;
        *error = key == kImage ? tr("segment %1 has no image to start from").arg(number)
                               : tr("segment %1 has no video to start from").arg(number);
        return std::nullopt;
    }
    if (!QFileInfo::exists(path)) {
        *error = tr("The conditioning file %1 is missing.").arg(path);
        return std::nullopt;
    }
    return path;
}

} // namespace

std::optional<QJsonObject> requestForSegment(projects::Project& project, qint64 segmentId, QString* error)
{
    projects::ProjectStore& store = project.store();
    const std::optional<projects::SegmentRecord> segment = store.segment(segmentId);
    if (!segment) {
        if (error)
            *error = tr("There is no segment %1.").arg(segmentId);
        return std::nullopt;
    }
    QJsonObject request {
        {kSegmentId, segmentId}, {kPrompt, segment->prompt}, {kMode, projects::toText(segment->conditioning)}};
    // Empty: the model's own negative prompt.
    if (!segment->negativePrompt.isEmpty())
        request.insert(kNegativePrompt, segment->negativePrompt);

    const QJsonObject& settings = segment->settings;
    const QString model = settings.value(kModel).toString();
    request.insert(kModel, model.isEmpty() ? kNano : model);
    for (const QString& key : {kFrames, kSteps, kScale}) {
        if (const auto number = numberOf(settings.value(key)); number && *number > 0)
            request.insert(key, int(*number));
    }
    if (const auto guidance = numberOf(settings.value(kGuidance)))
        request.insert(kGuidance, *guidance);
    const QString sampler = settings.value(kSampler).toString();
    if (!sampler.isEmpty())
        request.insert(kSampler, sampler);
    // A new take is a new draw unless the segment fixes its seed.
    const auto seed = numberOf(settings.value(kSeed));
    request.insert(kSeed, seed && *seed >= 0 ? qint64(*seed) : qint64(QRandomGenerator::global()->bounded(1 << 30)));

    if ((segment->conditioning == Conditioning::Image || segment->conditioning == Conditioning::Video)
        && segment->conditioningAssetId > 0) {
        request.insert(kAssetId, segment->conditioningAssetId);
        const QString path = assetPath(store, segment->conditioningAssetId);
        if (!path.isEmpty())
            request.insert(segment->conditioning == Conditioning::Image ? kImage : kVideo, path);
    }
    return request;
}

std::optional<GenerateOptions> optionsForRequest(
    projects::Project& project, const QJsonObject& request, QString* error, const ModelFolders& models)
{
    QString ignored;
    QString& message = error ? *error : ignored;
    projects::ProjectStore& store = project.store();
    GenerateOptions options;
    options.prompt = request.value(kPrompt).toString().toStdString();
    if (request.contains(kNegativePrompt))
        options.negativePrompt = request.value(kNegativePrompt).toString().toStdString();
    options.frames = request.value(kFrames).toInt(0);
    options.steps = request.value(kSteps).toInt(0);
    if (const auto guidance = numberOf(request.value(kGuidance)))
        options.guidance = *guidance;
    options.seed = static_cast<std::uint32_t>(request.value(kSeed).toInteger(1));
    options.sampler = request.value(kSampler).toString().toStdString();
    options.device = request.value(kDevice).toString(QStringLiteral("cpu")).toStdString();
    options.scale = qMax(1, request.value(kScale).toInt(1));

    if (request.contains(kRandomWeightsSeed)) {
        // Untrained networks (tests): no model folder to find.
        options.randomWeightsSeed = static_cast<std::uint64_t>(request.value(kRandomWeightsSeed).toInteger());
        options.modelConfig = request.value(kConfig).toString(kNano).toStdString();
        options.tokenizerPath = request.value(kTokenizer).toString().toStdString();
    } else {
        const std::optional<QString> folder = modelFolder(request.value(kModel).toString(), models, &message);
        if (!folder)
            return std::nullopt;
        options.model = folder->toStdString();
    }

    const std::optional<Conditioning> mode
        = projects::conditioningFromString(request.value(kMode).toString(QStringLiteral("text")));
    if (!mode) {
        message = tr("The job asks for an unknown conditioning \"%1\".").arg(request.value(kMode).toString());
        return std::nullopt;
    }
    switch (*mode) {
    case Conditioning::Text: break;
    case Conditioning::Image:
    case Conditioning::Video: {
        const QString& key = *mode == Conditioning::Image ? kImage : kVideo;
        const std::optional<QString> path = conditioningFile(store, request, key, &message);
        if (!path)
            return std::nullopt;
        (*mode == Conditioning::Image ? options.imagePath : options.videoPath) = path->toStdString();
        break;
    }
    case Conditioning::Continue: {
        const qint64 segmentId = request.value(kSegmentId).toInteger();
        // A request without a segment (made from options) names its latent.
        const std::optional<QString> latent = segmentId > 0 ? continueLatent(store, segmentId, &message)
            : request.contains(kContinue) ? std::optional<QString>(request.value(kContinue).toString())
                                          : std::nullopt;
        if (!latent) {
            if (segmentId <= 0)
                message = tr("The job continues from nothing: it names no segment and no latent.");
            return std::nullopt;
        }
        options.continueLatentPath = latent->toStdString();
        break;
    }
    }
    return options;
}

QJsonObject requestForOptions(const GenerateOptions& options)
{
    const Conditioning mode = !options.continueLatentPath.empty() ? Conditioning::Continue
        : !options.videoPath.empty()                              ? Conditioning::Video
        : !options.imagePath.empty()                              ? Conditioning::Image
                                                                  : Conditioning::Text;
    QJsonObject request {{kPrompt, text(options.prompt)}, {kMode, projects::toText(mode)},
        {kModel, text(options.model)}, {kFrames, options.frames}, {kSteps, options.steps},
        {kSeed, qint64(options.seed)}, {kSampler, text(options.sampler)}, {kDevice, text(options.device)},
        {kScale, options.scale}};
    if (options.negativePrompt)
        request.insert(kNegativePrompt, text(*options.negativePrompt));
    if (options.guidance)
        request.insert(kGuidance, *options.guidance);
    if (options.randomWeightsSeed) {
        request.insert(kRandomWeightsSeed, qint64(*options.randomWeightsSeed));
        request.insert(kConfig, text(options.modelConfig));
        request.insert(kTokenizer, text(options.tokenizerPath));
    }
    for (const auto& [key, path] : {std::pair {kImage, &options.imagePath}, std::pair {kVideo, &options.videoPath},
             std::pair {kContinue, &options.continueLatentPath}}) {
        if (!path->empty())
            request.insert(key, text(*path));
    }
    return request;
}

} // namespace cosmos::app

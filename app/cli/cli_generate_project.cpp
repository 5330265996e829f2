#include "app/cli/cli_generate_project.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include "app/take_thumbnail.h"
#include "projects/take_recorder.h"

namespace cosmos::app::cli {
namespace {

using engine::tools::GenerateOptions;
using projects::Conditioning;

QString text(const std::string& value)
{
    return QString::fromStdString(value);
}

Conditioning conditioningOf(const GenerateOptions& options)
{
    if (!options.continueLatentPath.empty())
        return Conditioning::Continue;
    if (!options.videoPath.empty())
        return Conditioning::Video;
    if (!options.imagePath.empty())
        return Conditioning::Image;
    return Conditioning::Text;
}

// Everything that decides the take, so that it can be made again.
QJsonObject paramsOf(const GenerateOptions& options)
{
    QJsonObject params {{QStringLiteral("prompt"), text(options.prompt)},
        {QStringLiteral("mode"), projects::toText(conditioningOf(options))},
        {QStringLiteral("model"), text(options.model)}, {QStringLiteral("frames"), options.frames},
        {QStringLiteral("steps"), options.steps}, {QStringLiteral("seed"), qint64(options.seed)},
        {QStringLiteral("sampler"), text(options.sampler)}, {QStringLiteral("device"), text(options.device)},
        {QStringLiteral("scale"), options.scale}};
    if (options.negativePrompt)
        params.insert(QStringLiteral("negative_prompt"), text(*options.negativePrompt));
    if (options.guidance)
        params.insert(QStringLiteral("guidance"), *options.guidance);
    if (options.randomWeightsSeed) {
        params.insert(QStringLiteral("random_weights_seed"), qint64(*options.randomWeightsSeed));
        params.insert(QStringLiteral("config"), text(options.modelConfig));
    }
    for (const auto& [key, path] : {std::pair {"image", &options.imagePath}, std::pair {"video", &options.videoPath},
             std::pair {"continue", &options.continueLatentPath}}) {
        if (!path->empty())
            params.insert(QLatin1String(key), text(*path));
    }
    return params;
}

// A segment made for the take starts with the take's own settings.
projects::SegmentRecord segmentOf(const GenerateOptions& options, const QJsonObject& params)
{
    projects::SegmentRecord segment;
    segment.prompt = text(options.prompt);
    segment.negativePrompt = options.negativePrompt ? text(*options.negativePrompt) : QString();
    segment.conditioning = conditioningOf(options);
    for (const char* key : {"model", "frames", "steps", "seed", "sampler", "guidance"}) {
        const QJsonValue value = params.value(QLatin1String(key));
        // 0 frames or steps, and an empty string, mean "the model's default": not a setting.
        const bool countKey
            = QLatin1String(key) == QLatin1String("frames") || QLatin1String(key) == QLatin1String("steps");
        const bool modelDefault
            = (value.isString() && value.toString().isEmpty()) || (countKey && value.toInt(-1) == 0);
        if (!value.isUndefined() && !modelDefault)
            segment.settings.insert(QLatin1String(key), value);
    }
    return segment;
}

} // namespace

std::unique_ptr<GenerationInProject> GenerationInProject::start(
    const QString& folder, int segmentNumber, const GenerateOptions& options, projects::ProjectError* error)
{
    std::unique_ptr<GenerationInProject> session(new GenerationInProject());
    if (!session->m_temporary.isValid()) {
        *error = projects::ProjectError::make(projects::ProjectError::Code::Io,
            QStringLiteral("Cannot make a temporary folder: %1").arg(session->m_temporary.errorString()));
        return nullptr;
    }
    session->m_store = projects::ProjectStore::open(folder, error);
    if (!session->m_store)
        return nullptr;
    projects::TakeRequest request;
    request.segmentNumber = segmentNumber;
    request.params = paramsOf(options);
    request.newSegment = segmentOf(options, request.params);
    request.conditioningFile = text(!options.imagePath.empty() ? options.imagePath : options.videoPath);
    const auto take = projects::startTake(*session->m_store, request, error);
    if (!take)
        return nullptr;
    session->m_take = *take;
    session->m_running = true;
    return session;
}

GenerationInProject::~GenerationInProject()
{
    if (m_running)
        abandon(projects::TakeStatus::Failed, QStringLiteral("the generation stopped with an error"));
}

QString GenerationInProject::temporaryClipPath() const
{
    return m_temporary.filePath(QStringLiteral("take.mp4"));
}

QString GenerationInProject::temporaryLatentPath() const
{
    return m_temporary.filePath(QStringLiteral("take.latent.safetensors"));
}

bool GenerationInProject::finish(const QString& clipPath, const QString& latentPath, const std::string& provenanceJson,
    projects::ProjectError* error)
{
    m_running = false;
    const QJsonObject provenance = QJsonDocument::fromJson(QByteArray::fromStdString(provenanceJson)).object();
    // The same picture the studio's queue gives its takes (the timeline shows it).
    const QByteArray thumbnail = takeThumbnailPng(clipPath.toStdString(), nullptr);
    return projects::finishTake(*m_store, m_take, clipPath, latentPath, provenance, error, thumbnail);
}

void GenerationInProject::abandon(projects::TakeStatus status, const QString& message)
{
    m_running = false;
    projects::abandonTake(*m_store, m_take, status, message);
}

int GenerationInProject::segmentNumber()
{
    const auto segment = m_store->segment(m_take.segmentId);
    return segment ? segment->position + 1 : 0;
}

int startRecording(const QString& folder, int segmentNumber, GenerateOptions& options, CliContext& context,
    std::unique_ptr<GenerationInProject>& recording)
{
    // A take keeps one clip file; a PNG sequence has no single file to keep.
    const QString suffix = QFileInfo(text(options.outputPath)).suffix().toLower();
    if (!options.outputPath.empty() && suffix != QLatin1String("mp4") && suffix != QLatin1String("webm")
        && suffix != QLatin1String("gif")) {
        context.err << "cosmos-cli generate: with --project, --out must be an .mp4, .webm or .gif file\n";
        return 2;
    }
    projects::ProjectError error;
    recording = GenerationInProject::start(folder, segmentNumber, options, &error);
    if (!recording) {
        context.err << "cosmos-cli generate: " << error.message << "\n";
        return 1;
    }
    if (options.outputPath.empty())
        options.outputPath = recording->temporaryClipPath().toStdString();
    // Always kept: any take may be continued from later.
    if (options.saveLatentPath.empty())
        options.saveLatentPath = recording->temporaryLatentPath().toStdString();
    return 0;
}

int finishRecording(GenerationInProject& recording, const engine::tools::GenerateReport& report,
    const GenerateOptions& options, bool print, CliContext& context)
{
    projects::ProjectError error;
    if (!recording.finish(text(report.outputPath), text(options.saveLatentPath), report.provenanceJson, &error)) {
        context.err << "cosmos-cli generate: " << error.message << "\n";
        return 1;
    }
    if (print) {
        context.out << "recorded take " << recording.take().id << " in segment " << recording.segmentNumber() << " of "
                    << QDir::toNativeSeparators(recording.folder()) << " (" << report.frames << " frames, "
                    << report.width << "x" << report.height << ", " << report.fps << " fps)\n";
    }
    return 0;
}

} // namespace cosmos::app::cli

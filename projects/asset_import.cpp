#include "projects/asset_import.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>

#include "projects/project_store.h"

namespace cosmos::projects {
namespace {

QString tr(const char* text)
{
    // lupdate files tr() calls in free functions under the namespace.
    return QCoreApplication::translate("cosmos::projects", text);
}

// Why the file cannot become an asset, or an empty string when it can. The
// checks run before anything is written, so a refused file leaves no trace.
QString refusal(const QString& path, Conditioning conditioning)
{
    const QString shown = QDir::toNativeSeparators(path);
    const QFileInfo info(path);
    if (!info.exists())
        return tr("%1 does not exist.").arg(shown);
    if (!info.isFile())
        return tr("%1 is not a file.").arg(shown);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return tr("Cannot read %1: %2").arg(shown, file.errorString());
    if (file.size() == 0)
        return tr("%1 is empty.").arg(shown);
    if (conditioning == Conditioning::Image) {
        // A damaged or misnamed image would only fail later, inside a job.
        QImageReader reader(&file);
        if (!reader.canRead())
            return tr("%1 is not an image Cosmos Studio can read (%2).").arg(shown, reader.errorString());
    }
    return {};
}

} // namespace

std::optional<Conditioning> conditioningForFile(const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    for (const Conditioning conditioning : {Conditioning::Image, Conditioning::Video}) {
        if (importableSuffixes(conditioning).contains(suffix))
            return conditioning;
    }
    return std::nullopt;
}

QStringList importableSuffixes(Conditioning conditioning)
{
    switch (conditioning) {
    case Conditioning::Image:
        return {QStringLiteral("png"), QStringLiteral("jpg"), QStringLiteral("jpeg"), QStringLiteral("bmp"),
            QStringLiteral("webp")};
    case Conditioning::Video:
        return {QStringLiteral("mp4"), QStringLiteral("webm"), QStringLiteral("mov"), QStringLiteral("mkv"),
            QStringLiteral("avi"), QStringLiteral("gif")};
    case Conditioning::Text:
    case Conditioning::Continue: break;
    }
    return {};
}

std::optional<qint64> importAsset(
    ProjectStore& store, const QString& path, Conditioning conditioning, ProjectError* error)
{
    ProjectError ignored;
    ProjectError& out = error ? *error : ignored;
    out = {};
    const QString shown = QDir::toNativeSeparators(path);
    if (conditioning != Conditioning::Image && conditioning != Conditioning::Video) {
        out = ProjectError::make(ProjectError::Code::InvalidArgument,
            tr("Only an image or a video can condition a segment, not %1.").arg(shown));
        return std::nullopt;
    }
    if (store.isReadOnly()) {
        out = ProjectError::make(
            ProjectError::Code::ReadOnly, tr("The project is open read-only; %1 was not added.").arg(shown));
        return std::nullopt;
    }
    if (const QString why = refusal(path, conditioning); !why.isEmpty()) {
        out = ProjectError::make(ProjectError::Code::Io, why);
        return std::nullopt;
    }
    // The file before the row: a failure in between leaves an unreferenced
    // file (which a check lists), never a row without its file.
    QString detail;
    const std::optional<MediaRef> media = store.media().import(path, QStringLiteral("assets"), &detail);
    std::optional<qint64> asset;
    if (media) {
        store.transact([&] {
            asset = store.findAsset(assetKindFor(conditioning), *media);
            if (!asset)
                asset = store.addAsset({0, assetKindFor(conditioning), QFileInfo(path).fileName(), *media, {}});
            if (!asset)
                detail = store.lastError().detail;
            return asset.has_value();
        });
    }
    if (!asset) {
        out = ProjectError::make(
            ProjectError::Code::Io, tr("Cannot keep %1 in the project: %2").arg(shown, detail), detail);
        return std::nullopt;
    }
    return asset;
}

} // namespace cosmos::projects

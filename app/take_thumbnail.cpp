#include "app/take_thumbnail.h"

#include <QBuffer>

#include "engine/errors.h"
#include "engine/tools/clip_frames.h"

namespace cosmos::app {

QImage previewFrameImage(const engine::PreviewFrames& frames, int index)
{
    if (index < 0 || index >= frames.frames || frames.width <= 0 || frames.height <= 0)
        return {};
    const auto frameBytes = std::size_t(frames.width) * std::size_t(frames.height) * 3;
    if (frames.rgb.size() != frameBytes * std::size_t(frames.frames))
        return {};
    const QImage view(frames.rgb.data() + frameBytes * std::size_t(index), frames.width, frames.height,
        frames.width * 3, QImage::Format_RGB888);
    return view.copy(); // the view borrows the shared bytes
}

QByteArray thumbnailPng(const engine::PreviewFrames& frames)
{
    QImage image = previewFrameImage(frames, frames.frames / 2);
    if (image.isNull())
        return {};
    if (image.width() > kThumbnailMaxSide || image.height() > kThumbnailMaxSide)
        image = image.scaled(kThumbnailMaxSide, kThumbnailMaxSide, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, "PNG"))
        return {};
    return png;
}

QByteArray takeThumbnailPng(const std::string& clipPath, const engine::PreviewPtr& lastPreview)
{
    try {
        const engine::DecodedClip clip = engine::decodeClip(clipPath);
        const QByteArray png = thumbnailPng(*clip.frames);
        if (!png.isEmpty())
            return png;
    } catch (const std::exception&) {
        // The clip was just written; should it not decode, the preview still
        // tells the takes apart.
    }
    return lastPreview ? thumbnailPng(*lastPreview) : QByteArray();
}

} // namespace cosmos::app

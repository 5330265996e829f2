// The picture a take shows in the timeline and the takes list: the middle
// frame of its clip as a PNG. Plain Qt image work, reentrant, so it may run
// on the engine thread right after the clip is written.
#pragma once

#include <QByteArray>
#include <QImage>

#include "engine/runner/job.h"

namespace cosmos::app {

// Longest side of a thumbnail; smaller clips keep their own size.
constexpr int kThumbnailMaxSide = 256;

// Frame `index` of `frames` as a deep-copied RGB image; null when out of range
// or when the bytes do not match the frame count and size.
QImage previewFrameImage(const engine::PreviewFrames& frames, int index);

// The middle frame as PNG bytes; empty when there is no frame.
QByteArray thumbnailPng(const engine::PreviewFrames& frames);

// The written clip's middle frame (decoded), else the last preview's;
// empty when neither gives a picture. Never throws.
QByteArray takeThumbnailPng(const std::string& clipPath, const engine::PreviewPtr& lastPreview);

} // namespace cosmos::app

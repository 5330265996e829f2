// How far apart two clips are, pixel by pixel: the numbers behind the A/B
// view's heatmap and its plot. Plain computation on the shared frames, no
// widgets; both functions throw std::invalid_argument when the clips cannot
// be compared (different sizes, no frames, too few bytes).
#pragma once

#include <vector>

#include <QImage>
#include <QRgb>

#include "engine/runner/job.h"

namespace cosmos::widgets {

// The difference at each pixel is the mean over R, G, B of |a - b| (0..255).
// Frame indices past the end of the shorter clip use its last frame, as the
// players hold it. The image has the clips' size; 0 is black, and the ramp
// runs through purple, red and orange to a pale yellow at fullScale and
// above. Brightness follows sqrt(d / fullScale), so the small differences of
// two similar takes still show while 0 stays exactly black.
QImage differenceHeatmap(
    const engine::PreviewFrames& a, const engine::PreviewFrames& b, int frame, double fullScale = 255.0);

// One value a frame, max(a.frames, b.frames) of them: the mean |a - b| over
// every pixel and channel, on the 0..255 scale.
std::vector<double> meanDifferencePerFrame(const engine::PreviewFrames& a, const engine::PreviewFrames& b);

// The heatmap's colour for t in [0, 1] (clamped); differenceColour(0) is black.
QRgb differenceColour(double t);

} // namespace cosmos::widgets

// MP4 / MOV with H.264 and WebM / MKV with VP9: RGB frames converted to
// yuv420p with the BT.709 matrix (tagged so players convert back alike).
#include <algorithm>
#include <cmath>

#include "engine/media/encode_formats.h"
#include "engine/media/frame_convert.h"
#include "engine/media/pending_file.h"
#include "engine/media/video_writer.h"

namespace cosmos::engine::media {

EncodeResult encodeCodecVideo(const std::string& path, VideoFormat format, const std::string& muxer,
    FrameSource& frames, const EncodeOptions& options)
{
    const bool h264 = format == VideoFormat::Mp4;
    if (h264)
        frames.padToEven("H.264 in yuv420p needs even sizes");
    const double quality = std::clamp(options.quality, 0, 100);

    VideoStreamSettings settings;
    settings.muxer = muxer;
    settings.pixelFormat = AV_PIX_FMT_YUV420P;
    settings.width = frames.width();
    settings.height = frames.height();
    settings.frameRate = av_d2q(options.fps, 1001000);
    settings.metadata = options.metadata;
    settings.bt709 = true;
    if (h264) {
        settings.encoder = "libx264";
        settings.codecOptions = {{"crf", std::to_string(std::lround(51.0 - 0.41 * quality))}, {"preset", "medium"}};
        // use_metadata_tags keeps arbitrary keys (as mdta); faststart puts
        // the index first, so a cut-off download still plays what it has.
        settings.muxerOptions = {{"movflags", "+faststart+use_metadata_tags"}};
    } else {
        settings.encoder = "libvpx-vp9";
        settings.codecOptions
            = {{"crf", std::to_string(std::lround(63.0 - 0.53 * quality))}, {"b", "0"}, // constant quality
                {"deadline", "good"}, {"cpu-used", "2"}, {"row-mt", "1"}};
    }

    PendingFile output(path);
    VideoWriter writer(path, output.temporaryPath(), settings);
    ff::ScaleContext scale;
    ff::Frame frame = ff::allocFrame(settings.pixelFormat, settings.width, settings.height);
    const int count = frames.count();
    for (int i = 0; i < count; ++i) {
        rgbIntoFrame(path, scale, frames.frame(i), *frame, SWS_BICUBIC | SWS_ACCURATE_RND | SWS_FULL_CHR_H_INP,
            SWS_CS_ITU709, false);
        frame->pts = i;
        writer.write(*frame);
        reportProgress(path, options, i + 1, count);
    }
    writer.finish();
    output.commit();

    EncodeResult result;
    result.files = {path};
    result.width = settings.width;
    result.height = settings.height;
    result.frames = count;
    result.notes = frames.notes();
    return result;
}

} // namespace cosmos::engine::media

#include "widgets/timeline_items.h"

#include <QCoreApplication>
#include <QJsonObject>

#include "projects/project_store.h"

namespace cosmos::widgets {
namespace {

QString tr(const char* text, const char* disambiguation = nullptr)
{
    // lupdate files each tr() call under the class whose method makes it,
    // or under the namespace for free functions: look in both.
    for (const char* context : {"cosmos::widgets::TimelinePainter", "cosmos::widgets"}) {
        const QString translated = QCoreApplication::translate(context, text, disambiguation);
        if (translated != QLatin1String(text))
            return translated;
    }
    return QString::fromUtf8(text);
}

double positiveNumber(const QJsonObject& object, const char* key)
{
    const double value = object.value(QLatin1String(key)).toDouble();
    return value > 0 ? value : 0.0;
}

} // namespace

int framesOfTake(const projects::TakeRecord& take)
{
    if (const double frames = positiveNumber(take.provenance, "frames"); frames > 0)
        return int(frames);
    return int(positiveNumber(take.params, "frames"));
}

double fpsOfTake(const projects::TakeRecord& take)
{
    if (const double fps = positiveNumber(take.params, "fps"); fps > 0)
        return fps;
    return positiveNumber(take.provenance, "fps");
}

QList<TimelineItem> readTimelineItems(projects::ProjectStore& store)
{
    QList<TimelineItem> items;
    const QList<projects::SegmentRecord> segments = store.segments();
    items.reserve(segments.size());
    for (const projects::SegmentRecord& segment : segments) {
        TimelineItem item;
        item.segmentId = segment.id;
        item.prompt = segment.prompt;
        item.conditioning = segment.conditioning;
        item.stale = segment.stale;
        const QList<projects::TakeRecord> takes = store.takes(segment.id);
        item.takeCount = int(takes.size());
        const projects::TakeRecord* shown = takes.isEmpty() ? nullptr : &takes.last();
        for (const projects::TakeRecord& take : takes) {
            if (take.selected)
                shown = &take;
        }
        const int settingFrames = segment.settings.value(QLatin1String("frames")).toInt();
        item.frames = settingFrames > 0 ? settingFrames : kDefaultSegmentFrames;
        if (shown) {
            item.shownStatus = shown->status;
            item.selectedTakeId = shown->selected ? shown->id : 0;
            if (const int frames = framesOfTake(*shown); frames > 0)
                item.frames = frames;
            if (const double fps = fpsOfTake(*shown); fps > 0)
                item.fps = fps;
            if (!shown->thumbnail.isNull())
                item.thumbnailFile = store.media().absolutePath(shown->thumbnail.path);
        }
        items.append(item);
    }
    return items;
}

QString modeLetter(projects::Conditioning conditioning)
{
    switch (conditioning) {
    case projects::Conditioning::Text: return tr("T", "mode badge: text");
    case projects::Conditioning::Image: return tr("I", "mode badge: image");
    case projects::Conditioning::Video: return tr("V", "mode badge: video");
    case projects::Conditioning::Continue: return tr("C", "mode badge: continue");
    }
    return {};
}

QString modeName(projects::Conditioning conditioning)
{
    switch (conditioning) {
    case projects::Conditioning::Text: return tr("Text2World");
    case projects::Conditioning::Image: return tr("Image2World");
    case projects::Conditioning::Video: return tr("Video2World");
    case projects::Conditioning::Continue: return tr("Continue from the previous segment");
    }
    return {};
}

} // namespace cosmos::widgets

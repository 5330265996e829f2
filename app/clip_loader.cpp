#include "app/clip_loader.h"

#include <QMetaObject>
#include <QPointer>
#include <QThreadPool>

#include "engine/errors.h"
#include "engine/tools/clip_frames.h"

namespace cosmos::app {

ClipLoader::ClipLoader(QObject* parent) : QObject(parent), m_newest(std::make_shared<std::atomic<quint64>>(0))
{
    qRegisterMetaType<std::vector<cosmos::engine::PreviewPtr>>();
}

ClipLoader::~ClipLoader()
{
    // Workers still running see they are overtaken and deliver nothing.
    m_newest->fetch_add(1);
}

void ClipLoader::load(const QStringList& paths, const QString& title)
{
    const quint64 request = m_newest->fetch_add(1) + 1;
    ++m_pending;
    QPointer<ClipLoader> self(this);
    auto newest = m_newest;
    QThreadPool::globalInstance()->start([self, newest, request, paths, title] {
        std::vector<engine::PreviewPtr> clips;
        double fps = 16.0;
        QString error;
        for (const QString& path : paths) {
            if (newest->load() != request)
                break; // overtaken: stop early
            try {
                engine::DecodedClip clip = engine::decodeClip(path.toStdString());
                fps = clip.fps;
                clips.push_back(std::move(clip.frames));
            } catch (const std::exception& failure) {
                error = QString::fromStdString(failure.what());
                break;
            }
        }
        QMetaObject::invokeMethod(
            self.data(),
            [self, request, clips = std::move(clips), fps, title, error] {
                if (ClipLoader* loader = self.data())
                    loader->deliver(request, clips, fps, title, error);
            },
            Qt::QueuedConnection);
    });
}

void ClipLoader::deliver(quint64 request, const std::vector<engine::PreviewPtr>& clips, double fps,
    const QString& title, const QString& error)
{
    --m_pending;
    if (m_newest->load() != request)
        return; // a newer request is on its way
    if (!error.isEmpty())
        emit failed(error);
    else
        emit loaded(clips, fps, title);
}

} // namespace cosmos::app

// Reads takes' clips for the player off the GUI thread: decoding a clip is
// tens of milliseconds to seconds, which the GUI thread must never wait for.
// Only the newest request is delivered; an answer to an older one (the user
// clicked on, or the window closed) is dropped.
//
//   loader.load({clipPath}, tr("Take 3"));
//   connect(&loader, &ClipLoader::loaded, panel, ...);
#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <atomic>
#include <memory>
#include <vector>

#include "engine/runner/job.h"

namespace cosmos::app {

class ClipLoader : public QObject {
    Q_OBJECT
public:
    explicit ClipLoader(QObject* parent = nullptr);
    ~ClipLoader() override;

    // Decodes `paths` in order (one clip, or a timeline of several).
    void load(const QStringList& paths, const QString& title);
    bool isBusy() const { return m_pending > 0; }

signals:
    void loaded(const std::vector<cosmos::engine::PreviewPtr>& clips, double fps, const QString& title);
    void failed(const QString& message);

private:
    // On the GUI thread, when a worker is done.
    void deliver(quint64 request, const std::vector<engine::PreviewPtr>& clips, double fps, const QString& title,
        const QString& error);

    // Shared with the worker: the newest request, so that it can tell it
    // has been overtaken; lives as long as either side.
    std::shared_ptr<std::atomic<quint64>> m_newest;
    int m_pending = 0;
};

} // namespace cosmos::app

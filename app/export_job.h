// Exporting from a project, shared by the Export dialog and `cosmos-cli
// render`: what a take, the timeline or a board becomes as an
// engine::ExportRequest (the clips' files, the layout, the cell labels and a
// provenance record of everything exported), and ExportRunner, which runs
// the export on a QThreadPool thread so that the GUI thread never waits.
//
//   engine::ExportRequest base;            // output path, format, fps, scale...
//   base.outputPath = "timeline.mp4";
//   QString error;
//   auto request = exportRequestForTimeline(store, base, &error);   // on the store's thread
//   if (request) runner->start(*request);   // progress, finished / failed / cancelled
#pragma once

#include <QList>
#include <QObject>
#include <QString>
#include <memory>
#include <optional>

#include "engine/tools/clip_export.h"
#include "projects/project_store.h"
#include "widgets/export_dialog.h"

namespace cosmos::app {

// Each fills a copy of `base` (its output path, format, fps, scale, filter,
// quality and overwrite are kept) with the clips, layout, labels and
// provenance; nullopt with `error` set (a sentence for the user) when there
// is nothing to export. Reads the store: call on its thread.
//
// A take: its clip. It must be done, with its clip file present.
std::optional<engine::ExportRequest> exportRequestForTake(
    projects::ProjectStore& store, qint64 takeId, const engine::ExportRequest& base, QString* error);
// The timeline: each segment's selected take, in order, one after another.
// Segments without a finished selected take are left out (and listed in the
// provenance as "skipped_segments"); none left is an error.
std::optional<engine::ExportRequest> exportRequestForTimeline(
    projects::ProjectStore& store, const engine::ExportRequest& base, QString* error);
// A board: its finished takes (up to 16) as one grid, each cell labelled
// with what differs from the others (seed 2, guidance 5, the changed prompt
// words); a board of one take is that take's clip.
std::optional<engine::ExportRequest> exportRequestForBoard(
    projects::ProjectStore& store, qint64 boardId, const engine::ExportRequest& base, QString* error);

// The dialog's choice and settings as a request.
std::optional<engine::ExportRequest> exportRequestFor(
    projects::ProjectStore& store, const widgets::ExportSettings& settings, QString* error);

// What a project offers the dialog: the take `currentTakeId` (when it has a
// clip; 0 for none), the whole timeline (when a segment has a selected take
// with a clip) and every board with a finished take, in that order.
QList<widgets::ExportChoice> exportChoices(projects::ProjectStore& store, qint64 currentTakeId);

// Runs one export at a time off the GUI thread. Signals arrive on the
// runner's thread, in order; exactly one of finished / failed / cancelled
// ends each run.
class ExportRunner : public QObject {
    Q_OBJECT
public:
    explicit ExportRunner(QObject* parent = nullptr);
    // A running export is asked to stop; it leaves no file and reports nothing.
    ~ExportRunner() override;

    // Starts `request`; false (and nothing started) while one is running.
    bool start(const engine::ExportRequest& request);
    // Asks the running export to stop: it ends with cancelled(), and no file.
    void cancel();
    bool isRunning() const { return m_running; }
    // The last finished export (valid after finished()).
    const engine::ExportReport& lastReport() const { return m_lastReport; }

signals:
    // total 0: the clips are being read, the amount of work is not known yet;
    // then frames written of frames.
    void progress(int done, int total);
    void finished(const QString& path);
    void failed(const QString& message);
    void cancelled();

private:
    struct Run;
    std::shared_ptr<Run> m_run; // shared with the worker thread
    bool m_running = false;
    engine::ExportReport m_lastReport;
};

} // namespace cosmos::app

// File > Export in the main window: a take, the whole timeline or a
// comparison board to MP4, WebM, GIF or PNGs. The dialog gathers the
// settings; the export runs off the GUI thread (ExportRunner) with progress
// and cancel, and never leaves a partial file under the final name.
#include "app/export_job.h"
#include "app/main_window.h"
#include "projects/project.h"
#include "widgets/export_dialog.h"
#include "widgets/timeline_view.h"

namespace cosmos::app {

void MainWindow::showExport()
{
    if (!project())
        return;
    auto& store = project()->store();
    const qint64 currentTake = store.selectedTakeId(m_timeline->selectedSegment());
    // Window-modal: the project cannot close under a running export.
    auto* dialog = new widgets::ExportDialog(exportChoices(store, currentTake), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(QStringLiteral("exportDialog"));
    auto* runner = new ExportRunner(dialog); // closing the dialog stops its export
    connect(dialog, &widgets::ExportDialog::exportRequested, runner,
        [this, dialog, runner](const widgets::ExportSettings& settings) {
            QString error;
            const auto request = exportRequestFor(project()->store(), settings, &error);
            if (!request)
                dialog->setFailed(error);
            else if (!runner->start(*request))
                dialog->setFailed(tr("An export is already running."));
        });
    connect(dialog, &widgets::ExportDialog::cancelRequested, runner, &ExportRunner::cancel);
    connect(runner, &ExportRunner::progress, dialog, &widgets::ExportDialog::setProgress);
    connect(runner, &ExportRunner::finished, dialog, &widgets::ExportDialog::setFinished);
    connect(runner, &ExportRunner::failed, dialog, &widgets::ExportDialog::setFailed);
    connect(runner, &ExportRunner::cancelled, dialog, &widgets::ExportDialog::setCancelled);
    dialog->open();
}

} // namespace cosmos::app

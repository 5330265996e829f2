// File > Export: what to export (a take, the whole timeline or a comparison
// board, as the caller offers them), the format (MP4, WebM, GIF, PNG
// sequence), frame rate, scale and scaling filter, quality and where to
// write it. Export asks before replacing an existing file, then emits
// exportRequested; the caller runs the export off the GUI thread and reports
// back through setProgress / setFinished / setFailed / setCancelled. Cancel
// (or Esc) while it runs emits cancelRequested.
//
//   auto* dialog = new ExportDialog(choices, window);
//   connect(dialog, &ExportDialog::exportRequested, runner, ...);
//   connect(runner, &ExportRunner::progress, dialog, &ExportDialog::setProgress);
//   dialog->open();
#pragma once

#include <QDialog>
#include <QList>
#include <QMetaType>
#include <QPointer>
#include <QString>

#include "engine/tools/clip_export.h"

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QMessageBox;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace cosmos::widgets {

// One thing the dialog can export, as the caller describes it.
struct ExportChoice {
    enum class Kind { Take, Timeline, Board };
    Kind kind = Kind::Take;
    qint64 id = 0; // the take's or the board's id; 0 for the timeline
    QString label; // "Take 3 of segment 2", "Whole timeline", "Board 'Seeds'"
};

struct ExportSettings {
    ExportChoice what;
    engine::ExportRequest::Format format = engine::ExportRequest::Format::Mp4;
    double fps = 0.0; // 0: the clips' own rate
    int scale = 4;
    engine::ExportRequest::ScaleFilter filter = engine::ExportRequest::ScaleFilter::Nearest;
    int quality = 90; // 1..100
    QString outputPath; // a file, or a folder for a PNG sequence
    bool overwrite = false; // the user agreed to replace what is there
};

class ExportDialog : public QDialog {
    Q_OBJECT
public:
    explicit ExportDialog(const QList<ExportChoice>& choices, QWidget* parent = nullptr);

    ExportSettings settings() const;
    void setCurrentChoice(int index);
    // Also picks the format the path's suffix names.
    void setOutputPath(const QString& path);
    QString outputPath() const;
    bool isRunning() const { return m_running; }

    QComboBox* choiceBox() const { return m_choice; }
    QComboBox* formatBox() const { return m_format; }
    QDoubleSpinBox* fpsBox() const { return m_fps; }
    QSpinBox* scaleBox() const { return m_scale; }
    QComboBox* filterBox() const { return m_filter; }
    QSpinBox* qualityBox() const { return m_quality; }
    QLineEdit* pathEdit() const { return m_path; }
    QPushButton* browseButton() const { return m_browse; }
    QPushButton* exportButton() const { return m_export; }
    QPushButton* cancelButton() const { return m_cancel; }
    QPushButton* closeButton() const { return m_close; }
    QProgressBar* progressBar() const { return m_progress; }
    QLabel* statusLabel() const { return m_status; }
    // The open "replace it?" question, if any (objectName "overwriteQuestion").
    QMessageBox* overwriteQuestion() const;

public slots:
    // total 0: busy, amount unknown (the clips are being read).
    void setProgress(int done, int total);
    void setFinished(const QString& path);
    void setFailed(const QString& message);
    void setCancelled();
    // Esc while running cancels the export instead of closing the dialog.
    void reject() override;

signals:
    void exportRequested(const cosmos::widgets::ExportSettings& settings);
    void cancelRequested();

private:
    void requestExport();
    void start(bool overwrite);
    void setRunning(bool running);
    void showStatus(const QString& text, bool error = false);
    void formatChanged();
    void pathEdited();
    void browse();
    void updateEnabled();

    QComboBox* m_choice = nullptr;
    QComboBox* m_format = nullptr;
    QDoubleSpinBox* m_fps = nullptr;
    QSpinBox* m_scale = nullptr;
    QComboBox* m_filter = nullptr;
    QSpinBox* m_quality = nullptr;
    QLineEdit* m_path = nullptr;
    QPushButton* m_browse = nullptr;
    QPushButton* m_export = nullptr;
    QPushButton* m_cancel = nullptr;
    QPushButton* m_close = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_status = nullptr;
    QPointer<QMessageBox> m_question;
    QList<ExportChoice> m_choices;
    bool m_running = false;
};

} // namespace cosmos::widgets

Q_DECLARE_METATYPE(cosmos::widgets::ExportSettings)

#include "widgets/export_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QSpinBox>
#include <QStandardPaths>
#include <algorithm>

namespace cosmos::widgets {
namespace {

using Format = engine::ExportRequest::Format;
using ScaleFilter = engine::ExportRequest::ScaleFilter;

QString withShortcut(const QString& tip, const QKeySequence& key)
{
    return QObject::tr("%1 (%2)").arg(tip, key.toString(QKeySequence::NativeText));
}

QString suffixOf(Format format)
{
    switch (format) {
    case Format::Mp4: return QStringLiteral(".mp4");
    case Format::WebM: return QStringLiteral(".webm");
    case Format::Gif: return QStringLiteral(".gif");
    case Format::PngSequence:
    case Format::Auto: break;
    }
    return {};
}

bool isPngPattern(const QString& path)
{
    return path.contains(QLatin1Char('%')) && path.endsWith(QLatin1String(".png"), Qt::CaseInsensitive);
}

// `path` made to name `format`: the suffix swapped, or dropped for a PNG
// sequence's folder (a name_%04d.png pattern is kept as it is).
QString pathForFormat(const QString& path, Format format)
{
    if (path.isEmpty())
        return path;
    QString base = path;
    if (isPngPattern(path)) {
        if (format == Format::PngSequence)
            return path;
        base = path.left(path.lastIndexOf(QLatin1Char('%')));
        while (base.endsWith(QLatin1Char('_')) || base.endsWith(QLatin1Char('-')))
            base.chop(1);
    } else {
        const QString name = path.section(QLatin1Char('/'), -1);
        const int dot = name.lastIndexOf(QLatin1Char('.'));
        if (dot > 0)
            base.chop(name.size() - dot);
    }
    return base + suffixOf(format);
}

} // namespace

ExportDialog::ExportDialog(const QList<ExportChoice>& choices, QWidget* parent) : QDialog(parent), m_choices(choices)
{
    setWindowTitle(tr("Export"));

    m_choice = new QComboBox(this);
    m_choice->setObjectName(QStringLiteral("what"));
    for (const ExportChoice& choice : choices)
        m_choice->addItem(choice.label);
    m_choice->setToolTip(tr("A take, the whole timeline (each segment's selected take in order), or a comparison "
                            "board as one grid video"));

    m_format = new QComboBox(this);
    m_format->setObjectName(QStringLiteral("format"));
    m_format->addItem(tr("MP4 (H.264)"), int(Format::Mp4));
    m_format->addItem(tr("WebM (VP9)"), int(Format::WebM));
    m_format->addItem(tr("GIF"), int(Format::Gif));
    m_format->addItem(tr("PNG sequence (a folder)"), int(Format::PngSequence));

    m_fps = new QDoubleSpinBox(this);
    m_fps->setObjectName(QStringLiteral("fps"));
    m_fps->setRange(0.0, 240.0);
    m_fps->setDecimals(1);
    m_fps->setSuffix(tr(" fps"));
    m_fps->setSpecialValueText(tr("The clips' own rate"));
    m_fps->setToolTip(tr("Playback rate; every frame is kept, so another rate plays faster or slower"));

    m_scale = new QSpinBox(this);
    m_scale->setObjectName(QStringLiteral("scale"));
    m_scale->setRange(1, 16);
    m_scale->setValue(4);
    m_scale->setSuffix(tr("×"));
    m_scale->setToolTip(tr("Enlarge the picture (nano clips are 64x64 pixels)"));
    m_filter = new QComboBox(this);
    m_filter->setObjectName(QStringLiteral("filter"));
    m_filter->addItem(tr("Nearest (sharp pixels)"), int(ScaleFilter::Nearest));
    m_filter->addItem(tr("Bilinear"), int(ScaleFilter::Bilinear));
    m_filter->addItem(tr("Bicubic"), int(ScaleFilter::Bicubic));
    m_filter->addItem(tr("Lanczos"), int(ScaleFilter::Lanczos));
    m_filter->setToolTip(tr("How the picture is enlarged"));
    auto* scaleRow = new QHBoxLayout;
    scaleRow->addWidget(m_scale);
    scaleRow->addWidget(m_filter, 1);

    m_quality = new QSpinBox(this);
    m_quality->setObjectName(QStringLiteral("quality"));
    m_quality->setRange(1, 100);
    m_quality->setValue(90);
    m_quality->setToolTip(tr("Higher is better and larger (MP4 and WebM; GIF and PNG keep every colour they can)"));

    m_path = new QLineEdit(this);
    m_path->setObjectName(QStringLiteral("outputPath"));
    m_path->setPlaceholderText(tr("Where to write the file"));
    m_browse = new QPushButton(tr("Browse…"), this);
    const QKeySequence browseKey(Qt::CTRL | Qt::Key_O);
    m_browse->setShortcut(browseKey);
    m_browse->setToolTip(withShortcut(tr("Choose where to write the export"), browseKey));
    auto* pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(m_browse);

    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->setTextVisible(false);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* buttons = new QDialogButtonBox(this);
    m_export = buttons->addButton(tr("Export"), QDialogButtonBox::AcceptRole);
    m_export->setDefault(true);
    const QKeySequence exportKey(Qt::CTRL | Qt::Key_Return);
    m_export->setToolTip(withShortcut(tr("Write the export"), exportKey));
    m_cancel = buttons->addButton(tr("Cancel Export"), QDialogButtonBox::ActionRole);
    m_cancel->setToolTip(withShortcut(tr("Stop the export; nothing is written"), QKeySequence(Qt::Key_Escape)));
    m_close = buttons->addButton(QDialogButtonBox::Close);
    // The buttons act themselves: the box's accepted() would close the dialog.
    connect(m_export, &QPushButton::clicked, this, &ExportDialog::requestExport);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (!m_running)
            return;
        m_cancel->setEnabled(false);
        showStatus(tr("Cancelling…"));
        emit cancelRequested();
    });
    connect(m_close, &QPushButton::clicked, this, &ExportDialog::reject);
    auto* exportShortcut = new QShortcut(exportKey, this);
    connect(exportShortcut, &QShortcut::activated, this, &ExportDialog::requestExport);

    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportDialog::formatChanged);
    connect(m_scale, &QSpinBox::valueChanged, this, &ExportDialog::updateEnabled);
    connect(m_path, &QLineEdit::editingFinished, this, &ExportDialog::pathEdited);
    connect(m_browse, &QPushButton::clicked, this, &ExportDialog::browse);

    auto* form = new QFormLayout(this);
    form->addRow(tr("Export"), m_choice);
    form->addRow(tr("Format"), m_format);
    form->addRow(tr("Frame rate"), m_fps);
    form->addRow(tr("Scale"), scaleRow);
    form->addRow(tr("Quality"), m_quality);
    form->addRow(tr("Save to"), pathRow);
    form->addRow(m_progress);
    form->addRow(m_status);
    form->addRow(buttons);

    QString folder = QStandardPaths::writableLocation(QStandardPaths::MoviesLocation);
    if (folder.isEmpty() || !QDir(folder).exists())
        folder = QDir::homePath();
    m_path->setText(QDir(folder).filePath(QStringLiteral("export.mp4")));
    setRunning(false);
    resize(520, sizeHint().height());
}

ExportSettings ExportDialog::settings() const
{
    ExportSettings settings;
    const int index = m_choice->currentIndex();
    if (index >= 0 && index < m_choices.size())
        settings.what = m_choices[index];
    settings.format = static_cast<Format>(m_format->currentData().toInt());
    settings.fps = m_fps->value();
    settings.scale = m_scale->value();
    settings.filter = static_cast<ScaleFilter>(m_filter->currentData().toInt());
    settings.quality = m_quality->value();
    settings.outputPath = outputPath();
    return settings;
}

QMessageBox* ExportDialog::overwriteQuestion() const
{
    return m_question.data();
}

void ExportDialog::setCurrentChoice(int index)
{
    m_choice->setCurrentIndex(index);
}

void ExportDialog::setOutputPath(const QString& path)
{
    m_path->setText(path);
    pathEdited();
}

QString ExportDialog::outputPath() const
{
    return m_path->text().trimmed();
}

void ExportDialog::setProgress(int done, int total)
{
    if (total <= 0) {
        m_progress->setRange(0, 0); // busy: the amount of work is not known yet
        return;
    }
    m_progress->setRange(0, total);
    m_progress->setValue(std::min(done, total));
}

void ExportDialog::setFinished(const QString& path)
{
    setRunning(false);
    m_progress->setRange(0, 1);
    m_progress->setValue(1);
    showStatus(tr("Wrote %1").arg(QDir::toNativeSeparators(path)));
}

void ExportDialog::setFailed(const QString& message)
{
    setRunning(false);
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    showStatus(tr("Export failed: %1").arg(message), true);
}

void ExportDialog::setCancelled()
{
    setRunning(false);
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    showStatus(tr("Export cancelled: nothing was written."));
}

void ExportDialog::reject()
{
    if (m_running) {
        m_cancel->click();
        return;
    }
    QDialog::reject();
}

void ExportDialog::requestExport()
{
    if (m_running || m_question)
        return;
    if (m_choices.isEmpty()) {
        showStatus(tr("There is nothing to export yet."), true);
        return;
    }
    const QString path = outputPath();
    if (path.isEmpty()) {
        showStatus(tr("Choose where to write the export."), true);
        return;
    }
    const ExportSettings chosen = settings();
    if (!engine::exportTargetExists(path.toStdString(), chosen.format)) {
        start(false);
        return;
    }
    // Opened, not exec()'d: the window stays responsive, and tests answer it.
    m_question = new QMessageBox(QMessageBox::Question, tr("Replace Existing File?"),
        tr("“%1” already exists. Replace it?").arg(QDir::toNativeSeparators(path)), QMessageBox::Yes | QMessageBox::No,
        this);
    m_question->setObjectName(QStringLiteral("overwriteQuestion"));
    m_question->setDefaultButton(QMessageBox::No);
    m_question->setAttribute(Qt::WA_DeleteOnClose);
    QMessageBox* question = m_question;
    connect(question, &QMessageBox::buttonClicked, this, [this, question](QAbstractButton* button) {
        if (question->standardButton(button) == QMessageBox::Yes)
            start(true);
        else
            showStatus(tr("Not exported: the existing file was kept."));
    });
    m_question->open();
}

void ExportDialog::start(bool overwrite)
{
    ExportSettings chosen = settings();
    chosen.overwrite = overwrite;
    setRunning(true);
    m_progress->setRange(0, 0);
    showStatus(tr("Exporting…"));
    emit exportRequested(chosen);
}

void ExportDialog::setRunning(bool running)
{
    m_running = running;
    for (QWidget* input : std::initializer_list<QWidget*> {m_choice, m_format, m_fps, m_scale, m_path, m_browse})
        input->setEnabled(!running);
    m_export->setEnabled(!running);
    m_close->setEnabled(!running);
    m_cancel->setEnabled(running);
    updateEnabled();
}

void ExportDialog::showStatus(const QString& text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color: #d04040;") : QString());
}

void ExportDialog::formatChanged()
{
    const auto format = static_cast<Format>(m_format->currentData().toInt());
    m_path->setText(pathForFormat(outputPath(), format));
    updateEnabled();
}

void ExportDialog::pathEdited()
{
    const QString path = outputPath();
    const Format named = engine::exportFormatOf(path.toStdString());
    const int index = m_format->findData(int(named));
    if (named != Format::Auto && index >= 0 && index != m_format->currentIndex()) {
        // Only the format follows the path here; the path stays as typed.
        const QSignalBlocker blocker(m_format);
        m_format->setCurrentIndex(index);
    }
    updateEnabled();
}

void ExportDialog::browse()
{
    const auto format = static_cast<Format>(m_format->currentData().toInt());
    const QString filter = format == Format::PngSequence
        ? tr("PNG sequence folder (*)")
        : tr("%1 (*%2)").arg(m_format->currentText(), suffixOf(format));
    // The dialog asks about replacing files itself, with the format in mind.
    const QString chosen = QFileDialog::getSaveFileName(
        this, tr("Export To"), outputPath(), filter, nullptr, QFileDialog::DontConfirmOverwrite);
    if (chosen.isEmpty())
        return;
    m_path->setText(pathForFormat(chosen, format));
    updateEnabled();
}

void ExportDialog::updateEnabled()
{
    const auto format = static_cast<Format>(m_format->currentData().toInt());
    m_quality->setEnabled(!m_running && (format == Format::Mp4 || format == Format::WebM));
    m_filter->setEnabled(!m_running && m_scale->value() > 1);
}

} // namespace cosmos::widgets

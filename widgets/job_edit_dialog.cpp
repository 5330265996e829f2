#include "widgets/job_edit_dialog.h"

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSpinBox>
#include <algorithm>
#include <climits>

#include "widgets/generation_settings_panel.h"

namespace cosmos::widgets {
namespace {

const QString kPrompt = QStringLiteral("prompt");
const QString kNegative = QStringLiteral("negative_prompt");
const QString kSteps = QStringLiteral("steps");
const QString kGuidance = QStringLiteral("guidance");
const QString kSeed = QStringLiteral("seed");

} // namespace

JobEditDialog::JobEditDialog(qint64 jobId, const QJsonObject& request, QWidget* parent)
    : QDialog(parent), m_jobId(jobId), m_request(request)
{
    setWindowTitle(tr("Edit Queued Job"));
    m_prompt = new QPlainTextEdit(request.value(kPrompt).toString(), this);
    m_prompt->setObjectName(kPrompt);
    m_prompt->setTabChangesFocus(true);
    m_prompt->setMinimumHeight(m_prompt->fontMetrics().lineSpacing() * 5);
    m_negative = new QPlainTextEdit(request.value(kNegative).toString(), this);
    m_negative->setObjectName(QStringLiteral("negativePrompt"));
    m_negative->setTabChangesFocus(true);
    m_negative->setMaximumHeight(m_negative->fontMetrics().lineSpacing() * 4);
    m_negative->setPlaceholderText(tr("What must not happen (optional)"));

    m_steps = new QSpinBox(this);
    m_steps->setObjectName(kSteps);
    m_steps->setRange(GenerationSettingsPanel::kMinSteps, GenerationSettingsPanel::kMaxSteps);
    m_initialSteps = request.value(kSteps).toInt(12);
    m_steps->setValue(m_initialSteps);
    m_initialSteps = m_steps->value(); // as clamped
    m_guidance = new QDoubleSpinBox(this);
    m_guidance->setObjectName(kGuidance);
    m_guidance->setRange(0.0, GenerationSettingsPanel::kMaxGuidance);
    m_guidance->setDecimals(1);
    m_guidance->setSingleStep(0.5);
    m_guidance->setValue(request.value(kGuidance).toDouble(3.0));
    m_initialGuidance = m_guidance->value();
    m_seed = new QSpinBox(this);
    m_seed->setObjectName(kSeed);
    m_seed->setRange(0, INT_MAX);
    m_seed->setValue(int(std::clamp<qint64>(request.value(kSeed).toInteger(0), 0, INT_MAX)));
    m_initialSeed = m_seed->value();

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Save Changes"));
    const QKeySequence acceptKey(Qt::CTRL | Qt::Key_Return);
    buttons->button(QDialogButtonBox::Ok)
        ->setToolTip(tr("Keep the edits for when the job runs (%1)").arg(acceptKey.toString(QKeySequence::NativeText)));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // The text boxes take a plain Return for a new line.
    auto* acceptShortcut = new QShortcut(acceptKey, this);
    connect(acceptShortcut, &QShortcut::activated, this, &QDialog::accept);

    auto* form = new QFormLayout(this);
    form->addRow(tr("Prompt"), m_prompt);
    form->addRow(tr("Negative prompt"), m_negative);
    form->addRow(tr("Steps"), m_steps);
    form->addRow(tr("Guidance"), m_guidance);
    form->addRow(tr("Seed"), m_seed);
    form->addRow(buttons);
    resize(520, sizeHint().height());
}

QJsonObject JobEditDialog::request() const
{
    QJsonObject result = m_request;
    result.insert(kPrompt, m_prompt->toPlainText());
    if (result.contains(kNegative) || !m_negative->toPlainText().isEmpty())
        result.insert(kNegative, m_negative->toPlainText());
    if (result.contains(kSteps) || m_steps->value() != m_initialSteps)
        result.insert(kSteps, m_steps->value());
    if (result.contains(kGuidance) || m_guidance->value() != m_initialGuidance)
        result.insert(kGuidance, m_guidance->value());
    if (result.contains(kSeed) || m_seed->value() != m_initialSeed)
        result.insert(kSeed, qint64(m_seed->value()));
    return result;
}

} // namespace cosmos::widgets

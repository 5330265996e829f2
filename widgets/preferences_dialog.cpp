#include "widgets/preferences_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QThread>
#include <QVBoxLayout>

namespace cosmos::widgets {
namespace {

// Frame counts are 1 + 4k: the video tokenizer packs four frames into one
// latent after the first. 0 stands for the model's default.
class FrameCountSpinBox : public QSpinBox {
public:
    explicit FrameCountSpinBox(QWidget* parent) : QSpinBox(parent)
    {
        setRange(0, 997);
        setSingleStep(4);
    }

    void stepBy(int steps) override
    {
        int next = value() + 4 * steps;
        if (value() == 0 && steps > 0)
            next = 1 + 4 * (steps - 1);
        setValue(next < 1 ? 0 : next);
    }

protected:
    int valueFromText(const QString& text) const override { return snap(QSpinBox::valueFromText(text)); }
    void fixup(QString& input) const override
    {
        QSpinBox::fixup(input);
        input = QString::number(snap(input.toInt()));
    }

private:
    static int snap(int frames) { return frames <= 0 ? 0 : 1 + (frames - 1 + 2) / 4 * 4; }
};

QLabel* noteLabel(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

QGroupBox* group(const QString& title, QVBoxLayout* layout, QFormLayout*& form)
{
    auto* box = new QGroupBox(title);
    form = new QFormLayout(box);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    layout->addWidget(box);
    return box;
}

// One label column and one field width across the groups, so the form reads
// as a single aligned column instead of three.
void alignForms(const QList<QFormLayout*>& forms)
{
    QList<QWidget*> labels;
    QList<QWidget*> fields;
    for (QFormLayout* form : forms)
        for (int row = 0; row < form->rowCount(); ++row) {
            const QLayoutItem* label = form->itemAt(row, QFormLayout::LabelRole);
            const QLayoutItem* field = form->itemAt(row, QFormLayout::FieldRole);
            if (label && label->widget() && field && field->widget()) {
                labels.append(label->widget());
                fields.append(field->widget());
            }
        }
    const auto widest = [](const QList<QWidget*>& widgets) {
        int width = 0;
        for (const QWidget* widget : widgets)
            width = qMax(width, widget->sizeHint().width());
        return width;
    };
    const int labelWidth = widest(labels);
    const int fieldWidth = widest(fields);
    for (QWidget* label : labels)
        label->setMinimumWidth(labelWidth);
    for (QWidget* field : fields)
        field->setMinimumWidth(fieldWidth);
}

void selectData(QComboBox* combo, const QString& value)
{
    combo->setCurrentIndex(qMax(0, combo->findData(value)));
}

} // namespace

PreferencesDialog::PreferencesDialog(QWidget* parent) : QDialog(parent), m_themeBefore(currentTheme())
{
    setWindowTitle(tr("Preferences"));
    auto* layout = new QVBoxLayout(this);
    buildEngineGroup(layout);
    buildDefaultsGroup(layout);
    buildAppearanceGroup(layout);
    alignForms(findChildren<QFormLayout*>());
    layout->addStretch(1);

    auto* buttons = new QDialogButtonBox(
        QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::Apply | QDialogButtonBox::RestoreDefaults,
        this);
    connect(buttons, &QDialogButtonBox::accepted, this, &PreferencesDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &PreferencesDialog::reject);
    connect(buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this, &PreferencesDialog::apply);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
        [this] { setValues(StudioPreferences()); });
    layout->addWidget(buttons);

    const StudioPreferences saved = StudioPreferences::load();
    m_savedLanguage = saved.language;
    setValues(saved);
    // A preview from here on (not for the saved value shown at first): Cancel takes it back.
    connect(m_theme, &QComboBox::currentIndexChanged, this,
        [this] { applyTheme(themeFromString(m_theme->currentData().toString())); });
    resize(480, sizeHint().height());
}

void PreferencesDialog::buildEngineGroup(QVBoxLayout* layout)
{
    QFormLayout* form = nullptr;
    QGroupBox* box = group(tr("Engine"), layout, form);
    m_device = new QComboBox(box);
    m_device->setObjectName(QStringLiteral("deviceCombo"));
    m_device->addItem(tr("Automatic (CUDA when present, else CPU)"), QStringLiteral("auto"));
    m_device->addItem(tr("CPU"), QStringLiteral("cpu"));
    m_device->addItem(tr("CUDA GPU"), QStringLiteral("cuda"));
    form->addRow(tr("&Device:"), m_device);

    m_threads = new QSpinBox(box);
    m_threads->setObjectName(QStringLiteral("threadsSpin"));
    const int cores = QThread::idealThreadCount();
    m_threads->setRange(0, qMax(1, cores));
    m_threads->setSpecialValueText(tr("Automatic (%1)").arg(qMax(1, cores - 1)));
    m_threads->setToolTip(tr("Threads the engine uses on the CPU; automatic leaves one core to the window"));
    form->addRow(tr("CPU &threads:"), m_threads);
    form->addRow(noteLabel(tr("Device and thread changes apply when the engine next loads a model."), box));
}

void PreferencesDialog::buildDefaultsGroup(QVBoxLayout* layout)
{
    QFormLayout* form = nullptr;
    QGroupBox* box = group(tr("Defaults for New Segments"), layout, form);
    const QString modelDefault = tr("Model default");

    m_steps = new QSpinBox(box);
    m_steps->setObjectName(QStringLiteral("stepsSpin"));
    m_steps->setRange(0, 1000);
    m_steps->setSpecialValueText(modelDefault);
    m_steps->setToolTip(tr("Sampling steps; more are slower and usually cleaner"));
    form->addRow(tr("&Steps:"), m_steps);

    m_guidance = new QDoubleSpinBox(box);
    m_guidance->setObjectName(QStringLiteral("guidanceSpin"));
    // Guidance 0 is a real value (the prompt alone), so the model's default
    // sits one step below it.
    m_guidance->setRange(-0.5, 30.0);
    m_guidance->setSingleStep(0.5);
    m_guidance->setDecimals(1);
    m_guidance->setSpecialValueText(modelDefault);
    m_guidance->setToolTip(tr("How strongly the prompt steers the video (classifier-free guidance)"));
    form->addRow(tr("&Guidance:"), m_guidance);

    m_frames = new FrameCountSpinBox(box);
    m_frames->setObjectName(QStringLiteral("framesSpin"));
    m_frames->setSpecialValueText(modelDefault);
    m_frames->setToolTip(tr("Frames per segment: 1 + 4k (1, 5, 9, 13, 17, ...)"));
    form->addRow(tr("&Frames:"), m_frames);
    form->addRow(noteLabel(tr("A model default follows the model each segment uses."), box));
}

void PreferencesDialog::buildAppearanceGroup(QVBoxLayout* layout)
{
    QFormLayout* form = nullptr;
    QGroupBox* box = group(tr("Appearance"), layout, form);
    m_theme = new QComboBox(box);
    m_theme->setObjectName(QStringLiteral("themeCombo"));
    m_theme->addItem(tr("Follow the system"), QStringLiteral("system"));
    m_theme->addItem(tr("Light"), QStringLiteral("light"));
    m_theme->addItem(tr("Dark"), QStringLiteral("dark"));
    form->addRow(tr("T&heme:"), m_theme);

    m_language = new QComboBox(box);
    m_language->setObjectName(QStringLiteral("languageCombo"));
    m_language->addItem(tr("Follow the system"), QStringLiteral("system"));
    m_language->addItem(QLocale(QLocale::English).nativeLanguageName(), QStringLiteral("en"));
    m_language->addItem(tr("%1 (Korean)").arg(QLocale(QLocale::Korean).nativeLanguageName()), QStringLiteral("ko"));
    connect(m_language, &QComboBox::currentIndexChanged, this, &PreferencesDialog::updateLanguageNote);
    form->addRow(tr("&Language:"), m_language);
    m_languageNote = noteLabel(tr("The language changes when the studio restarts."), box);
    m_languageNote->setObjectName(QStringLiteral("languageNote"));
    form->addRow(m_languageNote);
}

void PreferencesDialog::updateLanguageNote()
{
    // Say it louder once the choice differs from what the studio runs in.
    const bool changed = m_language->currentData().toString() != m_savedLanguage;
    QFont font = m_languageNote->font();
    font.setBold(changed);
    m_languageNote->setFont(font);
    m_languageNote->setForegroundRole(changed ? QPalette::WindowText : QPalette::PlaceholderText);
}

StudioPreferences PreferencesDialog::values() const
{
    StudioPreferences p;
    p.device = m_device->currentData().toString();
    p.cpuThreads = m_threads->value();
    p.defaultSteps = m_steps->value();
    p.defaultGuidance = m_guidance->value() < 0.0 ? -1.0 : m_guidance->value();
    p.defaultFrames = m_frames->value();
    p.theme = m_theme->currentData().toString();
    p.language = m_language->currentData().toString();
    return p.normalized();
}

void PreferencesDialog::setValues(const StudioPreferences& preferences)
{
    const StudioPreferences p = preferences.normalized();
    selectData(m_device, p.device);
    m_threads->setValue(p.cpuThreads);
    m_steps->setValue(p.defaultSteps);
    m_guidance->setValue(p.defaultGuidance < 0.0 ? m_guidance->minimum() : p.defaultGuidance);
    m_frames->setValue(p.defaultFrames);
    selectData(m_theme, p.theme);
    selectData(m_language, p.language);
    updateLanguageNote();
}

void PreferencesDialog::apply()
{
    const StudioPreferences p = values();
    p.save();
    const Theme theme = themeFromString(p.theme);
    applyTheme(theme);
    m_themeBefore = theme; // applied: Cancel no longer takes it back
    emit applied(p);
}

void PreferencesDialog::accept()
{
    apply();
    QDialog::accept();
}

void PreferencesDialog::reject()
{
    if (currentTheme() != m_themeBefore)
        applyTheme(m_themeBefore);
    QDialog::reject();
}

} // namespace cosmos::widgets

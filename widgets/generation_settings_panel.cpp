#include "widgets/generation_settings_panel.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>
#include <QRandomGenerator>
#include <QScopedValueRollback>
#include <QSpinBox>
#include <QToolButton>
#include <algorithm>
#include <climits>
#include <cmath>
#include <optional>

namespace cosmos::widgets {
namespace {

const QString kModel = QStringLiteral("model");
const QString kSteps = QStringLiteral("steps");
const QString kGuidance = QStringLiteral("guidance");
const QString kSeed = QStringLiteral("seed");
const QString kSeedLocked = QStringLiteral("seed_locked");
const QString kSampler = QStringLiteral("sampler");
const QString kFrames = QStringLiteral("frames");
const QString kResolution = QStringLiteral("resolution");

constexpr int kNoSeed = -1; // the seed box's "Random": no seed chosen yet

const ModelChoice* findModel(const QList<ModelChoice>& models, const QString& name)
{
    for (const ModelChoice& model : models) {
        if (model.name == name)
            return &model;
    }
    return nullptr;
}

std::optional<QSize> parseResolution(const QString& text)
{
    const QStringList parts = text.split(QLatin1Char('x'));
    bool widthOk = false;
    bool heightOk = false;
    if (parts.size() != 2)
        return std::nullopt;
    const int width = parts[0].trimmed().toInt(&widthOk);
    const int height = parts[1].trimmed().toInt(&heightOk);
    if (!widthOk || !heightOk)
        return std::nullopt;
    return QSize(width, height);
}

QString shown(const QJsonValue& value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toDouble());
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return QStringLiteral("?");
}

// Small icons drawn in the palette's text colour, so that they follow a dark
// theme without image files.
QIcon lockIcon(const QColor& colour, bool locked)
{
    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(colour, 3.0));
    painter.setBrush(Qt::NoBrush);
    QPainterPath shackle;
    shackle.moveTo(10, 15);
    shackle.lineTo(10, 10);
    shackle.arcTo(QRectF(10, 3, 12, 14), 180, -180);
    shackle.lineTo(22, locked ? 15 : 11);
    if (!locked)
        shackle.translate(5, -2);
    painter.drawPath(shackle);
    painter.setPen(Qt::NoPen);
    painter.setBrush(colour);
    painter.drawRoundedRect(QRectF(6, 14, 20, 15), 3, 3);
    return QIcon(pixmap);
}

QIcon diceIcon(const QColor& colour)
{
    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(colour, 2.5));
    painter.setBrush(Qt::NoBrush);
    painter.drawRoundedRect(QRectF(4, 4, 24, 24), 5, 5);
    painter.setPen(Qt::NoPen);
    painter.setBrush(colour);
    for (const QPointF& pip :
        {QPointF(10.5, 10.5), QPointF(16, 16), QPointF(21.5, 21.5), QPointF(21.5, 10.5), QPointF(10.5, 21.5)})
        painter.drawEllipse(pip, 2.4, 2.4);
    return QIcon(pixmap);
}

template<typename Spin, typename Value>
void setIfDifferent(Spin* spin, Value value)
{
    if (spin->value() != value)
        spin->setValue(value);
}

void selectData(QComboBox* combo, const QVariant& data)
{
    const int index = combo->findData(data);
    if (index >= 0 && combo->currentIndex() != index)
        combo->setCurrentIndex(index);
}

} // namespace

GenerationSettingsPanel::GenerationSettingsPanel(QWidget* parent) : QWidget(parent)
{
    m_model = new QComboBox(this);
    m_model->setObjectName(kModel);
    m_model->setToolTip(tr("The world model that generates the take"));

    m_steps = new QSpinBox(this);
    m_steps->setObjectName(kSteps);
    m_steps->setRange(kMinSteps, kMaxSteps);
    m_steps->setKeyboardTracking(false);
    m_steps->setToolTip(tr("Sampling steps: more are slower and usually cleaner"));

    m_guidance = new QDoubleSpinBox(this);
    m_guidance->setObjectName(kGuidance);
    m_guidance->setRange(0.0, kMaxGuidance);
    m_guidance->setDecimals(1);
    m_guidance->setSingleStep(0.5);
    m_guidance->setKeyboardTracking(false);
    m_guidance->setToolTip(tr("How strongly the clip follows the prompt (0: not guided)"));

    m_seed = new QSpinBox(this);
    m_seed->setObjectName(kSeed);
    m_seed->setRange(kNoSeed, INT_MAX);
    m_seed->setSpecialValueText(tr("Random"));
    m_seed->setKeyboardTracking(false);
    m_seed->setToolTip(tr("The seed of the noise: the same seed and settings give the same take. Typing a seed "
                          "locks it."));
    const QColor iconColour = palette().color(QPalette::ButtonText);
    m_seedLock = new QToolButton(this);
    m_seedLock->setObjectName(QStringLiteral("seedLock"));
    m_seedLock->setCheckable(true);
    m_seedLock->setAutoRaise(true);
    QIcon lock = lockIcon(iconColour, true);
    lock.addPixmap(lockIcon(iconColour, false).pixmap(32, 32), QIcon::Normal, QIcon::Off);
    lock.addPixmap(lockIcon(iconColour, true).pixmap(32, 32), QIcon::Normal, QIcon::On);
    m_seedLock->setIcon(lock);
    m_seedLock->setToolTip(tr("Lock the seed: every take uses it. Unlocked, each Generate draws a new seed."));
    m_seedRandomise = new QToolButton(this);
    m_seedRandomise->setObjectName(QStringLiteral("seedRandomise"));
    m_seedRandomise->setAutoRaise(true);
    m_seedRandomise->setIcon(diceIcon(iconColour));
    m_seedRandomise->setToolTip(tr("Draw a new seed now"));

    m_sampler = new QComboBox(this);
    m_sampler->setObjectName(kSampler);
    m_sampler->setToolTip(tr("The solver that steps from noise to the clip"));
    m_frames = new QComboBox(this);
    m_frames->setObjectName(kFrames);
    m_frames->setToolTip(tr("The clip's length: the frame counts the model was trained for"));
    m_resolution = new QComboBox(this);
    m_resolution->setObjectName(kResolution);
    m_resolution->setToolTip(tr("Width x height of the clip, as the model allows"));

    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("validationNote"));
    m_note->setWordWrap(true);
    QFont noteFont = m_note->font();
    noteFont.setPointSizeF(noteFont.pointSizeF() * 0.9);
    m_note->setFont(noteFont);
    QPalette notePalette = m_note->palette();
    notePalette.setColor(QPalette::WindowText, QColor(0xc0, 0x70, 0x10));
    m_note->setPalette(notePalette);
    m_note->hide();

    auto* seedRow = new QHBoxLayout;
    seedRow->setSpacing(2);
    seedRow->addWidget(m_seed, 1);
    seedRow->addWidget(m_seedLock);
    seedRow->addWidget(m_seedRandomise);

    auto* form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Model"), m_model);
    form->addRow(tr("Steps"), m_steps);
    form->addRow(tr("Guidance"), m_guidance);
    form->addRow(tr("Seed"), seedRow);
    form->addRow(tr("Sampler"), m_sampler);
    form->addRow(tr("Frames"), m_frames);
    form->addRow(tr("Resolution"), m_resolution);
    form->addRow(m_note);

    connect(m_model, &QComboBox::activated, this, [this] { userChanged(kModel, m_model->currentData().toString()); });
    connect(m_steps, &QSpinBox::valueChanged, this, [this](int value) { userChanged(kSteps, value); });
    connect(m_guidance, &QDoubleSpinBox::valueChanged, this, [this](double value) { userChanged(kGuidance, value); });
    connect(m_seed, &QSpinBox::valueChanged, this, [this](int value) {
        if (m_updating)
            return;
        if (value == kNoSeed) {
            userChanged(kSeed, QJsonValue(QJsonValue::Undefined));
            return;
        }
        userChanged(kSeed, value);
        // A typed seed is one the user wants again.
        if (!isSeedLocked())
            userChanged(kSeedLocked, true);
    });
    connect(m_seedLock, &QToolButton::toggled, this, [this](bool locked) { userChanged(kSeedLocked, locked); });
    connect(m_seedRandomise, &QToolButton::clicked, this, [this] {
        const int seed = int(QRandomGenerator::global()->bounded(INT_MAX));
        {
            const QScopedValueRollback guard(m_updating, true);
            m_seed->setValue(seed);
        }
        userChanged(kSeed, seed);
    });
    connect(
        m_sampler, &QComboBox::activated, this, [this] { userChanged(kSampler, m_sampler->currentData().toString()); });
    connect(m_frames, &QComboBox::activated, this, [this] { userChanged(kFrames, m_frames->currentData().toInt()); });
    connect(m_resolution, &QComboBox::activated, this,
        [this] { userChanged(kResolution, m_resolution->currentData().toString()); });
    buildView();
}

void GenerationSettingsPanel::setModelChoices(const QList<ModelChoice>& models)
{
    m_models = models;
    {
        const QScopedValueRollback guard(m_updating, true);
        m_model->clear();
        for (const ModelChoice& model : m_models) {
            m_model->addItem(model.name, model.name);
            m_model->setItemData(m_model->count() - 1, model.folder, Qt::ToolTipRole);
        }
    }
    m_shownModel.clear(); // the per-model lists are filled again
    buildView();
}

const ModelChoice* GenerationSettingsPanel::currentModel() const
{
    const int index = m_model->currentIndex();
    return index >= 0 && index < m_models.size() ? &m_models[index] : nullptr;
}

void GenerationSettingsPanel::setSettings(const QJsonObject& settings)
{
    m_stored = settings;
    buildView();
}

QJsonObject GenerationSettingsPanel::settings() const
{
    return validated(m_stored, m_models);
}

QString GenerationSettingsPanel::validationNote() const
{
    return m_note->text();
}

bool GenerationSettingsPanel::isSeedLocked() const
{
    return m_seedLock->isChecked();
}

int GenerationSettingsPanel::seedForNextTake()
{
    const QJsonObject current = settings();
    if (isSeedLocked() && current.contains(kSeed))
        return int(current.value(kSeed).toInteger());
    const int seed = int(QRandomGenerator::global()->bounded(INT_MAX));
    {
        const QScopedValueRollback guard(m_updating, true);
        m_seed->setValue(seed);
    }
    userChanged(kSeed, seed);
    return seed;
}

void GenerationSettingsPanel::commitPendingEdits()
{
    m_steps->interpretText();
    m_guidance->interpretText();
    m_seed->interpretText();
}

QString GenerationSettingsPanel::resolutionText(const QSize& size)
{
    return QStringLiteral("%1x%2").arg(size.width()).arg(size.height());
}

QJsonObject GenerationSettingsPanel::validated(
    const QJsonObject& settings, const QList<ModelChoice>& models, QStringList* notes)
{
    QStringList ignored;
    QStringList& out = notes ? *notes : ignored;
    if (models.isEmpty())
        return settings; // nothing to check against
    QJsonObject result = settings;

    const QString wanted = settings.value(kModel).toString();
    const ModelChoice* model = findModel(models, wanted);
    if (!model) {
        model = &models.first();
        if (!wanted.isEmpty())
            out << tr("Model \"%1\" is not installed; %2 is used.").arg(wanted, model->name);
    }
    result.insert(kModel, model->name);

    // A number in [low, high], or the fallback with a note when it is not.
    const auto number = [&](const QString& key, const QString& label, double fallback, double low, double high,
                            bool integral) -> std::optional<double> {
        const QJsonValue value = settings.value(key);
        if (value.isUndefined() || value.isNull())
            return std::nullopt;
        if (!value.isDouble()) {
            out << tr("%1 \"%2\" is not a number; %3 is used.").arg(label, shown(value)).arg(fallback);
            return fallback;
        }
        const double wantedValue = value.toDouble();
        const double rounded = integral ? std::round(wantedValue) : wantedValue;
        const double clamped = std::clamp(rounded, low, high);
        if (clamped != wantedValue)
            out << tr("%1 %2 is outside %3 to %4; %5 is used.")
                       .arg(label)
                       .arg(wantedValue)
                       .arg(low)
                       .arg(high)
                       .arg(clamped);
        return clamped;
    };

    result.insert(kSteps,
        int(number(kSteps, tr("Steps"), model->defaultSteps, kMinSteps, kMaxSteps, true)
                .value_or(model->defaultSteps)));
    result.insert(kGuidance,
        number(kGuidance, tr("Guidance"), model->defaultGuidance, 0.0, kMaxGuidance, false)
            .value_or(model->defaultGuidance));
    if (const std::optional<double> seed = number(kSeed, tr("Seed"), 0, 0, INT_MAX, true))
        result.insert(kSeed, qint64(*seed));
    else
        result.remove(kSeed);
    result.insert(kSeedLocked, settings.value(kSeedLocked).toBool(false));

    const QString fallbackSampler = model->samplers.contains(model->defaultSampler) || model->samplers.isEmpty()
        ? model->defaultSampler
        : model->samplers.first();
    const QJsonValue sampler = settings.value(kSampler);
    if (!sampler.isUndefined() && !model->samplers.contains(sampler.toString()))
        out << tr("Sampler \"%1\" is not offered by %2; %3 is used.").arg(shown(sampler), model->name, fallbackSampler);
    result.insert(kSampler, model->samplers.contains(sampler.toString()) ? sampler.toString() : fallbackSampler);

    if (!model->frameCounts.isEmpty()) {
        const QJsonValue frames = settings.value(kFrames);
        int chosen = model->frameCounts.first();
        if (!frames.isUndefined()) {
            const int wantedFrames = frames.toInt(-1);
            if (model->frameCounts.contains(wantedFrames) && frames.isDouble()) {
                chosen = wantedFrames;
            } else {
                // The nearest length the model knows; the shorter one on a tie.
                for (const int count : model->frameCounts) {
                    const int distance = std::abs(count - wantedFrames);
                    const int best = std::abs(chosen - wantedFrames);
                    if (distance < best || (distance == best && count < chosen))
                        chosen = count;
                }
                out << tr("%2 does not offer %1 frames; the nearest count, %3, is used.")
                           .arg(shown(frames), model->name)
                           .arg(chosen);
            }
        }
        result.insert(kFrames, chosen);
    }

    if (!model->resolutions.isEmpty()) {
        const QJsonValue resolution = settings.value(kResolution);
        QSize chosen = model->resolutions.first();
        if (!resolution.isUndefined()) {
            const std::optional<QSize> size = parseResolution(resolution.toString());
            if (size && model->resolutions.contains(*size))
                chosen = *size;
            else
                out << tr("Resolution %1 is not offered by %2; %3 is used.")
                           .arg(shown(resolution), model->name, resolutionText(chosen));
        }
        result.insert(kResolution, resolutionText(chosen));
    }
    return result;
}

void GenerationSettingsPanel::fillModelCombos(const ModelChoice* model)
{
    m_sampler->clear();
    m_frames->clear();
    m_resolution->clear();
    if (!model)
        return;
    for (const QString& sampler : model->samplers)
        m_sampler->addItem(sampler, sampler);
    for (const int frames : model->frameCounts) {
        const QString seconds = QString::number(model->fps > 0 ? frames / model->fps : 0.0, 'f', 1);
        m_frames->addItem(tr("%1 frames (%2 s)").arg(frames).arg(seconds), frames);
    }
    for (const QSize& size : model->resolutions) {
        m_resolution->addItem(
            tr("%1 x %2").arg(size.width()).arg(size.height()), GenerationSettingsPanel::resolutionText(size));
    }
}

void GenerationSettingsPanel::buildView()
{
    QStringList notes;
    const QJsonObject shownSettings = validated(m_stored, m_models, &notes);
    const QString modelName = shownSettings.value(kModel).toString();
    bool modelChanged = false;
    {
        const QScopedValueRollback guard(m_updating, true);
        selectData(m_model, modelName);
        if (modelName != m_shownModel || m_sampler->count() == 0) {
            modelChanged = modelName != m_shownModel;
            m_shownModel = modelName;
            fillModelCombos(currentModel());
        }
        setIfDifferent(m_steps, shownSettings.value(kSteps).toInt(m_steps->value()));
        setIfDifferent(m_guidance, shownSettings.value(kGuidance).toDouble(m_guidance->value()));
        setIfDifferent(m_seed, shownSettings.contains(kSeed) ? int(shownSettings.value(kSeed).toInteger()) : kNoSeed);
        if (m_seedLock->isChecked() != shownSettings.value(kSeedLocked).toBool())
            m_seedLock->setChecked(shownSettings.value(kSeedLocked).toBool());
        selectData(m_sampler, shownSettings.value(kSampler).toString());
        selectData(m_frames, shownSettings.value(kFrames).toInt());
        selectData(m_resolution, shownSettings.value(kResolution).toString());
    }
    const bool hasModels = !m_models.isEmpty();
    for (QWidget* widget : std::initializer_list<QWidget*> {
             m_model, m_steps, m_guidance, m_seed, m_seedLock, m_seedRandomise, m_sampler, m_frames, m_resolution})
        widget->setEnabled(hasModels);
    if (!hasModels)
        notes << tr("No model is installed: add one in the model manager.");
    m_note->setText(notes.join(QLatin1Char('\n')));
    m_note->setVisible(!notes.isEmpty());
    if (modelChanged)
        emit currentModelChanged();
}

void GenerationSettingsPanel::userChanged(const QString& key, const QJsonValue& value)
{
    if (m_updating)
        return;
    if (value.isUndefined())
        m_stored.remove(key);
    else
        m_stored.insert(key, value);
    emit settingChanged(key, value);
    buildView(); // a new model offers other lengths; the note may change
}

} // namespace cosmos::widgets

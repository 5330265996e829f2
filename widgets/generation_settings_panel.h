// The generation settings of one segment: model, steps, guidance, seed (with
// lock and randomise), sampler, frames and resolution, offered as the chosen
// model allows. A stored value the model does not allow is shown clamped,
// with the reason in a small note; the store keeps what the user chose until
// the user changes it.
//
// Settings are the segment's JSON keys (projects/records.h): "model",
// "steps", "guidance", "seed", "seed_locked", "sampler", "frames" (int) and
// "resolution" ("WIDTHxHEIGHT", e.g. "64x64").
#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QWidget>

#include "widgets/model_choice.h"

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;
class QToolButton;

namespace cosmos::widgets {

class GenerationSettingsPanel : public QWidget {
    Q_OBJECT
public:
    static constexpr int kMinSteps = 1;
    static constexpr int kMaxSteps = 200;
    static constexpr double kMaxGuidance = 20.0;

    explicit GenerationSettingsPanel(QWidget* parent = nullptr);

    void setModelChoices(const QList<ModelChoice>& models);
    const QList<ModelChoice>& modelChoices() const { return m_models; }
    // The model shown; null when there is none.
    const ModelChoice* currentModel() const;

    // Shows a segment's settings; emits nothing.
    void setSettings(const QJsonObject& settings);
    // What generation will use: every key, validated against the model
    // ("seed" only when the segment has one).
    QJsonObject settings() const;
    // Why shown values differ from the stored ones; empty when they agree.
    QString validationNote() const;

    bool isSeedLocked() const;
    // The seed of the next take: a locked seed is kept; otherwise a new one
    // is drawn, shown and reported through settingChanged("seed").
    int seedForNextTake();
    // Commits a value still being typed in a spin box (before Generate).
    void commitPendingEdits();

    // The settings as generation must use them; `notes` (may be null) gets
    // one sentence per value that was changed, and why.
    static QJsonObject validated(
        const QJsonObject& settings, const QList<ModelChoice>& models, QStringList* notes = nullptr);
    static QString resolutionText(const QSize& size); // "64x64"

signals:
    // The user changed a setting; an undefined value removes the key.
    void settingChanged(const QString& key, const QJsonValue& value);
    // The model shown changed (by the user or by setSettings).
    void currentModelChanged();

private:
    void buildView();
    void userChanged(const QString& key, const QJsonValue& value);
    void fillModelCombos(const ModelChoice* model);

    QComboBox* m_model = nullptr;
    QSpinBox* m_steps = nullptr;
    QDoubleSpinBox* m_guidance = nullptr;
    QSpinBox* m_seed = nullptr;
    QToolButton* m_seedLock = nullptr;
    QToolButton* m_seedRandomise = nullptr;
    QComboBox* m_sampler = nullptr;
    QComboBox* m_frames = nullptr;
    QComboBox* m_resolution = nullptr;
    QLabel* m_note = nullptr;

    QList<ModelChoice> m_models;
    QJsonObject m_stored; // the segment's settings, as last set or edited
    QString m_shownModel;
    bool m_updating = false; // filling the widgets: not a user edit
};

} // namespace cosmos::widgets

// Edit > Preferences: device and CPU threads, defaults for new segments,
// theme and language. The theme previews at once and is taken back by
// Cancel; OK and Apply save to QSettings and emit applied().
#pragma once

#include <QDialog>

#include "widgets/studio_preferences.h"
#include "widgets/theme.h"

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;
class QVBoxLayout;

namespace cosmos::widgets {

class PreferencesDialog : public QDialog {
    Q_OBJECT
public:
    // Shows the saved preferences (StudioPreferences::load()).
    explicit PreferencesDialog(QWidget* parent = nullptr);

    // What the controls hold now (not yet saved).
    StudioPreferences values() const;
    void setValues(const StudioPreferences& preferences);

    // Saves what the controls hold, applies the theme, emits applied().
    void apply();

    void accept() override; // apply, then close
    void reject() override; // restore the theme in effect before, then close

signals:
    void applied(const cosmos::widgets::StudioPreferences& preferences);

private:
    void buildEngineGroup(QVBoxLayout* layout);
    void buildDefaultsGroup(QVBoxLayout* layout);
    void buildAppearanceGroup(QVBoxLayout* layout);
    void updateLanguageNote();

    QComboBox* m_device = nullptr;
    QSpinBox* m_threads = nullptr;
    QSpinBox* m_steps = nullptr;
    QDoubleSpinBox* m_guidance = nullptr;
    QSpinBox* m_frames = nullptr;
    QComboBox* m_theme = nullptr;
    QComboBox* m_language = nullptr;
    QLabel* m_languageNote = nullptr;
    Theme m_themeBefore = Theme::System; // what Cancel goes back to
    QString m_savedLanguage; // the language the studio runs in until restart
};

} // namespace cosmos::widgets

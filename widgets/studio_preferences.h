// The studio's preferences as typed values, stored in QSettings under
// "preferences/...". The dialog edits a copy; the app reads them at start
// and again when the dialog applies them.
#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>

namespace cosmos::widgets {

struct StudioPreferences {
    QString device = QStringLiteral("auto"); // "auto" (CUDA when present), "cpu", "cuda"
    int cpuThreads = 0; // 0: every core
    // Defaults for new segments; 0 (negative for guidance, where 0 is a
    // real value: the prompt alone) means "the model's own default".
    int defaultSteps = 0;
    double defaultGuidance = -1.0;
    int defaultFrames = 0;
    QString theme = QStringLiteral("system"); // "system", "light", "dark"
    QString language = QStringLiteral("system"); // "system", "en", "ko"; applies at the next start

    static QStringList devices(); // the valid device values
    static QStringList themes();
    static QStringList languages();

    // Unknown strings and out-of-range numbers fall back to the defaults, so
    // a hand-edited settings file cannot put the dialog in a bad state.
    StudioPreferences normalized() const;

    static StudioPreferences load();
    void save() const;

    bool operator==(const StudioPreferences& other) const;
    bool operator!=(const StudioPreferences& other) const { return !(*this == other); }
};

} // namespace cosmos::widgets

Q_DECLARE_METATYPE(cosmos::widgets::StudioPreferences)

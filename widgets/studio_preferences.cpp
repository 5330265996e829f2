#include "widgets/studio_preferences.h"

#include "projects/preference.h"

namespace cosmos::widgets {
namespace {

using projects::Preference;

// The keys, in one place.
struct Keys {
    Preference<QString> device {QStringLiteral("preferences/device"), QStringLiteral("auto")};
    Preference<int> cpuThreads {QStringLiteral("preferences/cpuThreads"), 0};
    Preference<int> defaultSteps {QStringLiteral("preferences/defaultSteps"), 0};
    Preference<double> defaultGuidance {QStringLiteral("preferences/defaultGuidance"), -1.0};
    Preference<int> defaultFrames {QStringLiteral("preferences/defaultFrames"), 0};
    Preference<QString> theme {QStringLiteral("preferences/theme"), QStringLiteral("system")};
    Preference<QString> language {QStringLiteral("preferences/language"), QStringLiteral("system")};
};

QString oneOf(const QString& value, const QStringList& valid)
{
    return valid.contains(value) ? value : valid.first();
}

} // namespace

QStringList StudioPreferences::devices()
{
    return {QStringLiteral("auto"), QStringLiteral("cpu"), QStringLiteral("cuda")};
}

QStringList StudioPreferences::themes()
{
    return {QStringLiteral("system"), QStringLiteral("light"), QStringLiteral("dark")};
}

QStringList StudioPreferences::languages()
{
    return {QStringLiteral("system"), QStringLiteral("en"), QStringLiteral("ko")};
}

StudioPreferences StudioPreferences::normalized() const
{
    StudioPreferences p = *this;
    p.device = oneOf(device, devices());
    p.theme = oneOf(theme, themes());
    p.language = oneOf(language, languages());
    p.cpuThreads = qBound(0, cpuThreads, 1024);
    p.defaultSteps = qBound(0, defaultSteps, 1000);
    p.defaultGuidance = defaultGuidance < 0.0 ? -1.0 : qMin(defaultGuidance, 100.0);
    // Frame counts are 1 + 4k (four frames per latent after the first).
    p.defaultFrames = defaultFrames <= 0 ? 0 : 1 + (qMin(defaultFrames, 997) - 1 + 2) / 4 * 4;
    return p;
}

StudioPreferences StudioPreferences::load()
{
    const Keys keys;
    StudioPreferences p;
    p.device = keys.device.get();
    p.cpuThreads = keys.cpuThreads.get();
    p.defaultSteps = keys.defaultSteps.get();
    p.defaultGuidance = keys.defaultGuidance.get();
    p.defaultFrames = keys.defaultFrames.get();
    p.theme = keys.theme.get();
    p.language = keys.language.get();
    return p.normalized();
}

void StudioPreferences::save() const
{
    const Keys keys;
    const StudioPreferences p = normalized();
    keys.device.set(p.device);
    keys.cpuThreads.set(p.cpuThreads);
    keys.defaultSteps.set(p.defaultSteps);
    keys.defaultGuidance.set(p.defaultGuidance);
    keys.defaultFrames.set(p.defaultFrames);
    keys.theme.set(p.theme);
    keys.language.set(p.language);
}

bool StudioPreferences::operator==(const StudioPreferences& other) const
{
    return device == other.device && cpuThreads == other.cpuThreads && defaultSteps == other.defaultSteps
        && qFuzzyCompare(defaultGuidance + 2.0, other.defaultGuidance + 2.0) && defaultFrames == other.defaultFrames
        && theme == other.theme && language == other.language;
}

} // namespace cosmos::widgets

#include "widgets/prompt_presets.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <algorithm>

namespace cosmos::widgets {
namespace {

const QString kName = QStringLiteral("name");
const QString kPrompt = QStringLiteral("prompt");
const QString kNegative = QStringLiteral("negative_prompt");
const QString kSettings = QStringLiteral("settings");

} // namespace

QStringList PromptHistory::entries() const
{
    return m_entries.get();
}

void PromptHistory::remember(const QString& prompt)
{
    const QString text = prompt.trimmed();
    if (text.isEmpty())
        return;
    QStringList list = m_entries.get();
    list.removeAll(text);
    list.prepend(text);
    while (list.size() > kMaxEntries)
        list.removeLast();
    m_entries.set(list);
}

void PromptHistory::clear()
{
    m_entries.reset();
}

QList<PromptPreset> PromptPresets::all() const
{
    QList<PromptPreset> presets;
    const QJsonArray array = QJsonDocument::fromJson(m_json.get()).array();
    for (const QJsonValue& value : array) {
        const QJsonObject object = value.toObject();
        PromptPreset preset {object.value(kName).toString(), object.value(kPrompt).toString(),
            object.value(kNegative).toString(), object.value(kSettings).toObject()};
        if (!preset.name.trimmed().isEmpty())
            presets.append(preset);
    }
    std::sort(presets.begin(), presets.end(),
        [](const PromptPreset& a, const PromptPreset& b) { return a.name.compare(b.name, Qt::CaseInsensitive) < 0; });
    return presets;
}

std::optional<PromptPreset> PromptPresets::find(const QString& name) const
{
    for (const PromptPreset& preset : all()) {
        if (preset.name == name)
            return preset;
    }
    return std::nullopt;
}

bool PromptPresets::save(const PromptPreset& preset)
{
    PromptPreset stored = preset;
    stored.name = preset.name.trimmed();
    if (stored.name.isEmpty())
        return false;
    QList<PromptPreset> presets = all();
    presets.erase(std::remove_if(presets.begin(), presets.end(),
                      [&](const PromptPreset& other) { return other.name == stored.name; }),
        presets.end());
    presets.append(stored);
    write(presets);
    return true;
}

bool PromptPresets::remove(const QString& name)
{
    QList<PromptPreset> presets = all();
    const auto kept = std::remove_if(
        presets.begin(), presets.end(), [&](const PromptPreset& preset) { return preset.name == name; });
    if (kept == presets.end())
        return false;
    presets.erase(kept, presets.end());
    write(presets);
    return true;
}

void PromptPresets::write(const QList<PromptPreset>& presets)
{
    QJsonArray array;
    for (const PromptPreset& preset : presets) {
        array.append(QJsonObject {{kName, preset.name}, {kPrompt, preset.prompt}, {kNegative, preset.negativePrompt},
            {kSettings, preset.settings}});
    }
    m_json.set(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

} // namespace cosmos::widgets

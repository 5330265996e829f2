// Prompts the studio remembers across projects and sessions, in the user's
// settings: the history of prompts generated with, and named presets (a
// prompt, a negative prompt and generation settings to start from).
//
//   PromptHistory history;
//   history.remember(prompt);           // newest first, at most kMaxEntries
//   PromptPresets presets;
//   presets.save({"Robot arm", prompt, negative, settings});
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

#include "projects/preference.h"

namespace cosmos::widgets {

class PromptHistory {
public:
    static constexpr int kMaxEntries = 50;

    // Newest first, no duplicates.
    QStringList entries() const;
    // Moves a prompt used again to the front; blank prompts are not kept.
    void remember(const QString& prompt);
    void clear();

private:
    projects::Preference<QStringList> m_entries {QStringLiteral("inspector/promptHistory")};
};

struct PromptPreset {
    QString name;
    QString prompt;
    QString negativePrompt;
    QJsonObject settings; // the segment's settings keys (model, steps, ...)
};

class PromptPresets {
public:
    // Sorted by name, case-insensitively.
    QList<PromptPreset> all() const;
    std::optional<PromptPreset> find(const QString& name) const;
    // Replaces a preset of the same name. A blank name is refused.
    bool save(const PromptPreset& preset);
    bool remove(const QString& name);

private:
    void write(const QList<PromptPreset>& presets);

    // A JSON array, so that a preset's settings keep their JSON types.
    projects::Preference<QByteArray> m_json {QStringLiteral("inspector/presets")};
};

} // namespace cosmos::widgets

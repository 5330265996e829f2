// The prompt and negative prompt of one segment, with a live token count
// from the model's own tokenizer, the prompt history and named presets.
//
//   editor->setTokenCounter([&](const QString& text) { return count(text); });
//   connect(editor, &PromptEditor::promptEdited, ...); // the user typed
//   editor->setPrompt(fromStore);                      // no signal back
//
// The editors have no undo of their own: Ctrl+Z goes to the window's undo
// action (the project's stack), and text set from the project keeps the
// cursor where the text did not change.
#pragma once

#include <QJsonObject>
#include <QWidget>
#include <functional>

#include "widgets/prompt_presets.h"

class QLabel;
class QMenu;
class QPlainTextEdit;
class QToolButton;

namespace cosmos::widgets {

class PromptEditor : public QWidget {
    Q_OBJECT
public:
    using TokenCounter = std::function<int(const QString&)>;

    explicit PromptEditor(QWidget* parent = nullptr);

    QString prompt() const;
    QString negativePrompt() const;
    // Text from the project: only the part that differs is replaced, so the
    // cursor stays put. No edit signal.
    void setPrompt(const QString& text);
    void setNegativePrompt(const QString& text);
    // Another segment's text: replaces everything, cursor at the end.
    void loadTexts(const QString& prompt, const QString& negativePrompt);

    // The model's tokenizer (may throw std::exception: the count shows "?").
    // Without one, no count is shown.
    void setTokenCounter(TokenCounter counter);
    void setMaxTokens(int maxTokens);
    int maxTokens() const { return m_maxTokens; }
    int promptTokenCount() const { return m_promptTokens; } // -1: unknown
    int negativeTokenCount() const { return m_negativeTokens; } // -1: unknown
    QString tokenCountText() const; // "14 / 512 tokens"
    bool isOverTokenLimit() const;

    // History: the prompts generated with, newest first.
    void rememberPrompt();
    QStringList history() const { return m_history.entries(); }
    // Puts a remembered prompt in the editor, as if typed.
    void recallPrompt(const QString& prompt);

    // Presets. Saving takes the settings from the source (the settings panel).
    void setSettingsSource(std::function<QJsonObject()> source) { m_settingsSource = std::move(source); }
    bool savePreset(const QString& name);
    // Emits presetChosen; the owner applies it (the inspector, as one undo step).
    bool applyPreset(const QString& name);
    bool deletePreset(const QString& name);
    QStringList presetNames() const;

    QPlainTextEdit* promptEdit() const { return m_prompt; }
    QPlainTextEdit* negativePromptEdit() const { return m_negative; }
    QMenu* historyMenu() const { return m_historyMenu; }
    QMenu* presetsMenu() const { return m_presetsMenu; }

signals:
    void promptEdited(const QString& text);
    void negativePromptEdited(const QString& text);
    void presetChosen(const cosmos::widgets::PromptPreset& preset);

private:
    void updateTokenCounts();
    int countTokens(const QString& text) const;
    void showCount(QLabel* label, int count, bool negative);
    void rebuildHistoryMenu();
    void rebuildPresetsMenu();
    void askPresetName();

    QPlainTextEdit* m_prompt = nullptr;
    QPlainTextEdit* m_negative = nullptr;
    QLabel* m_promptTokensLabel = nullptr;
    QLabel* m_negativeTokensLabel = nullptr;
    QToolButton* m_historyButton = nullptr;
    QToolButton* m_presetsButton = nullptr;
    QMenu* m_historyMenu = nullptr;
    QMenu* m_presetsMenu = nullptr;

    TokenCounter m_counter;
    std::function<QJsonObject()> m_settingsSource;
    int m_maxTokens = 512;
    int m_promptTokens = -1;
    int m_negativeTokens = -1;
    bool m_settingText = false; // text set from outside: not a user edit
    PromptHistory m_history;
    PromptPresets m_presets;
};

} // namespace cosmos::widgets

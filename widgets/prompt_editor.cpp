#include "widgets/prompt_editor.h"

#include <QAction>
#include <QFontMetrics>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QScopedValueRollback>
#include <QTextBlock>
#include <QTextCursor>
#include <QToolButton>
#include <QVBoxLayout>
#include <exception>

namespace cosmos::widgets {
namespace {

// A plain text edit whose undo is the project's: Ctrl+Z and Ctrl+Shift+Z are
// left to the window's shortcuts instead of the editor's own stack.
class PromptTextEdit : public QPlainTextEdit {
public:
    explicit PromptTextEdit(QWidget* parent) : QPlainTextEdit(parent)
    {
        setUndoRedoEnabled(false);
        setTabChangesFocus(true);
    }

protected:
    bool event(QEvent* event) override
    {
        if (event->type() == QEvent::ShortcutOverride) {
            auto* key = static_cast<QKeyEvent*>(event);
            if (key->matches(QKeySequence::Undo) || key->matches(QKeySequence::Redo)) {
                event->ignore();
                return true;
            }
        }
        return QPlainTextEdit::event(event);
    }
};

// Replaces only the span where `text` differs from the editor's, so that a
// cursor outside that span keeps its place (undo of a burst of typing
// touches the typed span alone).
void replaceChangedSpan(QPlainTextEdit* edit, const QString& text)
{
    const QString old = edit->toPlainText();
    if (old == text)
        return;
    const qsizetype shorter = std::min(old.size(), text.size());
    qsizetype prefix = 0;
    while (prefix < shorter && old[prefix] == text[prefix])
        ++prefix;
    if (prefix > 0 && old[prefix - 1].isHighSurrogate())
        --prefix; // never split a surrogate pair
    qsizetype suffix = 0;
    while (suffix < shorter - prefix && old[old.size() - 1 - suffix] == text[text.size() - 1 - suffix])
        ++suffix;
    if (suffix > 0 && old[old.size() - suffix].isLowSurrogate())
        --suffix;
    QTextCursor cursor(edit->document());
    cursor.setPosition(int(prefix));
    cursor.setPosition(int(old.size() - suffix), QTextCursor::KeepAnchor);
    cursor.insertText(text.mid(prefix, text.size() - prefix - suffix));
}

QLabel* countLabel(const QString& name, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(name);
    label->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 0.9);
    label->setFont(font);
    return label;
}

QLabel* captionLabel(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

} // namespace

PromptEditor::PromptEditor(QWidget* parent) : QWidget(parent)
{
    m_prompt = new PromptTextEdit(this);
    m_prompt->setObjectName(QStringLiteral("prompt"));
    m_prompt->setPlaceholderText(tr("Describe what happens, e.g. \"A robot arm picks up the red cube and places it "
                                    "in the bowl.\""));
    m_prompt->setMinimumHeight(m_prompt->fontMetrics().lineSpacing() * 4);
    // Room for a long prompt without pushing the settings out of sight.
    m_prompt->setMaximumHeight(m_prompt->fontMetrics().lineSpacing() * 8);
    m_negative = new PromptTextEdit(this);
    m_negative->setObjectName(QStringLiteral("negativePrompt"));
    m_negative->setPlaceholderText(tr("What must not happen (optional)"));
    m_negative->setMinimumHeight(m_negative->fontMetrics().lineSpacing() * 3);
    m_negative->setMaximumHeight(m_negative->fontMetrics().lineSpacing() * 5);
    m_promptTokensLabel = countLabel(QStringLiteral("promptTokens"), this);
    m_negativeTokensLabel = countLabel(QStringLiteral("negativeTokens"), this);

    m_historyMenu = new QMenu(this);
    m_historyButton = new QToolButton(this);
    m_historyButton->setObjectName(QStringLiteral("historyButton"));
    m_historyButton->setText(tr("History"));
    m_historyButton->setToolTip(tr("Recall a prompt used for an earlier take"));
    m_historyButton->setMenu(m_historyMenu);
    m_historyButton->setPopupMode(QToolButton::InstantPopup);
    m_historyButton->setAutoRaise(true);
    connect(m_historyMenu, &QMenu::aboutToShow, this, &PromptEditor::rebuildHistoryMenu);

    m_presetsMenu = new QMenu(this);
    m_presetsButton = new QToolButton(this);
    m_presetsButton->setObjectName(QStringLiteral("presetsButton"));
    m_presetsButton->setText(tr("Presets"));
    m_presetsButton->setToolTip(tr("Save the prompt and settings under a name, or start from a saved preset"));
    m_presetsButton->setMenu(m_presetsMenu);
    m_presetsButton->setPopupMode(QToolButton::InstantPopup);
    m_presetsButton->setAutoRaise(true);
    connect(m_presetsMenu, &QMenu::aboutToShow, this, &PromptEditor::rebuildPresetsMenu);
    // Built now as well, so that the actions are there before the first popup.
    rebuildHistoryMenu();
    rebuildPresetsMenu();

    auto* promptHeader = new QHBoxLayout;
    promptHeader->addWidget(captionLabel(tr("Prompt"), this));
    promptHeader->addStretch(1);
    promptHeader->addWidget(m_historyButton);
    promptHeader->addWidget(m_presetsButton);

    auto* negativeHeader = new QHBoxLayout;
    negativeHeader->addWidget(captionLabel(tr("Negative prompt"), this));
    negativeHeader->addStretch(1);
    negativeHeader->addWidget(m_negativeTokensLabel);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(promptHeader);
    layout->addWidget(m_prompt, 3);
    layout->addWidget(m_promptTokensLabel);
    layout->addSpacing(6);
    layout->addLayout(negativeHeader);
    layout->addWidget(m_negative, 1);

    connect(m_prompt, &QPlainTextEdit::textChanged, this, [this] {
        updateTokenCounts();
        if (!m_settingText)
            emit promptEdited(m_prompt->toPlainText());
    });
    connect(m_negative, &QPlainTextEdit::textChanged, this, [this] {
        updateTokenCounts();
        if (!m_settingText)
            emit negativePromptEdited(m_negative->toPlainText());
    });
    updateTokenCounts();
}

QString PromptEditor::prompt() const
{
    return m_prompt->toPlainText();
}

QString PromptEditor::negativePrompt() const
{
    return m_negative->toPlainText();
}

void PromptEditor::setPrompt(const QString& text)
{
    const QScopedValueRollback guard(m_settingText, true);
    replaceChangedSpan(m_prompt, text);
}

void PromptEditor::setNegativePrompt(const QString& text)
{
    const QScopedValueRollback guard(m_settingText, true);
    replaceChangedSpan(m_negative, text);
}

void PromptEditor::loadTexts(const QString& prompt, const QString& negativePrompt)
{
    const QScopedValueRollback guard(m_settingText, true);
    for (auto [edit, text] : {std::pair {m_prompt, prompt}, std::pair {m_negative, negativePrompt}}) {
        if (edit->toPlainText() == text)
            continue;
        edit->setPlainText(text);
        edit->moveCursor(QTextCursor::End);
    }
}

void PromptEditor::setTokenCounter(TokenCounter counter)
{
    m_counter = std::move(counter);
    updateTokenCounts();
}

void PromptEditor::setMaxTokens(int maxTokens)
{
    m_maxTokens = std::max(1, maxTokens);
    updateTokenCounts();
}

QString PromptEditor::tokenCountText() const
{
    return m_promptTokensLabel->text();
}

bool PromptEditor::isOverTokenLimit() const
{
    return m_promptTokens > m_maxTokens || m_negativeTokens > m_maxTokens;
}

int PromptEditor::countTokens(const QString& text) const
{
    if (!m_counter)
        return -1;
    try {
        return m_counter(text);
    } catch (const std::exception&) {
        return -1; // shown as "?": a count is no reason to stop typing
    }
}

void PromptEditor::updateTokenCounts()
{
    m_promptTokens = countTokens(m_prompt->toPlainText());
    m_negativeTokens = countTokens(m_negative->toPlainText());
    showCount(m_promptTokensLabel, m_promptTokens, false);
    showCount(m_negativeTokensLabel, m_negativeTokens, true);
}

void PromptEditor::showCount(QLabel* label, int count, bool negative)
{
    label->setVisible(bool(m_counter));
    if (!m_counter)
        return;
    const QString number = count < 0 ? QStringLiteral("?") : QString::number(count);
    label->setText(tr("%1 / %2 tokens").arg(number).arg(m_maxTokens));
    const bool over = count > m_maxTokens;
    QPalette palette = this->palette();
    if (over)
        palette.setColor(QPalette::WindowText, QColor(0xd0, 0x30, 0x30));
    else
        palette.setColor(QPalette::WindowText, palette.color(QPalette::Disabled, QPalette::WindowText));
    label->setPalette(palette);
    label->setProperty("overLimit", over);
    label->setToolTip(over ? (negative ? tr("The model reads only the first %1 tokens; the end of the negative "
                                            "prompt is cut off.")
                                       : tr("The model reads only the first %1 tokens; the end of the prompt is "
                                            "cut off."))
                                 .arg(m_maxTokens)
                           : tr("Tokens as the model's tokenizer counts them"));
}

void PromptEditor::rememberPrompt()
{
    m_history.remember(prompt());
}

void PromptEditor::recallPrompt(const QString& text)
{
    if (prompt() == text)
        return;
    // One edit, not a burst of keystrokes.
    {
        const QScopedValueRollback guard(m_settingText, true);
        m_prompt->setPlainText(text);
        m_prompt->moveCursor(QTextCursor::End);
    }
    emit promptEdited(text);
}

void PromptEditor::rebuildHistoryMenu()
{
    m_historyMenu->clear();
    const QStringList entries = m_history.entries();
    if (entries.isEmpty()) {
        m_historyMenu->addAction(tr("No prompts yet: they appear here once you generate"))->setEnabled(false);
        return;
    }
    const QFontMetrics metrics(m_historyMenu->font());
    for (const QString& entry : entries) {
        QString line = entry;
        line.replace(QLatin1Char('\n'), QLatin1Char(' '));
        QAction* action = m_historyMenu->addAction(metrics.elidedText(line, Qt::ElideRight, 420));
        action->setToolTip(entry);
        connect(action, &QAction::triggered, this, [this, entry] { recallPrompt(entry); });
    }
    m_historyMenu->addSeparator();
    connect(m_historyMenu->addAction(tr("Clear History")), &QAction::triggered, this, [this] { m_history.clear(); });
}

QStringList PromptEditor::presetNames() const
{
    QStringList names;
    for (const PromptPreset& preset : m_presets.all())
        names.append(preset.name);
    return names;
}

bool PromptEditor::savePreset(const QString& name)
{
    const QJsonObject settings = m_settingsSource ? m_settingsSource() : QJsonObject();
    return m_presets.save({name, prompt(), negativePrompt(), settings});
}

bool PromptEditor::applyPreset(const QString& name)
{
    const std::optional<PromptPreset> preset = m_presets.find(name);
    if (!preset)
        return false;
    emit presetChosen(*preset);
    return true;
}

bool PromptEditor::deletePreset(const QString& name)
{
    return m_presets.remove(name);
}

void PromptEditor::rebuildPresetsMenu()
{
    m_presetsMenu->clear();
    const QStringList names = presetNames();
    if (names.isEmpty())
        m_presetsMenu->addAction(tr("No presets yet"))->setEnabled(false);
    for (const QString& name : names) {
        QAction* action = m_presetsMenu->addAction(name);
        action->setObjectName(QStringLiteral("applyPreset"));
        action->setToolTip(tr("Use the prompt and settings of %1").arg(name));
        connect(action, &QAction::triggered, this, [this, name] { applyPreset(name); });
    }
    m_presetsMenu->addSeparator();
    QAction* save = m_presetsMenu->addAction(tr("Save as Preset…"));
    save->setObjectName(QStringLiteral("savePreset"));
    connect(save, &QAction::triggered, this, &PromptEditor::askPresetName);
    if (!names.isEmpty()) {
        QMenu* remove = m_presetsMenu->addMenu(tr("Delete Preset"));
        for (const QString& name : names)
            connect(remove->addAction(name), &QAction::triggered, this, [this, name] { deletePreset(name); });
    }
}

void PromptEditor::askPresetName()
{
    // Opened, not exec()'d: the window keeps running while the user types.
    auto* dialog = new QInputDialog(this);
    dialog->setObjectName(QStringLiteral("presetNameDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Save Preset"));
    dialog->setLabelText(tr("Name of the preset (a preset of the same name is replaced):"));
    QString suggestion = prompt().simplified().left(40);
    dialog->setTextValue(suggestion);
    connect(dialog, &QInputDialog::textValueSelected, this, [this](const QString& name) { savePreset(name); });
    dialog->open();
}

} // namespace cosmos::widgets

#include "widgets/inspector_panel.h"

#include <QAction>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QUndoStack>
#include <QVBoxLayout>

#include "projects/project.h"
#include "widgets/generation_settings_panel.h"
#include "widgets/prompt_editor.h"

namespace cosmos::widgets {
namespace {

QString conditioningText(projects::Conditioning conditioning)
{
    switch (conditioning) {
    case projects::Conditioning::Text: return InspectorPanel::tr("Text to world");
    case projects::Conditioning::Image: return InspectorPanel::tr("Image to world");
    case projects::Conditioning::Video: return InspectorPanel::tr("Video to world");
    case projects::Conditioning::Continue: return InspectorPanel::tr("Continues the previous segment");
    }
    return {};
}

QLabel* sectionLabel(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

} // namespace

InspectorPanel::InspectorPanel(QWidget* parent) : QWidget(parent)
{
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("inspectorTitle"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_subtitle = new QLabel(this);
    m_subtitle->setObjectName(QStringLiteral("inspectorSubtitle"));
    m_subtitle->setEnabled(false); // the muted palette colour
    m_hint = new QLabel(tr("Select a segment on the timeline to write its prompt and generate it."), this);
    m_hint->setObjectName(QStringLiteral("inspectorHint"));
    m_hint->setWordWrap(true);
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setMargin(12);

    m_content = new QWidget(this);
    m_promptEditor = new PromptEditor(m_content);
    m_settings = new GenerationSettingsPanel(m_content);
    auto* contentLayout = new QVBoxLayout(m_content);
    contentLayout->setContentsMargins(0, 0, 4, 0);
    contentLayout->addWidget(m_promptEditor);
    contentLayout->addSpacing(10);
    contentLayout->addWidget(sectionLabel(tr("Settings"), m_content));
    contentLayout->addWidget(m_settings);
    contentLayout->addStretch(1);
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(m_content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    m_generateAction = new QAction(tr("Generate"), this);
    m_generateAction->setObjectName(QStringLiteral("generateAction"));
    m_generateAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    const QString shortcut = m_generateAction->shortcut().toString(QKeySequence::NativeText);
    m_generateAction->setToolTip(tr("Generate a take of this segment (%1)").arg(shortcut));
    m_generateAction->setStatusTip(tr("Queue a take of the selected segment"));
    addAction(m_generateAction);
    connect(m_generateAction, &QAction::triggered, this, &InspectorPanel::generate);

    m_generateButton = new QPushButton(tr("Generate"), this);
    m_generateButton->setObjectName(QStringLiteral("generateButton"));
    m_generateButton->setToolTip(m_generateAction->toolTip());
    m_generateButton->setMinimumHeight(m_generateButton->fontMetrics().height() * 3);
    QFont buttonFont = m_generateButton->font();
    buttonFont.setBold(true);
    buttonFont.setPointSizeF(buttonFont.pointSizeF() * 1.15);
    m_generateButton->setFont(buttonFont);
    // The accent only while it can be pressed: disabled, it looks like any disabled button.
    QPalette accent = m_generateButton->palette();
    for (const QPalette::ColorGroup group : {QPalette::Active, QPalette::Inactive}) {
        accent.setColor(group, QPalette::Button, accent.color(group, QPalette::Highlight));
        accent.setColor(group, QPalette::ButtonText, accent.color(group, QPalette::HighlightedText));
    }
    m_generateButton->setPalette(accent);
    connect(m_generateButton, &QPushButton::clicked, m_generateAction, &QAction::trigger);
    connect(m_generateAction, &QAction::changed, this,
        [this] { m_generateButton->setEnabled(m_generateAction->isEnabled()); });
    auto* shortcutHint = new QLabel(tr("or press %1").arg(shortcut), this);
    shortcutHint->setAlignment(Qt::AlignCenter);
    shortcutHint->setEnabled(false);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_subtitle);
    layout->addWidget(m_hint);
    layout->addWidget(scroll, 1);
    layout->addWidget(m_generateButton);
    layout->addWidget(shortcutHint);

    m_promptEditor->setSettingsSource([this] { return m_settings->settings(); });
    connect(m_promptEditor, &PromptEditor::promptEdited, this, [this](const QString& text) {
        if (m_project && m_segmentId)
            m_project->setPrompt(m_segmentId, text);
    });
    connect(m_promptEditor, &PromptEditor::negativePromptEdited, this, [this](const QString& text) {
        if (m_project && m_segmentId)
            m_project->setNegativePrompt(m_segmentId, text);
    });
    connect(m_promptEditor, &PromptEditor::presetChosen, this, &InspectorPanel::applyPreset);
    connect(m_settings, &GenerationSettingsPanel::settingChanged, this,
        [this](const QString& key, const QJsonValue& value) {
            if (m_project && m_segmentId)
                m_project->setSetting(m_segmentId, key, value);
        });
    connect(m_settings, &GenerationSettingsPanel::currentModelChanged, this, [this] {
        if (const ModelChoice* model = m_settings->currentModel())
            m_promptEditor->setMaxTokens(model->maxPromptTokens);
    });
    refresh(true);
}

InspectorPanel::~InspectorPanel() = default;

void InspectorPanel::setProject(projects::Project* project)
{
    if (m_project == project)
        return;
    disconnect(m_changedConnection);
    m_project = project;
    m_segmentId = 0;
    if (project) {
        m_changedConnection = connect(project, &projects::Project::changed, this, &InspectorPanel::onProjectChanged);
    }
    refresh(true);
}

void InspectorPanel::setSegment(qint64 segmentId)
{
    if (segmentId == m_segmentId)
        return;
    m_segmentId = segmentId;
    refresh(true);
}

void InspectorPanel::setModelChoices(const QList<ModelChoice>& models)
{
    m_settings->setModelChoices(models);
    if (const ModelChoice* model = m_settings->currentModel())
        m_promptEditor->setMaxTokens(model->maxPromptTokens);
}

void InspectorPanel::setTokenCounter(std::function<int(const QString&)> counter)
{
    m_promptEditor->setTokenCounter(std::move(counter));
}

QJsonObject InspectorPanel::effectiveSettings() const
{
    return m_settings->settings();
}

void InspectorPanel::onProjectChanged(const projects::ChangeEvent& event)
{
    using Type = projects::ChangeEvent::Type;
    switch (event.type) {
    case Type::SegmentChanged:
        if (event.segmentId == m_segmentId)
            refresh(false);
        break;
    case Type::SegmentRemoved:
        if (event.segmentId == m_segmentId) {
            m_segmentId = 0;
            refresh(true);
        }
        break;
    case Type::SegmentMoved:
    case Type::SegmentAdded:
        if (m_segmentId)
            refresh(false); // the segment's number may have changed
        break;
    default: break;
    }
}

void InspectorPanel::refresh(bool newSegment)
{
    std::optional<projects::SegmentRecord> segment;
    if (projects::Project* project = m_project.data(); project && m_segmentId)
        segment = project->store().segment(m_segmentId);
    if (!segment)
        m_segmentId = 0;

    if (!segment) {
        m_title->setText(tr("No segment selected"));
        m_subtitle->clear();
        m_promptEditor->loadTexts({}, {});
        m_shownSettings = {};
        m_settings->setSettings({});
    } else {
        m_title->setText(tr("Segment %1").arg(segment->position + 1));
        QString subtitle = conditioningText(segment->conditioning);
        if (segment->stale)
            subtitle += tr(" · stale: the take it continues from has changed");
        m_subtitle->setText(subtitle);
        if (newSegment) {
            m_promptEditor->loadTexts(segment->prompt, segment->negativePrompt);
        } else {
            m_promptEditor->setPrompt(segment->prompt);
            m_promptEditor->setNegativePrompt(segment->negativePrompt);
        }
        if (newSegment || segment->settings != m_shownSettings) {
            m_shownSettings = segment->settings;
            m_settings->setSettings(segment->settings);
        }
    }
    updateEnabled();
}

void InspectorPanel::updateEnabled()
{
    const bool hasSegment = m_segmentId != 0;
    m_content->setEnabled(hasSegment);
    m_hint->setVisible(!hasSegment);
    m_subtitle->setVisible(hasSegment);
    m_generateAction->setEnabled(hasSegment);
    m_generateButton->setEnabled(hasSegment);
}

void InspectorPanel::generate()
{
    if (!m_project || !m_segmentId)
        return;
    m_settings->commitPendingEdits(); // a number still being typed counts
    m_promptEditor->rememberPrompt();
    m_settings->seedForNextTake(); // stored in the segment unless locked
    emit generateRequested(m_segmentId);
}

void InspectorPanel::applyPreset(const PromptPreset& preset)
{
    projects::Project* project = m_project.data();
    if (!project || !m_segmentId)
        return;
    const std::optional<projects::SegmentRecord> segment = project->store().segment(m_segmentId);
    if (!segment)
        return;
    // One undo step for the whole preset.
    QUndoStack& stack = project->undoStack();
    stack.beginMacro(tr("Apply Preset %1").arg(preset.name));
    if (segment->prompt != preset.prompt)
        project->setPrompt(m_segmentId, preset.prompt);
    if (segment->negativePrompt != preset.negativePrompt)
        project->setNegativePrompt(m_segmentId, preset.negativePrompt);
    for (auto it = preset.settings.begin(); it != preset.settings.end(); ++it) {
        if (segment->settings.value(it.key()) != it.value())
            project->setSetting(m_segmentId, it.key(), it.value());
    }
    stack.endMacro();
}

} // namespace cosmos::widgets

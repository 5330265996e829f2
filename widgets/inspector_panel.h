// The inspector: the prompt editor and generation settings of the selected
// segment, and the Generate button.
//
//   inspector->setProject(project);
//   inspector->setModelChoices(models);
//   inspector->setTokenCounter(counter);
//   inspector->setSegment(segmentId);   // 0: none (disabled, with a hint)
//   connect(inspector, &InspectorPanel::generateRequested, ...);
//
// Every edit goes through projects::Project (undoable; typing merges), and
// the panel follows the project's changes of the segment (undo, redo,
// another view), keeping the text cursor where the text did not change.
#pragma once

#include <QJsonObject>
#include <QPointer>
#include <QWidget>
#include <functional>

#include "projects/change_event.h"
#include "projects/project.h"
#include "widgets/model_choice.h"
#include "widgets/prompt_presets.h"

class QAction;
class QLabel;
class QPushButton;

namespace cosmos::widgets {

class GenerationSettingsPanel;
class PromptEditor;

class InspectorPanel : public QWidget {
    Q_OBJECT
public:
    explicit InspectorPanel(QWidget* parent = nullptr);
    ~InspectorPanel() override;

    // The project must outlive the panel, or be unset first (a destroyed
    // project is noticed and dropped).
    void setProject(projects::Project* project);
    void setSegment(qint64 segmentId);
    qint64 segment() const { return m_segmentId; }
    void setModelChoices(const QList<ModelChoice>& models);
    void setTokenCounter(std::function<int(const QString&)> counter);

    // Ctrl+Return (and Ctrl+Enter); enabled while a segment is shown. Add it
    // to the Generate menu as it is: triggering it records the prompt in the
    // history, draws the seed (unless locked) and emits generateRequested.
    QAction* generateAction() const { return m_generateAction; }
    // The validated settings generation must use for the shown segment,
    // with the seed drawn for this take (call after generateRequested).
    QJsonObject effectiveSettings() const;

    PromptEditor* promptEditor() const { return m_promptEditor; }
    GenerationSettingsPanel* settingsPanel() const { return m_settings; }

signals:
    // The segment's store row holds the prompt and the settings to use
    // (the seed already drawn); effectiveSettings() has them validated.
    void generateRequested(qint64 segmentId);

private:
    void onProjectChanged(const cosmos::projects::ChangeEvent& event);
    void refresh(bool newSegment);
    void generate();
    void applyPreset(const PromptPreset& preset);
    void updateEnabled();

    QPointer<projects::Project> m_project;
    qint64 m_segmentId = 0;
    QMetaObject::Connection m_changedConnection;
    QJsonObject m_shownSettings; // what the settings panel was given last

    QLabel* m_title = nullptr;
    QLabel* m_subtitle = nullptr;
    QLabel* m_hint = nullptr;
    QWidget* m_content = nullptr;
    PromptEditor* m_promptEditor = nullptr;
    GenerationSettingsPanel* m_settings = nullptr;
    QPushButton* m_generateButton = nullptr;
    QAction* m_generateAction = nullptr;
};

} // namespace cosmos::widgets

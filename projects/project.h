// The open document: owns the store, the undo stack and the models, and
// reports every change through one signal (Tiled's Document).
//
//   auto project = std::make_unique<Project>(std::move(store));
//   connect(project.get(), &Project::changed, view, &View::onChange);
//   project->setPrompt(segmentId, text); // undoable; typing merges
//
// Every user edit goes through the undo stack; generation results (takes,
// jobs) are written to the store directly, as they are not user edits.
#pragma once

#include <QJsonValue>
#include <QObject>
#include <QUndoStack>
#include <memory>

#include "projects/change_event.h"
#include "projects/project_store.h"

namespace cosmos::projects {

class TimelineModel;

class Project : public QObject {
    Q_OBJECT
public:
    explicit Project(std::unique_ptr<ProjectStore> store, QObject* parent = nullptr);
    ~Project() override;

    ProjectStore& store() { return *m_store; }
    QUndoStack& undoStack() { return m_undoStack; }
    TimelineModel& timeline() { return *m_timeline; }

    // User edits, each one undo command. Returns the new segment's id.
    qint64 addSegment(const SegmentRecord& segment);
    void removeSegment(qint64 segmentId);
    void moveSegment(qint64 segmentId, int position);
    void setPrompt(qint64 segmentId, const QString& prompt);
    void setNegativePrompt(qint64 segmentId, const QString& prompt);
    void setConditioning(qint64 segmentId, Conditioning conditioning, qint64 assetId = 0);
    void setSetting(qint64 segmentId, const QString& key, const QJsonValue& value);
    void selectTake(qint64 segmentId, qint64 takeId);

    // Commands report what they changed here.
    void notify(const ChangeEvent& event);

signals:
    void changed(const cosmos::projects::ChangeEvent& event);

private:
    std::unique_ptr<ProjectStore> m_store;
    QUndoStack m_undoStack;
    std::unique_ptr<TimelineModel> m_timeline;
};

} // namespace cosmos::projects

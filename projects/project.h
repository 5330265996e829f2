// The open document: owns the store, the undo stack and the models, and
// reports every change through one signal (Tiled's Document).
//
//   auto project = std::make_unique<Project>(std::move(store));
//   connect(project.get(), &Project::changed, view, &View::onChange);
//   project->setPrompt(segmentId, text); // undoable; typing merges
//
// Every user edit goes through the undo stack; generation results (takes,
// jobs) are not user edits and go to the store directly, through the
// writers below so that the models hear of them.
//
// The UI state (selection, zoom, playhead) is kept in the project and saved
// a moment after it last changed, and when the project closes.
#pragma once

#include <QJsonValue>
#include <QObject>
#include <QTimer>
#include <QUndoStack>
#include <memory>

#include "projects/change_event.h"
#include "projects/project_store.h"
#include "projects/project_ui_state.h"

namespace cosmos::projects {

class BoardsModel;
class JobsModel;
class TakesModel;
class TimelineModel;

class Project : public QObject {
    Q_OBJECT
public:
    explicit Project(std::unique_ptr<ProjectStore> store, QObject* parent = nullptr);
    ~Project() override;

    ProjectStore& store() { return *m_store; }
    QUndoStack& undoStack() { return m_undoStack; }
    TimelineModel& timeline() { return *m_timeline; }
    // The takes of one segment: the view picks it with setSegment().
    TakesModel& takesModel() { return *m_takes; }
    JobsModel& jobsModel() { return *m_jobs; }
    BoardsModel& boardsModel() { return *m_boards; }

    // User edits, each one undo command. Returns the new segment's id.
    qint64 addSegment(const SegmentRecord& segment);
    void removeSegment(qint64 segmentId);
    void moveSegment(qint64 segmentId, int position);
    void setPrompt(qint64 segmentId, const QString& prompt);
    void setNegativePrompt(qint64 segmentId, const QString& prompt);
    void setConditioning(qint64 segmentId, Conditioning conditioning, qint64 assetId = 0);
    void setSetting(qint64 segmentId, const QString& key, const QJsonValue& value);
    void selectTake(qint64 segmentId, qint64 takeId);

    // Generation results: no undo, but a TakeChanged or JobsChanged event.
    std::optional<qint64> addTake(const TakeRecord& take);
    bool updateTake(const TakeRecord& take);
    std::optional<qint64> enqueueJob(const JobRecord& job);
    bool setJobState(qint64 jobId, JobState state, const QString& error = {});
    bool moveJob(qint64 jobId, int position);
    bool setJobPriority(qint64 jobId, int priority);
    // Pending jobs only: a job that has started keeps the request it ran with.
    bool updateJobRequest(qint64 jobId, const QJsonObject& request);
    bool removeJob(qint64 jobId);

    // Comparison boards: no undo (they gather results, they are no part of
    // the timeline), but a BoardsChanged event. Failures are in
    // store().lastError().
    std::optional<qint64> addBoard(const QString& name);
    bool renameBoard(qint64 boardId, const QString& name);
    bool removeBoard(qint64 boardId);
    bool addTakeToBoard(qint64 boardId, qint64 takeId);
    bool removeTakeFromBoard(qint64 boardId, qint64 takeId);

    // Read on open; a change is written kUiSaveDelayMs later, so that a
    // dragged playhead or zoom writes the database once, not per step.
    static constexpr int kUiSaveDelayMs = 500;
    const ProjectUiState& uiState() const { return m_uiState; }
    void setUiState(const ProjectUiState& state);
    // Writes a pending change now (also done on destruction).
    void saveUiState();

    // Commands, and writers outside the project, report what they changed.
    void notify(const ChangeEvent& event);

signals:
    void changed(const cosmos::projects::ChangeEvent& event);

private:
    std::unique_ptr<ProjectStore> m_store;
    QUndoStack m_undoStack;
    std::unique_ptr<TimelineModel> m_timeline;
    std::unique_ptr<TakesModel> m_takes;
    std::unique_ptr<JobsModel> m_jobs;
    std::unique_ptr<BoardsModel> m_boards;
    ProjectUiState m_uiState;
    bool m_uiStateDirty = false;
    QTimer m_uiSaveTimer;
};

} // namespace cosmos::projects

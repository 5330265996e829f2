#include "projects/project.h"

#include "projects/boards_model.h"
#include "projects/commands/change_segment_command.h"
#include "projects/commands/segment_commands.h"
#include "projects/commands/select_take_command.h"
#include "projects/jobs_model.h"
#include "projects/takes_model.h"
#include "projects/timeline_model.h"

namespace cosmos::projects {
namespace {

ChangeEvent boardsChanged(qint64 boardId)
{
    ChangeEvent event;
    event.type = ChangeEvent::Type::BoardsChanged;
    event.boardId = boardId;
    return event;
}

} // namespace

Project::Project(std::unique_ptr<ProjectStore> store, QObject* parent)
    : QObject(parent),
      m_store(std::move(store)),
      m_timeline(std::make_unique<TimelineModel>(*m_store)),
      m_takes(std::make_unique<TakesModel>(*m_store)),
      m_jobs(std::make_unique<JobsModel>(*m_store)),
      m_boards(std::make_unique<BoardsModel>(*m_store)),
      m_uiState(readUiState(*m_store))
{
    qRegisterMetaType<ChangeEvent>();
    connect(this, &Project::changed, m_timeline.get(), &TimelineModel::onChanged);
    connect(this, &Project::changed, m_takes.get(), &TakesModel::onChanged);
    connect(this, &Project::changed, m_jobs.get(), &JobsModel::onChanged);
    connect(this, &Project::changed, m_boards.get(), &BoardsModel::onChanged);
    m_uiSaveTimer.setSingleShot(true);
    m_uiSaveTimer.setInterval(kUiSaveDelayMs);
    connect(&m_uiSaveTimer, &QTimer::timeout, this, &Project::saveUiState);
}

// The stack's commands refer to the store: clear it while both exist.
Project::~Project()
{
    saveUiState(); // the last change may be younger than the delay
    m_undoStack.clear();
}

std::optional<qint64> Project::addTake(const TakeRecord& take)
{
    const std::optional<qint64> id = m_store->addTake(take);
    if (id)
        notify({ChangeEvent::Type::TakeChanged, take.segmentId, *id});
    return id;
}

bool Project::updateTake(const TakeRecord& take)
{
    if (!m_store->updateTake(take))
        return false;
    notify({ChangeEvent::Type::TakeChanged, take.segmentId, take.id});
    return true;
}

std::optional<qint64> Project::enqueueJob(const JobRecord& job)
{
    const std::optional<qint64> id = m_store->enqueueJob(job);
    if (id)
        notify({ChangeEvent::Type::JobsChanged, job.segmentId, 0, *id});
    return id;
}

bool Project::setJobState(qint64 jobId, JobState state, const QString& error)
{
    if (!m_store->setJobState(jobId, state, error))
        return false;
    notify({ChangeEvent::Type::JobsChanged, 0, 0, jobId});
    return true;
}

bool Project::moveJob(qint64 jobId, int position)
{
    if (!m_store->moveJob(jobId, position))
        return false;
    notify({ChangeEvent::Type::JobsChanged, 0, 0, jobId});
    return true;
}

bool Project::setJobPriority(qint64 jobId, int priority)
{
    if (!m_store->setJobPriority(jobId, priority))
        return false;
    notify({ChangeEvent::Type::JobsChanged, 0, 0, jobId});
    return true;
}

bool Project::updateJobRequest(qint64 jobId, const QJsonObject& request)
{
    if (!m_store->updateJobRequest(jobId, request))
        return false;
    notify({ChangeEvent::Type::JobsChanged, 0, 0, jobId});
    return true;
}

bool Project::removeJob(qint64 jobId)
{
    if (!m_store->removeJob(jobId))
        return false;
    notify({ChangeEvent::Type::JobsChanged, 0, 0, jobId});
    return true;
}

std::optional<qint64> Project::addBoard(const QString& name)
{
    const std::optional<qint64> id = m_store->addBoard(name);
    if (id)
        notify(boardsChanged(*id));
    return id;
}

bool Project::renameBoard(qint64 boardId, const QString& name)
{
    if (!m_store->renameBoard(boardId, name))
        return false;
    notify(boardsChanged(boardId));
    return true;
}

bool Project::removeBoard(qint64 boardId)
{
    if (!m_store->removeBoard(boardId))
        return false;
    notify(boardsChanged(boardId));
    return true;
}

bool Project::addTakeToBoard(qint64 boardId, qint64 takeId)
{
    if (!m_store->addTakeToBoard(boardId, takeId))
        return false;
    notify(boardsChanged(boardId));
    return true;
}

bool Project::removeTakeFromBoard(qint64 boardId, qint64 takeId)
{
    if (!m_store->removeTakeFromBoard(boardId, takeId))
        return false;
    notify(boardsChanged(boardId));
    return true;
}

void Project::setUiState(const ProjectUiState& state)
{
    if (state == m_uiState)
        return;
    m_uiState = state;
    m_uiStateDirty = true;
    m_uiSaveTimer.start(); // restarts: saves once the changes pause
}

void Project::saveUiState()
{
    if (!m_uiStateDirty)
        return;
    m_uiSaveTimer.stop();
    m_uiStateDirty = false;
    // A read-only project keeps the state for this session only.
    if (!m_store->isReadOnly())
        writeUiState(*m_store, m_uiState);
}

qint64 Project::addSegment(const SegmentRecord& segment)
{
    auto* command = new AddSegmentCommand(*this, segment);
    m_undoStack.push(command); // runs redo(), which stores the segment
    return command->segmentId();
}

void Project::removeSegment(qint64 segmentId)
{
    m_undoStack.push(new RemoveSegmentCommand(*this, segmentId));
}

void Project::moveSegment(qint64 segmentId, int position)
{
    m_undoStack.push(new MoveSegmentCommand(*this, segmentId, position));
}

void Project::setPrompt(qint64 segmentId, const QString& prompt)
{
    m_undoStack.push(new ChangeSegmentCommand(*this, segmentId, ChangeSegmentCommand::Field::Prompt, prompt));
}

void Project::setNegativePrompt(qint64 segmentId, const QString& prompt)
{
    m_undoStack.push(new ChangeSegmentCommand(*this, segmentId, ChangeSegmentCommand::Field::NegativePrompt, prompt));
}

void Project::setConditioning(qint64 segmentId, Conditioning conditioning, qint64 assetId)
{
    const QJsonObject value {{QStringLiteral("mode"), toText(conditioning)}, {QStringLiteral("asset"), assetId}};
    m_undoStack.push(new ChangeSegmentCommand(*this, segmentId, ChangeSegmentCommand::Field::Conditioning, value));
}

void Project::setSetting(qint64 segmentId, const QString& key, const QJsonValue& value)
{
    m_undoStack.push(new ChangeSegmentCommand(*this, segmentId, ChangeSegmentCommand::Field::Setting, value, key));
}

void Project::selectTake(qint64 segmentId, qint64 takeId)
{
    m_undoStack.push(new SelectTakeCommand(*this, segmentId, takeId));
}

void Project::notify(const ChangeEvent& event)
{
    emit changed(event);
}

} // namespace cosmos::projects

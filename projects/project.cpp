#include "projects/project.h"

#include "projects/commands/change_segment_command.h"
#include "projects/commands/segment_commands.h"
#include "projects/commands/select_take_command.h"
#include "projects/timeline_model.h"

namespace cosmos::projects {

Project::Project(std::unique_ptr<ProjectStore> store, QObject* parent)
    : QObject(parent), m_store(std::move(store)), m_timeline(std::make_unique<TimelineModel>(*m_store))
{
    qRegisterMetaType<ChangeEvent>();
    connect(this, &Project::changed, m_timeline.get(), &TimelineModel::onChanged);
}

// The stack's commands refer to the store: clear it while both exist.
Project::~Project()
{
    m_undoStack.clear();
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

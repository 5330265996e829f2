#include "projects/commands/change_segment_command.h"

#include <QCoreApplication>
#include <QJsonObject>

#include "projects/project.h"

namespace cosmos::projects {
namespace {

CommandId commandIdOf(ChangeSegmentCommand::Field field)
{
    switch (field) {
    case ChangeSegmentCommand::Field::Prompt: return CommandId::ChangePrompt;
    case ChangeSegmentCommand::Field::NegativePrompt: return CommandId::ChangeNegativePrompt;
    case ChangeSegmentCommand::Field::Conditioning: return CommandId::ChangeConditioning;
    case ChangeSegmentCommand::Field::Setting: return CommandId::ChangeSetting;
    }
    return CommandId::ChangePrompt;
}

QString textOf(ChangeSegmentCommand::Field field)
{
    switch (field) {
    case ChangeSegmentCommand::Field::Prompt:
        return QCoreApplication::translate("cosmos::projects::Commands", "Change Prompt");
    case ChangeSegmentCommand::Field::NegativePrompt:
        return QCoreApplication::translate("cosmos::projects::Commands", "Change Negative Prompt");
    case ChangeSegmentCommand::Field::Conditioning:
        return QCoreApplication::translate("cosmos::projects::Commands", "Change Conditioning");
    case ChangeSegmentCommand::Field::Setting:
        return QCoreApplication::translate("cosmos::projects::Commands", "Change Setting");
    }
    return {};
}

} // namespace

ChangeSegmentCommand::ChangeSegmentCommand(
    Project& project, qint64 segmentId, Field field, QJsonValue value, QString key)
    : m_project(project), m_segmentId(segmentId), m_field(field), m_key(std::move(key)), m_after(std::move(value))
{
    m_before = valueOf(project.store().segment(segmentId).value_or(SegmentRecord {}), field, m_key);
    setText(textOf(field));
}

int ChangeSegmentCommand::id() const
{
    return int(commandIdOf(m_field));
}

bool ChangeSegmentCommand::mergeWith(const QUndoCommand* other)
{
    const auto* next = static_cast<const ChangeSegmentCommand*>(other); // same id: same class
    if (m_field == Field::Conditioning || next->m_segmentId != m_segmentId || next->m_key != m_key)
        return false;
    m_after = next->m_after;
    // A burst that ends where it began is no edit at all.
    setObsolete(m_after == m_before);
    return true;
}

QJsonValue ChangeSegmentCommand::valueOf(const SegmentRecord& segment, Field field, const QString& key)
{
    switch (field) {
    case Field::Prompt: return segment.prompt;
    case Field::NegativePrompt: return segment.negativePrompt;
    case Field::Conditioning:
        return QJsonObject {{QStringLiteral("mode"), toText(segment.conditioning)},
            {QStringLiteral("asset"), segment.conditioningAssetId}};
    case Field::Setting: return segment.settings.value(key);
    }
    return {};
}

void ChangeSegmentCommand::redo()
{
    apply(m_after);
}
void ChangeSegmentCommand::undo()
{
    apply(m_before);
}

void ChangeSegmentCommand::apply(const QJsonValue& value)
{
    std::optional<SegmentRecord> segment = m_project.store().segment(m_segmentId);
    if (!segment)
        return;
    switch (m_field) {
    case Field::Prompt: segment->prompt = value.toString(); break;
    case Field::NegativePrompt: segment->negativePrompt = value.toString(); break;
    case Field::Conditioning: {
        const QJsonObject object = value.toObject();
        segment->conditioning
            = conditioningFromString(object.value(QStringLiteral("mode")).toString()).value_or(Conditioning::Text);
        segment->conditioningAssetId = object.value(QStringLiteral("asset")).toInteger();
        break;
    }
    case Field::Setting:
        if (value.isUndefined())
            segment->settings.remove(m_key);
        else
            segment->settings.insert(m_key, value);
        break;
    }
    if (m_project.store().updateSegment(*segment))
        m_project.notify({ChangeEvent::Type::SegmentChanged, m_segmentId, 0});
}

} // namespace cosmos::projects

// One undo command for every edit of one segment field (Tiled's
// ChangeValue): it swaps the old and new value, and consecutive edits of the
// same field (typing, a slider drag) merge into one undo step.
#pragma once

#include <QJsonValue>
#include <QUndoCommand>

#include "projects/commands/command_ids.h"
#include "projects/records.h"

namespace cosmos::projects {

class Project;

class ChangeSegmentCommand : public QUndoCommand {
public:
    enum class Field { Prompt, NegativePrompt, Conditioning, Setting };

    // `key` names the setting for Field::Setting. Conditioning values are
    // {"mode": word, "asset": id}.
    ChangeSegmentCommand(Project& project, qint64 segmentId, Field field, QJsonValue value, QString key = {});

    int id() const override;
    bool mergeWith(const QUndoCommand* other) override;
    void redo() override;
    void undo() override;

    // The field's current value in `segment`.
    static QJsonValue valueOf(const SegmentRecord& segment, Field field, const QString& key);

private:
    void apply(const QJsonValue& value);

    Project& m_project;
    qint64 m_segmentId = 0;
    Field m_field = Field::Prompt;
    QString m_key;
    QJsonValue m_before;
    QJsonValue m_after;
};

} // namespace cosmos::projects

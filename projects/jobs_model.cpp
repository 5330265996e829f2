#include "projects/jobs_model.h"

#include "projects/project_store.h"

namespace cosmos::projects {
namespace {

QList<qint64> idsOf(const QList<JobRecord>& jobs)
{
    QList<qint64> ids;
    ids.reserve(jobs.size());
    for (const JobRecord& job : jobs)
        ids.append(job.id);
    return ids;
}

} // namespace

JobsModel::JobsModel(ProjectStore& store, QObject* parent)
    : QAbstractListModel(parent), m_store(store), m_jobs(store.jobs())
{
}

int JobsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_jobs.size());
}

QVariant JobsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const JobRecord& job = m_jobs[index.row()];
    switch (role) {
    case Qt::DisplayRole:
    case StateRole: return toText(job.state);
    case IdRole: return job.id;
    case PriorityRole: return job.priority;
    case PositionRole: return job.position;
    case SegmentIdRole: return job.segmentId;
    case ErrorRole: return job.error;
    default: return {};
    }
}

QHash<int, QByteArray> JobsModel::roleNames() const
{
    return {{IdRole, "jobId"}, {StateRole, "state"}, {PriorityRole, "priority"}, {PositionRole, "position"},
        {SegmentIdRole, "segmentId"}, {ErrorRole, "error"}};
}

void JobsModel::onChanged(const ChangeEvent& event)
{
    // A removed segment leaves its jobs with no segment (ON DELETE SET NULL).
    if (event.type == ChangeEvent::Type::JobsChanged || event.type == ChangeEvent::Type::SegmentRemoved)
        refresh();
}

// Jobs are appended at the end and otherwise change state in place, so those
// two cases keep the rows (and a view's selection); a move or a removal
// resets, which a queue of tens of rows reads again at no cost.
void JobsModel::refresh()
{
    QList<JobRecord> jobs = m_store.jobs();
    const QList<qint64> before = idsOf(m_jobs);
    const QList<qint64> after = idsOf(jobs);
    if (after.size() >= before.size() && after.mid(0, before.size()) == before) {
        const int common = int(before.size());
        if (after.size() > before.size()) {
            beginInsertRows({}, common, int(after.size()) - 1);
            m_jobs = std::move(jobs);
            endInsertRows();
        } else {
            m_jobs = std::move(jobs);
        }
        if (common > 0)
            emit dataChanged(index(0), index(common - 1));
        return;
    }
    beginResetModel();
    m_jobs = std::move(jobs);
    endResetModel();
}

} // namespace cosmos::projects

// One job of the queue as a row: JobQueueModel adds to projects::JobsModel
// what a row shows, and JobItemDelegate paints it: a chip with the state's
// colour and word, the prompt, a line of settings, and, for the running job,
// a progress bar with the step, the phase and the time left; for a failed
// job, its error.
#pragma once

#include <QColor>
#include <QHash>
#include <QIdentityProxyModel>
#include <QPointer>
#include <QStyledItemDelegate>

#include "projects/jobs_model.h"
#include "projects/project.h"

namespace cosmos::widgets {

class JobItemDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    // Roles beyond projects::JobsModel's; JobQueueView's model adds them.
    enum Role {
        PromptRole = projects::JobsModel::ErrorRole + 100, // QString: the request's "prompt"
        SummaryRole, // QString: "Segment 2 · 12 steps · seed 42"
        StepRole, // int: steps done, running job only (else invalid)
        StepsRole, // int
        EtaRole, // double: seconds left; negative: unknown
        PhaseRole, // QString: "sampling", "decoding", ...
    };

    explicit JobItemDelegate(QObject* parent = nullptr);

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

    // The chip of a state word (JobsModel::StateRole).
    static QColor stateColour(const QString& state);
    static QString stateText(const QString& state);
    // The engine's phase word ("sampling", "decoding", ...) in the user's language.
    static QString phaseText(const QString& phase);
    // "0:14 left", "1:02:03 left"; empty when unknown.
    static QString etaText(double seconds);
    // "Step 5/12 · sampling · 0:14 left"
    static QString progressText(int step, int steps, double etaSeconds, const QString& phase);
};

// JobsModel plus the delegate's roles: the prompt and a settings line from
// each job's request (read once per change of the queue), and the running
// job's live progress.
class JobQueueModel : public QIdentityProxyModel {
public:
    explicit JobQueueModel(QObject* parent = nullptr);

    void setProject(projects::Project* project);
    // Reads the requests and segment numbers again.
    void invalidate();
    void setLive(qint64 jobId, int step, int steps, double etaSeconds, const QString& phase);
    void clearLive() { setLive(0, 0, 0, -1, {}); }

    qint64 jobIdAt(int row) const { return index(row, 0).data(projects::JobsModel::IdRole).toLongLong(); }
    QString stateAt(int row) const { return index(row, 0).data(projects::JobsModel::StateRole).toString(); }
    int rowOf(qint64 jobId) const; // -1: none

    QVariant data(const QModelIndex& index, int role) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

private:
    struct Info {
        QString prompt;
        QString summary;
        QString details; // for the tooltip: what the row has no room for
    };
    struct Live {
        qint64 jobId = 0;
        int step = 0;
        int steps = 0;
        double etaSeconds = -1;
        QString phase;
    };

    const Info& info(qint64 jobId) const;
    Info read(qint64 jobId) const;

    QPointer<projects::Project> m_project;
    mutable QHash<qint64, Info> m_cache;
    Live m_live;
};

} // namespace cosmos::widgets

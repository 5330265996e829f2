// The victim of tst_kill: writes takes (with a clip each) and jobs into a
// project as fast as it can, printing each take's id once its transaction
// has committed, until it is killed.
//
//   project_writer_child DIR
#include <QCoreApplication>
#include <QRandomGenerator>
#include <cstdio>

#include "projects/project_store.h"

using namespace cosmos::projects;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: project_writer_child DIR\n");
        return 2;
    }
    const QString folder = QString::fromLocal8Bit(argv[1]);
    ProjectError error;
    std::unique_ptr<ProjectStore> store = ProjectStore::open(folder, &error);
    if (!store && error.code == ProjectError::Code::NotFound)
        store = ProjectStore::create(folder, QStringLiteral("kill test"), &error);
    if (!store) {
        std::fprintf(stderr, "cannot open: %s\n", qPrintable(error.message));
        return 1;
    }
    qint64 segmentId
        = store->segments().isEmpty() ? store->insertSegment({}).value_or(0) : store->segments().first().id;
    QRandomGenerator random = QRandomGenerator::securelySeeded();
    qint64 previousJob = 0;
    for (;;) {
        QByteArray clip(int(random.bounded(512, 8 * 1024)), Qt::Uninitialized);
        random.fillRange(reinterpret_cast<quint32*>(clip.data()), clip.size() / 4);
        QString detail;
        const std::optional<MediaRef> media = store->media().write(clip, QStringLiteral("clips"), "bin", &detail);
        if (!media) {
            std::fprintf(stderr, "media: %s\n", qPrintable(detail));
            return 1;
        }
        qint64 takeId = 0;
        const bool committed = store->transact([&] {
            TakeRecord take;
            take.segmentId = segmentId;
            take.status = TakeStatus::Done;
            take.clip = *media;
            take.params = QJsonObject {{QStringLiteral("seed"), qint64(random.generate())}};
            takeId = store->addTake(take).value_or(0);
            JobRecord job;
            job.segmentId = segmentId;
            job.takeIds = {takeId};
            const qint64 jobId = takeId > 0 ? store->enqueueJob(job).value_or(0) : 0;
            return jobId > 0 && store->setJobState(jobId, JobState::Running)
                && (previousJob == 0 || store->setJobState(previousJob, JobState::Done)) && (previousJob = jobId) > 0;
        });
        if (!committed) {
            std::fprintf(stderr, "write: %s\n", qPrintable(store->lastError().message));
            return 1;
        }
        std::printf("%lld\n", static_cast<long long>(takeId));
        std::fflush(stdout);
    }
}

#include "projects/project_lock.h"

#include <QThread>

namespace cosmos::projects {
namespace {

constexpr int kOwnerChecks = 10;
constexpr int kOwnerWaitMs = 20; // 200 ms in all before an ownerless lock counts as left over

bool hasOwner(const QLockFile& lock)
{
    qint64 pid = 0;
    QString host, application;
    return lock.getLockInfo(&pid, &host, &application);
}

} // namespace

std::unique_ptr<QLockFile> makeProjectLock(const QString& path)
{
    auto lock = std::make_unique<QLockFile>(path);
    lock->setStaleLockTime(0);
    return lock;
}

bool takeProjectLock(QLockFile& lock)
{
    if (lock.tryLock(0))
        return true;
    if (lock.error() != QLockFile::LockFailedError)
        return false; // no permission, or an error: nothing to take over
    for (int check = 0; check < kOwnerChecks; ++check) {
        if (hasOwner(lock))
            return false; // a live owner (a dead one would have made tryLock succeed)
        QThread::msleep(kOwnerWaitMs);
        if (lock.tryLock(0))
            return true; // its owner finished, or was found dead
    }
    return lock.removeStaleLockFile() && lock.tryLock(0);
}

} // namespace cosmos::projects

#pragma once

#include <QLockFile>
#include <QString>

#include <memory>

namespace cosmos::projects {

// The lock that makes one program at a time the writer of a project. It is
// held for a whole session, so only a dead owner makes it stale.
std::unique_ptr<QLockFile> makeProjectLock(const QString& path);

// Takes the lock, or returns false while another live process holds it.
// QLockFile creates its file and then writes the owner into it: a process
// killed in between leaves an ownerless (empty) lock that Qt never takes for
// stale, and the project could not be opened again. A live owner writes
// itself within microseconds, so a lock still ownerless after a short wait
// is such a leftover, and is removed.
bool takeProjectLock(QLockFile& lock);

} // namespace cosmos::projects

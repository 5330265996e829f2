// An output being written: it lives under "<final>.partial" in the same
// folder until commit() renames it into place, and is removed if the owner
// is destroyed first (an error, a cancel). Internal to engine/media.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace cosmos::engine::media {

class PendingFile {
public:
    // Throws MediaError (WriteFailed) when the folder of `finalPath` does not exist.
    explicit PendingFile(std::string finalPath);
    ~PendingFile();
    PendingFile(const PendingFile&) = delete;
    PendingFile& operator=(const PendingFile&) = delete;

    const std::string& finalPath() const { return m_finalPath; }
    const std::string& temporaryPath() const { return m_temporaryPath; }

    // Writes all of `data` to the temporary file (replacing it), checking
    // every write, the flush and the close. Throws MediaError (WriteFailed).
    void write(const void* data, std::size_t size);

    // Renames the temporary file to the final name. Throws MediaError (WriteFailed).
    void commit();
    // Removes the final file again (rolling back a group commit).
    void rollback();

private:
    std::string m_finalPath;
    std::string m_temporaryPath;
    bool m_committed = false;
};

// Commits every file, or none: a failed rename removes those already renamed.
void commitAll(const std::vector<std::unique_ptr<PendingFile>>& files);

// Throws MediaError (WriteFailed) naming `path` with strerror(errno) and `what` failed.
[[noreturn]] void throwWriteError(const std::string& path, const std::string& what, int errorNumber);

} // namespace cosmos::engine::media

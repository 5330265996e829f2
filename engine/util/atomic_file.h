// Files that are either whole or not there: written beside their final
// name and renamed into place only once every byte reached the disk, so a
// full disk or a kill mid-write leaves the previous version intact (a
// training state, a model card, an index) instead of a truncated one.
#pragma once

#include <fstream>
#include <string>

namespace cosmos::engine::util {

class AtomicFile {
public:
    // Opens <path>.partial; throws EngineError (saying why) when it cannot.
    explicit AtomicFile(std::string path);
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;
    // Not committed: the partial file goes, the old file stays.
    ~AtomicFile();

    std::ofstream& stream() { return m_stream; }
    // Closes and checks the stream, then renames it over the final name.
    // Throws EngineError naming the file and the reason.
    void commit();

private:
    std::string m_path;
    std::string m_partial;
    std::ofstream m_stream;
    bool m_committed = false;
};

// The whole of `text` as the file at `path`, atomically (see AtomicFile).
void writeFileAtomically(const std::string& path, const std::string& text);

} // namespace cosmos::engine::util

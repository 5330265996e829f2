#include "engine/util/atomic_file.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "engine/errors.h"

namespace cosmos::engine::util {

namespace fs = std::filesystem;

AtomicFile::AtomicFile(std::string path) : m_path(std::move(path)), m_partial(m_path + ".partial")
{
    m_stream.open(m_partial, std::ios::binary | std::ios::trunc);
    if (!m_stream)
        throw EngineError("cannot write '" + m_partial + "': " + std::strerror(errno));
}

AtomicFile::~AtomicFile()
{
    if (m_committed)
        return;
    m_stream.close();
    std::error_code ignored;
    fs::remove(m_partial, ignored);
}

void AtomicFile::commit()
{
    // A full disk often shows only when the last buffer is flushed: check
    // after closing, not before.
    errno = 0;
    m_stream.close();
    if (!m_stream) {
        const std::string reason = errno != 0 ? std::strerror(errno) : "the data did not reach the disk";
        throw EngineError("cannot write '" + m_path + "' (disk full?): " + reason);
    }
    std::error_code error;
    fs::rename(m_partial, m_path, error);
    if (error)
        throw EngineError("cannot move '" + m_partial + "' into place as '" + m_path + "': " + error.message());
    m_committed = true;
}

void writeFileAtomically(const std::string& path, const std::string& text)
{
    AtomicFile file(path);
    file.stream() << text;
    file.commit();
}

} // namespace cosmos::engine::util

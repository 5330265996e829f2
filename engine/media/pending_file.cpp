#include "engine/media/pending_file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "engine/media/media_error.h"

namespace cosmos::engine::media {

void throwWriteError(const std::string& path, const std::string& what, int errorNumber)
{
    throw MediaError(MediaErrorKind::WriteFailed, path,
        what + ": " + std::strerror(errorNumber)
            + (errorNumber == ENOSPC || errorNumber == EFBIG || errorNumber == EDQUOT ? " (the disk or quota is full)"
                                                                                      : ""));
}

PendingFile::PendingFile(std::string finalPath)
    : m_finalPath(std::move(finalPath)), m_temporaryPath(m_finalPath + ".partial")
{
    const std::filesystem::path parent = std::filesystem::path(m_finalPath).parent_path();
    std::error_code error;
    if (!parent.empty() && !std::filesystem::is_directory(parent, error))
        throw MediaError(MediaErrorKind::WriteFailed, m_finalPath,
            "expected an existing folder '" + parent.string() + "' to write into, found none");
}

PendingFile::~PendingFile()
{
    if (!m_committed)
        std::remove(m_temporaryPath.c_str());
}

void PendingFile::write(const void* data, std::size_t size)
{
    std::FILE* file = std::fopen(m_temporaryPath.c_str(), "wb");
    if (!file)
        throwWriteError(m_finalPath, "cannot create '" + m_temporaryPath + "'", errno);
    const std::size_t written = size ? std::fwrite(data, 1, size, file) : 0;
    const int writeError = errno;
    if (written != size) {
        std::fclose(file);
        throwWriteError(m_finalPath,
            "writing " + std::to_string(size) + " bytes failed after " + std::to_string(written), writeError);
    }
    if (std::fflush(file) != 0) {
        const int flushError = errno;
        std::fclose(file);
        throwWriteError(m_finalPath, "writing failed", flushError);
    }
    if (std::fclose(file) != 0)
        throwWriteError(m_finalPath, "closing the file failed", errno);
}

void PendingFile::commit()
{
    if (std::rename(m_temporaryPath.c_str(), m_finalPath.c_str()) != 0)
        throwWriteError(m_finalPath, "cannot move the finished file into place", errno);
    m_committed = true;
}

void PendingFile::rollback()
{
    if (m_committed)
        std::remove(m_finalPath.c_str());
}

void commitAll(const std::vector<std::unique_ptr<PendingFile>>& files)
{
    std::size_t done = 0;
    try {
        for (; done < files.size(); ++done)
            files[done]->commit();
    } catch (...) {
        for (std::size_t i = 0; i < done; ++i)
            files[i]->rollback();
        throw;
    }
}

} // namespace cosmos::engine::media

#include "engine/weights/mapped_file.h"

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "engine/weights/weights_error.h"

namespace cosmos::engine {
namespace {

// Closes the descriptor on every path out of open().
struct FileDescriptor {
    int fd = -1;
    ~FileDescriptor()
    {
        if (fd >= 0)
            ::close(fd);
    }
};

} // namespace

MappedFile::MappedFile(std::string path, std::uint8_t* data, std::size_t size)
    : m_path(std::move(path)), m_data(data), m_size(size)
{
}

MappedFile::~MappedFile()
{
    if (m_data && m_size > 0)
        ::munmap(m_data, m_size);
}

std::shared_ptr<MappedFile> MappedFile::open(const std::string& path)
{
    FileDescriptor file;
    file.fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (file.fd < 0)
        throw WeightsError(path, "", std::string("cannot open the file: ") + std::strerror(errno));
    struct stat info { };
    if (::fstat(file.fd, &info) != 0)
        throw WeightsError(path, "", std::string("cannot read the file's size: ") + std::strerror(errno));
    if (!S_ISREG(info.st_mode))
        throw WeightsError(path, "", "not a regular file");
    const auto size = static_cast<std::size_t>(info.st_size);
    if (size == 0)
        return std::shared_ptr<MappedFile>(new MappedFile(path, nullptr, 0));
    void* address = ::mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE, file.fd, 0);
    if (address == MAP_FAILED)
        throw WeightsError(path, "", std::string("cannot map the file into memory: ") + std::strerror(errno));
    // The constructor is private, so make_shared cannot reach it.
    return std::shared_ptr<MappedFile>(new MappedFile(path, static_cast<std::uint8_t*>(address), size));
}

} // namespace cosmos::engine

// A read-only view of a whole file through mmap. Pages are mapped
// copy-on-write, so a tensor created over them may even be written to
// without touching the file. Shared by every tensor that points into it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

namespace cosmos::engine {

class MappedFile {
public:
    // Throws WeightsError when the file cannot be opened or mapped.
    static std::shared_ptr<MappedFile> open(const std::string& path);
    ~MappedFile();
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;

    const std::uint8_t* data() const { return m_data; }
    std::uint8_t* mutableData() const { return m_data; } // copy-on-write pages
    std::size_t size() const { return m_size; }
    const std::string& path() const { return m_path; }

private:
    MappedFile(std::string path, std::uint8_t* data, std::size_t size);

    std::string m_path;
    std::uint8_t* m_data = nullptr;
    std::size_t m_size = 0;
};

} // namespace cosmos::engine

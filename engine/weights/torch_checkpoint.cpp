#include "engine/weights/torch_checkpoint.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>

#include "engine/weights/restricted_unpickler.h"
#include "engine/weights/weights_error.h"

// Storage records are copied into tensors byte for byte; the 'byteorder'
// record (or its absence, before torch 2.1) says they are little-endian.
static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "the checkpoint reader assumes a little-endian host");

namespace cosmos::engine {
namespace {

constexpr uint32_t kLocalHeaderSignature = 0x04034b50;
constexpr uint32_t kCentralEntrySignature = 0x02014b50;
constexpr uint32_t kEndSignature = 0x06054b50;
constexpr uint32_t kZip64EndSignature = 0x06064b50;
constexpr uint32_t kZip64LocatorSignature = 0x07064b50;
constexpr uint64_t kEndSize = 22;
constexpr uint64_t kCentralEntrySize = 46;
constexpr uint64_t kLocalHeaderSize = 30;

uint64_t littleEndian(const uint8_t* bytes, int count)
{
    uint64_t value = 0;
    for (int i = count - 1; i >= 0; --i)
        value = (value << 8) | bytes[i];
    return value;
}

struct ZipEntry {
    uint64_t localHeaderOffset = 0;
    uint64_t size = 0;
    uint64_t compressedSize = 0;
    uint64_t method = 0;
};

// The zip container of torch.save: stored (uncompressed) records, zip64 when
// large. Every offset and size read from the file is checked against it.
class ZipReader {
public:
    explicit ZipReader(const std::string& path);

    bool has(const std::string& name) const { return m_entries.count(name) != 0; }
    const std::map<std::string, ZipEntry>& entries() const { return m_entries; }
    uint64_t size(const std::string& name) const { return m_entries.at(name).size; }
    std::vector<uint8_t> read(const std::string& name)
    {
        std::vector<uint8_t> bytes(static_cast<std::size_t>(size(name)));
        readInto(name, bytes.data(), bytes.size());
        return bytes;
    }
    // Reads the first `count` bytes of the record; count <= size(name).
    void readInto(const std::string& name, void* target, uint64_t count)
    {
        readAt(dataOffset(name), target, count, "record '" + name + "'");
    }

private:
    [[noreturn]] void fail(const std::string& problem) const { throw WeightsError(m_path, "", problem); }
    [[noreturn]] void damaged(const std::string& problem) const
    {
        fail("is a damaged zip archive (" + problem + "); the file may be truncated");
    }
    void readAt(uint64_t offset, void* target, uint64_t count, const std::string& what);
    void readCentralDirectory();
    uint64_t dataOffset(const std::string& name);

    std::string m_path;
    std::ifstream m_file;
    uint64_t m_fileSize = 0;
    std::map<std::string, ZipEntry> m_entries;
};

ZipReader::ZipReader(const std::string& path) : m_path(path), m_file(path, std::ios::binary)
{
    if (!m_file)
        fail(std::string("cannot be opened: ") + std::strerror(errno));
    m_file.seekg(0, std::ios::end);
    m_fileSize = static_cast<uint64_t>(std::max<std::streamoff>(0, m_file.tellg()));
    if (m_fileSize == 0)
        fail("is empty");
    uint8_t magic[4] = {};
    readAt(0, magic, std::min<uint64_t>(4, m_fileSize), "the file's first bytes");
    if (littleEndian(magic, 4) != kLocalHeaderSignature && littleEndian(magic, 4) != kEndSignature) {
        if (magic[0] == 0x80 && magic[1] == 0x02 && magic[2] == 0x8a)
            fail("uses the legacy torch.save format (PyTorch before 1.6), which is not supported: load it in Python "
                 "and save it again with a current torch.save");
        char found[32];
        std::snprintf(found, sizeof found, "%02x %02x %02x %02x", magic[0], magic[1], magic[2], magic[3]);
        fail(std::string("is not a PyTorch zip checkpoint: expected a zip header (50 4b 03 04), found bytes ") + found);
    }
    readCentralDirectory();
}

void ZipReader::readAt(uint64_t offset, void* target, uint64_t count, const std::string& what)
{
    if (offset > m_fileSize || count > m_fileSize - offset)
        fail("is truncated: " + what + " needs bytes " + std::to_string(offset) + " to "
            + std::to_string(offset + count) + ", but the file has " + std::to_string(m_fileSize));
    if (count == 0)
        return;
    m_file.clear();
    m_file.seekg(static_cast<std::streamoff>(offset));
    m_file.read(static_cast<char*>(target), static_cast<std::streamsize>(count));
    if (!m_file || static_cast<uint64_t>(m_file.gcount()) != count)
        fail("cannot read " + what + " at byte " + std::to_string(offset));
}

void ZipReader::readCentralDirectory()
{
    // The end record is the last 22 bytes, unless a comment of up to 64 KiB follows it.
    if (m_fileSize < kEndSize)
        damaged("only " + std::to_string(m_fileSize) + " bytes, no end-of-central-directory record");
    const uint64_t tailSize = std::min<uint64_t>(m_fileSize, kEndSize + 0xffff);
    std::vector<uint8_t> tail(static_cast<std::size_t>(tailSize));
    readAt(m_fileSize - tailSize, tail.data(), tailSize, "the zip's end record");
    std::size_t at = tail.size() - kEndSize;
    while (littleEndian(&tail[at], 4) != kEndSignature) {
        if (at-- == 0)
            damaged("no end-of-central-directory record");
    }
    const uint64_t endOffset = m_fileSize - tailSize + at;
    uint64_t count = littleEndian(&tail[at + 10], 2);
    uint64_t directorySize = littleEndian(&tail[at + 12], 4);
    uint64_t directoryOffset = littleEndian(&tail[at + 16], 4);
    if (count == 0xffff || directorySize == 0xffffffff || directoryOffset == 0xffffffff) {
        uint8_t locator[20];
        readAt(endOffset < 20 ? m_fileSize : endOffset - 20, locator, 20, "the zip64 end record locator");
        uint8_t end64[56] = {};
        if (littleEndian(locator, 4) == kZip64LocatorSignature)
            readAt(littleEndian(locator + 8, 8), end64, 56, "the zip64 end record");
        if (littleEndian(locator, 4) != kZip64LocatorSignature || littleEndian(end64, 4) != kZip64EndSignature)
            damaged("no zip64 end record where the end record points");
        count = littleEndian(end64 + 32, 8);
        directorySize = littleEndian(end64 + 40, 8);
        directoryOffset = littleEndian(end64 + 48, 8);
    }
    if (directoryOffset > endOffset || directorySize > endOffset - directoryOffset)
        damaged("the central directory lies outside the file");
    if (count > directorySize / kCentralEntrySize)
        damaged(std::to_string(count) + " records announced in a " + std::to_string(directorySize) + "-byte directory");
    std::vector<uint8_t> directory(static_cast<std::size_t>(directorySize));
    readAt(directoryOffset, directory.data(), directorySize, "the zip's central directory");

    std::size_t pos = 0;
    for (uint64_t i = 0; i < count; ++i) {
        const uint8_t* entry = directory.data() + pos;
        if (directory.size() - pos < kCentralEntrySize || littleEndian(entry, 4) != kCentralEntrySignature)
            damaged("central directory entry " + std::to_string(i) + " is missing");
        const std::size_t nameLength = littleEndian(entry + 28, 2);
        const std::size_t extraLength = littleEndian(entry + 30, 2);
        const std::size_t entryLength = kCentralEntrySize + nameLength + extraLength + littleEndian(entry + 32, 2);
        if (directory.size() - pos < entryLength)
            damaged("central directory entry " + std::to_string(i) + " is cut short");
        ZipEntry record {littleEndian(entry + 42, 4), littleEndian(entry + 24, 4), littleEndian(entry + 20, 4),
            littleEndian(entry + 10, 2)};
        // Zip64 extra field: 8-byte values for the 32-bit fields saturated at 0xffffffff, in this order.
        const uint8_t* extra = entry + kCentralEntrySize + nameLength;
        for (std::size_t e = 0; e + 4 <= extraLength;) {
            const std::size_t fieldLength = littleEndian(extra + e + 2, 2);
            if (littleEndian(extra + e, 2) == 1) {
                std::size_t f = e + 4;
                for (uint64_t* value : {&record.size, &record.compressedSize, &record.localHeaderOffset}) {
                    if (*value == 0xffffffff && f + 8 <= std::min(e + 4 + fieldLength, extraLength)) {
                        *value = littleEndian(extra + f, 8);
                        f += 8;
                    }
                }
            }
            e += 4 + fieldLength;
        }
        m_entries[std::string(reinterpret_cast<const char*>(entry + kCentralEntrySize), nameLength)] = record;
        pos += entryLength;
    }
}

uint64_t ZipReader::dataOffset(const std::string& name)
{
    const ZipEntry& entry = m_entries.at(name);
    if (entry.method != 0 || entry.compressedSize != entry.size)
        fail("record '" + name + "' is compressed (zip method " + std::to_string(entry.method)
            + "); torch.save stores records uncompressed");
    uint8_t header[kLocalHeaderSize];
    readAt(entry.localHeaderOffset, header, kLocalHeaderSize, "the header of record '" + name + "'");
    if (littleEndian(header, 4) != kLocalHeaderSignature)
        fail("is a damaged zip archive: record '" + name + "' has no local header at byte "
            + std::to_string(entry.localHeaderOffset));
    const uint64_t offset
        = entry.localHeaderOffset + kLocalHeaderSize + littleEndian(header + 26, 2) + littleEndian(header + 28, 2);
    readAt(offset, nullptr, 0, "record '" + name + "'"); // checks the offset
    if (entry.size > m_fileSize - offset)
        fail("is truncated: record '" + name + "' needs " + std::to_string(entry.size) + " bytes from byte "
            + std::to_string(offset) + ", but the file has " + std::to_string(m_fileSize));
    return offset;
}

// torch.save names its records '<archive>/data.pkl', '<archive>/data/<key>'.
std::string findArchive(const ZipReader& zip, const std::string& path)
{
    std::string archive;
    for (const auto& entry : zip.entries()) {
        const std::string& name = entry.first;
        const std::size_t slash = name.find('/');
        if (slash == std::string::npos || name.compare(slash, std::string::npos, "/data.pkl") != 0)
            continue;
        if (!archive.empty())
            throw WeightsError(path, "", "holds several data.pkl records ('" + archive + "', '" + name + "')");
        archive = name.substr(0, slash);
    }
    if (archive.empty())
        throw WeightsError(
            path, "", "is a zip archive without a '<archive>/data.pkl' record, not a torch.save checkpoint");
    return archive;
}

torch::Tensor loadStorage(ZipReader& zip, const std::string& archive, const PickledTensor& pickled,
    std::map<std::string, torch::Tensor>& loaded, const std::string& path)
{
    const StorageRef& ref = pickled.storage;
    const auto found = loaded.find(ref.key);
    if (found != loaded.end()) {
        if (found->second.scalar_type() != ref.dtype || found->second.numel() != ref.numel)
            throw WeightsError(path, pickled.name, "storage '" + ref.key + "' is declared twice with different types");
        return found->second;
    }
    const std::string record = archive + "/data/" + ref.key;
    if (!zip.has(record))
        throw WeightsError(path, pickled.name, "its storage record '" + record + "' is missing from the zip");
    uint64_t bytes = 0;
    const bool overflow = __builtin_mul_overflow(static_cast<uint64_t>(ref.numel), c10::elementSize(ref.dtype), &bytes);
    if (overflow || bytes > zip.size(record))
        throw WeightsError(path, pickled.name,
            "storage record '" + record + "' holds " + std::to_string(zip.size(record))
                + " bytes, but the pickle declares " + std::to_string(ref.numel) + " " + torchDtypeName(ref.dtype)
                + " elements (" + (overflow ? std::string("over 2^64") : std::to_string(bytes)) + " bytes)");
    torch::Tensor storage = torch::empty({ref.numel}, torch::TensorOptions().dtype(ref.dtype)); // [numel]
    zip.readInto(record, storage.data_ptr(), bytes);
    loaded.emplace(ref.key, storage);
    return storage;
}

// storage: [numel] of pickled.storage.dtype; result: pickled.size, viewing it.
torch::Tensor buildView(torch::Tensor storage, const PickledTensor& pickled, const std::string& path)
{
    const auto refuse = [&](const std::string& problem) { throw WeightsError(path, pickled.name, problem); };
    if (pickled.dtype != pickled.storage.dtype) { // _rebuild_tensor_v3 over an untyped (byte) storage
        if (pickled.storage.dtype != torch::kByte
            || storage.numel() % static_cast<int64_t>(c10::elementSize(pickled.dtype)) != 0)
            refuse("its " + torchDtypeName(pickled.storage.dtype) + " storage '" + pickled.storage.key
                + "' cannot be read as " + torchDtypeName(pickled.dtype));
        storage = storage.view(pickled.dtype);
    }
    // The last element the view reaches must lie inside the storage.
    int64_t last = pickled.storageOffset;
    bool empty = false;
    bool invalid = last < 0;
    std::string shape;
    for (std::size_t i = 0; i < pickled.size.size(); ++i) {
        shape += (i == 0 ? "size [" : ", ") + std::to_string(pickled.size[i]);
        int64_t reach = 0;
        invalid = invalid || pickled.size[i] < 0 || pickled.stride[i] < 0
            || __builtin_mul_overflow(pickled.size[i] - 1, pickled.stride[i], &reach)
            || __builtin_add_overflow(last, pickled.size[i] == 0 ? 0 : reach, &last);
        empty = empty || pickled.size[i] == 0;
    }
    shape = (shape.empty() ? "size [" : shape) + "], stride [";
    for (std::size_t i = 0; i < pickled.stride.size(); ++i)
        shape += (i == 0 ? "" : ", ") + std::to_string(pickled.stride[i]);
    shape += "], storage offset " + std::to_string(pickled.storageOffset);
    if (invalid)
        refuse("invalid view (" + shape + "): negative or overflowing");
    if (empty)
        return torch::empty(pickled.size, torch::TensorOptions().dtype(pickled.dtype));
    if (last >= storage.numel())
        refuse("storage '" + pickled.storage.key + "' is too small: the view (" + shape + ") reaches element "
            + std::to_string(last) + ", but the storage holds " + std::to_string(storage.numel()) + " "
            + torchDtypeName(pickled.dtype) + " elements");
    return storage.as_strided(pickled.size, pickled.stride, pickled.storageOffset);
}

} // namespace

TorchCheckpoint readTorchCheckpointWithSkipped(const std::string& path)
{
    try {
        ZipReader zip(path);
        const std::string archive = findArchive(zip, path);
        if (zip.has(archive + "/constants.pkl"))
            throw WeightsError(path, "",
                "is a TorchScript archive (torch.jit.save), not a torch.save checkpoint; only tensors and plain "
                "containers of them are accepted");
        if (zip.has(archive + "/byteorder")) {
            const uint64_t length = std::min<uint64_t>(zip.size(archive + "/byteorder"), 16);
            std::string order(static_cast<std::size_t>(length), '\0');
            zip.readInto(archive + "/byteorder", order.data(), length);
            if (order != "little")
                throw WeightsError(
                    path, "", "stores tensors in '" + order + "' byte order; only little-endian is supported");
        }
        const std::vector<uint8_t> pickle = zip.read(archive + "/data.pkl");
        const UnpickledCheckpoint unpickled
            = unpickleCheckpoint(pickle.data(), pickle.size(), path, archive + "/data.pkl");
        TorchCheckpoint checkpoint;
        checkpoint.skippedKeys = unpickled.skippedKeys;
        std::map<std::string, torch::Tensor> storages;
        for (const PickledTensor& pickled : unpickled.tensors) {
            const torch::Tensor storage = loadStorage(zip, archive, pickled, storages, path);
            if (!checkpoint.tensors.emplace(pickled.name, buildView(storage, pickled, path)).second)
                throw WeightsError(path, pickled.name, "two entries of the checkpoint have this name once flattened");
        }
        return checkpoint;
    } catch (const c10::Error& error) {
        throw WeightsError(path, "", error.what_without_backtrace());
    }
}

TensorMap readTorchCheckpoint(const std::string& path)
{
    return readTorchCheckpointWithSkipped(path).tensors;
}

std::vector<TorchRecordInfo> inspectTorchCheckpoint(const std::string& path)
{
    std::vector<TorchRecordInfo> infos;
    for (const auto& [name, tensor] : readTorchCheckpoint(path)) {
        infos.push_back(TorchRecordInfo {name, tensor.scalar_type(), tensor.sizes().vec(),
            static_cast<uint64_t>(tensor.numel()) * static_cast<uint64_t>(tensor.element_size())});
    }
    return infos;
}

bool looksLikeTorchZip(const std::string& path)
{
    try {
        ZipReader zip(path);
        findArchive(zip, path);
        return true;
    } catch (const std::exception&) {
        return false;
    }
}

} // namespace cosmos::engine

#include "engine/weights/restricted_unpickler.h"

#include <cstdio>
#include <cstring>
#include <deque>
#include <unordered_map>
#include <utility>

#include "engine/weights/weights_error.h"

namespace cosmos::engine {
namespace {

enum class Kind { None, Bool, Int, BigInt, Float, String, Bytes, Tuple, List, Dict, Global, Storage, Tensor };

const char* kindName(Kind kind)
{
    static const char* const kNames[] = {"None", "bool", "int", "big int", "float", "str", "bytes", "tuple", "list",
        "dict", "global", "storage", "tensor"};
    return kNames[static_cast<int>(kind)];
}

enum class Global { OrderedDict, RebuildTensorV2, RebuildTensorV3, RebuildParameter, CodecsEncode, StorageType, Dtype };

const std::pair<const char*, Global> kAllowedCallables[] = {
    {"collections.OrderedDict", Global::OrderedDict}, {"torch._utils._rebuild_tensor_v2", Global::RebuildTensorV2},
    {"torch._utils._rebuild_tensor_v3", Global::RebuildTensorV3},
    {"torch._utils._rebuild_parameter", Global::RebuildParameter},
    {"torch._utils._rebuild_parameter_with_state", Global::RebuildParameter},
    {"_codecs.encode", Global::CodecsEncode}, // how protocol 2 pickles bytes
};

// Their storage types are torch.<c10 name>Storage (torch.FloatStorage), their
// dtypes torch.<Python name> (torch.float32).
const torch::Dtype kDtypes[] = {torch::kFloat, torch::kHalf, torch::kBFloat16, torch::kDouble, torch::kLong,
    torch::kInt, torch::kShort, torch::kChar, torch::kByte, torch::kBool, torch::kComplexFloat, torch::kComplexDouble};

constexpr int kMaxDepth = 100;

// Small and copyable, so that memo lookups cannot multiply memory: texts,
// containers, storages and tensors live in the interpreter's tables.
struct Value {
    Kind kind = Kind::None;
    Global global = Global::OrderedDict;
    torch::Dtype dtype = torch::kByte; // StorageType and Dtype globals
    int64_t number = 0; // Bool, Int
    std::size_t ref = 0; // index into m_texts, m_containers, m_storages or m_tensors
};

struct Container {
    std::vector<Value> items; // Tuple, List
    std::vector<std::pair<Value, Value>> entries; // Dict, in pickle order
};

class Unpickler {
public:
    Unpickler(const std::uint8_t* data, std::size_t size, const std::string& file, const std::string& record)
        : m_data(data), m_size(size), m_file(file), m_record(record)
    {
    }

    Value run();
    void flatten(const Value& value, const std::string& name, int depth, UnpickledCheckpoint& out);

private:
    [[noreturn]] void fail(const std::string& problem) const
    {
        throw WeightsError(m_file, "", m_record + ", byte " + std::to_string(m_opPos) + ": " + problem);
    }
    const std::uint8_t* take(uint64_t count, const char* what);
    uint64_t readUInt(int bytes, const char* what);
    std::string readLine(const char* what);

    void push(Kind kind, int64_t number = 0, std::size_t ref = 0)
    {
        m_stack.push_back(Value {kind, Global::OrderedDict, torch::kByte, number, ref});
    }
    void pushContainer(Kind kind, std::vector<Value> items = {})
    {
        m_containers.emplace_back();
        m_containers.back().items = std::move(items);
        push(kind, 0, m_containers.size() - 1);
    }
    void pushText(Kind kind, std::string text)
    {
        m_texts.push_back(std::move(text));
        push(kind, 0, m_texts.size() - 1);
    }
    void pushText(Kind kind, int lengthBytes, const char* op)
    {
        const uint64_t length = readUInt(lengthBytes, op);
        const char* text = reinterpret_cast<const char*>(take(length, op));
        pushText(kind, std::string(text, static_cast<std::size_t>(length)));
    }
    void pushGlobal(const std::string& name);
    Value pop(const char* op);
    Value& top(const char* op);
    std::vector<Value> popMark(const char* op);
    const Value& expect(const Value& value, Kind kind, const char* what) const;
    const std::vector<Value>& items(const Value& value, Kind kind, const char* what) const
    {
        return m_containers[expect(value, kind, what).ref].items;
    }
    std::vector<int64_t> expectInts(const Value& value, const char* what) const;
    void reduce();
    void persistentLoad();
    std::string keyText(const Value& key, const std::string& parent) const;

    const std::uint8_t* m_data;
    std::size_t m_size;
    const std::string& m_file;
    const std::string& m_record;
    std::size_t m_pos = 0;
    std::size_t m_opPos = 0;
    std::vector<Value> m_stack;
    std::vector<std::size_t> m_marks;
    std::unordered_map<uint64_t, Value> m_memo;
    std::vector<std::string> m_texts;
    std::deque<Container> m_containers;
    std::vector<StorageRef> m_storages;
    std::vector<PickledTensor> m_tensors; // without names until flattened
    std::size_t m_visits = 0;
};

const std::uint8_t* Unpickler::take(uint64_t count, const char* what)
{
    if (count > m_size - m_pos)
        fail(std::string("the pickle is truncated: ") + what + " needs " + std::to_string(count) + " bytes, only "
            + std::to_string(m_size - m_pos) + " remain");
    const std::uint8_t* bytes = m_data + m_pos;
    m_pos += static_cast<std::size_t>(count);
    return bytes;
}

// Little-endian, as the pickle stores lengths, ints and memo slots.
uint64_t Unpickler::readUInt(int bytes, const char* what)
{
    const std::uint8_t* p = take(static_cast<uint64_t>(bytes), what);
    uint64_t value = 0;
    for (int i = bytes - 1; i >= 0; --i)
        value = (value << 8) | p[i];
    return value;
}

std::string Unpickler::readLine(const char* what)
{
    const void* end = std::memchr(m_data + m_pos, '\n', m_size - m_pos);
    if (end == nullptr)
        fail(std::string("the pickle is truncated: ") + what + " has no terminating newline");
    const auto length = static_cast<std::size_t>(static_cast<const std::uint8_t*>(end) - (m_data + m_pos));
    return std::string(reinterpret_cast<const char*>(take(length + 1, what)), length);
}

void Unpickler::pushGlobal(const std::string& name)
{
    const auto accept = [&](Global global, torch::Dtype dtype) {
        pushText(Kind::Global, name);
        m_stack.back().global = global;
        m_stack.back().dtype = dtype;
    };
    for (const auto& [allowed, global] : kAllowedCallables) {
        if (name == allowed)
            return accept(global, torch::kByte);
    }
    if (name == "torch.UntypedStorage")
        return accept(Global::StorageType, torch::kByte);
    for (const torch::Dtype dtype : kDtypes) {
        if (name == std::string("torch.") + c10::toString(dtype) + "Storage")
            return accept(Global::StorageType, dtype);
        if (name == "torch." + torchDtypeName(dtype))
            return accept(Global::Dtype, dtype);
    }
    fail("the pickle refers to the global '" + name
        + "', which is not allowed: only tensors and plain containers of them (dict, list, tuple, numbers, "
          "strings) are accepted, so the checkpoint is refused without running any of it");
}

Value& Unpickler::top(const char* op)
{
    if (m_stack.empty() || (!m_marks.empty() && m_stack.size() <= m_marks.back()))
        fail(std::string(op) + " needs a value, but the stack is empty");
    return m_stack.back();
}

Value Unpickler::pop(const char* op)
{
    const Value value = top(op);
    m_stack.pop_back();
    return value;
}

std::vector<Value> Unpickler::popMark(const char* op)
{
    if (m_marks.empty())
        fail(std::string(op) + " needs a MARK, but there is none");
    const std::size_t mark = m_marks.back();
    m_marks.pop_back();
    std::vector<Value> popped(m_stack.begin() + static_cast<std::ptrdiff_t>(mark), m_stack.end());
    m_stack.resize(mark);
    return popped;
}

const Value& Unpickler::expect(const Value& value, Kind kind, const char* what) const
{
    if (value.kind != kind)
        fail(std::string(what) + ": expected " + kindName(kind) + ", found " + kindName(value.kind));
    return value;
}

std::vector<int64_t> Unpickler::expectInts(const Value& value, const char* what) const
{
    std::vector<int64_t> numbers;
    for (const Value& item : items(value, Kind::Tuple, what))
        numbers.push_back(expect(item, Kind::Int, what).number);
    return numbers;
}

// ('storage', storage type, key, location, numel). The location is ignored:
// everything loads to the CPU.
void Unpickler::persistentLoad()
{
    const std::vector<Value> parts = items(pop("BINPERSID"), Kind::Tuple, "persistent id");
    if (parts.size() != 5 || parts[0].kind != Kind::String || m_texts[parts[0].ref] != "storage")
        fail("expected a persistent id ('storage', type, key, location, numel)");
    if (expect(parts[1], Kind::Global, "persistent id storage type").global != Global::StorageType)
        fail("persistent id: '" + m_texts[parts[1].ref] + "' is not a storage type");
    expect(parts[3], Kind::String, "persistent id location");
    const int64_t numel = expect(parts[4], Kind::Int, "persistent id numel").number;
    if (numel < 0)
        fail("persistent id: negative storage size " + std::to_string(numel));
    m_storages.push_back(
        StorageRef {m_texts[expect(parts[2], Kind::String, "persistent id key").ref], parts[1].dtype, numel});
    push(Kind::Storage, 0, m_storages.size() - 1);
}

void Unpickler::reduce()
{
    const std::vector<Value> args = items(pop("REDUCE"), Kind::Tuple, "REDUCE arguments");
    const Value callable = expect(pop("REDUCE"), Kind::Global, "REDUCE callable");
    const std::string& name = m_texts[callable.ref];
    const auto needArgs = [&](std::size_t least, std::size_t most) {
        if (args.size() < least || args.size() > most)
            fail(name + " takes " + std::to_string(least) + (least == most ? "" : " to " + std::to_string(most))
                + " arguments, found " + std::to_string(args.size()));
    };
    switch (callable.global) {
    case Global::OrderedDict: // OrderedDict(): the items follow as SETITEMS
        needArgs(0, 0);
        return pushContainer(Kind::Dict);
    case Global::RebuildTensorV2: // (storage, offset, size, stride, requires_grad, hooks[, metadata])
    case Global::RebuildTensorV3: { // (storage, offset, size, stride, requires_grad, hooks, dtype[, metadata])
        const bool v3 = callable.global == Global::RebuildTensorV3;
        needArgs(v3 ? 7 : 6, v3 ? 8 : 7);
        PickledTensor tensor;
        tensor.storage = m_storages[expect(args[0], Kind::Storage, "tensor storage").ref];
        tensor.dtype = tensor.storage.dtype;
        tensor.storageOffset = expect(args[1], Kind::Int, "tensor storage offset").number;
        tensor.size = expectInts(args[2], "tensor size");
        tensor.stride = expectInts(args[3], "tensor stride");
        expect(args[4], Kind::Bool, "tensor requires_grad");
        if (args[5].kind != Kind::None)
            expect(args[5], Kind::Dict, "tensor backward hooks");
        if (v3 && expect(args[6], Kind::Global, "tensor dtype").global != Global::Dtype)
            fail("tensor dtype: '" + m_texts[args[6].ref] + "' is not a dtype");
        if (v3)
            tensor.dtype = args[6].dtype;
        if (tensor.size.size() != tensor.stride.size())
            fail("tensor has " + std::to_string(tensor.size.size()) + " sizes but "
                + std::to_string(tensor.stride.size()) + " strides");
        m_tensors.push_back(std::move(tensor));
        return push(Kind::Tensor, 0, m_tensors.size() - 1);
    }
    case Global::RebuildParameter: { // (tensor, requires_grad, hooks[, state]): the state is attributes
        const std::size_t count = name == "torch._utils._rebuild_parameter" ? 3 : 4;
        needArgs(count, count);
        m_stack.push_back(expect(args[0], Kind::Tensor, "parameter data"));
        return;
    }
    case Global::CodecsEncode: // (text, encoding): only ever skipped, so nothing is decoded
        needArgs(1, 2);
        expect(args[0], Kind::String, "encoded text");
        return push(Kind::Bytes);
    case Global::StorageType:
    case Global::Dtype: break;
    }
    fail("REDUCE: '" + name + "' cannot be called");
}

Value Unpickler::run()
{
    while (true) {
        m_opPos = m_pos;
        const std::uint8_t op = *take(1, "an opcode");
        switch (op) {
        case 0x80: // PROTO
            if (readUInt(1, "PROTO") > 5)
                fail("the pickle protocol is newer than 5");
            break;
        case 0x95: readUInt(8, "FRAME"); break; // frames only group opcodes
        case '.': return pop("STOP");
        case '}': pushContainer(Kind::Dict); break;
        case ']': pushContainer(Kind::List); break;
        case ')': pushContainer(Kind::Tuple); break;
        case '(': m_marks.push_back(m_stack.size()); break;
        case 'X': pushText(Kind::String, 4, "BINUNICODE"); break;
        case 0x8c: pushText(Kind::String, 1, "SHORT_BINUNICODE"); break;
        case 0x8d: pushText(Kind::String, 8, "BINUNICODE8"); break;
        case 'C': pushText(Kind::Bytes, 1, "SHORT_BINBYTES"); break;
        case 'B': pushText(Kind::Bytes, 4, "BINBYTES"); break;
        case 0x8e: pushText(Kind::Bytes, 8, "BINBYTES8"); break;
        case 'J': push(Kind::Int, static_cast<int32_t>(readUInt(4, "BININT"))); break;
        case 'K': push(Kind::Int, static_cast<int64_t>(readUInt(1, "BININT1"))); break;
        case 'M': push(Kind::Int, static_cast<int64_t>(readUInt(2, "BININT2"))); break;
        case 0x8a: // LONG1, LONG4: little-endian two's complement
        case 0x8b: {
            const uint64_t bytes = op == 0x8a ? readUInt(1, "LONG1") : readUInt(4, "LONG4");
            if (bytes > 8) { // beyond int64: kept only to be skipped
                take(bytes, "LONG");
                push(Kind::BigInt);
                break;
            }
            const uint64_t raw = readUInt(static_cast<int>(bytes), "LONG");
            const uint64_t sign = bytes == 0 ? 0 : uint64_t {1} << (8 * bytes - 1);
            push(Kind::Int, bytes == 8 ? static_cast<int64_t>(raw) : static_cast<int64_t>((raw ^ sign) - sign));
            break;
        }
        case 'G':
            readUInt(8, "BINFLOAT");
            push(Kind::Float);
            break; // only ever skipped
        case 'N': push(Kind::None); break;
        case 0x88: push(Kind::Bool, 1); break;
        case 0x89: push(Kind::Bool, 0); break;
        case 't': pushContainer(Kind::Tuple, popMark("TUPLE")); break;
        case 0x85: // TUPLE1..3
        case 0x86:
        case 0x87: {
            std::vector<Value> tuple(static_cast<std::size_t>(op - 0x84));
            for (auto it = tuple.rbegin(); it != tuple.rend(); ++it)
                *it = pop("TUPLE1/2/3");
            pushContainer(Kind::Tuple, std::move(tuple));
            break;
        }
        case 'q': // BINPUT, LONG_BINPUT, MEMOIZE
        case 'r':
        case 0x94: {
            const uint64_t slot = op == 'q' ? readUInt(1, "BINPUT")
                : op == 'r'                 ? readUInt(4, "LONG_BINPUT")
                                            : m_memo.size();
            m_memo[slot] = top("BINPUT");
            break;
        }
        case 'h': // BINGET, LONG_BINGET
        case 'j': {
            const uint64_t slot = op == 'h' ? readUInt(1, "BINGET") : readUInt(4, "LONG_BINGET");
            const auto found = m_memo.find(slot);
            if (found == m_memo.end())
                fail("memo slot " + std::to_string(slot) + " is read before it is written");
            m_stack.push_back(found->second);
            break;
        }
        case 's': // SETITEM, SETITEMS
        case 'u': {
            std::vector<Value> pairs(2);
            if (op == 's') {
                pairs[1] = pop("SETITEM");
                pairs[0] = pop("SETITEM");
            } else {
                pairs = popMark("SETITEMS");
            }
            if (pairs.size() % 2 != 0)
                fail("SETITEMS needs key/value pairs, found " + std::to_string(pairs.size()) + " values");
            Container& dict = m_containers[expect(top("SETITEMS"), Kind::Dict, "SETITEMS target").ref];
            for (std::size_t i = 0; i < pairs.size(); i += 2)
                dict.entries.emplace_back(pairs[i], pairs[i + 1]);
            break;
        }
        case 'a': // APPEND, APPENDS
        case 'e': {
            const std::vector<Value> values = op == 'a' ? std::vector<Value> {pop("APPEND")} : popMark("APPENDS");
            std::vector<Value>& list = m_containers[expect(top("APPENDS"), Kind::List, "APPENDS target").ref].items;
            list.insert(list.end(), values.begin(), values.end());
            break;
        }
        case 'c': { // GLOBAL
            const std::string module = readLine("GLOBAL");
            pushGlobal(module + "." + readLine("GLOBAL"));
            break;
        }
        case 0x93: { // STACK_GLOBAL
            const Value name = expect(pop("STACK_GLOBAL"), Kind::String, "STACK_GLOBAL name");
            const Value module = expect(pop("STACK_GLOBAL"), Kind::String, "STACK_GLOBAL module");
            pushGlobal(m_texts[module.ref] + "." + m_texts[name.ref]);
            break;
        }
        case 'R': reduce(); break;
        case 'b': // BUILD: only the attributes of an OrderedDict (state_dict's _metadata), ignored
            pop("BUILD");
            expect(top("BUILD"), Kind::Dict, "BUILD target");
            break;
        case 'Q': persistentLoad(); break;
        default: {
            char hex[8];
            std::snprintf(hex, sizeof hex, "0x%02x", op);
            fail(std::string("unknown or unsupported pickle opcode ") + hex
                + "; only the opcodes torch.save writes for tensors and plain containers are accepted");
        }
        }
    }
}

std::string Unpickler::keyText(const Value& key, const std::string& parent) const
{
    switch (key.kind) {
    case Kind::String: return m_texts[key.ref];
    case Kind::Int: return std::to_string(key.number);
    case Kind::Bool: return key.number != 0 ? "True" : "False";
    case Kind::None: return "None";
    default:
        throw WeightsError(m_file, parent,
            std::string("a dict key is a ") + kindName(key.kind) + "; only str, int, bool and None keys are accepted");
    }
}

void Unpickler::flatten(const Value& value, const std::string& name, int depth, UnpickledCheckpoint& out)
{
    // A tree without shared containers has fewer nodes than the pickle has
    // bytes; more means containers that hold themselves or fan out.
    if (depth > kMaxDepth || ++m_visits > 2 * m_size + 1024)
        throw WeightsError(
            m_file, name, "containers nest deeper than " + std::to_string(kMaxDepth) + " levels or hold themselves");
    const auto child = [&](const std::string& key) { return name.empty() ? key : name + "." + key; };
    switch (value.kind) {
    case Kind::Dict:
        for (const auto& [key, item] : m_containers[value.ref].entries)
            flatten(item, child(keyText(key, name)), depth + 1, out);
        return;
    case Kind::List:
    case Kind::Tuple: {
        const std::vector<Value>& list = m_containers[value.ref].items;
        for (std::size_t i = 0; i < list.size(); ++i)
            flatten(list[i], child(std::to_string(i)), depth + 1, out);
        return;
    }
    case Kind::Tensor:
        out.tensors.push_back(m_tensors[value.ref]);
        out.tensors.back().name = name.empty() ? "tensor" : name;
        return;
    default: out.skippedKeys.push_back(name.empty() ? "(root)" : name); return;
    }
}

} // namespace

UnpickledCheckpoint unpickleCheckpoint(
    const std::uint8_t* data, std::size_t size, const std::string& file, const std::string& record)
{
    Unpickler unpickler(data, size, file, record);
    const Value root = unpickler.run();
    UnpickledCheckpoint out;
    unpickler.flatten(root, "", 0, out);
    return out;
}

std::string torchDtypeName(torch::Dtype dtype)
{
    switch (dtype) {
    case torch::kFloat: return "float32";
    case torch::kHalf: return "float16";
    case torch::kBFloat16: return "bfloat16";
    case torch::kDouble: return "float64";
    case torch::kLong: return "int64";
    case torch::kInt: return "int32";
    case torch::kShort: return "int16";
    case torch::kChar: return "int8";
    case torch::kByte: return "uint8";
    case torch::kBool: return "bool";
    case torch::kComplexFloat: return "complex64";
    case torch::kComplexDouble: return "complex128";
    default: return c10::toString(dtype);
    }
}

} // namespace cosmos::engine

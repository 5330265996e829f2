#include "engine/runner/out_of_memory.h"

#include <new>

#include <c10/util/Exception.h>

namespace cosmos::engine {

bool isOutOfMemory(const std::exception& error)
{
    if (dynamic_cast<const std::bad_alloc*>(&error) || dynamic_cast<const c10::OutOfMemoryError*>(&error))
        return true;
    // By text as well: LibTorch's CPU allocator throws a plain c10::Error, and
    // other layers may wrap an allocator's message in their own error.
    const std::string what = error.what();
    return what.find("out of memory") != std::string::npos
        || what.find("DefaultCPUAllocator: can't allocate") != std::string::npos;
}

std::string firstLineOf(const std::exception& error)
{
    const auto* torchError = dynamic_cast<const c10::Error*>(&error);
    const std::string what = torchError ? torchError->what_without_backtrace() : error.what();
    return what.substr(0, what.find('\n'));
}

} // namespace cosmos::engine

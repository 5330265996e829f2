// Out-of-memory failures, however they surface: std::bad_alloc from the C++
// heap, c10::Error from LibTorch's CPU allocator ("DefaultCPUAllocator: can't
// allocate") or its CUDA allocator ("CUDA out of memory"). The user gets a
// suggestion they can act on rather than the allocator's text alone.
#pragma once

#include <exception>
#include <string>

#include "engine/errors.h"

namespace cosmos::engine {

bool isOutOfMemory(const std::exception& error);

// The first line of what(), without LibTorch's backtrace.
std::string firstLineOf(const std::exception& error);

// Raised once memory has run out even after everything that could be freed
// was; what() is complete (what failed, why, and what to try instead).
class OutOfMemoryError : public EngineError {
public:
    explicit OutOfMemoryError(const std::string& message) : EngineError(message) { }
};

} // namespace cosmos::engine

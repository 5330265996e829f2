// Typed errors of the engine. Every failure the engine reports is one of
// these; the app turns them into user messages at its edge.
#pragma once

#include <stdexcept>
#include <string>

namespace cosmos::engine {

// Base of all engine errors; what() is a complete sentence for the user.
class EngineError : public std::runtime_error {
public:
    explicit EngineError(const std::string& message) : std::runtime_error(message) { }
};

} // namespace cosmos::engine

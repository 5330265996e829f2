// Errors of the text tokenizer. The message names the tokenizer file (or the
// source name it was given) and says what is wrong there, e.g.
// "'/models/qwen/tokenizer.json': merge 17 "a b": 'b' is not in model.vocab".
#pragma once

#include <string>
#include <utility>

#include "engine/errors.h"

namespace cosmos::engine::text {

class TokenizerError : public EngineError {
public:
    TokenizerError(std::string source, const std::string& problem)
        : EngineError(compose(source, problem)), m_source(std::move(source))
    {
    }

    // The tokenizer.json path, or the source name given to fromJson.
    const std::string& source() const { return m_source; }

private:
    static std::string compose(const std::string& source, const std::string& problem)
    {
        return (source.empty() ? std::string("tokenizer") : "'" + source + "'") + ": " + problem;
    }

    std::string m_source;
};

} // namespace cosmos::engine::text

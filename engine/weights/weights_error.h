// Errors from reading or writing weight files. The message always names the
// file and, where one is involved, the tensor, with what was expected and
// what was found.
#pragma once

#include <string>

#include "engine/errors.h"

namespace cosmos::engine {

class WeightsError : public EngineError {
public:
    WeightsError(std::string file, std::string tensor, const std::string& problem)
        : EngineError(compose(file, tensor, problem)), m_file(std::move(file)), m_tensor(std::move(tensor))
    {
    }

    const std::string& file() const { return m_file; }
    const std::string& tensor() const { return m_tensor; } // empty when the whole file is at fault

private:
    static std::string compose(const std::string& file, const std::string& tensor, const std::string& problem)
    {
        std::string message = file.empty() ? std::string("weights") : "'" + file + "'";
        if (!tensor.empty())
            message += ", tensor '" + tensor + "'";
        return message + ": " + problem;
    }

    std::string m_file;
    std::string m_tensor;
};

} // namespace cosmos::engine

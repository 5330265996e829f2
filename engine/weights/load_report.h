// The result of holding a checkpoint against a network: which parameters are
// missing, which tensors are unexpected, which have the wrong shape. Plain
// data, so the app can show it without seeing LibTorch.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace cosmos::engine {

struct ShapeMismatch {
    std::string name;
    std::vector<std::int64_t> expected;
    std::vector<std::int64_t> found;
};

struct LoadReport {
    std::vector<std::string> missing; // parameters the file lacks
    std::vector<std::string> unexpected; // tensors the network has no place for
    std::vector<ShapeMismatch> mismatched;
    std::vector<std::string> dropped; // training state set aside by the name mapping
    std::int64_t expectedParameters = 0; // elements the network has
    std::int64_t foundParameters = 0; // elements the file supplies for them

    bool clean() const { return missing.empty() && unexpected.empty() && mismatched.empty(); }
    std::string summary() const; // one line per problem, at most 20 of each kind
};

std::string shapeToString(const std::vector<std::int64_t>& shape);

} // namespace cosmos::engine

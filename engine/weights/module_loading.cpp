#include "engine/weights/module_loading.h"

#include <set>
#include <sstream>

#include <torch/torch.h>

#include "engine/weights/weights_error.h"

namespace cosmos::engine {

std::string shapeToString(const std::vector<std::int64_t>& shape)
{
    std::string text = "[";
    for (std::size_t i = 0; i < shape.size(); ++i)
        text += (i ? ", " : "") + std::to_string(shape[i]);
    return text + "]";
}

std::string LoadReport::summary() const
{
    constexpr std::size_t limit = 20;
    std::ostringstream out;
    auto list = [&](const char* title, const std::vector<std::string>& names) {
        if (names.empty())
            return;
        out << title << " (" << names.size() << "):\n";
        for (std::size_t i = 0; i < names.size() && i < limit; ++i)
            out << "  " << names[i] << "\n";
        if (names.size() > limit)
            out << "  ... and " << names.size() - limit << " more\n";
    };
    list("missing", missing);
    list("unexpected", unexpected);
    if (!mismatched.empty()) {
        out << "wrong shape (" << mismatched.size() << "):\n";
        for (std::size_t i = 0; i < mismatched.size() && i < limit; ++i)
            out << "  " << mismatched[i].name << ": expected " << shapeToString(mismatched[i].expected) << ", found "
                << shapeToString(mismatched[i].found) << "\n";
    }
    return out.str();
}

LoadReport compareWithModule(const torch::nn::Module& module, const NameMapping& mapping, const ShapeLookup& shapeOf)
{
    LoadReport report;
    report.dropped = mapping.dropped;
    std::set<std::string> seen;
    for (const auto& item : module.named_parameters(/*recurse=*/true)) {
        const std::string& name = item.key();
        const auto expected = item.value().sizes().vec();
        report.expectedParameters += item.value().numel();
        seen.insert(name);
        const auto found = mapping.toRaw.find(name);
        if (found == mapping.toRaw.end()) {
            report.missing.push_back(name);
            continue;
        }
        const auto actual = shapeOf(found->second);
        if (actual != expected) {
            report.mismatched.push_back({name, expected, actual});
            continue;
        }
        report.foundParameters += item.value().numel();
    }
    for (const auto& entry : mapping.toRaw)
        if (!seen.count(entry.first))
            report.unexpected.push_back(entry.second);
    return report;
}

LoadReport compareWithCheckpoint(
    const torch::nn::Module& module, const NameMapping& mapping, const Checkpoint& checkpoint)
{
    return compareWithModule(
        module, mapping, [&checkpoint](const std::string& raw) { return checkpoint.record(raw).shape; });
}

void requireCleanLoad(const LoadReport& report, const Checkpoint& checkpoint, const std::string& architecture)
{
    if (!report.clean())
        throw WeightsError(checkpoint.path(), "", "does not fit the " + architecture + ":\n" + report.summary());
}

void copyParameters(torch::nn::Module& module, const NameMapping& mapping, const Checkpoint& checkpoint)
{
    torch::NoGradGuard noGrad;
    for (auto& item : module.named_parameters(true))
        item.value().copy_(checkpoint.load(mapping.toRaw.at(item.key())));
}

TensorMap parameterMap(const torch::nn::Module& module)
{
    TensorMap tensors;
    for (const auto& item : module.named_parameters(true))
        tensors.emplace(item.key(), item.value().detach());
    return tensors;
}

} // namespace cosmos::engine

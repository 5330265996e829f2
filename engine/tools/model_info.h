// What the studio shows about a model before loading it: the frame counts,
// resolutions and sampler defaults its config.json offers, and a counter of
// the tokens a prompt takes in its text encoder (with the model's own
// tokenizer), so the prompt editor can warn before a prompt is cut.
// Plain types only, so widgets and the app may include this header.
//
//   ModelSummary nano = describeModel(resolveModelFolder("nano"));
//   PromptTokenCounter counter(nano.tokenizerPath, nano.chatTemplate);
//   if (counter.count(prompt) > nano.maxPromptTokens) warn();
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace cosmos::engine::text {
class BpeTokenizer;
} // namespace cosmos::engine::text

namespace cosmos::engine::tools {

struct ModelSummary {
    std::string name; // the config's name, e.g. "nano"
    std::string folder; // the folder read
    std::vector<int> frameCounts; // the first is the default
    std::vector<std::pair<int, int>> resolutions; // (height, width); the first is the default
    int defaultSteps = 0;
    double defaultGuidance = 0.0;
    std::string defaultSampler; // "unipc" or "euler"
    std::vector<std::string> samplers {"unipc", "euler"};
    double fps = 16.0;
    // The text encoder's window: longer prompts (template included) are cut.
    int maxPromptTokens = 0;
    std::string negativePrompt; // the model's default negative prompt
    std::string tokenizerPath; // <folder>/tokenizer.json (it may be missing)
    // The prompt is wrapped in the Cosmos-Reason1 chat template before it is
    // tokenized (the official models); false: its tokens alone (nano).
    bool chatTemplate = false;
};

// Reads <folder>/config.json; `folder` may also be a built-in model name
// ("nano"). Throws EngineError naming the file for a missing folder or
// config, invalid JSON or a config that is not a world model's.
ModelSummary describeModel(const std::string& folder);

// Counts a prompt's tokens as the text encoder sees them. Loading a large
// tokenizer.json (Qwen's: 150k tokens) takes a moment: build it once, off
// the GUI thread if it matters; count() is fast, thread-safe and const.
class PromptTokenCounter {
public:
    // Throws TokenizerError (an EngineError) naming the file when it is
    // missing or not a tokenizer this engine reads.
    explicit PromptTokenCounter(const std::string& tokenizerJsonPath, bool chatTemplate = false);
    ~PromptTokenCounter();
    PromptTokenCounter(PromptTokenCounter&&) noexcept;
    PromptTokenCounter& operator=(PromptTokenCounter&&) noexcept;

    // With chatTemplate, the templated prompt's length (compare it with
    // ModelSummary::maxPromptTokens); otherwise the prompt's own tokens.
    // Text that is not valid UTF-8 counts one token per byte.
    int count(const std::string& text) const;

private:
    std::shared_ptr<const text::BpeTokenizer> m_tokenizer;
    bool m_chatTemplate = false;
};

} // namespace cosmos::engine::tools

// The "pre_tokenizer" of a tokenizer.json: how normalized text is cut into
// the words that BPE then merges within. Supported: Split (a regex or a
// string, every delimiter behaviour, invert), ByteLevel (add_prefix_space,
// use_regex with GPT-2's regex) and a Sequence of them. Qwen2 uses
//   Sequence[Split(<Qwen2 regex>, "Isolated"), ByteLevel(use_regex = false)].
// Any other type is an error, not silently skipped: a tokenizer that cut
// words differently would give different ids.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "engine/text/pcre2_regex.h"

namespace cosmos::engine::text {

// What Split does with the pieces the pattern matched (Hugging Face's
// SplitDelimiterBehavior).
enum class SplitBehavior { Removed, Isolated, MergedWithPrevious, MergedWithNext, Contiguous };

// GPT-2's pre-tokenisation regex: what ByteLevel(use_regex = true) applies.
extern const char* const kGpt2SplitRegex;

class PreTokenizer {
public:
    // json: the "pre_tokenizer" value (null for none). Throws TokenizerError
    // naming source and the step at fault.
    static PreTokenizer fromJson(const nlohmann::json& json, const std::string& source);

    // The words of one piece of normalized text (valid UTF-8), in order;
    // never an empty word. After a ByteLevel step the words are spelled in
    // byte-level symbols (see byte_level.h).
    std::vector<std::string> split(const std::string& text) const;

    bool hasByteLevel() const;
    // A one-line description of the steps, e.g. for logs: "Split(Isolated) > ByteLevel".
    std::string describe() const;

private:
    struct Step {
        bool byteLevel = false;
        std::optional<Pcre2Regex> regex; // Split's pattern, or GPT-2's for ByteLevel(use_regex)
        SplitBehavior behavior = SplitBehavior::Isolated;
        bool invert = false;
        bool addPrefixSpace = false;
    };

    static void parseStep(
        const nlohmann::json& json, const std::string& source, const std::string& where, std::vector<Step>& steps);
    static std::vector<std::string> splitPiece(const Step& step, const std::string& piece);

    std::vector<Step> m_steps;
};

} // namespace cosmos::engine::text

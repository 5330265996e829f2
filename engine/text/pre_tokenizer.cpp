#include "engine/text/pre_tokenizer.h"

#include <nlohmann/json.hpp>

#include "engine/text/byte_level.h"
#include "engine/text/tokenizer_error.h"

namespace cosmos::engine::text {

const char* const kGpt2SplitRegex = R"('s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+)";

namespace {

struct Piece {
    std::size_t begin = 0;
    std::size_t end = 0;
    bool matched = false;
};

std::optional<SplitBehavior> behaviorFromName(const std::string& name)
{
    if (name == "Removed")
        return SplitBehavior::Removed;
    if (name == "Isolated")
        return SplitBehavior::Isolated;
    if (name == "MergedWithPrevious")
        return SplitBehavior::MergedWithPrevious;
    if (name == "MergedWithNext")
        return SplitBehavior::MergedWithNext;
    if (name == "Contiguous")
        return SplitBehavior::Contiguous;
    return std::nullopt;
}

const char* behaviorName(SplitBehavior behavior)
{
    switch (behavior) {
    case SplitBehavior::Removed: return "Removed";
    case SplitBehavior::Isolated: return "Isolated";
    case SplitBehavior::MergedWithPrevious: return "MergedWithPrevious";
    case SplitBehavior::MergedWithNext: return "MergedWithNext";
    case SplitBehavior::Contiguous: return "Contiguous";
    }
    return "?";
}

bool boolField(
    const nlohmann::json& json, const char* key, bool fallback, const std::string& source, const std::string& where)
{
    const auto it = json.find(key);
    if (it == json.end() || it->is_null())
        return fallback;
    if (!it->is_boolean())
        throw TokenizerError(source, where + "." + key + " must be true or false, found " + it->dump());
    return it->get<bool>();
}

// The pieces of text as matched and unmatched runs, as Hugging Face's
// Pattern::find_matches reports them.
std::vector<Piece> findPieces(const Pcre2Regex& regex, const std::string& text, bool invert)
{
    std::vector<Piece> pieces;
    std::size_t previous = 0;
    for (const auto& match : regex.findAll(text)) {
        if (previous != match.begin)
            pieces.push_back({previous, match.begin, invert});
        pieces.push_back({match.begin, match.end, !invert});
        previous = match.end;
    }
    if (previous != text.size())
        pieces.push_back({previous, text.size(), invert});
    return pieces;
}

// Applies the delimiter behaviour the way NormalizedString::split does;
// afterwards "matched" means "to be removed".
std::vector<Piece> applyBehavior(std::vector<Piece> pieces, SplitBehavior behavior)
{
    std::vector<Piece> out;
    bool previousMatched = false;
    switch (behavior) {
    case SplitBehavior::Removed: return pieces;
    case SplitBehavior::Isolated:
        for (auto& piece : pieces)
            piece.matched = false;
        return pieces;
    case SplitBehavior::Contiguous:
        for (const auto& piece : pieces) {
            if (piece.matched == previousMatched && !out.empty())
                out.back().end = piece.end;
            else
                out.push_back({piece.begin, piece.end, false});
            previousMatched = piece.matched;
        }
        return out;
    case SplitBehavior::MergedWithPrevious:
        for (const auto& piece : pieces) {
            if (piece.matched && !previousMatched && !out.empty())
                out.back().end = piece.end;
            else
                out.push_back({piece.begin, piece.end, false});
            previousMatched = piece.matched;
        }
        return out;
    case SplitBehavior::MergedWithNext:
        for (auto it = pieces.rbegin(); it != pieces.rend(); ++it) {
            if (it->matched && !previousMatched && !out.empty())
                out.back().begin = it->begin;
            else
                out.push_back({it->begin, it->end, false});
            previousMatched = it->matched;
        }
        return {out.rbegin(), out.rend()};
    }
    return pieces;
}

} // namespace

PreTokenizer PreTokenizer::fromJson(const nlohmann::json& json, const std::string& source)
{
    PreTokenizer preTokenizer;
    if (!json.is_null())
        parseStep(json, source, "pre_tokenizer", preTokenizer.m_steps);
    return preTokenizer;
}

void PreTokenizer::parseStep(
    const nlohmann::json& json, const std::string& source, const std::string& where, std::vector<Step>& steps)
{
    if (!json.is_object() || !json.contains("type") || !json["type"].is_string())
        throw TokenizerError(source, where + " must be an object with a \"type\", found " + json.dump());
    const std::string type = json["type"].get<std::string>();
    if (type == "Sequence") {
        const auto it = json.find("pretokenizers");
        if (it == json.end() || !it->is_array())
            throw TokenizerError(source, where + " is a Sequence without a \"pretokenizers\" array");
        for (std::size_t i = 0; i < it->size(); ++i)
            parseStep((*it)[i], source, where + ".pretokenizers[" + std::to_string(i) + "]", steps);
        return;
    }
    Step step;
    if (type == "ByteLevel") {
        step.byteLevel = true;
        step.addPrefixSpace = boolField(json, "add_prefix_space", true, source, where);
        if (boolField(json, "use_regex", true, source, where))
            step.regex = Pcre2Regex::compile(kGpt2SplitRegex, false, source, where + " (GPT-2 regex)");
    } else if (type == "Split") {
        const auto pattern = json.find("pattern");
        if (pattern == json.end() || !pattern->is_object())
            throw TokenizerError(source, where + " (Split) has no \"pattern\" object");
        if (pattern->contains("Regex") && (*pattern)["Regex"].is_string())
            step.regex = Pcre2Regex::compile((*pattern)["Regex"].get<std::string>(), false, source, where);
        else if (pattern->contains("String") && (*pattern)["String"].is_string())
            step.regex = Pcre2Regex::compile((*pattern)["String"].get<std::string>(), true, source, where);
        else
            throw TokenizerError(
                source, where + ".pattern must be {\"Regex\": ...} or {\"String\": ...}, found " + pattern->dump());
        const auto behavior = json.find("behavior");
        const std::string name = behavior != json.end() && behavior->is_string() ? behavior->get<std::string>() : "";
        const auto parsed = behaviorFromName(name);
        if (!parsed)
            throw TokenizerError(source,
                where
                    + ".behavior must be one of Removed, Isolated, MergedWithPrevious, "
                      "MergedWithNext, Contiguous; found "
                    + (behavior == json.end() ? std::string("nothing") : behavior->dump()));
        step.behavior = *parsed;
        step.invert = boolField(json, "invert", false, source, where);
    } else {
        throw TokenizerError(source,
            where + " has type \"" + type + "\", which is not supported (supported: Sequence, Split, ByteLevel)");
    }
    steps.push_back(std::move(step));
}

std::vector<std::string> PreTokenizer::splitPiece(const Step& step, const std::string& piece)
{
    std::vector<std::string> out;
    if (step.byteLevel) {
        const std::string text = step.addPrefixSpace && piece.front() != ' ' ? " " + piece : piece;
        if (!step.regex) {
            out.push_back(bytesToSymbols(text));
            return out;
        }
        for (const Piece& p : applyBehavior(findPieces(*step.regex, text, false), SplitBehavior::Isolated))
            if (p.end > p.begin)
                out.push_back(bytesToSymbols(text.substr(p.begin, p.end - p.begin)));
        return out;
    }
    for (const Piece& p : applyBehavior(findPieces(*step.regex, piece, step.invert), step.behavior))
        if (!p.matched && p.end > p.begin)
            out.push_back(piece.substr(p.begin, p.end - p.begin));
    return out;
}

std::vector<std::string> PreTokenizer::split(const std::string& text) const
{
    std::vector<std::string> pieces;
    if (text.empty())
        return pieces;
    pieces.push_back(text);
    for (const Step& step : m_steps) {
        std::vector<std::string> next;
        for (const std::string& piece : pieces)
            for (std::string& word : splitPiece(step, piece))
                next.push_back(std::move(word));
        pieces = std::move(next);
    }
    return pieces;
}

bool PreTokenizer::hasByteLevel() const
{
    for (const Step& step : m_steps)
        if (step.byteLevel)
            return true;
    return false;
}

std::string PreTokenizer::describe() const
{
    std::string text;
    for (const Step& step : m_steps) {
        if (!text.empty())
            text += " > ";
        if (step.byteLevel)
            text += std::string("ByteLevel") + (step.regex ? "(GPT-2 regex)" : "");
        else
            text += std::string("Split(") + behaviorName(step.behavior) + (step.invert ? ", inverted)" : ")");
    }
    return text.empty() ? "none" : text;
}

} // namespace cosmos::engine::text

// A small byte-level BPE trainer: it builds a Qwen2-style tokenizer.json for
// a model whose text is a known, small prompt vocabulary (the nano model), so
// that each word of those prompts is one token and any other text still
// encodes, byte by byte, and decodes back unchanged.
//
// The file has the same normalizer (NFC), pre-tokenizer (Qwen2's Split regex,
// then ByteLevel), post-processor and decoder (ByteLevel) as Qwen2's, and a
// BPE model whose vocabulary is
//   ids 0-255:   the 256 byte symbols, in GPT-2's order (byte_level.h);
//   ids 256-...: the merged tokens, in the order they were learned;
//   last id:     the special added token "<|endoftext|>" (the pad token).
//
//   const std::string json = trainByteLevelBpe(prompts, {512});
//   auto tokenizer = BpeTokenizer::fromJson(json, "nano tokenizer");
//   std::int32_t pad = *tokenizer.tokenId(kBpeTrainerPadToken);
#pragma once

#include <string>
#include <vector>

namespace cosmos::engine::text {

// The special token the trainer adds after the vocabulary.
extern const char* const kBpeTrainerPadToken;

struct BpeTrainingOptions {
    // The most ids the tokenizer may have, the pad token included; at least
    // 257 (the byte symbols and the pad token).
    int vocabLimit = 512;
};

// The tokenizer.json text for corpus (lines of valid UTF-8). Words are
// counted as the tokenizer's normalizer and pre-tokenizer cut them: those of
// each line as it stands, and each whitespace-separated word once more both
// at the start of a text ("ball") and after a space ("Ġball"), since a prompt
// word may stand in either place. The most frequent adjacent pair of tokens
// over those words is merged first (ties go to the pair whose token texts
// sort first), until every word is one token or the next merge would need an
// id past vocabLimit. The same corpus and options always give the same bytes.
//
// Throws EngineError when vocabLimit is below 257 or a line is not UTF-8.
std::string trainByteLevelBpe(const std::vector<std::string>& corpus, const BpeTrainingOptions& options = {});

} // namespace cosmos::engine::text

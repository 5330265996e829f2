// How Cosmos-Predict2.5 hands a prompt to its text encoder (Cosmos-Reason1,
// Qwen2.5-VL-7B), as in the official
// cosmos_predict2/_src/predict2/text_encoders/text_encoder.py
// (TextEncoder.compute_text_embeddings_online):
//
//   - a conversation of a system message "You are a helpful assistant who
//     will provide prompts to an image generator." and the user's prompt,
//     each as one {"type": "text"} part, rendered by Qwen2.5-VL's chat
//     template with add_generation_prompt=False, add_vision_id=False:
//       <|im_start|>system\n{system}<|im_end|>\n<|im_start|>user\n{prompt}<|im_end|>\n
//   - tokenized with special tokens recognised (so "<|im_end|>" typed in a
//     prompt is that token, as in the official code), nothing else added;
//   - padded with the pad token <|endoftext|> (151643) to 512 ids, or cut to
//     the first 512 (the end of a long prompt and the closing <|im_end|>\n
//     are lost).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/text/bpe_tokenizer.h"

namespace cosmos::engine::text {

extern const char* const kTextEncoderSystemPrompt;
extern const char* const kTextEncoderPadToken; // "<|endoftext|>"
constexpr int kTextEncoderMaxTokens = 512;

struct TextEncoderTokens {
    std::vector<std::int32_t> ids; // exactly maxLength
    int realTokenCount = 0; // ids before the padding (all of them when truncated)
    int promptTokenCount = 0; // the templated prompt's length before padding or truncation
    bool truncated = false; // the templated prompt was longer than maxLength
    std::int32_t padId = 0;
};

// The chat-templated text for a prompt (before tokenization).
std::string textEncoderChatText(const std::string& prompt);

// Throws TokenizerError when the tokenizer has no <|endoftext|>, and
// EngineError when maxLength < 1.
TextEncoderTokens tokenizeForTextEncoder(
    const BpeTokenizer& tokenizer, const std::string& prompt, int maxLength = kTextEncoderMaxTokens);

// Just the ids of tokenizeForTextEncoder: exactly maxLength of them.
std::vector<std::int32_t> encodePromptForTextEncoder(
    const BpeTokenizer& tokenizer, const std::string& prompt, int maxLength = kTextEncoderMaxTokens);

} // namespace cosmos::engine::text

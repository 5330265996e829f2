#include "engine/text/prompt_template.h"

#include <algorithm>

namespace cosmos::engine::text {

const char* const kTextEncoderSystemPrompt
    = "You are a helpful assistant who will provide prompts to an image generator.";
const char* const kTextEncoderPadToken = "<|endoftext|>";

std::string textEncoderChatText(const std::string& prompt)
{
    // Qwen2.5-VL's chat template for list-of-parts content: each message is
    // "<|im_start|>{role}\n" + its text parts + "<|im_end|>\n".
    return std::string("<|im_start|>system\n") + kTextEncoderSystemPrompt + "<|im_end|>\n<|im_start|>user\n" + prompt
        + "<|im_end|>\n";
}

TextEncoderTokens tokenizeForTextEncoder(const BpeTokenizer& tokenizer, const std::string& prompt, int maxLength)
{
    if (maxLength < 1)
        throw EngineError("text encoder prompt length must be at least 1, got " + std::to_string(maxLength));
    const auto padId = tokenizer.tokenId(kTextEncoderPadToken);
    if (!padId) {
        throw TokenizerError(tokenizer.source(),
            std::string("has no pad token ") + kTextEncoderPadToken + ", which the text encoder pads prompts with");
    }
    TextEncoderTokens result;
    result.padId = *padId;
    result.ids = tokenizer.encode(textEncoderChatText(prompt), true);
    result.promptTokenCount = static_cast<int>(result.ids.size());
    result.truncated = result.promptTokenCount > maxLength;
    result.realTokenCount = std::min(result.promptTokenCount, maxLength);
    // The official code keeps the start: input_ids[:512].
    result.ids.resize(static_cast<std::size_t>(maxLength), *padId);
    return result;
}

std::vector<std::int32_t> encodePromptForTextEncoder(
    const BpeTokenizer& tokenizer, const std::string& prompt, int maxLength)
{
    return tokenizeForTextEncoder(tokenizer, prompt, maxLength).ids;
}

} // namespace cosmos::engine::text

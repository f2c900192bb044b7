#pragma once
// Turns a VlmExample into token ids with the presets' ChatML rules (nanoVLM v3, vlm.md §3.1):
//   <|im_start|>user\n {<|global_image|><|image|>xN per image} {question}\n(A) opt\n(B) opt<|im_end|>\n<|im_start|>assistant\n
// and the answer "A<|im_end|>". Prompt and answer are tokenized separately, so the answer's first token is
// always the bare option letter: multiple-choice scoring compares exactly those letter logits.
#include "model/tokenizer_bpe.h"
#include "model/vlm_config.h"
#include "model/vlm_example.h"

#include <string>
#include <vector>

namespace ts {

struct EncodedExample {
    std::vector<int64_t> prompt; // ends right before the answer
    std::vector<int64_t> answer; // letter + <|im_end|>; empty when the example has no correct option
    int numImages = 0;
};

class ChatPrompt {
public:
    // Checks that the tokenizer's image token id is the one the config assigns (vlm.md §3.4).
    ChatPrompt(const BpeTokenizer& tokenizer, const VlmConfig& config);

    EncodedExample encode(const VlmExample& ex) const;
    std::string promptText(const VlmExample& ex) const; // human-readable, images as placeholders
    // Token id of each option letter "A", "B", ...; throws when the tokenizer cannot give a single token.
    std::vector<int64_t> optionLetterIds(size_t count) const;
    int64_t endOfTurnId() const { return imEnd_; }
    int64_t padId() const { return imEnd_; }
    const BpeTokenizer& tokenizer() const { return *tok_; }
    static std::string optionLetter(size_t index) { return std::string(1, static_cast<char>('A' + index)); }

private:
    std::vector<int64_t> questionIds(const VlmExample& ex) const;

    const BpeTokenizer* tok_;
    int64_t imageTokens_;
    int64_t imageId_, globalId_ = -1, imEnd_;
    std::vector<int64_t> userHead_, assistantHead_;
};

} // namespace ts

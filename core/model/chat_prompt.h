#pragma once
// Turns a VlmExample into token ids, in the prompt format of the model's family:
//   ChatML (presets, nanoVLM v3 with a 1x1 grid, vlm.md §3.1):
//     <|im_start|>user\n {<|global_image|><|image|>xN per image} {question}\n(A) opt\n(B) opt<|im_end|>\n<|im_start|>assistant\n
//     answer "A<|im_end|>"
//   SmolVLM (Idefics3, global image only, vlm.md §4.3):
//     <|im_start|>User:{<fake_token_around_image><global-img><image>xN<fake_token_around_image> per image}{question…}<end_of_utterance>\nAssistant:
//     answer " A<end_of_utterance>" ("User: " with a space when there is no image)
//   Question/Answer (nanoVLM v2): {<|image|>xN per image}Question: {question…} Answer:   answer " A<|im_end|>"
// Prompt and answer are tokenized separately, so the answer's first token is always the option letter:
// multiple-choice scoring compares exactly those letter logits.
#include "model/tokenizer_bpe.h"
#include "model/vlm_config.h"
#include "model/vlm_example.h"

#include <string>
#include <vector>

namespace ts {

enum class PromptFamily { ChatMl, SmolVlm, QuestionAnswer };

// From the config: lm_chat_template "smolvlm" (set by the Idefics3 loader) -> SmolVlm; a nanoVLM file without
// lm_chat_template -> QuestionAnswer (v2), or refused for v1 (its image is a prefix, not placeholder tokens);
// "chatml" or a ChatML template string -> ChatMl. Any other template is refused naming lm_chat_template.
PromptFamily promptFamilyOf(const VlmConfig& config);

struct EncodedExample {
    std::vector<int64_t> prompt; // ends right before the answer
    std::vector<int64_t> answer; // letter + end of turn; empty when the example has no correct option
    int numImages = 0;
};

class ChatPrompt {
public:
    // Checks that the tokenizer's image token id is the one the config assigns (vlm.md §3.4, §4.3).
    ChatPrompt(const BpeTokenizer& tokenizer, const VlmConfig& config);

    EncodedExample encode(const VlmExample& ex) const;
    std::string promptText(const VlmExample& ex) const; // human-readable, images as placeholders
    // Token id of each option letter as the answer starts ("A", or " A" where the answer follows a colon);
    // throws when the tokenizer cannot give a single token.
    std::vector<int64_t> optionLetterIds(size_t count) const;
    int64_t endOfTurnId() const { return endOfTurn_; }
    int64_t padId() const { return endOfTurn_; }
    PromptFamily family() const { return family_; }
    const BpeTokenizer& tokenizer() const { return *tok_; }
    static std::string optionLetter(size_t index) { return std::string(1, static_cast<char>('A' + index)); }

private:
    std::string questionText(const VlmExample& ex) const;
    std::vector<int64_t> imageIds(size_t count) const;

    const BpeTokenizer* tok_;
    PromptFamily family_;
    int64_t imageTokens_;
    int64_t imageId_, globalId_ = -1, fakeId_ = -1, endOfTurn_;
    std::string letterPrefix_;
};

} // namespace ts

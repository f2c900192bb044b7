#include "model/chat_prompt.h"

#include "model/vlm_error.h"

namespace ts {

ChatPrompt::ChatPrompt(const BpeTokenizer& tokenizer, const VlmConfig& config)
    : tok_(&tokenizer), imageTokens_(config.mp_image_token_length)
{
    imageId_ = tokenizer.requireTokenId(config.imageToken());
    int64_t expected = -1, i = 0;
    for (auto it = config.vlm_extra_tokens.begin(); it != config.vlm_extra_tokens.end(); ++it, ++i)
        if (it.key() == "image_token")
            expected = config.lm_base_vocab_size + i;
    if (imageId_ != expected)
        throw CheckpointError(config.lm_tokenizer, "vlm_extra_tokens.image_token",
                              "the tokenizer gives '" + config.imageToken() + "' id " + std::to_string(imageId_) +
                                  " but the model config expects " + std::to_string(expected));
    if (tokenizer.vocabSize() > config.lm_vocab_size)
        throw CheckpointError(config.lm_tokenizer, "lm_vocab_size",
                              "the tokenizer has " + std::to_string(tokenizer.vocabSize()) + " ids but the model only " +
                                  std::to_string(config.lm_vocab_size));
    if (!config.globalImageToken().empty())
        globalId_ = tokenizer.requireTokenId(config.globalImageToken());
    imEnd_ = tokenizer.requireTokenId("<|im_end|>");
    userHead_ = tokenizer.encode("<|im_start|>user\n");
    assistantHead_ = tokenizer.encode("<|im_end|>\n<|im_start|>assistant\n");
}

std::vector<int64_t> ChatPrompt::questionIds(const VlmExample& ex) const
{
    std::string text = ex.prompt;
    for (size_t k = 0; k < ex.options.size(); ++k)
        text += "\n(" + optionLetter(k) + ") " + ex.options[k];
    return tok_->encode(text);
}

EncodedExample ChatPrompt::encode(const VlmExample& ex) const
{
    EncodedExample out;
    out.numImages = static_cast<int>(ex.images.size());
    out.prompt = userHead_;
    for (size_t i = 0; i < ex.images.size(); ++i) {
        if (globalId_ >= 0)
            out.prompt.push_back(globalId_);
        out.prompt.insert(out.prompt.end(), static_cast<size_t>(imageTokens_), imageId_);
    }
    const auto q = questionIds(ex);
    out.prompt.insert(out.prompt.end(), q.begin(), q.end());
    out.prompt.insert(out.prompt.end(), assistantHead_.begin(), assistantHead_.end());
    if (ex.correct >= 0) {
        if (static_cast<size_t>(ex.correct) >= ex.options.size())
            throw ModelInputError("example's correct index " + std::to_string(ex.correct) + " is outside its " +
                                  std::to_string(ex.options.size()) + " options");
        out.answer = {optionLetterIds(static_cast<size_t>(ex.correct) + 1).back(), imEnd_};
    }
    return out;
}

std::string ChatPrompt::promptText(const VlmExample& ex) const
{
    std::string s = "<|im_start|>user\n";
    for (size_t i = 0; i < ex.images.size(); ++i)
        s += "<image " + std::to_string(i + 1) + ">";
    std::string q = ex.prompt;
    for (size_t k = 0; k < ex.options.size(); ++k)
        q += "\n(" + optionLetter(k) + ") " + ex.options[k];
    return s + q + "<|im_end|>\n<|im_start|>assistant\n";
}

std::vector<int64_t> ChatPrompt::optionLetterIds(size_t count) const
{
    std::vector<int64_t> ids;
    for (size_t k = 0; k < count; ++k) {
        const auto e = tok_->encode(optionLetter(k));
        if (e.size() != 1)
            throw CheckpointError(tok_->tokenString(0).value_or(""), "model.vocab",
                                  "option letter '" + optionLetter(k) + "' is not a single token");
        ids.push_back(e[0]);
    }
    return ids;
}

} // namespace ts

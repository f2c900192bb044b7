#include "model/chat_prompt.h"

#include "model/vlm_error.h"

namespace ts {

PromptFamily promptFamilyOf(const VlmConfig& config)
{
    if (config.lm_chat_template == "smolvlm")
        return PromptFamily::SmolVlm;
    if (config.raw.is_object() && !config.raw.empty() && !config.raw.contains("lm_chat_template")) {
        if (config.raw.contains("vlm_extra_tokens"))
            return PromptFamily::QuestionAnswer;
        throw CheckpointError(config.lm_tokenizer, "vlm_extra_tokens",
                              "absent: a nanoVLM v1 checkpoint puts the image embeddings before the text (prefix pipeline); "
                              "Transferscope builds prompts with image placeholder tokens only (v2, v3, SmolVLM)");
    }
    if (config.lm_chat_template == "chatml" || config.lm_chat_template.find("<|im_start|>") != std::string::npos)
        return PromptFamily::ChatMl;
    throw CheckpointError(config.lm_tokenizer, "lm_chat_template",
                          "unknown chat template (known: ChatML with <|im_start|>, \"smolvlm\"): '" +
                              config.lm_chat_template.substr(0, 80) + "'");
}

ChatPrompt::ChatPrompt(const BpeTokenizer& tokenizer, const VlmConfig& config)
    : tok_(&tokenizer), family_(promptFamilyOf(config)), imageTokens_(config.mp_image_token_length)
{
    imageId_ = tokenizer.requireTokenId(config.imageToken());
    const int64_t expected = config.imageTokenId();
    if (imageId_ != expected)
        throw CheckpointError(tokenizer.source(), config.image_token_id >= 0 ? "image_token_id" : "vlm_extra_tokens.image_token",
                              "the tokenizer gives '" + config.imageToken() + "' id " + std::to_string(imageId_) +
                                  " but the model config expects " + std::to_string(expected));
    if (tokenizer.vocabSize() > config.lm_vocab_size)
        throw CheckpointError(tokenizer.source(), "lm_vocab_size",
                              "the tokenizer has " + std::to_string(tokenizer.vocabSize()) + " ids but the model only " +
                                  std::to_string(config.lm_vocab_size));
    switch (family_) {
    case PromptFamily::ChatMl:
        if (!config.globalImageToken().empty())
            globalId_ = tokenizer.requireTokenId(config.globalImageToken());
        endOfTurn_ = tokenizer.requireTokenId("<|im_end|>");
        break;
    case PromptFamily::SmolVlm:
        globalId_ = tokenizer.requireTokenId(config.globalImageToken());
        fakeId_ = tokenizer.requireTokenId("<fake_token_around_image>");
        endOfTurn_ = tokenizer.requireTokenId("<end_of_utterance>");
        letterPrefix_ = " "; // the model answers " A…" after "Assistant:"
        break;
    case PromptFamily::QuestionAnswer:
        endOfTurn_ = tokenizer.requireTokenId("<|im_end|>");
        letterPrefix_ = " ";
        break;
    }
}

std::string ChatPrompt::questionText(const VlmExample& ex) const
{
    std::string text = ex.prompt;
    for (size_t k = 0; k < ex.options.size(); ++k)
        text += "\n(" + optionLetter(k) + ") " + ex.options[k];
    return text;
}

std::vector<int64_t> ChatPrompt::imageIds(size_t count) const
{
    std::vector<int64_t> out;
    for (size_t i = 0; i < count; ++i) {
        if (fakeId_ >= 0)
            out.push_back(fakeId_);
        if (globalId_ >= 0)
            out.push_back(globalId_);
        out.insert(out.end(), static_cast<size_t>(imageTokens_), imageId_);
        if (fakeId_ >= 0)
            out.push_back(fakeId_);
    }
    return out;
}

EncodedExample ChatPrompt::encode(const VlmExample& ex) const
{
    EncodedExample out;
    out.numImages = static_cast<int>(ex.images.size());
    auto append = [&](const std::vector<int64_t>& ids) { out.prompt.insert(out.prompt.end(), ids.begin(), ids.end()); };
    const std::string q = questionText(ex);
    switch (family_) {
    case PromptFamily::ChatMl:
        append(tok_->encode("<|im_start|>user\n"));
        append(imageIds(ex.images.size()));
        append(tok_->encode(q + "<|im_end|>\n<|im_start|>assistant\n"));
        break;
    case PromptFamily::SmolVlm:
        // The template writes "User:" and a space only when the first content item is text.
        append(tok_->encode(ex.images.empty() ? "<|im_start|>User: " : "<|im_start|>User:"));
        append(imageIds(ex.images.size()));
        append(tok_->encode(q + "<end_of_utterance>\nAssistant:"));
        break;
    case PromptFamily::QuestionAnswer:
        append(imageIds(ex.images.size()));
        append(tok_->encode("Question: " + q + " Answer:"));
        break;
    }
    if (ex.correct >= 0) {
        if (static_cast<size_t>(ex.correct) >= ex.options.size())
            throw ModelInputError("example's correct index " + std::to_string(ex.correct) + " is outside its " +
                                  std::to_string(ex.options.size()) + " options");
        out.answer = {optionLetterIds(static_cast<size_t>(ex.correct) + 1).back(), endOfTurn_};
    }
    return out;
}

std::string ChatPrompt::promptText(const VlmExample& ex) const
{
    std::string images;
    for (size_t i = 0; i < ex.images.size(); ++i)
        images += "<image " + std::to_string(i + 1) + ">";
    const std::string q = questionText(ex);
    switch (family_) {
    case PromptFamily::SmolVlm:
        return "<|im_start|>User:" + std::string(ex.images.empty() ? " " : "") + images + q + "<end_of_utterance>\nAssistant:";
    case PromptFamily::QuestionAnswer:
        return images + "Question: " + q + " Answer:";
    case PromptFamily::ChatMl:
        break;
    }
    return "<|im_start|>user\n" + images + q + "<|im_end|>\n<|im_start|>assistant\n";
}

std::vector<int64_t> ChatPrompt::optionLetterIds(size_t count) const
{
    std::vector<int64_t> ids;
    for (size_t k = 0; k < count; ++k) {
        const auto e = tok_->encode(letterPrefix_ + optionLetter(k));
        if (e.size() != 1)
            throw CheckpointError(tok_->source(), "model.vocab",
                                  "option letter '" + letterPrefix_ + optionLetter(k) + "' is not a single token");
        ids.push_back(e[0]);
    }
    return ids;
}

} // namespace ts

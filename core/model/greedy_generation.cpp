#include "model/greedy_generation.h"

#include <ATen/ATen.h>

#include <cctype>
#include <limits>

namespace ts {

std::vector<std::vector<int64_t>> generateGreedy(VisionLanguageModelImpl& model, const at::Tensor& ids,
                                                 const at::Tensor& attentionMask, const at::Tensor& imageEmbeds,
                                                 const GenerationOptions& options)
{
    at::NoGradGuard guard;
    const int64_t B = ids.size(0);
    std::vector<std::vector<int64_t>> out(static_cast<size_t>(B));
    std::vector<bool> done(static_cast<size_t>(B), false);
    at::Tensor mask = attentionMask.defined() ? attentionMask : at::ones_like(ids);
    at::Tensor seq = ids;
    KvCache cache;
    at::Tensor hidden =
        model.forwardEmbeddings(model.embedInputs(ids, imageEmbeds), mask, options.useCache ? &cache : nullptr, 1);
    for (int64_t step = 0; step < options.maxNewTokens; ++step) {
        at::Tensor logits = model.logits(hidden.select(1, hidden.size(1) - 1)).to(at::kFloat);
        logits.select(1, model.imageTokenId()).fill_(-std::numeric_limits<float>::infinity());
        at::Tensor next = logits.argmax(-1); // [B]
        at::Tensor nextCpu = next.to(at::kCPU);
        bool allDone = true;
        for (int64_t r = 0; r < B; ++r) {
            if (done[static_cast<size_t>(r)])
                continue;
            const int64_t t = nextCpu[r].item<int64_t>();
            out[static_cast<size_t>(r)].push_back(t);
            if (t == options.eosId)
                done[static_cast<size_t>(r)] = true;
            allDone = allDone && done[static_cast<size_t>(r)];
        }
        if (allDone || step + 1 == options.maxNewTokens)
            break;
        mask = at::cat({mask, at::ones({B, 1}, mask.options())}, 1);
        if (options.useCache) {
            hidden = model.forwardEmbeddings(model.decoder->embed(next.unsqueeze(1)), mask, &cache);
        } else {
            seq = at::cat({seq, next.unsqueeze(1)}, 1);
            hidden = model.forwardEmbeddings(model.embedInputs(seq, imageEmbeds), mask, nullptr, 1);
        }
    }
    return out;
}

int parseOptionAnswer(const std::string& text, const std::vector<std::string>& options)
{
    const auto n = static_cast<int>(options.size());
    auto letterAt = [&](size_t i) -> int {
        const int k = std::toupper(static_cast<unsigned char>(text[i])) - 'A';
        return text[i] >= 'A' && text[i] <= 'Z' && k < n ? k : -1;
    };
    for (size_t i = 0; i + 2 < text.size(); ++i)
        if (text[i] == '(' && text[i + 2] == ')' && letterAt(i + 1) >= 0)
            return letterAt(i + 1);
    for (size_t i = 0; i < text.size(); ++i) {
        const bool leftOk = i == 0 || !std::isalnum(static_cast<unsigned char>(text[i - 1]));
        const bool rightOk = i + 1 == text.size() || !std::isalnum(static_cast<unsigned char>(text[i + 1]));
        if (leftOk && rightOk && letterAt(i) >= 0)
            return letterAt(i);
    }
    for (int k = 0; k < n; ++k)
        if (!options[static_cast<size_t>(k)].empty() && text.find(options[static_cast<size_t>(k)]) != std::string::npos)
            return k;
    return -1;
}

} // namespace ts

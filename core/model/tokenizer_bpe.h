#pragma once
// Byte-level BPE tokenizer reading a Hugging Face tokenizer.json of the SmolLM2 kind (vlm.md §6). No Qt, no torch.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace ts {

class BpeTokenizer {
public:
    // Throws CheckpointError(file, field, ...) for anything but the supported shape (§6): normalizer null,
    // pre_tokenizer [Digits(individual)] + ByteLevel(add_prefix_space=false), model BPE, decoder ByteLevel.
    static BpeTokenizer fromFile(const std::string& path);
    static BpeTokenizer fromJson(const nlohmann::json& j, const std::string& sourceName = {});

    BpeTokenizer(const BpeTokenizer& other);
    BpeTokenizer& operator=(const BpeTokenizer&) = delete;
    BpeTokenizer(BpeTokenizer&&) noexcept;

    std::vector<int64_t> encode(const std::string& text) const;
    // Lossy like HF: invalid UTF-8 in the decoded bytes becomes U+FFFD.
    std::string decode(const std::vector<int64_t>& ids, bool skipSpecial = false) const;

    // A copy with the given special tokens added (ids vocabSize(), vocabSize()+1, ... in the given order) unless
    // already present: nanoVLM's extra tokens on top of the base tokenizer (vlm.md §3.4).
    BpeTokenizer withAddedSpecialTokens(const std::vector<std::string>& contents) const;
    const std::string& source() const { return source_; }

    std::optional<int64_t> tokenId(const std::string& token) const;
    int64_t requireTokenId(const std::string& token) const; // throws CheckpointError naming the token
    std::optional<std::string> tokenString(int64_t id) const;
    int64_t vocabSize() const { return vocabSize_; } // max id + 1 over vocab and added tokens

    // The pieces after added-token splitting, Digits and the ByteLevel regex (before the byte map): for tests.
    std::vector<std::string> preTokenize(const std::string& text) const;

private:
    BpeTokenizer() = default;
    struct Added {
        std::string content;
        int64_t id;
        bool special;
    };
    void splitPieces(const std::string& text, std::vector<std::string>& out) const;
    void encodeWord(const std::string& piece, std::vector<int64_t>& out) const;

    std::string source_;
    bool digits_ = false;
    std::unordered_map<std::string, int64_t> vocab_;
    std::unordered_map<int64_t, std::string> idToToken_;
    std::unordered_map<std::string, int> mergeRanks_; // "left\x01right" -> rank
    std::vector<Added> added_;
    std::map<int64_t, size_t> addedById_;
    int64_t vocabSize_ = 0;
    mutable std::mutex cacheMutex_;
    mutable std::unordered_map<std::string, std::vector<int64_t>> cache_;
};

} // namespace ts

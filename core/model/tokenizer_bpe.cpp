#include "model/tokenizer_bpe.h"

#include "model/unicode_classes.h"
#include "model/vlm_error.h"

#include <array>
#include <climits>
#include <fstream>
#include <sstream>

namespace ts {
namespace {

using detail::CodePoint;

// GPT-2's byte -> printable code point map.
const std::array<uint32_t, 256>& byteToCodePoint()
{
    static const std::array<uint32_t, 256> table = [] {
        std::array<uint32_t, 256> t{};
        uint32_t next = 256;
        for (uint32_t b = 0; b < 256; ++b) {
            const bool printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
            t[b] = printable ? b : next++;
        }
        return t;
    }();
    return table;
}

const std::unordered_map<uint32_t, unsigned char>& codePointToByte()
{
    static const std::unordered_map<uint32_t, unsigned char> table = [] {
        std::unordered_map<uint32_t, unsigned char> t;
        for (uint32_t b = 0; b < 256; ++b)
            t[byteToCodePoint()[b]] = static_cast<unsigned char>(b);
        return t;
    }();
    return table;
}

enum class CharClass { Letter, Number, Space, Other };

CharClass classify(uint32_t cp)
{
    if (detail::isUnicodeWhitespace(cp))
        return CharClass::Space;
    if (detail::isUnicodeLetter(cp))
        return CharClass::Letter;
    if (detail::isUnicodeNumber(cp))
        return CharClass::Number;
    return CharClass::Other;
}

// 's|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+ , alternation order kept.
void byteLevelSplit(const std::string& s, std::vector<std::string>& out)
{
    const std::vector<CodePoint> cps = detail::decodeUtf8(s);
    const size_t n = cps.size();
    size_t i = 0;
    auto emit = [&](size_t from, size_t to) {
        const size_t b = cps[from].begin;
        const size_t e = cps[to - 1].begin + cps[to - 1].length;
        out.push_back(s.substr(b, e - b));
    };
    while (i < n) {
        if (cps[i].cp == '\'' && i + 1 < n) {
            const uint32_t a = cps[i + 1].cp;
            const uint32_t b = i + 2 < n ? cps[i + 2].cp : 0;
            size_t len = 0;
            if ((a == 'r' && b == 'e') || (a == 'v' && b == 'e') || (a == 'l' && b == 'l'))
                len = 3;
            else if (a == 's' || a == 't' || a == 'm' || a == 'd')
                len = 2;
            if (len) {
                emit(i, i + len);
                i += len;
                continue;
            }
        }
        const bool lead = cps[i].cp == ' ' && i + 1 < n;
        const CharClass first = classify(cps[i].cp);
        const CharClass afterSpace = lead ? classify(cps[i + 1].cp) : CharClass::Space;
        CharClass run = CharClass::Space;
        size_t start = i;
        if (first != CharClass::Space) {
            run = first;
        } else if (lead && afterSpace != CharClass::Space) {
            run = afterSpace;
            start = i + 1;
        }
        if (run != CharClass::Space) {
            size_t j = start;
            while (j < n && classify(cps[j].cp) == run)
                ++j;
            emit(i, j);
            i = j;
            continue;
        }
        size_t j = i;
        while (j < n && classify(cps[j].cp) == CharClass::Space)
            ++j;
        const size_t runLen = j - i;
        const size_t take = (j == n || runLen == 1) ? runLen : runLen - 1; // \s+(?!\S), else \s+
        emit(i, i + take);
        i += take;
    }
}

std::string mergeKey(const std::string& a, const std::string& b)
{
    return a + '\x01' + b;
}

[[noreturn]] void refuse(const std::string& file, const std::string& field, const std::string& what)
{
    throw CheckpointError(file, field, what);
}

} // namespace

BpeTokenizer::BpeTokenizer(const BpeTokenizer& o)
    : source_(o.source_), digits_(o.digits_), vocab_(o.vocab_), idToToken_(o.idToToken_), mergeRanks_(o.mergeRanks_),
      added_(o.added_), addedById_(o.addedById_), vocabSize_(o.vocabSize_)
{
}

BpeTokenizer::BpeTokenizer(BpeTokenizer&& o) noexcept
    : source_(std::move(o.source_)), digits_(o.digits_), vocab_(std::move(o.vocab_)), idToToken_(std::move(o.idToToken_)),
      mergeRanks_(std::move(o.mergeRanks_)), added_(std::move(o.added_)), addedById_(std::move(o.addedById_)),
      vocabSize_(o.vocabSize_)
{
}

BpeTokenizer BpeTokenizer::fromFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        refuse(path, "", "cannot open tokenizer file");
    std::stringstream ss;
    ss << in.rdbuf();
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(ss.str());
    } catch (const nlohmann::json::exception& e) {
        refuse(path, "", std::string("invalid JSON: ") + e.what());
    }
    return fromJson(j, path);
}

BpeTokenizer BpeTokenizer::fromJson(const nlohmann::json& j, const std::string& src)
{
    BpeTokenizer t;
    t.source_ = src;
    if (!j.is_object())
        refuse(src, "", "tokenizer.json must be an object");
    if (j.contains("normalizer") && !j["normalizer"].is_null())
        refuse(src, "normalizer", "only null is supported");

    auto checkByteLevel = [&](const nlohmann::json& bl, const std::string& field) {
        if (bl.value("add_prefix_space", false))
            refuse(src, field + ".add_prefix_space", "must be false");
        if (!bl.value("use_regex", true))
            refuse(src, field + ".use_regex", "must be true");
    };
    const auto& pre = j.value("pre_tokenizer", nlohmann::json());
    if (!pre.is_object())
        refuse(src, "pre_tokenizer", "expected Sequence[Digits, ByteLevel] or ByteLevel");
    const std::string preType = pre.value("type", "");
    if (preType == "ByteLevel") {
        checkByteLevel(pre, "pre_tokenizer");
    } else if (preType == "Sequence") {
        const auto& seq = pre.value("pretokenizers", nlohmann::json::array());
        if (!seq.is_array() || seq.size() != 2 || seq[0].value("type", "") != "Digits" || seq[1].value("type", "") != "ByteLevel")
            refuse(src, "pre_tokenizer.pretokenizers", "expected [Digits, ByteLevel]");
        if (!seq[0].value("individual_digits", false))
            refuse(src, "pre_tokenizer.pretokenizers[0].individual_digits", "must be true");
        checkByteLevel(seq[1], "pre_tokenizer.pretokenizers[1]");
        t.digits_ = true;
    } else {
        refuse(src, "pre_tokenizer.type", "unsupported '" + preType + "'");
    }
    if (const auto& dec = j.value("decoder", nlohmann::json()); !dec.is_null() && dec.value("type", "") != "ByteLevel")
        refuse(src, "decoder.type", "must be ByteLevel");
    if (const auto& post = j.value("post_processor", nlohmann::json()); !post.is_null() && post.value("type", "") != "ByteLevel")
        refuse(src, "post_processor.type", "only null or ByteLevel is supported (no BOS/EOS insertion)");

    const auto& model = j.value("model", nlohmann::json());
    if (!model.is_object() || model.value("type", "BPE") != "BPE")
        refuse(src, "model.type", "must be BPE");
    for (const char* key : {"dropout", "unk_token", "continuing_subword_prefix", "end_of_word_suffix"})
        if (model.contains(key) && !model[key].is_null())
            refuse(src, std::string("model.") + key, "must be null");
    if (model.value("byte_fallback", false))
        refuse(src, "model.byte_fallback", "must be false");
    if (model.value("ignore_merges", false))
        refuse(src, "model.ignore_merges", "must be false");
    if (!model.contains("vocab") || !model["vocab"].is_object())
        refuse(src, "model.vocab", "missing or not an object");
    for (auto it = model["vocab"].begin(); it != model["vocab"].end(); ++it) {
        if (!it->is_number_integer() || it->get<int64_t>() < 0)
            refuse(src, "model.vocab." + it.key(), "ids must be non-negative integers");
        const int64_t id = it->get<int64_t>();
        t.vocab_[it.key()] = id;
        t.idToToken_[id] = it.key();
        t.vocabSize_ = std::max(t.vocabSize_, id + 1);
    }
    const auto& merges = model.value("merges", nlohmann::json::array());
    if (!merges.is_array())
        refuse(src, "model.merges", "must be an array");
    int rank = 0;
    for (const auto& m : merges) {
        std::string a, b;
        if (m.is_string()) {
            const std::string s = m.get<std::string>();
            const auto sp = s.find(' ');
            if (sp == std::string::npos || s.find(' ', sp + 1) != std::string::npos)
                refuse(src, "model.merges[" + std::to_string(rank) + "]", "expected \"left right\", got \"" + s + "\"");
            a = s.substr(0, sp);
            b = s.substr(sp + 1);
        } else if (m.is_array() && m.size() == 2 && m[0].is_string() && m[1].is_string()) {
            a = m[0].get<std::string>();
            b = m[1].get<std::string>();
        } else {
            refuse(src, "model.merges[" + std::to_string(rank) + "]", "expected a string or a pair of strings");
        }
        if (!t.vocab_.count(a + b))
            refuse(src, "model.merges[" + std::to_string(rank) + "]", "merge result '" + a + b + "' is not in the vocab");
        t.mergeRanks_.emplace(mergeKey(a, b), rank++);
    }
    for (uint32_t byte = 0; byte < 256; ++byte) {
        std::string ch;
        detail::appendUtf8(ch, byteToCodePoint()[byte]);
        if (!t.vocab_.count(ch))
            refuse(src, "model.vocab", "byte-level vocab lacks the symbol for byte " + std::to_string(byte));
    }
    if (j.contains("added_tokens")) {
        if (!j["added_tokens"].is_array())
            refuse(src, "added_tokens", "must be an array");
        for (const auto& a : j["added_tokens"]) {
            if (!a.is_object() || !a.contains("id") || !a.contains("content") || !a["content"].is_string() ||
                !a["id"].is_number_integer() || a["content"].get<std::string>().empty())
                refuse(src, "added_tokens", "each entry needs an integer id and a non-empty content");
            for (const char* flag : {"lstrip", "rstrip", "single_word"})
                if (a.value(flag, false))
                    refuse(src, "added_tokens." + a["content"].get<std::string>() + "." + flag, "only false is supported");
            Added added{a["content"].get<std::string>(), a["id"].get<int64_t>(), a.value("special", false)};
            t.addedById_[added.id] = t.added_.size();
            t.added_.push_back(added);
            t.vocabSize_ = std::max(t.vocabSize_, added.id + 1);
        }
    }
    return t;
}

void BpeTokenizer::splitPieces(const std::string& text, std::vector<std::string>& out) const
{
    if (!digits_) {
        byteLevelSplit(text, out);
        return;
    }
    // Digits(individual_digits): every numeric char is its own piece, before the ByteLevel regex.
    const auto cps = detail::decodeUtf8(text);
    size_t segStart = 0;
    for (const auto& c : cps) {
        if (!detail::isUnicodeNumber(c.cp))
            continue;
        if (c.begin > segStart)
            byteLevelSplit(text.substr(segStart, c.begin - segStart), out);
        out.push_back(text.substr(c.begin, c.length));
        segStart = c.begin + c.length;
    }
    if (segStart < text.size())
        byteLevelSplit(text.substr(segStart), out);
}

void BpeTokenizer::encodeWord(const std::string& piece, std::vector<int64_t>& out) const
{
    {
        std::lock_guard<std::mutex> lock(cacheMutex_);
        if (auto it = cache_.find(piece); it != cache_.end()) {
            out.insert(out.end(), it->second.begin(), it->second.end());
            return;
        }
    }
    std::vector<std::string> symbols;
    for (unsigned char byte : piece) {
        std::string ch;
        detail::appendUtf8(ch, byteToCodePoint()[byte]);
        symbols.push_back(std::move(ch));
    }
    // Lowest rank first; among equal pairs the leftmost occurrence (HF word.rs).
    while (symbols.size() > 1) {
        int best = INT_MAX;
        size_t at = 0;
        for (size_t k = 0; k + 1 < symbols.size(); ++k) {
            auto it = mergeRanks_.find(mergeKey(symbols[k], symbols[k + 1]));
            if (it != mergeRanks_.end() && it->second < best) {
                best = it->second;
                at = k;
            }
        }
        if (best == INT_MAX)
            break;
        symbols[at] += symbols[at + 1];
        symbols.erase(symbols.begin() + static_cast<std::ptrdiff_t>(at) + 1);
    }
    std::vector<int64_t> ids;
    for (const auto& s : symbols)
        ids.push_back(vocab_.at(s)); // every byte symbol and merge result was checked at load
    {
        std::lock_guard<std::mutex> lock(cacheMutex_);
        if (cache_.size() < 200000)
            cache_.emplace(piece, ids);
    }
    out.insert(out.end(), ids.begin(), ids.end());
}

std::vector<int64_t> BpeTokenizer::encode(const std::string& text) const
{
    std::vector<int64_t> ids;
    std::vector<std::string> pieces;
    auto flush = [&](size_t from, size_t to) {
        if (to <= from)
            return;
        pieces.clear();
        splitPieces(text.substr(from, to - from), pieces);
        for (const auto& p : pieces)
            encodeWord(p, ids);
    };
    size_t segStart = 0, i = 0;
    while (i < text.size()) {
        // Leftmost-longest match over the added tokens.
        const Added* best = nullptr;
        for (const auto& a : added_)
            if (text.compare(i, a.content.size(), a.content) == 0 && (!best || a.content.size() > best->content.size()))
                best = &a;
        if (!best) {
            ++i;
            continue;
        }
        flush(segStart, i);
        ids.push_back(best->id);
        i += best->content.size();
        segStart = i;
    }
    flush(segStart, text.size());
    return ids;
}

std::vector<std::string> BpeTokenizer::preTokenize(const std::string& text) const
{
    std::vector<std::string> out;
    splitPieces(text, out);
    return out;
}

std::string BpeTokenizer::decode(const std::vector<int64_t>& ids, bool skipSpecial) const
{
    std::string out, bytes;
    auto flushBytes = [&] {
        out += detail::utf8Lossy(bytes);
        bytes.clear();
    };
    for (int64_t id : ids) {
        if (auto a = addedById_.find(id); a != addedById_.end()) {
            flushBytes();
            if (!(skipSpecial && added_[a->second].special))
                out += added_[a->second].content;
            continue;
        }
        auto it = idToToken_.find(id);
        if (it == idToToken_.end())
            throw std::out_of_range("token id " + std::to_string(id) + " is not in the vocabulary of " + source_);
        for (const auto& c : detail::decodeUtf8(it->second)) {
            auto b = codePointToByte().find(c.cp);
            if (b != codePointToByte().end())
                bytes += static_cast<char>(b->second);
        }
    }
    flushBytes();
    return out;
}

BpeTokenizer BpeTokenizer::withAddedSpecialTokens(const std::vector<std::string>& contents) const
{
    BpeTokenizer t(*this);
    for (const auto& c : contents) {
        if (c.empty())
            throw CheckpointError(source_, "added_tokens", "an added token must not be empty");
        if (t.tokenId(c))
            continue;
        t.addedById_[t.vocabSize_] = t.added_.size();
        t.added_.push_back(Added{c, t.vocabSize_, true});
        ++t.vocabSize_;
    }
    return t;
}

std::optional<int64_t> BpeTokenizer::tokenId(const std::string& token) const
{
    for (const auto& a : added_)
        if (a.content == token)
            return a.id;
    if (auto it = vocab_.find(token); it != vocab_.end())
        return it->second;
    return std::nullopt;
}

int64_t BpeTokenizer::requireTokenId(const std::string& token) const
{
    auto id = tokenId(token);
    if (!id)
        throw CheckpointError(source_, "added_tokens", "the tokenizer has no token '" + token + "'");
    return *id;
}

std::optional<std::string> BpeTokenizer::tokenString(int64_t id) const
{
    if (auto a = addedById_.find(id); a != addedById_.end())
        return added_[a->second].content;
    if (auto it = idToToken_.find(id); it != idToToken_.end())
        return it->second;
    return std::nullopt;
}

} // namespace ts

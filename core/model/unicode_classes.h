#pragma once
// Internal: the Unicode classes the ByteLevel regex and the Digits pre-tokenizer need, without ICU.
// Exact for ASCII/Latin-1 and the common scripts (Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic, CJK, kana,
// Hangul); other letters fall back to "other", which still round-trips but may split differently from HF.
#include <cstdint>
#include <string>
#include <vector>

namespace ts::detail {

bool isUnicodeLetter(uint32_t cp);
bool isUnicodeNumber(uint32_t cp); // Nd, Nl, No: Rust char::is_numeric
bool isUnicodeWhitespace(uint32_t cp);

struct CodePoint {
    uint32_t cp;
    size_t begin, length; // byte span in the source string
};
// Invalid bytes become U+FFFD code points spanning one byte, so no byte is ever lost.
std::vector<CodePoint> decodeUtf8(const std::string& s);
void appendUtf8(std::string& out, uint32_t cp);
// Replaces each invalid UTF-8 sequence with U+FFFD (from_utf8_lossy).
std::string utf8Lossy(const std::string& bytes);

} // namespace ts::detail

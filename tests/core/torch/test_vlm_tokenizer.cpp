// Byte-level BPE tokenizer (vlm.md §6, §10.6) on a hand-made fixture and on the shipped suite tokenizer.
// The fixture (tests/data/torch/tokenizer_fixture.json) holds the 256 byte symbols, two specials, ten merges
// ("b c" ranked before "a b", "a a", "H e" -> "Hey", "Ġ w" ... -> "Ġworld") and two added tokens.
#include "model/tokenizer_bpe.h"
#include "model/vlm_error.h"
#include "model/vlm_presets.h"

#include <QtTest>

#include <fstream>

using namespace ts;

namespace {
const std::string kFixture = std::string(TRANSFERSCOPE_TEST_DATA) + "/torch/tokenizer_fixture.json";
const std::string kSuite = std::string(TRANSFERSCOPE_RESOURCES) + "/tokenizer/tokenizer.json";

nlohmann::json fixtureJson()
{
    std::ifstream in(kFixture);
    return nlohmann::json::parse(in);
}
} // namespace

class TestVlmTokenizer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void roundTrips()
    {
        const BpeTokenizer tok = BpeTokenizer::fromFile(kFixture);
        const std::vector<std::string> texts = {
            "Hey world, hello!", "你好，世界", "emoji 👍🏽 and 🇩🇪 flags", "line\r\nbreak\n\n  indented\t tab",
            "digits 0123456789 and ²½", "it's we're they'll I'd", "   leading and trailing   ", "",
            std::string("bytes \x01\x7f end")};
        for (const auto& s : texts) {
            const auto ids = tok.encode(s);
            QCOMPARE(tok.decode(ids), s);
        }
        // Invalid UTF-8 decodes lossily to U+FFFD instead of producing broken bytes.
        const auto bad = tok.encode(std::string("a\xff" "b"));
        QCOMPARE(tok.decode(bad), std::string("a\xEF\xBF\xBD" "b"));
    }

    void digitsAndRegexPieces()
    {
        const BpeTokenizer tok = BpeTokenizer::fromFile(kFixture);
        QCOMPARE(tok.preTokenize("Hey 123"), (std::vector<std::string>{"Hey", " ", "1", "2", "3"}));
        QCOMPARE(tok.preTokenize("Hey world  ok"), (std::vector<std::string>{"Hey", " world", " ", " ok"}));
        QCOMPARE(tok.preTokenize("it's"), (std::vector<std::string>{"it", "'s"}));
        QCOMPARE(tok.preTokenize("a, b!?"), (std::vector<std::string>{"a", ",", " b", "!?"}));
        // \s+(?!\S) backs off one char before a non-space, so "\r\n" splits as in HF.
        QCOMPARE(tok.preTokenize("x\r\ny"), (std::vector<std::string>{"x", "\r", "\n", "y"}));
        // The merged pieces map to single tokens.
        const auto hey = tok.encode("Hey world");
        QCOMPARE(hey.size(), size_t(2));
        QCOMPARE(tok.tokenString(hey[0]).value(), std::string("Hey"));
        QCOMPARE(tok.tokenString(hey[1]).value(), std::string("Ġworld"));
        QCOMPARE(tok.encode("Hey 123").size(), size_t(5));
    }

    void mergeOrderAndTieBreak()
    {
        const BpeTokenizer tok = BpeTokenizer::fromJson(fixtureJson(), "fixture");
        auto pieces = [&](const std::string& s) {
            std::vector<std::string> out;
            for (auto id : tok.encode(s))
                out.push_back(tok.tokenString(id).value());
            return out;
        };
        // Lowest rank wins even when another pair is further left.
        QCOMPARE(pieces("abc"), (std::vector<std::string>{"a", "bc"}));
        // Equal pairs merge leftmost first.
        QCOMPARE(pieces("aaa"), (std::vector<std::string>{"aa", "a"}));
        QCOMPARE(pieces("aaaa"), (std::vector<std::string>{"aa", "aa"}));
        // Both merge formats give the same result.
        nlohmann::json pairs = fixtureJson();
        nlohmann::json list = nlohmann::json::array();
        for (const auto& m : pairs["model"]["merges"]) {
            const std::string s = m.get<std::string>();
            list.push_back({s.substr(0, s.find(' ')), s.substr(s.find(' ') + 1)});
        }
        pairs["model"]["merges"] = list;
        const BpeTokenizer tok2 = BpeTokenizer::fromJson(pairs, "pairs");
        for (const char* s : {"abc", "aaa", "Hey world", "Hey 123"})
            QCOMPARE(tok2.encode(s), tok.encode(s));
    }

    void addedTokensSplitInsideWords()
    {
        const BpeTokenizer tok = BpeTokenizer::fromFile(kFixture);
        const int64_t t = tok.requireTokenId("<tok>");
        const int64_t img = tok.requireTokenId("<|image|>");
        QCOMPARE(t, int64_t(268));
        QCOMPARE(img, int64_t(269));
        const auto ids = tok.encode("ab<tok>cd<|image|><|image|>Hey");
        QCOMPARE(std::count(ids.begin(), ids.end(), t), long(1));
        QCOMPARE(std::count(ids.begin(), ids.end(), img), long(2));
        QCOMPARE(tok.decode(ids), std::string("ab<tok>cd<|image|><|image|>Hey"));
        QCOMPARE(tok.decode(ids, true), std::string("ab<tok>cdHey")); // specials skipped, <tok> is not special
        QCOMPARE(tok.vocabSize(), int64_t(270));
    }

    void rejectsUnsupportedJson()
    {
        auto expectField = [](nlohmann::json j, const std::string& field) {
            try {
                BpeTokenizer::fromJson(j, "tok.json");
                QFAIL(("accepted: " + field).c_str());
            } catch (const CheckpointError& e) {
                QCOMPARE(e.field(), field);
                QVERIFY(std::string(e.what()).find("tok.json") != std::string::npos);
            }
        };
        auto j = fixtureJson();
        j["normalizer"] = {{"type", "NFC"}};
        expectField(j, "normalizer");
        j = fixtureJson();
        j["model"]["type"] = "WordPiece";
        expectField(j, "model.type");
        j = fixtureJson();
        j["model"]["merges"].push_back("x yz");
        expectField(j, "model.merges[10]");
        j = fixtureJson();
        j["pre_tokenizer"]["pretokenizers"][1]["add_prefix_space"] = true;
        expectField(j, "pre_tokenizer.pretokenizers[1].add_prefix_space");
        j = fixtureJson();
        j["model"]["vocab"].erase("Ġ");
        j["model"]["merges"] = nlohmann::json::array();
        expectField(j, "model.vocab");
        QVERIFY_THROWS_EXCEPTION(CheckpointError, BpeTokenizer::fromFile("/nonexistent/tokenizer.json"));
    }

    void suiteTokenizerFitsThePresets()
    {
        const BpeTokenizer tok = BpeTokenizer::fromFile(kSuite);
        QCOMPARE(tok.vocabSize(), kSuiteVocab);
        QCOMPARE(tok.requireTokenId("<|image|>"), kSuiteBaseVocab);
        QCOMPARE(tok.requireTokenId("<|global_image|>"), kSuiteBaseVocab + 1);
        QCOMPARE(tok.requireTokenId("<|im_end|>"), int64_t(2));
        for (const char* letter : {"A", "B", "C", "D"})
            QCOMPARE(tok.encode(letter).size(), size_t(1));
        // Suite words are whole tokens, so prompts stay short.
        for (const char* w : {" colour", " image", " point", " Which", " red", " square", " left", " camera"})
            QVERIFY2(tok.encode(w).size() == 1, w);
        const std::string q = "Which point is closer to the camera, A or B?\n(A) A\n(B) B";
        QVERIFY(tok.encode(q).size() <= 24);
        QCOMPARE(tok.decode(tok.encode(q)), q);
    }
};

QTEST_GUILESS_MAIN(TestVlmTokenizer)
#include "test_vlm_tokenizer.moc"

// The byte-level BPE tokenizer of the text encoder, on the small Qwen2-format
// tokenizer.json in tests/fixtures/tokenizer. Its expected.json comes from an
// independent Python implementation (make_expected.py) and was checked
// against Hugging Face's tokenizers.js (check_with_tokenizers_js.mjs).
#include <nlohmann/json.hpp>

#include <QtTest>

#include <fstream>
#include <functional>
#include <sstream>

#include "engine/text/bpe_tokenizer.h"
#include "engine/text/byte_level.h"
#include "engine/text/pcre2_regex.h"
#include "engine/text/prompt_template.h"
#include "engine/text/unicode_nfc.h"

using namespace cosmos::engine;
using namespace cosmos::engine::text;
using nlohmann::json;

namespace {

const std::string kFixtureDir = COSMOS_SOURCE_DIR "/tests/fixtures/tokenizer/";

std::string readText(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

json fixtureJson()
{
    return json::parse(readText(kFixtureDir + "tokenizer.json"));
}

const json& expected()
{
    static const json value = json::parse(readText(kFixtureDir + "expected.json"));
    return value;
}

const BpeTokenizer& fixture()
{
    static const BpeTokenizer tokenizer = BpeTokenizer::fromFile(kFixtureDir + "tokenizer.json");
    return tokenizer;
}

QString str(const std::string& text = {})
{
    return QString::fromStdString(text);
}

QList<int> q(const std::vector<std::int32_t>& ids)
{
    return QList<int>(ids.begin(), ids.end());
}

QStringList q(const std::vector<std::string>& texts)
{
    QStringList list;
    for (const auto& text : texts)
        list << QString::fromStdString(text);
    return list;
}

// The byte-level spelling of each text ("Ġcat" for " cat").
QStringList symbols(std::initializer_list<std::string> texts)
{
    QStringList list;
    for (const auto& text : texts)
        list << QString::fromStdString(bytesToSymbols(text));
    return list;
}

// The message of the TokenizerError that f throws, or "" when it throws none.
QString errorOf(const std::function<void()>& f)
{
    try {
        f();
    } catch (const TokenizerError& e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

QString loadError(const json& tokenizerJson)
{
    return errorOf([&] { BpeTokenizer::fromJson(tokenizerJson.dump(), "bad.json"); });
}

// One change to the fixture: the JSON at pointer set to value (JSON text),
// or removed where value is null; "-" at the end of a pointer appends.
struct Malformed {
    const char* name;
    const char* pointer;
    const char* value;
    const char* message; // a part of the expected message
};

const std::vector<Malformed>& malformedCases()
{
    static const std::vector<Malformed> cases = {
        {"no model", "/model", nullptr, "has no \"model\" section"},
        {"model not an object", "/model", "3", "\"model\" must be an object"},
        {"model type missing", "/model/type", nullptr, "model.type is missing (expected \"BPE\")"},
        {"unknown model type", "/model/type", R"("WordPiece")",
            "model.type is \"WordPiece\"; only \"BPE\" is supported"},
        {"no vocab", "/model/vocab", nullptr, "model.vocab is missing"},
        {"vocab id not a number", "/model/vocab/!", R"("zero")", "model.vocab[\"!\"] must be an id"},
        {"negative vocab id", "/model/vocab/!", "-1", "model.vocab[\"!\"] must be an id"},
        {"two tokens share an id", "/model/vocab/\"", "0", "model.vocab gives id 0 to both"},
        {"no merges", "/model/merges", nullptr, "model.merges is missing or not an array"},
        // merges[3] is "i n".
        {"merge without a space", "/model/merges/3", R"("in")",
            "model.merges[3] is \"in\"; expected two tokens as \"a b\""},
        {"merge with two spaces", "/model/merges/3", R"("i n x")", "model.merges[3] is \"i n x\""},
        {"merge of numbers", "/model/merges/3", "[1, 2]",
            "model.merges[3] is [1,2]; expected \"a b\" or [\"a\", \"b\"]"},
        {"merge of an unknown token", "/model/merges/3", R"("i zzz")",
            "model.merges[3] (\"i zzz\"): \"zzz\" is not in model.vocab"},
        {"merge of an unknown left token", "/model/merges/3", R"(["qqq", "n"])",
            "model.merges[3] (\"qqq n\"): \"qqq\" is not in model.vocab"},
        {"merge result not in vocab", "/model/merges/3", R"("i q")",
            "model.merges[3] (\"i q\"): the merged token \"iq\" is not in model.vocab"},
        {"dropout", "/model/dropout", "0.1", "BPE dropout (random merges, for training) is not supported"},
        {"unknown unk_token", "/model/unk_token", R"("<unk>")", "model.unk_token \"<unk>\" is not in model.vocab"},
        {"flag not a bool", "/model/ignore_merges", R"("no")", "model.ignore_merges must be true or false"},
        {"unknown normalizer", "/normalizer", R"({"type": "NFKC"})",
            "normalizer has type \"NFKC\", which is not supported (only NFC"},
        {"unknown normalizer in a sequence", "/normalizer",
            R"({"type": "Sequence", "normalizers": [{"type": "NFC"}, {"type": "Lowercase"}]})",
            "normalizer.normalizers[1] has type \"Lowercase\", which is not supported"},
        {"normalizer without a type", "/normalizer", "{}", "normalizer must be an object with a \"type\""},
        {"unknown pre-tokenizer", "/pre_tokenizer/pretokenizers/0", R"({"type": "Whitespace"})",
            "pre_tokenizer.pretokenizers[0] has type \"Whitespace\", which is not supported"},
        {"invalid regex", "/pre_tokenizer/pretokenizers/0/pattern/Regex", R"("(?i:'s|'t")",
            "pre_tokenizer.pretokenizers[0]: invalid regular expression '(?i:'s|'t': missing closing parenthesis"},
        {"split without a pattern", "/pre_tokenizer/pretokenizers/0/pattern", nullptr,
            "pre_tokenizer.pretokenizers[0] (Split) has no \"pattern\" object"},
        {"split pattern of another kind", "/pre_tokenizer/pretokenizers/0/pattern", R"({"Glob": "*"})",
            "pre_tokenizer.pretokenizers[0].pattern must be {\"Regex\": ...} or {\"String\": ...}"},
        {"unknown split behavior", "/pre_tokenizer/pretokenizers/0/behavior", R"("Dropped")",
            "pre_tokenizer.pretokenizers[0].behavior must be one of Removed, Isolated"},
        {"no ByteLevel step", "/pre_tokenizer/pretokenizers/1", nullptr,
            "pre_tokenizer has no ByteLevel step (Split(Isolated)); only byte-level BPE is supported"},
        {"missing byte symbol", "/model/vocab/~0", nullptr,
            "model.vocab lacks the byte-level symbol \"~\" (byte 0x7E)"},
        {"post-processor adding tokens", "/post_processor", R"({"type": "TemplateProcessing"})",
            "post_processor has type \"TemplateProcessing\", which is not supported"},
        {"no decoder", "/decoder", nullptr, "has no decoder; a byte-level BPE needs the ByteLevel decoder"},
        {"other decoder", "/decoder", R"({"type": "WordPiece"})",
            "decoder has type \"WordPiece\"; only ByteLevel is supported"},
        {"added tokens not a list", "/added_tokens", "{}", "added_tokens must be an array"},
        {"added token without an id", "/added_tokens/0/id", nullptr,
            "added_tokens[0] must be an object with \"id\" and \"content\""},
        {"added token with empty content", "/added_tokens/0/content", R"("")",
            "added_tokens[0].content must be a non-empty string"},
        {"added token id of another token", "/added_tokens/2/id", "5",
            "added_tokens[2] \"<|im_end|>\" has id 5, which model.vocab gives to \"&\""},
        {"added token in the vocab with another id", "/added_tokens/-", R"({"id": 400, "content": "Ġthe"})",
            "added_tokens[3] \"Ġthe\" has id 400 but model.vocab gives it id 258"},
        {"added tokens sharing an id", "/added_tokens/1/id", "303",
            "added_tokens[1] \"<|im_start|>\" repeats id 303 of \"<|endoftext|>\""},
        {"added token listed twice", "/added_tokens/-", R"({"id": 400, "content": "<|im_end|>", "special": true})",
            "added_tokens[3] \"<|im_end|>\" is listed twice"},
    };
    return cases;
}

void apply(const Malformed& change, json& j)
{
    const json::json_pointer pointer(change.pointer);
    if (change.value) {
        j[pointer] = json::parse(change.value);
        return;
    }
    json& parent = j[pointer.parent_pointer()];
    if (parent.is_array())
        parent.erase(std::stoul(pointer.back()));
    else
        parent.erase(pointer.back());
}

} // namespace

class TestBpeTokenizer : public QObject {
    Q_OBJECT
private slots:
    void byteLevelMapIsGpt2s()
    {
        QCOMPARE(uint(byteToSymbol('!')), uint('!'));
        QCOMPARE(uint(byteToSymbol(0x00)), uint(0x100));
        QCOMPARE(uint(byteToSymbol(' ')), uint(0x120)); // 'Ġ'
        QCOMPARE(uint(byteToSymbol('\n')), uint(0x10A)); // 'Ċ'
        QCOMPARE(uint(byteToSymbol(0x7F)), uint(0x121));
        QCOMPARE(uint(byteToSymbol(0xA0)), uint(0x142));
        QCOMPARE(uint(byteToSymbol(0xAD)), uint(0x143)); // the last one
        QCOMPARE(uint(byteToSymbol(0xAE)), uint(0xAE));
        for (unsigned b = 0; b < 256; ++b)
            QCOMPARE(int(*symbolToByte(byteToSymbol(static_cast<std::uint8_t>(b)))), int(b));
        QVERIFY(!symbolToByte(U' '));
        const auto order = byteSymbolsInVocabularyOrder();
        QCOMPARE(QString::fromStdString(order[0]), QStringLiteral("!"));
        QCOMPARE(QString::fromStdString(order[93]), QStringLiteral("~"));
        QCOMPARE(QString::fromStdString(order[94]), QStringLiteral("¡"));
        QCOMPARE(QString::fromStdString(order[255]), QString(QChar(0x143)));
        // The fixture numbers its first 256 tokens the same way, as Qwen2 does.
        QCOMPARE(*fixture().tokenId(order[220]), 220);
        QCOMPARE(QString::fromStdString(order[220]), QString(QChar(0x120)));
    }

    void loadsTheFixture()
    {
        const BpeTokenizer& tok = fixture();
        QCOMPARE(tok.vocabSize(), expected()["vocab_size"].get<int>());
        QCOMPARE(tok.vocabSize(), 306);
        QCOMPARE(*tok.tokenId("<|endoftext|>"), 303);
        QCOMPARE(*tok.tokenId("<|im_start|>"), 304);
        QCOMPARE(*tok.tokenId("<|im_end|>"), 305);
        QCOMPARE(*tok.tokenId(bytesToSymbols(" the")), 258);
        QVERIFY(!tok.tokenId("the"));
        QVERIFY(tok.isSpecial(305));
        QVERIFY(!tok.isSpecial(258));
        QCOMPARE(tok.addedTokens().size(), std::size_t(3));
        const QString description = QString::fromStdString(tok.describe());
        QVERIFY2(description.contains("303 tokens, 47 merges, 3 added, NFC"), qPrintable(description));
        QVERIFY2(description.contains("Split(Isolated) > ByteLevel"), qPrintable(description));
        QCOMPARE(QString::fromStdString(tok.source()), QString::fromStdString(kFixtureDir + "tokenizer.json"));
    }

    void matchesTheReference_data()
    {
        QTest::addColumn<int>("index");
        for (std::size_t i = 0; i < expected()["cases"].size(); ++i)
            QTest::newRow(expected()["cases"][i]["name"].get<std::string>().c_str()) << int(i);
    }
    void matchesTheReference()
    {
        QFETCH(int, index);
        const json& c = expected()["cases"][std::size_t(index)];
        const std::string text = c["text"].get<std::string>();
        const auto ids = fixture().encode(text);
        QCOMPARE(q(ids), q(c["ids"].get<std::vector<std::int32_t>>()));
        QCOMPARE(q(fixture().pieces(ids)), q(c["pieces"].get<std::vector<std::string>>()));
        QCOMPARE(
            QString::fromStdString(fixture().decode(ids)), QString::fromStdString(c["decoded"].get<std::string>()));
        if (!c["words"].is_null())
            QCOMPARE(q(fixture().preTokenize(text)), q(c["words"].get<std::vector<std::string>>()));
    }

    void preTokenizesTheQwen2Way()
    {
        const BpeTokenizer& tok = fixture();
        // Contractions split off, whatever their case.
        QCOMPARE(q(tok.preTokenize("IT'S We'LL don'T")), symbols({"IT", "'S", " We", "'LL", " don", "'T"}));
        QCOMPARE(q(tok.preTokenize("it's we're")), symbols({"it", "'s", " we", "'re"}));
        // Digits one at a time; the space before them stands alone.
        QCOMPARE(q(tok.preTokenize("In 2024")), symbols({"In", " ", "2", "0", "2", "4"}));
        // A space joins the following word; longer runs leave one for it.
        QCOMPARE(q(tok.preTokenize("the   cat")), symbols({"the", "  ", " cat"}));
        QCOMPARE(q(tok.preTokenize("cat   ")), symbols({"cat", "   "}));
        // Newlines: runs kept together, with the spaces before them.
        QCOMPARE(q(tok.preTokenize("a\n\nb")), symbols({"a", "\n\n", "b"}));
        QCOMPARE(q(tok.preTokenize("sat\r\non")), symbols({"sat", "\r\n", "on"}));
        QCOMPARE(q(tok.preTokenize("x  \n  y")), symbols({"x", "  \n", " ", " y"}));
        // Punctuation runs, with one leading space.
        QCOMPARE(q(tok.preTokenize("Hello!!! (world)...")), symbols({"Hello", "!!!", " (", "world", ")..."}));
        // Letters of any script form one word.
        QCOMPARE(q(tok.preTokenize("한국어")), symbols({"한국어"}));
        QVERIFY(tok.preTokenize("").empty());
    }

    void usesTheFilesRegexAndSplitBehaviors_data()
    {
        QTest::addColumn<QString>("behavior");
        QTest::addColumn<bool>("invert");
        QTest::addColumn<QStringList>("words");
        // "-" matches each dash on its own; only Contiguous joins the two of "--".
        QTest::newRow("Isolated") << "Isolated" << false << QStringList {"a", "-", "b", "-", "-", "c"};
        QTest::newRow("Removed") << "Removed" << false << QStringList {"a", "b", "c"};
        QTest::newRow("MergedWithPrevious") << "MergedWithPrevious" << false << QStringList {"a-", "b-", "-", "c"};
        QTest::newRow("MergedWithNext") << "MergedWithNext" << false << QStringList {"a", "-b", "-", "-c"};
        QTest::newRow("Contiguous") << "Contiguous" << false << QStringList {"a", "-", "b", "--", "c"};
        QTest::newRow("Removed, inverted") << "Removed" << true << QStringList {"-", "-", "-"};
    }
    void usesTheFilesRegexAndSplitBehaviors()
    {
        QFETCH(QString, behavior);
        QFETCH(bool, invert);
        QFETCH(QStringList, words);
        json j = fixtureJson();
        j["pre_tokenizer"]["pretokenizers"][0] = {{"type", "Split"}, {"pattern", {{"String", "-"}}},
            {"behavior", behavior.toStdString()}, {"invert", invert}};
        const auto tok = BpeTokenizer::fromJson(j.dump(), "split.json");
        QCOMPARE(q(tok.preTokenize("a-b--c")), words);

        j["pre_tokenizer"]["pretokenizers"][0]["pattern"] = {{"Regex", "[0-9]+"}};
        const auto digits = BpeTokenizer::fromJson(j.dump(), "split.json");
        if (behavior == "Isolated" && !invert)
            QCOMPARE(q(digits.preTokenize("ab12cd3")), (QStringList {"ab", "12", "cd", "3"}));
    }

    void byteLevelCanSplitAndAddAPrefixSpace()
    {
        json j = fixtureJson();
        j["pre_tokenizer"] = {{"type", "ByteLevel"}, {"add_prefix_space", true}, {"use_regex", true}};
        const auto gpt2 = BpeTokenizer::fromJson(j.dump(), "gpt2.json");
        QCOMPARE(q(gpt2.preTokenize("Hello world's 2024")), symbols({" Hello", " world", "'s", " 2024"}));
        j["pre_tokenizer"]["add_prefix_space"] = false;
        QCOMPARE(q(BpeTokenizer::fromJson(j.dump(), "gpt2.json").preTokenize("Hello")), symbols({"Hello"}));
    }

    void spacesAreOnigurumasWhiteSpace()
    {
        // PCRE2's own \s takes U+180E; Oniguruma's (Hugging Face's) does not.
        const auto space = Pcre2Regex::compile("\\s", false, "test", "test");
        QVERIFY(space.findAll("\xE1\xA0\x8E").empty()); // U+180E
        QCOMPARE(space.findAll("\xC2\x85").size(), std::size_t(1)); // U+0085 NEL
        QCOMPARE(space.findAll("\xE3\x80\x80").size(), std::size_t(1)); // U+3000
        QCOMPARE(QString::fromStdString(withOnigurumaSpaces(R"([^\s\p{L}]\S\\s\Q\s\E)")),
            QString(R"([^\p{White_Space}\p{L}]\P{White_Space}\\s\Q\s\E)"));
        const auto emptyMatches = Pcre2Regex::compile("x*", false, "test", "test").findAll("axb");
        QCOMPARE(emptyMatches.size(), std::size_t(3)); // "" at 0, "x" at 1, "" at 3 (not right after "x")
        QCOMPARE(int(emptyMatches[1].begin), 1);
        QCOMPARE(int(emptyMatches[2].begin), 3);
    }

    void mergesByRank()
    {
        const BpeTokenizer& tok = fixture();
        // "b c" ranks before "a b", so "abc" never becomes "ab" + "c" or "abc".
        QCOMPARE(q(tok.pieces(tok.encode("abc"))), (QStringList {"a", "bc"}));
        QCOMPARE(q(tok.pieces(tok.encode("ab"))), (QStringList {"ab"}));
        QCOMPARE(q(tok.pieces(tok.encode("xyz"))), (QStringList {"xy", "z"}));
        // "o n" ranks before "Ġ o": " on" is "Ġ" + "on" though "Ġo n" exists.
        QCOMPARE(q(tok.pieces(tok.encode(" on"))), symbols({" ", "on"}));
        // Merges build on merges: "Ġ t", "h e", "Ġt he".
        QCOMPARE(q(tok.encode(" the")), (QList<int> {258}));
        // The merge "1 2" is never reached: digits are separate words.
        QCOMPARE(q(tok.pieces(tok.encode("12"))), (QStringList {"1", "2"}));
        // Bytes of one character merge too; the unmerged ones stay bytes.
        QCOMPARE(q(tok.pieces(tok.encode("한국어"))), symbols({"한", "국", "\xEC", "\x96", "\xB4"}));
        QCOMPARE(q(tok.encode("\xF0\x9F\x98\x80")), (QList<int> {302}));
    }

    void mergesMayBeWrittenAsPairs()
    {
        json j = fixtureJson();
        for (auto& merge : j["model"]["merges"]) {
            const std::string text = merge.get<std::string>();
            const auto space = text.find(' ');
            merge = json::array({text.substr(0, space), text.substr(space + 1)});
        }
        const auto tok = BpeTokenizer::fromJson(j.dump(), "pairs.json");
        for (const json& c : expected()["cases"])
            QCOMPARE(q(tok.encode(c["text"].get<std::string>())), q(c["ids"].get<std::vector<std::int32_t>>()));
    }

    void addedTokensAreAtomic()
    {
        const BpeTokenizer& tok = fixture();
        QCOMPARE(q(tok.encode("<|im_start|>")), (QList<int> {304}));
        QCOMPARE(q(tok.encode("<|endoftext|><|im_end|>")), (QList<int> {303, 305}));
        auto ids = tok.encode("<|im_start|>the<|im_end|>");
        QCOMPARE(q(ids), (QList<int> {304, 83, 257, 305}));
        // Not quite a token: plain text.
        ids = tok.encode("<|im_start");
        QVERIFY(std::find(ids.begin(), ids.end(), 304) == ids.end());
        QCOMPARE(ids.size(), std::size_t(10));
        // As text, when special tokens are not parsed.
        const json& plain = expected()["special_as_text"];
        QCOMPARE(
            q(tok.encode(plain["text"].get<std::string>(), false)), q(plain["ids"].get<std::vector<std::int32_t>>()));
        QCOMPARE(str(tok.decode(tok.encode("<|im_end|>", false))), str("<|im_end|>"));
        // Decoding keeps them, or skips the special ones.
        ids = tok.encode("<|im_start|>user\nthe cat<|im_end|>\n");
        QCOMPARE(str(tok.decode(ids)), str("<|im_start|>user\nthe cat<|im_end|>\n"));
        QCOMPARE(str(tok.decode(ids, true)), str("user\nthe cat\n"));
    }

    void longestAddedTokenWins()
    {
        json j = fixtureJson();
        j["added_tokens"].push_back(
            {{"id", 306}, {"content", "<|im_start|>x"}, {"special", true}, {"normalized", false}});
        const auto tok = BpeTokenizer::fromJson(j.dump(), "longest.json");
        QCOMPARE(q(tok.encode("<|im_start|>x<|im_start|>y")), (QList<int> {306, 304, 88}));
    }

    void addedTokenStripAndSingleWord()
    {
        json j = fixtureJson();
        j["added_tokens"][1]["rstrip"] = true; // <|im_start|>
        j["added_tokens"][2]["lstrip"] = true; // <|im_end|>
        j["added_tokens"].push_back({{"id", 306}, {"content", "cat"}, {"special", false}, {"single_word", true}});
        j["added_tokens"].push_back({{"id", 307}, {"content", "<tool>"}, {"special", false}, {"normalized", false}});
        const auto tok = BpeTokenizer::fromJson(j.dump(), "strip.json");
        const auto the = fixture().encode("the");
        std::vector<std::int32_t> want {304};
        want.insert(want.end(), the.begin(), the.end());
        QCOMPARE(q(tok.encode("<|im_start|> \n the")), q(want));
        want = the;
        want.push_back(305);
        QCOMPARE(q(tok.encode("the \t <|im_end|>")), q(want));
        // single_word: only where no word character touches it.
        QCOMPARE(q(tok.encode("cat")), (QList<int> {306}));
        QCOMPARE(q(tok.encode("a cat.")), (QList<int> {64, 220, 306, 13}));
        const auto cats = tok.encode("cats");
        QVERIFY(std::find(cats.begin(), cats.end(), 306) == cats.end());
        // Non-special added tokens stay tokens when special ones are text.
        const auto ids = tok.encode("<tool><|im_end|>", false);
        QCOMPARE(ids.front(), 307);
        QVERIFY(std::find(ids.begin(), ids.end(), 305) == ids.end());
    }

    void normalizedAddedTokensMatchAfterNfc()
    {
        json j = fixtureJson();
        j["added_tokens"].push_back({{"id", 306}, {"content", "é!"}, {"special", false}, {"normalized", true}});
        j["added_tokens"].push_back({{"id", 307}, {"content", "ñ?"}, {"special", false}, {"normalized", false}});
        const auto tok = BpeTokenizer::fromJson(j.dump(), "normalized.json");
        QCOMPARE(q(tok.encode("e\xCC\x81!")), (QList<int> {306})); // e + U+0301, composed first
        QCOMPARE(q(tok.encode("\xC3\xB1?")), (QList<int> {307}));
        const auto raw = tok.encode("n\xCC\x83?"); // n + U+0303: not the raw text of the token
        QVERIFY(std::find(raw.begin(), raw.end(), 307) == raw.end());
    }

    void normalizesToNfc()
    {
        QCOMPARE(str(normalizeNfc("e\xCC\x81")), str("\xC3\xA9")); // é
        QCOMPARE(str(normalizeNfc("\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB")), str("한")); // conjoining jamo
        QCOMPARE(str(normalizeNfc("a\xCC\x81\xCC\xA3")), str("\xE1\xBA\xA1\xCC\x81")); // ordered: ạ + U+0301
        QCOMPARE(str(normalizeNfc("\xE2\x84\xAB")), str("\xC3\x85")); // U+212B ANGSTROM SIGN -> Å
        QCOMPARE(str(normalizeNfc("\xE0\xA5\x98")), str("\xE0\xA4\x95\xE0\xA4\xBC")); // U+0958 is excluded
        QCOMPARE(str(normalizeNfc("plain ASCII")), str("plain ASCII"));
        QCOMPARE(canonicalCombiningClass(0x301), 230);
        QCOMPARE(canonicalCombiningClass(0x323), 220);
        QCOMPARE(canonicalCombiningClass('a'), 0);
        QCOMPARE(QString(nfcUnicodeVersion()), QStringLiteral("14.0.0"));
        QCOMPARE(q(fixture().encode("cafe\xCC\x81")), q(fixture().encode("caf\xC3\xA9")));
    }

    void unicodeRoundTrips_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("korean") << QStringLiteral("한국어 텍스트 인코더는 잘 작동합니다.");
        QTest::newRow("emoji") << QStringLiteral("😀 🐈‍⬛ 👩🏽‍🚀 🇰🇷");
        QTest::newRow("combining marks") << QString::fromUtf8("\xE1\xBA\xB9\xCC\x81 q\xCC\x83 \xC7\xB9");
        QTest::newRow("mixed") << QStringLiteral("Cosmos 世界 мир κόσμος עולם العالم\t\n\r\n");
        QTest::newRow("control bytes") << QString::fromUtf8("a\x01\x7F\x1F b");
        QTest::newRow("specials as text") << QStringLiteral("<|im_start|>user\n<|im_end|>");
    }
    void unicodeRoundTrips()
    {
        QFETCH(QString, text);
        const std::string utf8 = text.toStdString();
        QCOMPARE(str(normalizeNfc(utf8)), str(utf8)); // NFC already, so nothing changes
        QCOMPARE(QString::fromStdString(fixture().decode(fixture().encode(utf8))), text);
        QCOMPARE(QString::fromStdString(fixture().decode(fixture().encode(utf8, false))), text);
    }

    void decodesPartialCharactersAsReplacement()
    {
        const BpeTokenizer& tok = fixture();
        const auto f0 = *tok.tokenId(bytesToSymbols("\xF0"));
        const auto e = *tok.tokenId("e");
        QCOMPARE(str(tok.decode({f0, e})),
            str("\xEF\xBF\xBD"
                "e"));
        QCOMPARE(str(tok.decode({})), str());
    }

    void piecesAndUnknownIds()
    {
        const BpeTokenizer& tok = fixture();
        QCOMPARE(q(tok.pieces({258, 263, 305, 0})), (QStringList {"Ġthe", "Ġcat", "<|im_end|>", "!"}));
        QVERIFY(errorOf([&] {
            tok.decode({258, 9999});
        }).contains("id 9999 is neither in model.vocab nor an added token"));
        QVERIFY(errorOf([&] { tok.pieces({-1}); }).contains("id -1"));
    }

    void rejectsInvalidUtf8()
    {
        const QString message = errorOf([] { fixture().encode("abc\xC3(def"); });
        QVERIFY2(message.contains("the text to encode is not valid UTF-8 (at byte 3)"), qPrintable(message));
        QVERIFY(errorOf([] { fixture().encode("\xED\xA0\x80"); }).contains("at byte 0")); // a surrogate
        QVERIFY(errorOf([] { fixture().encode("\xC0\xAF"); }).contains("at byte 0")); // overlong
    }

    void wrapsPromptsLikeCosmosPredict25()
    {
        const json& want = expected()["prompt"];
        const std::string prompt = want["prompt"].get<std::string>();
        QCOMPARE(str(textEncoderChatText(prompt)),
            str("<|im_start|>system\nYou are a helpful assistant who will provide prompts to an image generator."
                "<|im_end|>\n<|im_start|>user\n"
                + prompt + "<|im_end|>\n"));
        QCOMPARE(str(textEncoderChatText(prompt)), str(want["chat_text"].get<std::string>()));

        const auto real = want["ids"].get<std::vector<std::int32_t>>();
        const TextEncoderTokens tokens = tokenizeForTextEncoder(fixture(), prompt);
        QCOMPARE(tokens.ids.size(), std::size_t(512));
        QCOMPARE(tokens.padId, 303);
        QCOMPARE(tokens.realTokenCount, int(real.size()));
        QCOMPARE(tokens.promptTokenCount, int(real.size()));
        QVERIFY(!tokens.truncated);
        QCOMPARE(q(std::vector<std::int32_t>(tokens.ids.begin(), tokens.ids.begin() + std::ptrdiff_t(real.size()))),
            q(real));
        QCOMPARE(tokens.ids[0], 304);
        QCOMPARE(tokens.ids[real.size() - 2], 305); // "<|im_end|>", then "\n"
        for (std::size_t i = real.size(); i < tokens.ids.size(); ++i)
            QCOMPARE(tokens.ids[i], 303);
        QCOMPARE(q(encodePromptForTextEncoder(fixture(), prompt)), q(tokens.ids));
    }

    void truncatesPromptsKeepingTheStart()
    {
        const json& want = expected()["prompt"];
        const std::string prompt = want["prompt"].get<std::string>();
        const auto real = want["ids"].get<std::vector<std::int32_t>>();

        TextEncoderTokens tokens = tokenizeForTextEncoder(fixture(), prompt, 16);
        QCOMPARE(q(tokens.ids), q(std::vector<std::int32_t>(real.begin(), real.begin() + 16)));
        QVERIFY(tokens.truncated);
        QCOMPARE(tokens.realTokenCount, 16);
        QCOMPARE(tokens.promptTokenCount, int(real.size()));

        tokens = tokenizeForTextEncoder(fixture(), prompt, int(real.size())); // exactly full
        QVERIFY(!tokens.truncated);
        QCOMPARE(q(tokens.ids), q(real));

        std::string longPrompt;
        for (int i = 0; i < 300; ++i)
            longPrompt += "the cat ";
        tokens = tokenizeForTextEncoder(fixture(), longPrompt);
        QCOMPARE(tokens.ids.size(), std::size_t(512));
        QVERIFY(tokens.truncated);
        QCOMPARE(tokens.realTokenCount, 512);
        QVERIFY(tokens.promptTokenCount > 512);
        QCOMPARE(tokens.ids.back(), tokens.ids[tokens.ids.size() - 3]); // still the prompt's "Ġthe Ġcat" rhythm
        QVERIFY(std::find(tokens.ids.begin(), tokens.ids.end(), 303) == tokens.ids.end());
    }

    void promptNeedsThePadToken()
    {
        json j = fixtureJson();
        j["added_tokens"].erase(0);
        const auto tok = BpeTokenizer::fromJson(j.dump(), "nopad.json");
        QVERIFY(errorOf([&] {
            tokenizeForTextEncoder(tok, "x");
        }).contains("'nopad.json': has no pad token <|endoftext|>"));
        bool threw = false;
        try {
            tokenizeForTextEncoder(fixture(), "x", 0);
        } catch (const EngineError&) {
            threw = true;
        }
        QVERIFY(threw);
    }

    void rejectsMalformedFiles_data()
    {
        QTest::addColumn<int>("index");
        for (std::size_t i = 0; i < malformedCases().size(); ++i)
            QTest::newRow(malformedCases()[i].name) << int(i);
    }
    void rejectsMalformedFiles()
    {
        QFETCH(int, index);
        const Malformed& c = malformedCases()[std::size_t(index)];
        json j = fixtureJson();
        QVERIFY(loadError(j).isEmpty()); // the unchanged fixture loads
        apply(c, j);
        const QString message = loadError(j);
        QVERIFY2(message.startsWith("'bad.json': "), qPrintable(message));
        QVERIFY2(message.contains(QString::fromUtf8(c.message)), qPrintable(message));
    }

    void rejectsUnreadableFiles()
    {
        QString message = errorOf([] { BpeTokenizer::fromFile("/nonexistent/tokenizer.json"); });
        QVERIFY2(message.startsWith("'/nonexistent/tokenizer.json': cannot be opened: "), qPrintable(message));
        message = errorOf([] { BpeTokenizer::fromJson("{\"model\": ", "cut.json"); });
        QVERIFY2(message.startsWith("'cut.json': is not valid JSON: "), qPrintable(message));
        message = errorOf([] { BpeTokenizer::fromJson("[1, 2]", "list.json"); });
        QVERIFY2(message.contains("'list.json': must hold a JSON object, found array"), qPrintable(message));
    }
};

QTEST_GUILESS_MAIN(TestBpeTokenizer)
#include "tst_bpe_tokenizer.moc"

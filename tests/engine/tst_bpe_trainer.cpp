// The byte-level BPE trainer: the tokenizer.json it writes must load in the
// engine's own BpeTokenizer, keep each prompt word whole, round-trip any
// text, stay within its id limit and come out the same every time.
#include <nlohmann/json.hpp>

#include <QtTest>

#include <algorithm>
#include <fstream>
#include <functional>
#include <sstream>

#include "engine/errors.h"
#include "engine/text/bpe_tokenizer.h"
#include "engine/text/bpe_trainer.h"

using namespace cosmos::engine;
using namespace cosmos::engine::text;
using nlohmann::json;

namespace {

const std::string kFixtureDir = COSMOS_SOURCE_DIR "/tests/fixtures/tokenizer/";

const std::vector<std::string>& prompts()
{
    static const std::vector<std::string> lines = {
        "a large red ball is thrown to the right and bounces twice",
        "a small blue ball drops onto a yellow ball",
        "a green cube slides to the left and stops",
        "two small red balls roll towards each other and collide",
        "a yellow cube falls and bounces once",
        "the blue ball is thrown to the left",
    };
    return lines;
}

std::vector<std::string> wordsOf(const std::vector<std::string>& lines)
{
    std::vector<std::string> words;
    for (const std::string& line : lines) {
        std::istringstream in(line);
        for (std::string word; in >> word;)
            words.push_back(word);
    }
    return words;
}

BpeTokenizer load(const std::string& tokenizerJson)
{
    return BpeTokenizer::fromJson(tokenizerJson, "trained.json");
}

std::string readText(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// The message of the EngineError that f throws, or "" when it throws none.
QString errorOf(const std::function<void()>& f)
{
    try {
        f();
    } catch (const EngineError& e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

QString str(const std::string& text)
{
    return QString::fromStdString(text);
}

} // namespace

class TestBpeTrainer : public QObject {
    Q_OBJECT

private slots:
    void hasQwen2Configuration()
    {
        // The sections that are configuration, not learned, are Qwen2's.
        const json trained = json::parse(trainByteLevelBpe(prompts()));
        const json fixture = json::parse(readText(kFixtureDir + "tokenizer.json"));
        for (const char* section : {"normalizer", "pre_tokenizer", "post_processor", "decoder"})
            QCOMPARE(str(trained[section].dump()), str(fixture[section].dump()));
        QCOMPARE(str(trained["model"]["type"].get<std::string>()), QString("BPE"));
        const BpeTokenizer tokenizer = load(trained.dump());
        QVERIFY2(str(tokenizer.describe()).contains("Split(Isolated) > ByteLevel"), tokenizer.describe().c_str());
    }

    void padTokenIsTheLastId()
    {
        const BpeTokenizer tokenizer = load(trainByteLevelBpe(prompts()));
        const auto pad = tokenizer.tokenId(kBpeTrainerPadToken);
        QVERIFY(pad.has_value());
        QCOMPARE(*pad, tokenizer.vocabSize() - 1);
        QVERIFY(tokenizer.isSpecial(*pad));
        QVERIFY(tokenizer.encode("ball<|endoftext|>") == std::vector<std::int32_t>({*tokenizer.tokenId("ball"), *pad}));
        QCOMPARE(str(tokenizer.decode({*pad}, true)), QString());
    }

    void byteSymbolsComeFirst()
    {
        // Parsed in file order: a plain json object would sort the keys.
        const auto trained = nlohmann::ordered_json::parse(trainByteLevelBpe(prompts()));
        const auto& vocab = trained["model"]["vocab"];
        QCOMPARE(vocab["!"].get<int>(), 0);
        QCOMPARE(vocab["Ġ"].get<int>(), 220); // GPT-2's id for the space symbol
        std::size_t index = 0;
        for (const auto& [token, id] : vocab.items())
            QCOMPARE(id.get<std::size_t>(), index++); // listed by id, no gaps
    }

    void corpusWordsAreSingleTokens()
    {
        const std::string trained = trainByteLevelBpe(prompts());
        const BpeTokenizer tokenizer = load(trained);
        for (const std::string& word : wordsOf(prompts())) {
            QVERIFY2(tokenizer.encode(word).size() == 1, word.c_str());
            QVERIFY2(tokenizer.encode(" " + word).size() == 1, word.c_str());
            QVERIFY2(tokenizer.encode("ball " + word).size() == 2, word.c_str());
        }
        for (const std::string& line : prompts())
            QCOMPARE(tokenizer.encode(line).size(), wordsOf({line}).size());
        const json file = json::parse(trained);
        qInfo("sample corpus: %zu merges, %zu vocabulary tokens, %d ids", file["model"]["merges"].size(),
            file["model"]["vocab"].size(), tokenizer.vocabSize());
    }

    void roundTrips_data()
    {
        QTest::addColumn<QString>("text");
        for (const std::string& line : prompts())
            QTest::newRow(line.c_str()) << str(line);
        QTest::newRow("non-ASCII") << QString::fromUtf8("café ☃");
        QTest::newRow("unseen words") << QString("A Zebra jumped 42 times!");
        QTest::newRow("whitespace") << QString("  red\n\tball  \r\n");
        QTest::newRow("emoji and CJK") << QString::fromUtf8("球 🎈 über");
        QTest::newRow("empty") << QString();
    }
    void roundTrips()
    {
        QFETCH(QString, text);
        const std::string utf8 = text.toStdString();
        for (int limit : {257, 300, 512}) {
            const BpeTokenizer tokenizer = load(trainByteLevelBpe(prompts(), {limit}));
            QCOMPARE(str(tokenizer.decode(tokenizer.encode(utf8))), text);
        }
    }

    void respectsTheLimit_data()
    {
        QTest::addColumn<int>("limit");
        for (int limit : {257, 258, 300, 320, 512, 4096})
            QTest::newRow(std::to_string(limit).c_str()) << limit;
    }
    void respectsTheLimit()
    {
        QFETCH(int, limit);
        const std::string trained = trainByteLevelBpe(prompts(), {limit});
        const BpeTokenizer tokenizer = load(trained);
        QVERIFY(tokenizer.vocabSize() <= limit);
        QCOMPARE(*tokenizer.tokenId(kBpeTrainerPadToken), tokenizer.vocabSize() - 1);
        const json file = json::parse(trained);
        QCOMPARE(file["model"]["vocab"].size() + 1, std::size_t(tokenizer.vocabSize()));
        if (limit == 257)
            QVERIFY(file["model"]["merges"].empty());
        // Fewer ids never make the encoding longer than the bytes.
        for (const std::string& line : prompts())
            QVERIFY(tokenizer.encode(line).size() <= line.size());
    }

    void stopsWhenEveryWordIsOneToken()
    {
        // A bigger limit than needed changes nothing.
        QCOMPARE(trainByteLevelBpe(prompts(), {512}), trainByteLevelBpe(prompts(), {4096}));
    }

    void rejectsTooSmallLimits()
    {
        for (int limit : {256, 0, -1}) {
            const QString message = errorOf([&] { trainByteLevelBpe(prompts(), {limit}); });
            QVERIFY2(message.contains("need 257"), qPrintable(message));
        }
    }

    void rejectsInvalidUtf8()
    {
        const QString message = errorOf([] { trainByteLevelBpe({"red ball", "bad \xff byte"}); });
        QVERIFY2(message.contains("corpus line 2 is not valid UTF-8 (at byte 4)"), qPrintable(message));
    }

    void mergesTheMostFrequentPairFirst()
    {
        // t-h and h-e occur together, as often as "the" and "Ġthe" are
        // counted (9 times), more than any pair of "cat"; "h e" wins the tie
        // because "h" sorts before "t".
        const json file = json::parse(trainByteLevelBpe({"the the the cat"}));
        const json& merges = file["model"]["merges"];
        QVERIFY(merges.size() >= 2);
        QCOMPARE(str(merges[0].get<std::string>()), QString("h e"));
        QCOMPARE(str(merges[1].get<std::string>()), QString("t he"));
    }

    void cutsThePadTokenOutOfTheCorpus()
    {
        const BpeTokenizer tokenizer = load(trainByteLevelBpe({"red<|endoftext|>ball"}));
        QCOMPARE(tokenizer.encode("red").size(), std::size_t(1));
        QCOMPARE(tokenizer.encode("ball").size(), std::size_t(1));
        QVERIFY(!tokenizer.tokenId("red<|").has_value());
        QVERIFY(!tokenizer.tokenId("|>ball").has_value());
    }

    void isDeterministic()
    {
        const std::string first = trainByteLevelBpe(prompts());
        QCOMPARE(trainByteLevelBpe(prompts()), first);
        // Only the counts matter, not the order of the lines.
        std::vector<std::string> reversed = prompts();
        std::reverse(reversed.begin(), reversed.end());
        QCOMPARE(trainByteLevelBpe(reversed), first);
    }
};

QTEST_GUILESS_MAIN(TestBpeTrainer)
#include "tst_bpe_trainer.moc"

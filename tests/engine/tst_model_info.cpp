// What the studio reads about a model without loading it: the nano model's
// config summarized, clear errors for missing and corrupt configs, and
// prompts counted with the model's own tokenizer.
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include "engine/errors.h"
#include "engine/text/bpe_tokenizer.h"
#include "engine/tools/model_info.h"

using namespace cosmos::engine;
using namespace cosmos::engine::tools;

namespace {

const std::string kNanoFolder = COSMOS_SOURCE_DIR "/resources/models/nano";

// The message describeModel throws for `folder`; empty when it does not throw.
QString describeError(const std::string& folder)
{
    try {
        describeModel(folder);
    } catch (const EngineError& error) {
        return QString::fromStdString(error.what());
    }
    return {};
}

void writeFile(const QString& path, const QByteArray& content)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
}

} // namespace

class TestModelInfo : public QObject {
    Q_OBJECT
private slots:
    void describesTheNanoModel()
    {
        const ModelSummary nano = describeModel(kNanoFolder);
        QCOMPARE(QString::fromStdString(nano.name), QString("nano"));
        QCOMPARE(QString::fromStdString(nano.folder), QString::fromStdString(kNanoFolder));
        QCOMPARE(nano.frameCounts, (std::vector<int> {33, 17, 9, 5, 1}));
        QCOMPARE(nano.resolutions.size(), std::size_t(1));
        QCOMPARE(nano.resolutions.front(), (std::pair<int, int> {64, 64}));
        QCOMPARE(nano.defaultSteps, 24);
        QCOMPARE(nano.defaultGuidance, 2.0);
        QCOMPARE(QString::fromStdString(nano.defaultSampler), QString("unipc"));
        QCOMPARE(nano.samplers, (std::vector<std::string> {"unipc", "euler"}));
        QCOMPARE(nano.fps, 16.0);
        QCOMPARE(nano.maxPromptTokens, 32);
        QVERIFY(nano.negativePrompt.empty());
        QVERIFY(!nano.chatTemplate);
        QVERIFY(QFile::exists(QString::fromStdString(nano.tokenizerPath)));
    }

    void findsBuiltInModelsByName()
    {
        const ModelSummary nano = describeModel("nano");
        QCOMPARE(QString::fromStdString(nano.name), QString("nano"));
        QVERIFY(QFile::exists(QString::fromStdString(nano.folder + "/config.json")));
    }

    void missingConfigIsNamed()
    {
        QTemporaryDir folder;
        const QString message = describeError(folder.path().toStdString());
        QVERIFY2(message.contains(folder.path() + "/config.json"), qPrintable(message));
        QVERIFY2(message.contains("no config.json"), qPrintable(message));

        const QString unknown = describeError(folder.filePath("absent").toStdString());
        QVERIFY2(unknown.contains("absent"), qPrintable(unknown));
    }

    void corruptConfigIsExplained()
    {
        QTemporaryDir folder;
        writeFile(folder.filePath("config.json"), "{\"name\": \"broken\", \"fps\": ");
        QString message = describeError(folder.path().toStdString());
        QVERIFY2(message.contains("config.json") && message.contains("is not valid JSON"), qPrintable(message));

        writeFile(folder.filePath("config.json"), "{\"name\": \"broken\", \"fps\": \"fast\"}");
        message = describeError(folder.path().toStdString());
        QVERIFY2(
            message.contains("config.json") && message.contains("is not a valid model config"), qPrintable(message));

        writeFile(folder.filePath("config.json"), "[1, 2]");
        message = describeError(folder.path().toStdString());
        QVERIFY2(message.contains("is not a model config"), qPrintable(message));
    }

    void countsPromptsWithTheModelsTokenizer()
    {
        const ModelSummary nano = describeModel(kNanoFolder);
        const PromptTokenCounter counter(nano.tokenizerPath, nano.chatTemplate);
        const auto tokenizer = text::BpeTokenizer::fromFile(nano.tokenizerPath);
        const std::string prompt = "a red ball bounces to the right";
        QCOMPARE(counter.count(""), 0);
        QCOMPARE(counter.count(prompt), static_cast<int>(tokenizer.encode(prompt).size()));
        QVERIFY(counter.count(prompt) > 0);
        QVERIFY(counter.count(prompt + " and then rolls back to the left") > counter.count(prompt));
        // Long enough to be cut by the nano text encoder.
        std::string longPrompt;
        for (int i = 0; i < 10; ++i)
            longPrompt += "a red ball bounces to the right ";
        QVERIFY(counter.count(longPrompt) > nano.maxPromptTokens);
    }

    void chatTemplateCountsTheTemplateToo()
    {
        const std::string fixture = COSMOS_SOURCE_DIR "/tests/fixtures/tokenizer/tokenizer.json";
        const PromptTokenCounter plain(fixture);
        const PromptTokenCounter chat(fixture, true);
        const std::string prompt = "A robot arm picks up a cup.";
        QVERIFY(chat.count(prompt) > plain.count(prompt));
        QCOMPARE(chat.count(prompt + " It sets it down.") - chat.count(prompt),
            plain.count(prompt + " It sets it down.") - plain.count(prompt));
    }

    void missingTokenizerThrows()
    {
        QTemporaryDir folder;
        const std::string path = folder.filePath("tokenizer.json").toStdString();
        try {
            PromptTokenCounter counter(path);
            QFAIL("no exception");
        } catch (const EngineError& error) {
            QVERIFY2(QString(error.what()).contains("tokenizer.json"), error.what());
        }
    }
};

QTEST_GUILESS_MAIN(TestModelInfo)
#include "tst_model_info.moc"

#include <QtTest>

#include <filesystem>
#include <fstream>
#include <functional>

#include <nlohmann/json.hpp>

#include "engine/tools/model_check.h"

using cosmos::engine::tools::checkModelFolder;
using cosmos::engine::tools::ModelCheckReport;
namespace fs = std::filesystem;

namespace {

const fs::path kNano = fs::path(COSMOS_SOURCE_DIR) / "resources/models/nano";

std::string allLines(const ModelCheckReport& report)
{
    std::string text;
    for (const auto& line : report.lines)
        text += line + "\n";
    return text;
}

// The report, logged: the test output shows each message a user would read.
ModelCheckReport check(const fs::path& folder)
{
    auto report = checkModelFolder(folder.string());
    qInfo("%s", allLines(report).c_str());
    return report;
}

bool contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

} // namespace

class TestModelCheck : public QObject {
    Q_OBJECT

    QTemporaryDir m_temp;
    int m_counter = 0;

    // A model folder whose files link to the nano model's, except those the
    // test replaces: cheap to make, and the original stays untouched.
    fs::path linkedNano()
    {
        const fs::path folder = fs::path(m_temp.path().toStdString()) / ("model" + std::to_string(++m_counter));
        fs::create_directories(folder);
        for (const auto& entry : fs::directory_iterator(kNano))
            fs::create_symlink(entry.path(), folder / entry.path().filename());
        return folder;
    }

    // Replaces a linked file by a real copy that the test may damage.
    static fs::path ownCopy(const fs::path& folder, const std::string& name)
    {
        fs::remove(folder / name);
        fs::copy_file(kNano / name, folder / name);
        return folder / name;
    }

    static void writeText(const fs::path& path, const std::string& text)
    {
        fs::remove(path);
        std::ofstream(path) << text;
    }

    static void editConfig(const fs::path& folder, const std::function<void(nlohmann::json&)>& edit)
    {
        nlohmann::json json;
        std::ifstream(kNano / "config.json") >> json;
        edit(json);
        writeText(folder / "config.json", json.dump(2));
    }

private slots:
    void initTestCase() { QVERIFY(m_temp.isValid()); }

    void nanoIsOk()
    {
        const auto report = check(kNano);
        QVERIFY2(report.ok, report.error.c_str());
        QVERIFY(report.error.empty());
        QCOMPARE(report.modelName, std::string("nano"));
        const std::string text = allLines(report);
        QVERIFY2(contains(text, "[ok] config.json is valid"), text.c_str());
        QVERIFY2(contains(text, "[ok] dit.safetensors"), text.c_str());
        QVERIFY2(contains(text, "[ok] vae.safetensors"), text.c_str());
        QVERIFY2(contains(text, "[ok] text_encoder.safetensors"), text.c_str());
        QVERIFY2(contains(text, "[ok] tokenizer.json"), text.c_str());
        QVERIFY2(contains(text, "size on disk"), text.c_str());
        QVERIFY(!contains(text, "[problem]"));
        QVERIFY(report.sizeBytes > 20u * 1024u * 1024u);
    }

    void missingFolder()
    {
        const auto report = check(fs::path(m_temp.path().toStdString()) / "nowhere");
        QVERIFY(!report.ok);
        QVERIFY2(contains(report.error, "does not exist"), report.error.c_str());
        QCOMPARE(report.modelName, std::string("nowhere"));
    }

    void fileInsteadOfFolder()
    {
        const auto report = check(kNano / "config.json");
        QVERIFY(!report.ok);
        QVERIFY2(contains(report.error, "is not a folder"), report.error.c_str());
    }

    void folderWithoutConfig()
    {
        const fs::path folder = linkedNano();
        fs::remove(folder / "config.json");
        const auto report = check(folder);
        QVERIFY(!report.ok);
        QVERIFY2(contains(report.error, "config.json is missing"), report.error.c_str());
        // The weights are still opened, just not held against a config.
        QVERIFY2(contains(allLines(report), "shapes not checked"), allLines(report).c_str());
    }

    void corruptConfig()
    {
        const fs::path folder = linkedNano();
        writeText(folder / "config.json", "{\"name\": \"nano\", \"dit\": {");
        const auto report = check(folder);
        QVERIFY(!report.ok);
        QVERIFY2(contains(report.error, "config.json is not valid JSON"), report.error.c_str());
    }

    void configWithWrongTypes()
    {
        const fs::path folder = linkedNano();
        editConfig(folder, [](nlohmann::json& json) { json["dit"]["num_blocks"] = "six"; });
        const auto report = check(folder);
        QVERIFY(!report.ok);
        QVERIFY2(contains(report.error, "config.json does not describe a usable model"), report.error.c_str());
    }

    void truncatedWeights()
    {
        const fs::path folder = linkedNano();
        const fs::path dit = ownCopy(folder, "dit.safetensors");
        fs::resize_file(dit, fs::file_size(dit) / 2);
        const auto report = check(folder);
        QVERIFY(!report.ok);
        QVERIFY2(contains(report.error, "dit.safetensors cannot be read"), report.error.c_str());
        QVERIFY2(contains(report.error, "beyond") || contains(report.error, "truncated")
                || contains(report.error, "end of the file"),
            report.error.c_str());
        // The other files are still checked.
        QVERIFY2(contains(allLines(report), "[ok] vae.safetensors"), allLines(report).c_str());
    }

    void truncatedHeader()
    {
        const fs::path folder = linkedNano();
        const fs::path vae = ownCopy(folder, "vae.safetensors");
        fs::resize_file(vae, 100);
        const auto report = check(folder);
        QVERIFY(!report.ok);
        QVERIFY2(contains(report.error, "vae.safetensors cannot be read"), report.error.c_str());
        QVERIFY2(contains(report.error, "truncated"), report.error.c_str());
    }

    void notSafetensors()
    {
        const fs::path folder = linkedNano();
        writeText(folder / "text_encoder.safetensors", "this is a text file, not weights\n");
        const auto report = check(folder);
        QVERIFY(!report.ok);
        QVERIFY2(contains(report.error, "text_encoder.safetensors cannot be read"), report.error.c_str());
    }

    void emptyWeights()
    {
        const fs::path folder = linkedNano();
        writeText(folder / "dit.safetensors", "");
        const auto report = check(folder);
        QVERIFY(!report.ok);
        QVERIFY2(contains(report.error, "dit.safetensors cannot be read"), report.error.c_str());
        QVERIFY2(contains(report.error, "too short"), report.error.c_str());
    }

    void missingWeights()
    {
        const fs::path folder = linkedNano();
        fs::remove(folder / "vae.safetensors");
        const auto report = check(folder);
        QVERIFY(!report.ok);
        QVERIFY2(contains(report.error, "video tokenizer (VAE) weights are missing"), report.error.c_str());
        QVERIFY2(contains(report.error, "vae.safetensors"), report.error.c_str());
    }

    void missingTokenizer()
    {
        const fs::path folder = linkedNano();
        fs::remove(folder / "tokenizer.json");
        const auto report = check(folder);
        QVERIFY(!report.ok);
        QCOMPARE(report.error, std::string("tokenizer.json is missing"));
    }

    void corruptTokenizer()
    {
        const fs::path folder = linkedNano();
        writeText(folder / "tokenizer.json", "{\"model\": {\"type\": \"Unigram\"}}");
        const auto report = check(folder);
        QVERIFY(!report.ok);
        QVERIFY2(contains(report.error, "tokenizer.json cannot be used"), report.error.c_str());
    }

    void wrongShapes()
    {
        const fs::path folder = linkedNano();
        // Same layout, wider: every DiT tensor keeps its name, many change shape.
        editConfig(folder, [](nlohmann::json& json) { json["dit"]["model_channels"] = 256; });
        const auto report = check(folder);
        QVERIFY(!report.ok);
        QVERIFY2(contains(report.error, "dit.safetensors does not match config.json"), report.error.c_str());
        QVERIFY2(contains(report.error, "has shape"), report.error.c_str());
        QVERIFY2(contains(report.error, "but the config expects"), report.error.c_str());
        QVERIFY2(contains(allLines(report), "wrong shape ("), allLines(report).c_str());
    }

    void missingAndUnexpectedTensors()
    {
        const fs::path more = linkedNano();
        editConfig(more, [](nlohmann::json& json) { json["dit"]["num_blocks"] = 7; });
        const auto deeper = check(more);
        QVERIFY(!deeper.ok);
        QVERIFY2(contains(deeper.error, "is missing"), deeper.error.c_str());
        QVERIFY2(contains(deeper.error, "blocks.6"), deeper.error.c_str());

        const fs::path fewer = linkedNano();
        editConfig(fewer, [](nlohmann::json& json) { json["dit"]["num_blocks"] = 5; });
        const auto shallower = check(fewer);
        QVERIFY(!shallower.ok);
        QVERIFY2(contains(shallower.error, "is not part of the configured network"), shallower.error.c_str());
    }
};

QTEST_GUILESS_MAIN(TestModelCheck)
#include "tst_model_check.moc"

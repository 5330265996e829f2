// LibTorch before Qt: Qt's `slots` macro would break LibTorch's headers.
#include <torch/torch.h>

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

#include "engine/weights/checkpoint.h"
#include "engine/weights/safetensors_file.h"
#include "engine/weights/safetensors_writer.h"
#include "engine/weights/weights_error.h"
#include <nlohmann/json.hpp>

using namespace cosmos::engine;

namespace {

// Writes a file from a raw header text and data bytes, for malformed cases.
void writeRaw(
    const std::string& path, const std::string& header, const std::string& data, long long lengthOverride = -1)
{
    std::ofstream out(path, std::ios::binary);
    unsigned long long length = lengthOverride >= 0 ? static_cast<unsigned long long>(lengthOverride) : header.size();
    for (int i = 0; i < 8; ++i)
        out.put(static_cast<char>((length >> (8 * i)) & 0xff));
    out << header << data;
}

QString errorOf(const std::string& path)
{
    try {
        SafetensorsFile::open(path);
    } catch (const WeightsError& error) {
        return QString::fromStdString(error.what());
    } catch (const std::exception& error) {
        return QStringLiteral("WRONG TYPE: ") + error.what();
    }
    return QStringLiteral("NO ERROR");
}

} // namespace

class TestSafetensors : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::string path(const char* name) const { return m_dir.filePath(name).toStdString(); }

private slots:
    void roundTripsEveryDtype()
    {
        TensorMap tensors;
        tensors["f64"] = torch::arange(6, torch::kFloat64).view({2, 3}) / 3.0;
        tensors["f32"] = torch::randn({3, 4});
        tensors["f16"] = torch::randn({5}).to(torch::kFloat16);
        tensors["bf16"] = torch::randn({2, 2, 2}).to(torch::kBFloat16);
        tensors["i64"] = torch::tensor(std::vector<std::int64_t> {-5, 1ll << 40, 7});
        tensors["i32"] = torch::tensor({-1, 2, 3}, torch::kInt32);
        tensors["i16"] = torch::tensor({-300, 300}, torch::kInt16);
        tensors["i8"] = torch::tensor({-7, 7}, torch::kInt8);
        tensors["u8"] = torch::tensor({0, 255}, torch::kUInt8);
        tensors["bool"] = torch::tensor({true, false, true});
        tensors["scalar"] = torch::tensor(3.5f);
        tensors["empty"] = torch::zeros({0, 4});
        tensors["view"] = torch::arange(12, torch::kFloat32).view({3, 4}).t(); // non-contiguous input
        writeSafetensors(path("all.safetensors"), tensors, {{"format", "pt"}, {"note", "round trip"}});

        const auto file = SafetensorsFile::open(path("all.safetensors"));
        QCOMPARE(file->metadata().at("note"), std::string("round trip"));
        QCOMPARE(file->entries().size(), tensors.size());
        for (const auto& [name, expected] : tensors) {
            const auto loaded = file->tensor(name);
            QVERIFY2(loaded.scalar_type() == expected.scalar_type(), name.c_str());
            QVERIFY2(loaded.sizes() == expected.sizes(), name.c_str());
            QVERIFY2(torch::equal(loaded, expected), name.c_str());
        }
        QCOMPARE(file->entry("bf16").dtype, DType::BF16);
        QCOMPARE(file->entry("f32").bytes(), std::uint64_t(48));
        // Zero-copy: two reads see the same mapped bytes.
        QCOMPARE(file->tensor("f32").data_ptr(), file->tensor("f32").data_ptr());
        // Writing to a loaded tensor never touches the file (copy-on-write map).
        file->tensor("f32").fill_(0);
        QVERIFY(torch::equal(SafetensorsFile::open(path("all.safetensors"))->tensor("f32"), tensors["f32"]));
    }

    void writesAlignedDataForZeroCopy()
    {
        writeSafetensors(path("aligned.safetensors"), {{"a", torch::ones({3}, torch::kFloat64)}});
        std::ifstream in(path("aligned.safetensors"), std::ios::binary);
        unsigned char bytes[8];
        in.read(reinterpret_cast<char*>(bytes), 8);
        QCOMPARE((bytes[0] + 8) % 8, 0);
    }

    void shardsRoundTripThroughIndexAndFolder()
    {
        QTemporaryDir shardDir;
        TensorMap tensors;
        for (int i = 0; i < 7; ++i)
            tensors["layer." + std::to_string(i) + ".weight"] = torch::randn({16, 16});
        const std::string index = writeShardedSafetensors(shardDir.path().toStdString(), "model", tensors, 2500);
        QVERIFY(QFile::exists(shardDir.filePath("model-00001-of-00004.safetensors")));
        for (const std::string& opened : {index, shardDir.path().toStdString()}) {
            const Checkpoint checkpoint = Checkpoint::open(opened);
            QCOMPARE(checkpoint.format(), CheckpointFormat::ShardedSafetensors);
            QCOMPARE(checkpoint.records().size(), tensors.size());
            for (const auto& [name, expected] : tensors)
                QVERIFY(torch::equal(checkpoint.load(name), expected));
        }
    }

    void shardIndexPointingAtAMissingTensorIsRefused()
    {
        QTemporaryDir shardDir;
        writeSafetensors(shardDir.filePath("a.safetensors").toStdString(), {{"x", torch::ones({2})}});
        std::ofstream(shardDir.filePath("m.safetensors.index.json").toStdString())
            << R"({"weight_map": {"x": "a.safetensors", "y": "a.safetensors"}})";
        try {
            Checkpoint::open(shardDir.filePath("m.safetensors.index.json").toStdString());
            QFAIL("expected an error");
        } catch (const WeightsError& error) {
            QVERIFY2(QString(error.what()).contains("the index places this tensor in this shard"), error.what());
            QCOMPARE(error.tensor(), std::string("y"));
        }
    }

    void missingShardIsExplained()
    {
        QTemporaryDir shardDir;
        writeSafetensors(shardDir.filePath("a.safetensors").toStdString(), {{"x", torch::ones({2})}});
        std::ofstream(shardDir.filePath("m.safetensors.index.json").toStdString())
            << R"({"weight_map": {"x": "a.safetensors", "y": "b-00002.safetensors"}})";
        try {
            Checkpoint::open(shardDir.filePath("m.safetensors.index.json").toStdString());
            QFAIL("expected an error");
        } catch (const WeightsError& error) {
            QVERIFY2(QString(error.what()).contains("b-00002.safetensors"), error.what());
            QVERIFY2(QString(error.what()).contains("cannot open the file"), error.what());
        }
    }

    void malformedFilesAreExplained_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<qlonglong>("lengthOverride");
        QTest::addColumn<QString>("expected");
        const QByteArray eight(8, '\0');
        QTest::newRow("header beyond file") << QByteArray("{}") << QByteArray() << 4096ll << "truncated file?";
        QTest::newRow("header over limit") << QByteArray("{}") << QByteArray() << (1ll << 40) << "exceeds the";
        QTest::newRow("not json") << QByteArray("{not json") << QByteArray() << -1ll << "header is not valid JSON";
        QTest::newRow("not an object") << QByteArray("[1, 2]") << QByteArray() << -1ll
                                       << "header is JSON but not an object";
        QTest::newRow("unknown dtype") << QByteArray(
            R"({"w": {"dtype": "F8_E4M3", "shape": [1], "data_offsets": [0, 1]}})")
                                       << QByteArray(1, '\0') << -1ll << "unsupported dtype \"F8_E4M3\"";
        QTest::newRow("negative dim") << QByteArray(R"({"w": {"dtype": "F32", "shape": [-1], "data_offsets": [0, 4]}})")
                                      << QByteArray(4, '\0') << -1ll << "expected non-negative integers";
        QTest::newRow("missing shape") << QByteArray(R"({"w": {"dtype": "F32", "data_offsets": [0, 4]}})")
                                       << QByteArray(4, '\0') << -1ll << "header entry has no \"shape\"";
        QTest::newRow("three offsets") << QByteArray(
            R"({"w": {"dtype": "F32", "shape": [1], "data_offsets": [0, 4, 8]}})")
                                       << eight << -1ll << "\"data_offsets\" must be two non-negative integers";
        QTest::newRow("reversed offsets")
            << QByteArray(R"({"w": {"dtype": "F32", "shape": [0], "data_offsets": [4, 0]}})") << eight << -1ll
            << "end before they begin";
        QTest::newRow("data past the end")
            << QByteArray(R"({"w": {"dtype": "F32", "shape": [4], "data_offsets": [0, 16]}})") << eight << -1ll
            << "but the file holds only 8 bytes of data";
        QTest::newRow("length mismatch") << QByteArray(
            R"({"w": {"dtype": "F32", "shape": [3], "data_offsets": [0, 8]}})")
                                         << eight << -1ll << "needs 12 bytes, but data_offsets span 8";
        QTest::newRow("overlap") << QByteArray(R"({"a": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]},)"
                                               R"( "b": {"dtype": "F32", "shape": [1], "data_offsets": [4, 8]}})")
                                 << eight << -1ll << "overlaps tensor 'a'";
        QTest::newRow("metadata not string") << QByteArray(R"({"__metadata__": {"steps": 3}})") << QByteArray() << -1ll
                                             << "metadata \"steps\" is not a string";
        QTest::newRow("entry not object")
            << QByteArray(R"({"w": 5})") << QByteArray() << -1ll << "header entry is not a JSON object";
    }
    void malformedFilesAreExplained()
    {
        QFETCH(QByteArray, header);
        QFETCH(QByteArray, data);
        QFETCH(qlonglong, lengthOverride);
        QFETCH(QString, expected);
        const std::string file = path("bad.safetensors");
        writeRaw(file, header.toStdString(), data.toStdString(), lengthOverride);
        const QString message = errorOf(file);
        QVERIFY2(message.contains(expected), qPrintable(message));
        QVERIFY2(message.contains("bad.safetensors"), qPrintable(message)); // names the file
    }

    void shortAndMissingFilesAreExplained()
    {
        std::ofstream(path("short.safetensors"), std::ios::binary) << "abc";
        QVERIFY(errorOf(path("short.safetensors")).contains("too short for a safetensors header"));
        QVERIFY(errorOf(path("absent.safetensors")).contains("cannot open the file"));
    }

    void errorsNameTheTensor()
    {
        writeRaw(path("named.safetensors"),
            R"({"blocks.0.mlp": {"dtype": "F32", "shape": [3], "data_offsets": [0, 8]}})", std::string(8, '\0'));
        try {
            SafetensorsFile::open(path("named.safetensors"));
            QFAIL("expected an error");
        } catch (const WeightsError& error) {
            QCOMPARE(error.tensor(), std::string("blocks.0.mlp"));
            QVERIFY(QString(error.what()).contains("tensor 'blocks.0.mlp'"));
        }
    }

    void failedWriteLeavesNoFile()
    {
        const std::string target = "/proc/no-such-dir/out.safetensors";
        QVERIFY_THROWS_EXCEPTION(WeightsError, writeSafetensors(target, {{"a", torch::ones({1})}}));
        QVERIFY(!QFile::exists(QString::fromStdString(target)));
    }
};

QTEST_GUILESS_MAIN(TestSafetensors)
#include "tst_safetensors.moc"

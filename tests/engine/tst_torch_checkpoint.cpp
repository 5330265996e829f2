// LibTorch's headers come before Qt's: Qt's `slots` macro breaks them.
#include "engine/weights/restricted_unpickler.h"
#include "engine/weights/torch_checkpoint.h"
#include "engine/weights/weights_error.h"

#include <QtTest>

#include <algorithm>
#include <cstdio>
#include <set>

using namespace cosmos::engine;

namespace {

// Written by tests/fixtures/torch/make_fixtures.py; the values below repeat it.
std::string fixture(const char* name)
{
    return std::string(COSMOS_SOURCE_DIR "/tests/fixtures/torch/") + name;
}

// The command the forbidden-global fixture would run under Python's pickle.
const char* const kPwnedMarker = "/tmp/cosmos_torch_checkpoint_pwned";

std::string readBytes(const std::string& path)
{
    QFile file(QString::fromStdString(path));
    return file.open(QIODevice::ReadOnly) ? file.readAll().toStdString() : std::string();
}

void writeBytes(const std::string& path, const std::string& bytes)
{
    QFile file(QString::fromStdString(path));
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(bytes.data(), qint64(bytes.size())), qint64(bytes.size()));
}

// The WeightsError that `load` throws; empty when it throws none. Any other
// exception escapes and fails the test.
template<typename Load>
std::string errorOf(Load load, std::string* tensor = nullptr)
{
    try {
        load();
    } catch (const WeightsError& error) {
        if (tensor != nullptr)
            *tensor = error.tensor();
        return error.what();
    }
    return {};
}

// Whether message contains part; says what it got when not.
bool mentions(const std::string& message, const std::string& part)
{
    if (message.find(part) != std::string::npos)
        return true;
    qWarning("expected an error containing \"%s\", got \"%s\"", part.c_str(), message.c_str());
    return false;
}

bool same(const torch::Tensor& actual, const torch::Tensor& expected)
{
    return actual.scalar_type() == expected.scalar_type() && actual.sizes() == expected.sizes()
        && torch::equal(actual, expected);
}

torch::Tensor longs(std::vector<int64_t> values)
{
    return torch::tensor(values, torch::kLong);
}

// The bytes of a string literal, without its terminating NUL.
template<std::size_t N>
QByteArray bytes(const char (&literal)[N])
{
    return QByteArray(literal, N - 1);
}

UnpickledCheckpoint unpickle(const QByteArray& bytes)
{
    return unpickleCheckpoint(reinterpret_cast<const std::uint8_t*>(bytes.constData()),
        static_cast<std::size_t>(bytes.size()), "hand.pt", "hand/data.pkl");
}

} // namespace

class TestTorchCheckpoint : public QObject {
    Q_OBJECT
private slots:
    void loadsEveryDtypeExactly()
    {
        const TensorMap tensors = readTorchCheckpoint(fixture("dtypes.pt"));
        QCOMPARE(tensors.size(), std::size_t(12));
        QVERIFY(same(tensors.at("f32"), torch::arange(6, torch::kFloat).reshape({2, 3}) / 4));
        QVERIFY(same(tensors.at("f16"), torch::tensor({0.0f, -0.5f, -1.0f, -1.5f}).to(torch::kHalf)));
        QVERIFY(same(tensors.at("bf16"), torch::tensor({0.0f, 1.5f, 3.0f, 4.5f, 6.0f}).to(torch::kBFloat16)));
        QVERIFY(same(tensors.at("f64"), torch::tensor({1.0 / 3.0, -2.5}, torch::kDouble)));
        QVERIFY(same(tensors.at("i64"), longs({-3, 0, int64_t(1) << 40, -(int64_t(1) << 62)})));
        QVERIFY(same(tensors.at("i32"), torch::tensor({-7, 2147483647}, torch::kInt)));
        QVERIFY(same(tensors.at("i16"), torch::tensor({-300, 300}, torch::kShort)));
        QVERIFY(same(tensors.at("i8"), torch::tensor({-128, 127}, torch::kChar)));
        QVERIFY(same(tensors.at("u8"), torch::tensor({0, 255}, torch::kByte)));
        QVERIFY(same(tensors.at("bool"), torch::tensor({true, false, true}, torch::kBool)));
        QCOMPARE(tensors.at("scalar").dim(), int64_t(0));
        QCOMPARE(tensors.at("scalar").item<float>(), 7.5f);
        QCOMPARE(tensors.at("empty").sizes().vec(), (std::vector<int64_t> {0, 3}));
        QVERIFY(tensors.at("f32").is_contiguous());
    }

    void tensorsOwnTheirMemory()
    {
        QTemporaryDir dir;
        const std::string copy = dir.filePath("copy.pt").toStdString();
        writeBytes(copy, readBytes(fixture("dtypes.pt")));
        const TensorMap tensors = readTorchCheckpoint(copy);
        writeBytes(copy, std::string(4096, '\0'));
        QVERIFY(std::remove(copy.c_str()) == 0);
        QVERIFY(same(tensors.at("f32"), torch::arange(6, torch::kFloat).reshape({2, 3}) / 4));
    }

    void flattensNestedContainers()
    {
        const TorchCheckpoint checkpoint = readTorchCheckpointWithSkipped(fixture("nested.pt"));
        std::set<std::string> names;
        for (const auto& entry : checkpoint.tensors)
            names.insert(entry.first);
        QCOMPARE(names,
            (std::set<std::string> {
                "model.weight", "model.bias", "param", "list.0", "list.1.0", "opt.state.0.exp_avg"}));
        // Pickle order; the OrderedDict's _metadata attribute is neither.
        QCOMPARE(checkpoint.skippedKeys,
            (std::vector<std::string> {"list.1.1", "epoch", "lr", "name", "none", "flag", "opt.state.0.step"}));
        const TensorMap& t = checkpoint.tensors;
        QVERIFY(same(t.at("model.weight"), torch::arange(6, torch::kFloat).reshape({2, 3})));
        QVERIFY(same(t.at("model.bias"), torch::tensor({10.0f, 20.0f})));
        QVERIFY(same(t.at("param"), torch::arange(3, torch::kFloat)));
        QVERIFY(same(t.at("list.0"), longs({1, 2})));
        QVERIFY(same(t.at("list.1.0"), longs({3})));
        QVERIFY(same(t.at("opt.state.0.exp_avg"), torch::zeros({2})));
    }

    void rebuildsViewsOfSharedStorage()
    {
        const TensorMap t = readTorchCheckpoint(fixture("views.pt"));
        const torch::Tensor base = torch::arange(24, torch::kFloat).reshape({4, 6});
        QVERIFY(same(t.at("base"), base));
        QVERIFY(same(t.at("col"), base.select(1, 2)));
        QCOMPARE(t.at("col").stride(0), int64_t(6));
        QCOMPARE(t.at("col").storage_offset(), int64_t(2));
        QVERIFY(same(t.at("block"), base.slice(0, 1, 3).slice(1, 2, 5)));
        QCOMPARE(t.at("block").storage_offset(), int64_t(8));
        QVERIFY(same(t.at("transposed"), base.t()));
        QCOMPARE(t.at("transposed").strides().vec(), (std::vector<int64_t> {1, 6}));
        QVERIFY(same(t.at("row"), base[3]));
        QCOMPARE(t.at("row").storage_offset(), int64_t(18));
        for (const char* view : {"col", "block", "transposed", "row"})
            QVERIFY(t.at(view).is_alias_of(t.at("base")));
        QVERIFY(same(t.at("tail"), torch::arange(4, 10, torch::kLong)));
        QCOMPARE(t.at("tail").storage_offset(), int64_t(4));
    }

    void readsProtocol4AndTorch2Layout()
    {
        for (const char* name : {"protocol4.pt", "torch2_layout.pt"}) {
            const TensorMap t = readTorchCheckpoint(fixture(name));
            QCOMPARE(t.size(), std::size_t(2));
            QVERIFY(same(t.at("a"), torch::arange(3, torch::kFloat)));
            QVERIFY(same(t.at("b.c"), longs({1, 2})));
        }
    }

    void inspectsTensors()
    {
        const std::vector<TorchRecordInfo> infos = inspectTorchCheckpoint(fixture("dtypes.pt"));
        QCOMPARE(infos.size(), std::size_t(12));
        QCOMPARE(infos.front().name, std::string("bf16")); // name order
        QCOMPARE(int(infos.front().dtype), int(torch::kBFloat16));
        QCOMPARE(infos.front().shape, (std::vector<int64_t> {5}));
        QCOMPARE(infos.front().bytes, uint64_t(10));
        const auto f32 = std::find_if(infos.begin(), infos.end(), [](const auto& info) { return info.name == "f32"; });
        QVERIFY(f32 != infos.end());
        QCOMPARE(f32->shape, (std::vector<int64_t> {2, 3}));
        QCOMPARE(f32->bytes, uint64_t(24));
    }

    void recognisesTorchZips()
    {
        QVERIFY(looksLikeTorchZip(fixture("dtypes.pt")));
        QVERIFY(looksLikeTorchZip(fixture("forbidden_global.pt")));
        QVERIFY(!looksLikeTorchZip(fixture("not_a_zip.pt")));
        QVERIFY(!looksLikeTorchZip(fixture("legacy.pt")));
        QVERIFY(!looksLikeTorchZip(fixture("no_such_file.pt")));
    }

    void refusesForbiddenGlobalWithoutRunningIt()
    {
        std::remove(kPwnedMarker);
        const std::string message = errorOf([] { readTorchCheckpoint(fixture("forbidden_global.pt")); });
        QVERIFY(mentions(message, "'posix.system'"));
        QVERIFY(mentions(message, "only tensors and plain containers"));
        QVERIFY(mentions(message, "forbidden_global.pt"));
        QVERIFY(!QFile::exists(kPwnedMarker));
    }

    void refusesMalformedPickles_data()
    {
        QTest::addColumn<QByteArray>("pickle");
        QTest::addColumn<QString>("expected");
        const QByteArray p2 = bytes("\x80\x02"); // PROTO 2
        const auto row = [](const char* name, const QByteArray& pickle, const char* expected) {
            QTest::newRow(name) << pickle << QString(expected);
        };
        row("builtins.eval", p2 + "cbuiltins\neval\nX" + bytes("\x01\0\0\0") + "1\x85R.", "'builtins.eval'");
        row("os.system", p2 + "cos\nsystem\n)R.", "'os.system'");
        row("user class", bytes("\x80\x04\x8c\x08__main__\x8c\x04") + "Evil\x93)R.", "'__main__.Evil'");
        row("unknown opcode", p2 + "}\xff.", "unknown or unsupported pickle opcode 0xff");
        row("truncated string", p2 + bytes("X\x10\0\0\0abc"), "truncated: BINUNICODE needs 16 bytes");
        row("no STOP", p2 + "}", "truncated");
        row("wrong target", p2 + "]K\x01K\x02s.", "SETITEMS target: expected dict, found list");
        row("calls a storage type", p2 + "ctorch\nFloatStorage\n)R.", "cannot be called");
        row("rebuild without storage", p2 + "ctorch._utils\n_rebuild_tensor_v2\n" + bytes("(K\0K\0))\x89NtR."),
            "tensor storage: expected storage, found int");
        row("empty stack", p2 + "s.", "needs a value, but the stack is empty");
        row("unwritten memo", p2 + "h\x05.", "memo slot 5 is read before it is written");
        row("list holding itself", p2 + bytes("]q\0h\0a."), "hold themselves");
        row("tuple key", p2 + "}K\x01\x85K\x02s.", "a dict key is a tuple");
    }
    void refusesMalformedPickles()
    {
        QFETCH(QByteArray, pickle);
        QFETCH(QString, expected);
        const std::string message = errorOf([&] { unpickle(pickle); });
        QVERIFY(mentions(message, expected.toStdString()));
        QVERIFY(mentions(message, "'hand.pt'"));
    }

    void skipsPlainValues()
    {
        const UnpickledCheckpoint result
            = unpickle(bytes("\x80\x02}(X\x01\0\0\0aK\x01X\x01\0\0\0bG?\xf8\0\0\0\0\0\0u."));
        QVERIFY(result.tensors.empty());
        QCOMPARE(result.skippedKeys, (std::vector<std::string> {"a", "b"}));
        // Python 3 bytes under protocol 2: _codecs.encode is recognised, never called.
        const QByteArray encoded = bytes("\x80\x02]c_codecs\nencode\nX\x03\0\0\0abcX\x06\0\0\0latin1\x86Ra.");
        QCOMPARE(unpickle(encoded).skippedKeys, (std::vector<std::string> {"0"}));
    }

    void refusesDamagedFiles_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QString>("tensor");
        QTest::newRow("garbage") << "not_a_zip.pt"
                                 << "not a PyTorch zip checkpoint"
                                 << "";
        QTest::newRow("legacy") << "legacy.pt"
                                << "legacy torch.save format"
                                << "";
        QTest::newRow("missing record") << "missing_record.pt"
                                        << "storage record 'dtypes/data/3' is missing from the zip"
                                        << "f64";
        QTest::newRow("short record") << "short_record.pt"
                                      << "'dtypes/data/0' holds 20 bytes, but the pickle declares 6 float32"
                                      << "f32";
        QTest::newRow("view past storage") << "out_of_bounds_view.pt"
                                           << "storage '0' is too small: the view (size [3, 3], stride [3, 1]"
                                           << "v";
        QTest::newRow("big-endian") << "big_endian.pt"
                                    << "only little-endian is supported"
                                    << "";
    }
    void refusesDamagedFiles()
    {
        QFETCH(QString, file);
        QFETCH(QString, expected);
        QFETCH(QString, tensor);
        std::string tensorName = "unset";
        const std::string message
            = errorOf([&] { readTorchCheckpoint(fixture(file.toUtf8().constData())); }, &tensorName);
        QVERIFY(mentions(message, expected.toStdString()));
        QVERIFY(mentions(message, file.toStdString()));
        QCOMPARE(QString::fromStdString(tensorName), tensor);
    }

    void refusesEveryTruncation()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath("cut.pt").toStdString();
        const std::string whole = readBytes(fixture("dtypes.pt"));
        writeBytes(path, whole.substr(0, whole.size() / 2));
        QVERIFY(mentions(errorOf([&] { readTorchCheckpoint(path); }), "the file may be truncated"));
        writeBytes(path, "");
        QVERIFY(mentions(errorOf([&] { readTorchCheckpoint(path); }), "is empty"));
        for (std::size_t length = 1; length < whole.size(); ++length) {
            writeBytes(path, whole.substr(0, length));
            QVERIFY2(!errorOf([&] { readTorchCheckpoint(path); }).empty(), std::to_string(length).c_str());
        }
    }

    void survivesEveryCorruptedByte()
    {
        // Each flipped byte either still loads or is refused with a
        // WeightsError: no crash, no other exception.
        QTemporaryDir dir;
        const std::string path = dir.filePath("flipped.pt").toStdString();
        const std::string whole = readBytes(fixture("views.pt"));
        int refused = 0;
        for (std::size_t at = 0; at < whole.size(); ++at) {
            std::string flipped = whole;
            flipped[at] = char(flipped[at] ^ 0x5a);
            writeBytes(path, flipped);
            refused += errorOf([&] { readTorchCheckpoint(path); }).empty() ? 0 : 1;
        }
        QVERIFY(refused > 0);
    }
};

QTEST_GUILESS_MAIN(TestTorchCheckpoint)
#include "tst_torch_checkpoint.moc"

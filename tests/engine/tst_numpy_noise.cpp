#include <QtTest>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdint>
#include <cstring>
#include <random>

#include "engine/sampling/numpy_random.h"

using namespace cosmos::engine;

namespace {

// Distance in units in the last place between two finite doubles of the same
// sign (the only case that arises when comparing a value with itself).
uint64_t ulpDistance(double a, double b)
{
    int64_t bitsA = 0;
    int64_t bitsB = 0;
    std::memcpy(&bitsA, &a, sizeof a);
    std::memcpy(&bitsB, &b, sizeof b);
    if ((bitsA < 0) != (bitsB < 0))
        return a == b ? 0 : UINT64_MAX;
    return bitsA > bitsB ? uint64_t(bitsA - bitsB) : uint64_t(bitsB - bitsA);
}

uint32_t floatBits(float value)
{
    uint32_t bits = 0;
    std::memcpy(&bits, &value, sizeof value);
    return bits;
}

} // namespace

class TestNumpyNoise : public QObject {
    Q_OBJECT
private:
    QJsonObject m_fixture;

    QJsonObject seedEntry(uint32_t seed) const
    {
        for (const QJsonValue& entry : m_fixture.value("seeds").toArray()) {
            if (uint32_t(entry.toObject().value("seed").toDouble()) == seed)
                return entry.toObject();
        }
        return {};
    }

    static void addSeedRows()
    {
        QTest::addColumn<uint32_t>("seed");
        for (const uint32_t seed : {0U, 1U, 42U, 4294967295U})
            QTest::newRow(QByteArray::number(seed).constData()) << seed;
    }

private slots:
    void initTestCase()
    {
        QFile file(COSMOS_SOURCE_DIR "/tests/fixtures/numpy_noise.json");
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        m_fixture = document.object();
        QCOMPARE(m_fixture.value("seeds").toArray().size(), 4);
    }

    // std::mt19937 is specified by the standard with init_genrand seeding, so
    // it checks the generator core independently of NumPy, across several
    // state regenerations (624 outputs each).
    void matchesStandardMt19937_data() { addSeedRows(); }
    void matchesStandardMt19937()
    {
        QFETCH(uint32_t, seed);
        NumpyRandomState state(seed);
        std::mt19937 reference(seed);
        for (int i = 0; i < 2000; ++i)
            QCOMPARE(state.nextUInt32(), uint32_t(reference()));
    }

    void randomSampleMatchesNumpy_data() { addSeedRows(); }
    void randomSampleMatchesNumpy()
    {
        QFETCH(uint32_t, seed);
        const QJsonArray expected = seedEntry(seed).value("random_sample").toArray();
        QCOMPARE(expected.size(), 8);
        NumpyRandomState state(seed);
        for (const QJsonValue& value : expected) {
            // Built from integers only, so the bits must agree exactly.
            const double actual = state.randomSample();
            QCOMPARE(ulpDistance(actual, value.toDouble()), uint64_t(0));
        }
    }

    void standardNormalMatchesNumpy_data() { addSeedRows(); }
    void standardNormalMatchesNumpy()
    {
        QFETCH(uint32_t, seed);
        const QJsonArray expected = seedEntry(seed).value("standard_normal").toArray();
        QCOMPARE(expected.size(), 64);
        NumpyRandomState state(seed);
        int index = 0;
        for (const QJsonValue& value : expected) {
            const double actual = state.standardNormal();
            // One ulp of slack for a libm whose log() rounds differently from
            // the one NumPy used; a wrong method or order misses by far more.
            QVERIFY2(ulpDistance(actual, value.toDouble()) <= 1,
                qPrintable(QString("value %1: %2 instead of %3")
                               .arg(index)
                               .arg(actual, 0, 'g', 17)
                               .arg(value.toDouble(), 0, 'g', 17)));
            ++index;
        }
    }

    void shapedFloat32NoiseMatchesNumpy()
    {
        const QJsonObject shaped = m_fixture.value("shaped").toObject();
        const auto seed = uint32_t(shaped.value("seed").toDouble());
        std::size_t count = 1;
        for (const QJsonValue& size : shaped.value("shape").toArray())
            count *= std::size_t(size.toDouble());
        QCOMPARE(count, std::size_t(120));
        const QJsonArray expected = shaped.value("float32").toArray();
        QCOMPARE(std::size_t(expected.size()), count);

        const std::vector<float> actual = numpyStandardNormalFloat32(seed, count);
        QCOMPARE(actual.size(), count);
        for (std::size_t i = 0; i < count; ++i)
            QCOMPARE(floatBits(actual[i]), floatBits(float(expected[int(i)].toDouble())));
    }

    void cachedNormalSurvivesUniformDraws()
    {
        const QJsonObject interleaved = m_fixture.value("interleaved").toObject();
        NumpyRandomState state(uint32_t(interleaved.value("seed").toDouble()));
        const QJsonArray draws = interleaved.value("draws").toArray();
        QVERIFY(!draws.isEmpty());
        for (const QJsonValue& draw : draws) {
            const QJsonObject object = draw.toObject();
            const bool normal = object.value("kind").toString() == "normal";
            const double actual = normal ? state.standardNormal() : state.randomSample();
            QVERIFY(ulpDistance(actual, object.value("value").toDouble()) <= (normal ? 1U : 0U));
        }
    }

    void isDeterministic()
    {
        const std::vector<float> first = numpyStandardNormalFloat32(1234, 1001);
        QCOMPARE(numpyStandardNormalFloat32(1234, 1001), first);
        // A longer draw starts with the shorter one (odd counts included:
        // the cached value is only ever the next element).
        const std::vector<float> longer = numpyStandardNormalFloat32(1234, 2000);
        QVERIFY(std::equal(first.begin(), first.end(), longer.begin()));
        QVERIFY(numpyStandardNormalFloat32(1235, 1001) != first);
        QVERIFY(numpyStandardNormalFloat32(0, 0).empty());

        NumpyRandomState a(99);
        NumpyRandomState b(99);
        for (int i = 0; i < 100; ++i)
            QCOMPARE(ulpDistance(a.standardNormal(), b.standardNormal()), uint64_t(0));
    }
};

QTEST_GUILESS_MAIN(TestNumpyNoise)
#include "tst_numpy_noise.moc"

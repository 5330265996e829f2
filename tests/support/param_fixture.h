// Parameter fixtures written from the official module definitions
// (tests/fixtures/**/_params.txt: "name<TAB>d0,d1,..." lines, "# total N"),
// and the comparison of a network's parameters against them.
#pragma once

#include <torch/nn/module.h>

#include <QFile>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace cosmos::tests {

struct ParamFixture {
    std::map<std::string, std::vector<std::int64_t>> shapes;
    std::int64_t total = 0;
};

// Fails the whole test run when the fixture is missing: nothing can be checked without it.
inline ParamFixture readParamFixture(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(path));
    ParamFixture fixture;
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (line.startsWith("# total "))
            fixture.total = line.mid(8).toLongLong();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const QStringList parts = line.split('\t');
        std::vector<std::int64_t> shape;
        for (const QString& dim : parts.value(1).split(','))
            shape.push_back(dim.toLongLong());
        fixture.shapes[parts[0].toStdString()] = shape;
    }
    return fixture;
}

inline ParamFixture moduleParams(const torch::nn::Module& module)
{
    ParamFixture params;
    for (const auto& item : module.named_parameters(true)) {
        params.shapes[item.key()] = item.value().sizes().vec();
        params.total += item.value().numel();
    }
    return params;
}

// Empty when equal; otherwise the first difference, for the test's message.
inline QString fixtureDifference(const ParamFixture& expected, const ParamFixture& actual)
{
    for (const auto& [name, shape] : expected.shapes) {
        const auto found = actual.shapes.find(name);
        if (found == actual.shapes.end())
            return QStringLiteral("missing %1").arg(QString::fromStdString(name));
        if (found->second != shape)
            return QStringLiteral("shape of %1").arg(QString::fromStdString(name));
    }
    for (const auto& entry : actual.shapes)
        if (!expected.shapes.count(entry.first))
            return QStringLiteral("unexpected %1").arg(QString::fromStdString(entry.first));
    if (expected.total != actual.total)
        return QStringLiteral("total %1, expected %2").arg(actual.total).arg(expected.total);
    return {};
}

} // namespace cosmos::tests

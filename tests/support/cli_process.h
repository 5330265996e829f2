// Runs the real cosmos-cli executable for CLI tests, with its data folder
// (and so its log file) in a temporary folder instead of the user's.
#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

namespace cosmos::tests {

struct CliResult {
    int code = -1; // -1: did not finish in time
    QString out;
    QString err;
};

inline CliResult runCosmosCli(const QStringList& arguments, const QString& dataHome, int timeoutMs = 300000)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("XDG_DATA_HOME", dataHome);
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(COSMOS_BINARY_DIR "/app/cosmos-cli"), arguments);
    if (!process.waitForFinished(timeoutMs))
        return {};
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
        QString::fromUtf8(process.readAllStandardError())};
}

} // namespace cosmos::tests

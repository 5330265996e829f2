#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include "app/logging_setup.h"

using namespace cosmos;

class TestLogging : public QObject {
    Q_OBJECT
private slots:
    void writesEngineAndQtMessagesToTheFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QString path;
        {
            app::Logging logging(app::LoggingOptions {false, dir.path()});
            path = logging.logFilePath();
            QCOMPARE(path, dir.filePath("cosmos-studio.log"));
            logging.logger()->info("engine says {}", 42);
            // In the file at once, not when the app ends: a log can be followed
            // while a long job runs.
            QFile live(path);
            QVERIFY(live.open(QIODevice::ReadOnly));
            QVERIFY(live.readAll().contains("engine says 42"));
            qWarning("qt says hello");
        }
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        QVERIFY2(text.contains("[info] engine says 42"), qPrintable(text));
        QVERIFY2(text.contains("[warning] [default] qt says hello"), qPrintable(text));
    }

    void relayReplaysEarlierLinesThenStreams()
    {
        QTemporaryDir dir;
        app::Logging logging(app::LoggingOptions {false, dir.path()});
        logging.logger()->warn("before the view");
        QStringList seen;
        logging.setLineCallback([&](const QString& level, const QString& line) { seen << level + "|" + line; });
        logging.logger()->error("after the view");
        QCOMPARE(seen.size(), 2);
        QVERIFY(seen[0].startsWith("warning|") && seen[0].endsWith("before the view"));
        QVERIFY(seen[1].startsWith("error|") && seen[1].endsWith("after the view"));
        logging.setLineCallback(nullptr);
        logging.logger()->info("nobody listens");
        QCOMPARE(seen.size(), 2);
    }

    void unwritableFolderDoesNotStopTheApp()
    {
        app::Logging logging(app::LoggingOptions {false, QStringLiteral("/proc/cannot-write-here")});
        QVERIFY(logging.logFilePath().isEmpty());
        logging.logger()->info("still logging to the other sinks");
    }
};

QTEST_GUILESS_MAIN(TestLogging)
#include "tst_logging.moc"

// The prompt matrix's arithmetic: templates expanded into prompts, seed and
// guidance lists parsed, the product of the axes in prompt-major order, and
// the limits that keep a batch to what a board can compare.
#include <QtTest>

#include "projects/prompt_matrix.h"

using namespace cosmos::projects;

class TestPromptMatrix : public QObject {
    Q_OBJECT
private slots:
    void expandsLinesAndTemplates_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("prompts");
        QTest::newRow("lines") << "a red ball\n\n  a blue ball  \n" << QStringList {"a red ball", "a blue ball"};
        QTest::newRow("template") << "a {red|blue} ball {drops|is thrown upward}"
                                  << QStringList {"a red ball drops", "a red ball is thrown upward",
                                         "a blue ball drops", "a blue ball is thrown upward"};
        QTest::newRow("lines and templates")
            << "a cube\na {red|blue} ball" << QStringList {"a cube", "a red ball", "a blue ball"};
        QTest::newRow("empty alternative")
            << "a {|big }ball {rolls|}" << QStringList {"a ball rolls", "a ball", "a big ball rolls", "a big ball"};
        QTest::newRow("brace without bar is literal") << "a {red} ball" << QStringList {"a {red} ball"};
        QTest::newRow("unclosed brace is literal") << "a {red|blue ball" << QStringList {"a {red|blue ball"};
        QTest::newRow("no nesting") << "{a|{b|c}}" << QStringList {"{a|b}", "{a|c}"};
        QTest::newRow("repeats kept once") << "a ball\na {ball|cube}\na  ball" << QStringList {"a ball", "a cube"};
        QTest::newRow("blank") << " \n\t\n" << QStringList {};
    }
    void expandsLinesAndTemplates()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, prompts);
        QString error;
        QCOMPARE(expandPromptTemplate(text, &error), prompts);
        QVERIFY(error.isEmpty());
    }

    void refusesTooManyVariants()
    {
        // 2^9 = 512 variants from one line: refused before expanding.
        QString error;
        const QString line = QString("{a|b} ").repeated(9);
        QVERIFY(expandPromptTemplate(line, &error).isEmpty());
        QVERIFY2(error.contains("256"), qPrintable(error));
        // 2^8 = 256 is the limit itself.
        error.clear();
        QCOMPARE(expandPromptTemplate(QString("{a|b} ").repeated(8), &error).size(), 256);
        QVERIFY(error.isEmpty());
    }

    void parsesSeeds_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QList<qint64>>("seeds");
        QTest::newRow("commas") << "1, 2, 3" << QList<qint64> {1, 2, 3};
        QTest::newRow("spaces") << "5 9  11" << QList<qint64> {5, 9, 11};
        QTest::newRow("range") << "1-4" << QList<qint64> {1, 2, 3, 4};
        QTest::newRow("spaced range and list") << "0 - 2, 10" << QList<qint64> {0, 1, 2, 10};
        QTest::newRow("largest") << "4294967295" << QList<qint64> {4294967295LL};
        QTest::newRow("empty: the segment's") << "  " << QList<qint64> {};
    }
    void parsesSeeds()
    {
        QFETCH(QString, text);
        QFETCH(QList<qint64>, seeds);
        QString error;
        const auto parsed = parseSeedList(text, &error);
        QVERIFY2(parsed, qPrintable(error));
        QCOMPARE(*parsed, seeds);
    }

    void explainsBadSeeds_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("word") << "1, two"
                              << "\"two\" is not a seed";
        QTest::newRow("negative") << "-3"
                                  << "out of range";
        QTest::newRow("too large") << "4294967296"
                                   << "out of range";
        QTest::newRow("backwards") << "4-1"
                                   << "goes backwards";
        QTest::newRow("twice") << "1, 2-4, 3"
                               << "Seed 3 is listed twice";
        QTest::newRow("huge range") << "0-4000000000"
                                    << "More than 256 seeds";
    }
    void explainsBadSeeds()
    {
        QFETCH(QString, text);
        QFETCH(QString, mentions);
        QString error;
        QVERIFY(!parseSeedList(text, &error));
        QVERIFY2(error.contains(mentions), qPrintable(error));
    }

    void parsesGuidance()
    {
        QString error;
        QCOMPARE(parseGuidanceList("3, 5, 7.5", &error).value_or(QList<double> {}), (QList<double> {3, 5, 7.5}));
        QCOMPARE(parseGuidanceList("0 20", &error).value_or(QList<double> {}), (QList<double> {0, 20}));
        QCOMPARE(parseGuidanceList("", &error).value_or(QList<double> {1}), QList<double> {});
        QVERIFY(!parseGuidanceList("3, high", &error));
        QVERIFY2(error.contains("\"high\""), qPrintable(error));
        QVERIFY(!parseGuidanceList("21", &error));
        QVERIFY2(error.contains("out of range"), qPrintable(error));
        QVERIFY(!parseGuidanceList("3, 3.0", &error));
        QVERIFY2(error.contains("twice"), qPrintable(error));
    }

    void productInPromptMajorOrder()
    {
        MatrixAxes axes;
        axes.prompts = {"p1", "p2", "p3"};
        axes.seeds = {11, 12};
        axes.guidances = {3.0, 7.0};
        QCOMPARE(matrixSize(axes), 12);
        QVERIFY(matrixError(axes).isEmpty());
        const QList<MatrixCell> cells = matrixCells(axes);
        const QList<MatrixCell> expected {
            {"p1", 11, 3.0},
            {"p1", 11, 7.0},
            {"p1", 12, 3.0},
            {"p1", 12, 7.0},
            {"p2", 11, 3.0},
            {"p2", 11, 7.0},
            {"p2", 12, 3.0},
            {"p2", 12, 7.0},
            {"p3", 11, 3.0},
            {"p3", 11, 7.0},
            {"p3", 12, 3.0},
            {"p3", 12, 7.0},
        };
        QCOMPARE(cells.size(), expected.size());
        for (int i = 0; i < cells.size(); ++i)
            QVERIFY2(cells[i] == expected[i],
                qPrintable(QString("cell %1: %2 %3 %4")
                               .arg(i)
                               .arg(cells[i].prompt)
                               .arg(cells[i].seed)
                               .arg(cells[i].guidance)));
    }

    void emptyAxesKeepTheSegmentsValue()
    {
        MatrixAxes axes;
        axes.prompts = {"p1", "p2"};
        QCOMPARE(matrixSize(axes), 2);
        const QList<MatrixCell> cells = matrixCells(axes);
        QCOMPARE(cells.size(), 2);
        QCOMPARE(cells[1].prompt, QString("p2"));
        QVERIFY(!cells[1].hasSeed());
        QVERIFY(!cells[1].hasGuidance());

        MatrixAxes seedsOnly;
        seedsOnly.seeds = {1, 2, 3};
        QCOMPARE(matrixSize(seedsOnly), 3);
        const QList<MatrixCell> seedCells = matrixCells(seedsOnly);
        QCOMPARE(seedCells.size(), 3);
        QVERIFY(!seedCells[0].hasPrompt());
        QCOMPARE(seedCells[2].seed, 3);

        QCOMPARE(matrixSize(MatrixAxes {}), 1);
        QCOMPARE(matrixCells(MatrixAxes {}).size(), 1);
    }

    void limitsTheBatch()
    {
        MatrixAxes axes;
        for (int i = 0; i < 16; ++i)
            axes.prompts << QString("prompt %1").arg(i);
        for (qint64 seed = 0; seed < 16; ++seed)
            axes.seeds << seed;
        QCOMPARE(matrixSize(axes), 256); // the limit itself is fine
        QVERIFY(matrixError(axes).isEmpty());
        QCOMPARE(matrixCells(axes).size(), 256);

        axes.guidances = {3, 5};
        QCOMPARE(matrixSize(axes), 512);
        const QString error = matrixError(axes);
        QCOMPARE(error, QString("That makes 512 takes; at most 256 can be queued at once."));
        QVERIFY(matrixCells(axes).isEmpty());

        // Saturates rather than overflowing.
        MatrixAxes huge;
        huge.prompts = QStringList(70000, "p");
        for (int i = 0; i < 70000; ++i)
            huge.seeds << i;
        QCOMPARE(matrixSize(huge), INT_MAX);
        QVERIFY(!matrixError(huge).isEmpty());

        MatrixAxes bad;
        bad.prompts = {"ok", "  "};
        QVERIFY(matrixError(bad).contains("blank"));
        bad.prompts = {"ok"};
        bad.seeds = {-2};
        QVERIFY(matrixError(bad).contains("out of range"));
        bad.seeds = {};
        bad.guidances = {25};
        QVERIFY(matrixError(bad).contains("out of range"));
    }
};

QTEST_GUILESS_MAIN(TestPromptMatrix)
#include "tst_prompt_matrix.moc"

// Bad input gives one clear line naming the file, the line and what was expected (ts::InputError),
// and good input in either format and any spelling of the task names is read.

#include "analysis/accuracy_table_reader.h"
#include "analysis/pgf_table_reader.h"
#include "analysis/transfer_table_loader.h"
#include "common/input_error.h"

#include <QTest>
#include <cmath>

using namespace ts;

namespace {

QString fixture(const char *name)
{
    return QStringLiteral(TRANSFERSCOPE_TEST_DATA "/analysis/") + QString::fromLatin1(name);
}

QString errorOf(const QString &path)
{
    try {
        loadTransferMatrices(path);
    } catch (const InputError &e) {
        return e.describe();
    }
    return QStringLiteral("<no error>");
}

} // namespace

class TestTableErrors : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void readsASmallTable()
    {
        const TransferMatrix m = readPgfTable(fixture("pgf_ok_small.csv"));
        QCOMPARE(m.model(), QStringLiteral("ok_small"));
        QCOMPARE(m.tasks(), QStringList({QStringLiteral("Art Style"), QStringLiteral("Jigsaw")}));
        QCOMPARE(m.abbreviations(), QStringList({QStringLiteral("AS"), QStringLiteral("JS")}));
        QCOMPARE(m.runs(), QStringList({QStringLiteral("s0"), QStringLiteral("s1")}));
        QVERIFY(std::fabs(m.mean(0, 1) - 0.3) < 1e-12);
        QVERIFY(std::fabs(m.mean(1, 0) + 0.25) < 1e-12);
        QVERIFY(std::fabs(m.std(1, 0) - 0.25 / std::sqrt(2.0)) < 1e-12);
        QCOMPARE(m.cellRuns(0, 0), std::vector<double>({0.5, 0.7}));
        QVERIFY(std::isnan(m.mean(1, 1))); // "nan" and an empty value are undefined cells
        QCOMPARE(m.taskIndex(QStringLiteral("jigsaw")), 1);
        QCOMPARE(m.taskIndex(QStringLiteral("VS")), -1);
        QCOMPARE(readPgfTable(fixture("pgf_ok_small.csv"), QStringLiteral("mine")).model(), QStringLiteral("mine"));
        QCOMPARE(readPgfTable(fixture("quoted_fields.csv")).taskCount(), 2);
    }
    void modelNameFromFile()
    {
        QCOMPARE(modelNameFromFileName(QStringLiteral("/x/pgf_qwen2.5vl-32B.csv")), QStringLiteral("qwen2.5vl-32B"));
        QCOMPARE(modelNameFromFileName(QStringLiteral("llava.csv")), QStringLiteral("llava"));
    }
    void errors_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("expected");
        const QString tasks = QStringLiteral("VS AS VC RD RR SR JS CO FC SC MV OL FD");
        auto row = [](const char *name, const QString &message) {
            QTest::newRow(name) << fixture(name) << message.arg(fixture(name));
        };
        row("pgf_missing_column.csv", QStringLiteral("%1:1: field 'perfection_gap_factor': missing column 'perfection_gap_factor' "
                                                     "(expected columns: seed, ft_task, task, perfection_gap_factor)"));
        row("pgf_non_numeric.csv", QStringLiteral("%1:3: field 'perfection_gap_factor': expected a number, found 'abc'"));
        row("pgf_unknown_task.csv", QStringLiteral("%1:6: field 'task': unknown task 'Art_Stlye' (expected one of: ") + tasks + QStringLiteral(")"));
        row("pgf_duplicate_row.csv", QStringLiteral("%1:5: duplicate row for seed 's0', ft_task 'Art Style', task 'Jigsaw' (first given on line 3)"));
        row("pgf_missing_cell.csv", QStringLiteral("%1: missing row for seed 's1', ft_task 'Jigsaw', task 'Art Style' "
                                                   "(expected every seed to cover every ft_task × task pair)"));
        row("pgf_field_count.csv", QStringLiteral("%1:3: expected 4 fields as in the header, found 3"));
        row("accuracy_missing_cell.csv", QStringLiteral("%1: missing row for model 'm', run 's0', source 'Jigsaw', target 'Jigsaw' "
                                                        "(expected every run to cover every source × target pair)"));
        row("accuracy_missing_base.csv", QStringLiteral("%1: missing base row for model 'm', run 's0', target 'Jigsaw' "
                                                        "(expected a row with source 'base' for this run or for run '*')"));
        row("accuracy_bad_counts.csv", QStringLiteral("%1:3: field 'correct': expected at most total (100) correct answers, found 120"));
        row("accuracy_duplicate_row.csv", QStringLiteral("%1:4: duplicate row for model 'm', run '*', source 'base', "
                                                         "target 'Visual Similarity' (first given on line 2)"));
        row("accuracy_non_numeric.csv", QStringLiteral("%1:2: field 'correct': expected a number, found 'sixty'"));
        row("unknown_format.csv", QStringLiteral("%1:1: unrecognised header (expected either the columns seed, ft_task, task, "
                                                 "perfection_gap_factor or model, run, source, target, correct, total)"));
        row("does_not_exist.csv", QStringLiteral("%1: cannot read the file (No such file or directory)"));
    }
    void errors()
    {
        QFETCH(QString, file);
        QFETCH(QString, expected);
        QCOMPARE(errorOf(file), expected);
    }
    void errorCarriesItsParts()
    {
        try {
            readPgfTable(fixture("pgf_non_numeric.csv"));
            QFAIL("no error");
        } catch (const InputError &e) {
            QCOMPARE(e.file(), fixture("pgf_non_numeric.csv"));
            QCOMPARE(e.line(), 3);
            QCOMPARE(e.field(), QStringLiteral("perfection_gap_factor"));
        }
    }
};

QTEST_MAIN(TestTableErrors)
#include "test_table_errors.moc"

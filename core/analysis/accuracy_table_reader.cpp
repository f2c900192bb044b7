#include "analysis/accuracy_table_reader.h"

#include "analysis/csv_reader.h"
#include "common/input_error.h"
#include "common/task_catalog.h"

#include <QCoreApplication>
#include <QHash>
#include <cmath>
#include <set>

namespace ts {

namespace {

// A named context that lupdate sees too (a free tr() would be filed under the namespace).
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(ts::AccuracyTableReader)
};

const QString kBase = QStringLiteral("base");

bool isWildcardRun(const QString &run)
{
    return run.isEmpty() || run == QLatin1String("*");
}

// First present name of a column (the authors' names ft_task/task are accepted as aliases).
int requireColumn(const CsvTable &table, const QStringList &names, const QStringList &expected)
{
    for (const QString &n : names) {
        const int c = table.column(n);
        if (c >= 0)
            return c;
    }
    return table.requireColumn(names.first(), expected);
}

int requireTask(const CsvTable &table, const CsvRow &row, int column, bool allowBase)
{
    const QString name = row.fields.value(column).trimmed();
    if (allowBase && name.compare(kBase, Qt::CaseInsensitive) == 0)
        return -1;
    const auto found = TaskCatalog::find(name);
    if (!found)
        throw InputError(table.file, row.line, table.header.value(column),
                         Tr::tr("unknown task '%1' (expected %2one of: %3)")
                             .arg(name, allowBase ? Tr::tr("'base' or ") : QString(),
                                  TaskCatalog::abbreviations().join(QStringLiteral(" "))));
    return *found;
}

long long requireCount(const CsvTable &table, const CsvRow &row, int column)
{
    const double v = parseCsvNumber(table, row, column);
    if (!std::isfinite(v) || v < 0 || std::floor(v) != v || v > 1e15)
        throw InputError(table.file, row.line, table.header.value(column),
                         Tr::tr("expected a non-negative whole number, found '%1'").arg(row.fields.value(column).trimmed()));
    return static_cast<long long>(v);
}

QString taskName(int catalogIndex)
{
    return catalogIndex < 0 ? kBase : TaskCatalog::blinkTasks()[std::size_t(catalogIndex)].name;
}

QString key(const QString &model, const QString &run, int source, int target)
{
    return QStringLiteral("%1\x1f%2\x1f%3\x1f%4").arg(model, run).arg(source).arg(target);
}

} // namespace

std::vector<AccuracyRecord> readAccuracyRecords(const QString &path)
{
    const CsvTable table = readCsvFile(path);
    const QStringList expected = {QStringLiteral("model"), QStringLiteral("run"), QStringLiteral("source"),
                                  QStringLiteral("target"), QStringLiteral("correct"), QStringLiteral("total")};
    const int cModel = table.requireColumn(expected[0], expected);
    const int cRun = requireColumn(table, {QStringLiteral("run"), QStringLiteral("seed")}, expected);
    const int cSource = requireColumn(table, {QStringLiteral("source"), QStringLiteral("ft_task")}, expected);
    const int cTarget = requireColumn(table, {QStringLiteral("target"), QStringLiteral("task")}, expected);
    const int cCorrect = table.requireColumn(expected[4], expected);
    const int cTotal = table.requireColumn(expected[5], expected);
    if (table.rows.empty())
        throw InputError(path, 0, QString(), Tr::tr("no data rows after the header"));

    std::vector<AccuracyRecord> out;
    QHash<QString, int> firstLine;
    for (const CsvRow &row : table.rows) {
        AccuracyRecord r;
        r.line = row.line;
        r.model = row.fields.value(cModel).trimmed();
        if (r.model.isEmpty())
            throw InputError(path, row.line, table.header.value(cModel), Tr::tr("expected a model name, found nothing"));
        r.run = row.fields.value(cRun).trimmed();
        r.source = requireTask(table, row, cSource, true);
        r.target = requireTask(table, row, cTarget, false);
        if (r.source >= 0 && isWildcardRun(r.run))
            throw InputError(path, row.line, table.header.value(cRun),
                             Tr::tr("expected a run name (only 'base' rows may leave it empty or '*')"));
        r.correct = requireCount(table, row, cCorrect);
        r.total = requireCount(table, row, cTotal);
        if (r.total == 0)
            throw InputError(path, row.line, table.header.value(cTotal), Tr::tr("expected at least one question, found 0"));
        if (r.correct > r.total)
            throw InputError(path, row.line, table.header.value(cCorrect),
                             Tr::tr("expected at most total (%1) correct answers, found %2").arg(r.total).arg(r.correct));
        const QString k = key(r.model, isWildcardRun(r.run) ? QStringLiteral("*") : r.run, r.source, r.target);
        const auto it = firstLine.constFind(k);
        if (it != firstLine.constEnd())
            throw InputError(path, row.line, QString(),
                             Tr::tr("duplicate row for model '%1', run '%2', source '%3', target '%4' (first given on line %5)")
                                 .arg(r.model, isWildcardRun(r.run) ? QStringLiteral("*") : r.run, taskName(r.source),
                                      taskName(r.target))
                                 .arg(*it));
        firstLine.insert(k, row.line);
        out.push_back(r);
    }
    return out;
}

std::vector<TransferMatrix> readAccuracyTable(const QString &path, const PgfOptions &options)
{
    return transferMatricesFromRecords(readAccuracyRecords(path), path, options, MissingCells::Error);
}

std::vector<TransferMatrix> transferMatricesFromRecords(const std::vector<AccuracyRecord> &records, const QString &path,
                                                        const PgfOptions &options, MissingCells missing)
{
    QStringList models;
    for (const auto &r : records)
        if (!models.contains(r.model))
            models << r.model;

    std::vector<TransferMatrix> out;
    QStringList waiting;
    for (const QString &model : models) {
        QStringList runs;
        std::set<int> taskSet;
        QHash<QString, const AccuracyRecord *> byKey;
        for (const auto &r : records) {
            if (r.model != model)
                continue;
            byKey.insert(key(model, isWildcardRun(r.run) ? QStringLiteral("*") : r.run, r.source, r.target), &r);
            taskSet.insert(r.target);
            if (r.source >= 0) {
                taskSet.insert(r.source);
                if (!runs.contains(r.run))
                    runs << r.run;
            }
        }
        if (runs.isEmpty() && missing == MissingCells::Undefined) {
            waiting << model; // a study in progress: this model's finetuned cells are not stored yet
            continue;
        }
        if (runs.isEmpty())
            throw InputError(path, 0, QString(),
                             Tr::tr("model '%1' has only base rows (expected finetuned rows with a source task)").arg(model));
        const std::vector<int> tasks(taskSet.begin(), taskSet.end());
        TransferMatrix matrix = TransferMatrix::forCatalogTasks(model, tasks, runs);
        for (int r = 0; r < int(runs.size()); ++r) {
            for (int t = 0; t < int(tasks.size()); ++t) {
                const int target = tasks[std::size_t(t)];
                const AccuracyRecord *base = byKey.value(key(model, runs[r], -1, target));
                if (!base)
                    base = byKey.value(key(model, QStringLiteral("*"), -1, target));
                if (!base && missing == MissingCells::Undefined) {
                    continue; // the column stays undefined (NaN)
                }
                if (!base)
                    throw InputError(path, 0, QString(),
                                     Tr::tr("missing base row for model '%1', run '%2', target '%3' "
                                        "(expected a row with source 'base' for this run or for run '*')")
                                         .arg(model, runs[r], taskName(target)));
                for (int s = 0; s < int(tasks.size()); ++s) {
                    const int source = tasks[std::size_t(s)];
                    const AccuracyRecord *cell = byKey.value(key(model, runs[r], source, target));
                    if (!cell && missing == MissingCells::Undefined)
                        continue;
                    if (!cell)
                        throw InputError(path, 0, QString(),
                                         Tr::tr("missing row for model '%1', run '%2', source '%3', target '%4' "
                                            "(expected every run to cover every source × target pair)")
                                             .arg(model, runs[r], taskName(source), taskName(target)));
                    matrix.setValue(r, s, t, perfectionGapFactor(cell->accuracy(), base->accuracy(), target, options));
                }
            }
        }
        out.push_back(std::move(matrix));
    }
    if (out.empty() && !waiting.isEmpty())
        throw InputError(path, 0, QString(),
                         Tr::tr("no finetuned cell is stored yet (models %1 have base rows only)").arg(waiting.join(QStringLiteral(", "))));
    return out;
}

} // namespace ts

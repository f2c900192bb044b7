#include "analysis/pgf_table_reader.h"

#include "analysis/csv_reader.h"
#include "common/input_error.h"
#include "common/task_catalog.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHash>
#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

namespace ts {

namespace {

// A named context that lupdate sees too (a free tr() would be filed under the namespace).
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(ts::PgfTableReader)
};

int requireTask(const CsvTable &table, const CsvRow &row, int column)
{
    const QString name = row.fields.value(column).trimmed();
    const auto found = TaskCatalog::find(name);
    if (!found)
        throw InputError(table.file, row.line, table.header.value(column),
                         Tr::tr("unknown task '%1' (expected one of: %2)")
                             .arg(name, TaskCatalog::abbreviations().join(QStringLiteral(" "))));
    return *found;
}

} // namespace

QString modelNameFromFileName(const QString &path)
{
    // Only the last suffix is the extension: "qwen2.5vl-32B" keeps its dot.
    const QString name = QFileInfo(path).fileName();
    const int dot = int(name.lastIndexOf(QLatin1Char('.')));
    QString base = dot > 0 ? name.left(dot) : name;
    if (base.startsWith(QLatin1String("pgf_"), Qt::CaseInsensitive))
        base = base.mid(4);
    return base;
}

TransferMatrix readPgfTable(const QString &path, const QString &modelName)
{
    const CsvTable table = readCsvFile(path);
    const QStringList expected = {QStringLiteral("seed"), QStringLiteral("ft_task"), QStringLiteral("task"),
                                  QStringLiteral("perfection_gap_factor")};
    const int cSeed = table.requireColumn(expected[0], expected);
    const int cSource = table.requireColumn(expected[1], expected);
    const int cTarget = table.requireColumn(expected[2], expected);
    const int cValue = table.requireColumn(expected[3], expected);
    if (table.rows.empty())
        throw InputError(path, 0, QString(), Tr::tr("no data rows after the header"));

    struct Entry {
        QString run;
        int source, target;
        double value;
        int line;
    };
    std::vector<Entry> entries;
    QStringList runs;
    std::set<int> taskSet;
    QHash<QString, int> firstLine; // key "run\x1fsource\x1ftarget" → line
    for (const CsvRow &row : table.rows) {
        const QString run = row.fields.value(cSeed).trimmed();
        if (run.isEmpty())
            throw InputError(path, row.line, table.header.value(cSeed), Tr::tr("expected a seed name, found nothing"));
        const int source = requireTask(table, row, cSource);
        const int target = requireTask(table, row, cTarget);
        const QString text = row.fields.value(cValue).trimmed();
        double value = std::numeric_limits<double>::quiet_NaN();
        if (!text.isEmpty() && text.compare(QLatin1String("nan"), Qt::CaseInsensitive) != 0) {
            value = parseCsvNumber(table, row, cValue);
            if (!std::isfinite(value))
                throw InputError(path, row.line, table.header.value(cValue),
                                 Tr::tr("expected a finite number, found '%1'").arg(text));
        }
        const QString key = QStringLiteral("%1\x1f%2\x1f%3").arg(run).arg(source).arg(target);
        const auto it = firstLine.constFind(key);
        if (it != firstLine.constEnd())
            throw InputError(path, row.line, QString(),
                             Tr::tr("duplicate row for seed '%1', ft_task '%2', task '%3' (first given on line %4)")
                                 .arg(run, TaskCatalog::blinkTasks()[std::size_t(source)].name,
                                      TaskCatalog::blinkTasks()[std::size_t(target)].name)
                                 .arg(*it));
        firstLine.insert(key, row.line);
        if (!runs.contains(run))
            runs << run;
        taskSet.insert(source);
        taskSet.insert(target);
        entries.push_back({run, source, target, value, row.line});
    }

    const std::vector<int> catalogIndices(taskSet.begin(), taskSet.end());
    TransferMatrix matrix = TransferMatrix::forCatalogTasks(
        modelName.isEmpty() ? modelNameFromFileName(path) : modelName, catalogIndices, runs);
    auto position = [&](int catalogIndex) {
        return int(std::lower_bound(catalogIndices.begin(), catalogIndices.end(), catalogIndex) - catalogIndices.begin());
    };
    for (const Entry &e : entries)
        matrix.setValue(int(runs.indexOf(e.run)), position(e.source), position(e.target), e.value);

    // Every seed must cover every pair: a silently missing cell would bias means and scores.
    for (const QString &run : runs)
        for (int s : catalogIndices)
            for (int t : catalogIndices) {
                const QString key = QStringLiteral("%1\x1f%2\x1f%3").arg(run).arg(s).arg(t);
                if (!firstLine.contains(key))
                    throw InputError(path, 0, QString(),
                                     Tr::tr("missing row for seed '%1', ft_task '%2', task '%3' "
                                        "(expected every seed to cover every ft_task × task pair)")
                                         .arg(run, TaskCatalog::blinkTasks()[std::size_t(s)].name,
                                              TaskCatalog::blinkTasks()[std::size_t(t)].name));
            }
    return matrix;
}

} // namespace ts

#include "analysis/transfer_table_loader.h"

#include "analysis/accuracy_table_reader.h"
#include "analysis/csv_reader.h"
#include "analysis/pgf_table_reader.h"
#include "common/input_error.h"

#include <QCoreApplication>

namespace ts {

TransferTableFormat detectTransferTableFormat(const QString &path)
{
    const CsvTable table = readCsvFile(path);
    // Decide on the columns only one format has, so that a table missing one of its columns is
    // still recognised and the reader can name exactly what is missing.
    auto has = [&](const char *name) { return table.column(QLatin1String(name)) >= 0; };
    if (has("perfection_gap_factor"))
        return TransferTableFormat::PgfTable;
    if (has("correct") || has("total") || has("model"))
        return TransferTableFormat::AccuracyTable;
    if (has("seed") || has("ft_task"))
        return TransferTableFormat::PgfTable;
    throw InputError(path, table.headerLine, QString(),
                     QCoreApplication::translate("ts::TransferTableLoader",
                                                 "unrecognised header (expected either the columns seed, ft_task, "
                                                 "task, perfection_gap_factor or model, run, source, target, "
                                                 "correct, total)"));
}

std::vector<TransferMatrix> loadTransferMatrices(const QString &path, const QString &modelName,
                                                 const PgfOptions &pgfOptions)
{
    if (detectTransferTableFormat(path) == TransferTableFormat::PgfTable)
        return {readPgfTable(path, modelName)};
    return readAccuracyTable(path, pgfOptions);
}

} // namespace ts

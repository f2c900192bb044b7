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
    if (table.column(QStringLiteral("perfection_gap_factor")) >= 0)
        return TransferTableFormat::PgfTable;
    if (table.column(QStringLiteral("correct")) >= 0 || table.column(QStringLiteral("total")) >= 0)
        return TransferTableFormat::AccuracyTable;
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

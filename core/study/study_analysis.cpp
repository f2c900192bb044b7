#include "study/study_analysis.h"

#include "analysis/accuracy_table_reader.h"
#include "common/input_error.h"
#include "common/task_catalog.h"

namespace ts {

std::vector<TransferMatrix> studyTransferMatrices(const StudyContents &study, const QString &origin, const PgfOptions &options)
{
    std::vector<AccuracyRecord> records;
    for (const AccuracyRow &row : accuracyRows(study)) {
        AccuracyRecord r;
        r.model = row.model;
        r.run = row.run;
        const auto target = TaskCatalog::find(row.target);
        if (!target)
            throw InputError(origin, 0, QStringLiteral("target"), QStringLiteral("unknown task '%1' in a stored cell").arg(row.target));
        r.target = *target;
        if (row.source != QLatin1String("base")) {
            const auto source = TaskCatalog::find(row.source);
            if (!source)
                throw InputError(origin, 0, QStringLiteral("source"), QStringLiteral("unknown task '%1' in a stored cell").arg(row.source));
            r.source = *source;
        }
        r.correct = row.correct;
        r.total = row.total;
        records.push_back(r);
    }
    if (records.empty())
        throw InputError(origin, 0, {}, QStringLiteral("the study has no completed cells yet"));
    return transferMatricesFromRecords(records, origin, options, MissingCells::Undefined);
}

} // namespace ts

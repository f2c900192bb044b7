#include "study/study_analysis.h"

#include "analysis/accuracy_table_reader.h"
#include "analysis/paired_item_tests.h"
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

ItemStatistics studyItemStatistics(const StudyContents &study, const TransferMatrix &matrix, int replicates)
{
    const int n = int(matrix.tasks().size());
    ItemStatistics stats{SquareMatrix(n), SquareMatrix(n), SquareMatrix(n), replicates};
    const CellRecord *base = nullptr;
    for (const CellRecord &c : study.cells) {
        if (c.kind == CellKind::Base && c.model == matrix.model())
            base = &c;
    }
    if (!base)
        return stats;
    for (int s = 0; s < n; ++s) {
        std::vector<const CellRecord *> runs;
        for (const CellRecord &c : study.cells) {
            if (c.kind == CellKind::Finetune && c.model == matrix.model() && c.source == matrix.tasks()[s])
                runs.push_back(&c);
        }
        for (int t = 0; t < n; ++t) {
            const TaskEvaluation *baseEval = base->evalFor(matrix.tasks()[t]);
            std::vector<const std::vector<uint8_t> *> finetuned;
            for (const CellRecord *c : runs) {
                if (const TaskEvaluation *e = c->evalFor(matrix.tasks()[t]); e && baseEval && e->items == baseEval->items)
                    finetuned.push_back(&e->correct);
            }
            if (!baseEval || finetuned.empty())
                continue;
            // A fixed seed per cell: the same study always reports the same intervals.
            const PgfInterval ci = bootstrapPgfInterval(finetuned, baseEval->correct, replicates, uint64_t(s * 131 + t + 1));
            stats.ciLow.at(s, t) = ci.low;
            stats.ciHigh.at(s, t) = ci.high;
            stats.mcnemarP.at(s, t) = mcnemar(finetuned, baseEval->correct).p;
        }
    }
    return stats;
}

} // namespace ts

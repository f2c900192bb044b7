#include "study/study_analysis.h"

#include "analysis/accuracy_table_reader.h"
#include "analysis/paired_item_tests.h"
#include "common/input_error.h"
#include "common/task_catalog.h"

#include <cmath>

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

std::vector<double> DriftControl::mean() const
{
    const size_t n = pgf.empty() ? 0 : pgf.front().size();
    std::vector<double> out(n, std::nan(""));
    for (size_t t = 0; t < n; ++t) {
        double sum = 0;
        int count = 0;
        for (const auto &run : pgf) {
            if (!std::isnan(run[t])) {
                sum += run[t];
                ++count;
            }
        }
        if (count > 0)
            out[t] = sum / count;
    }
    return out;
}

DriftControl studyDriftControl(const StudyContents &study, const TransferMatrix &matrix)
{
    DriftControl drift;
    const CellRecord *base = nullptr;
    for (const CellRecord &c : study.cells) {
        if (c.kind == CellKind::Base && c.model == matrix.model())
            base = &c;
    }
    if (!base)
        return drift;
    for (const CellRecord &c : study.cells) {
        if (c.kind != CellKind::Control || c.model != matrix.model())
            continue;
        std::vector<double> row(size_t(matrix.taskCount()), std::nan(""));
        for (int t = 0; t < matrix.taskCount(); ++t) {
            const TaskEvaluation *b = base->evalFor(matrix.tasks()[t]);
            const TaskEvaluation *e = c.evalFor(matrix.tasks()[t]);
            if (b && e)
                row[size_t(t)] = perfectionGapFactor(e->accuracy(), b->accuracy());
        }
        drift.runs << c.run;
        drift.pgf.push_back(std::move(row));
    }
    return drift;
}

TransferMatrix driftCorrected(const TransferMatrix &matrix, const DriftControl &control)
{
    TransferMatrix out = matrix;
    for (int r = 0; r < matrix.runCount(); ++r) {
        const int c = int(control.runs.indexOf(matrix.runs()[r]));
        for (int s = 0; s < matrix.taskCount(); ++s) {
            for (int t = 0; t < matrix.taskCount(); ++t) {
                // No control for this run: the corrected value is unknown, not the raw one.
                const double drift = c >= 0 ? control.pgf[size_t(c)][size_t(t)] : std::nan("");
                out.setValue(r, s, t, matrix.value(r, s, t) - drift);
            }
        }
    }
    return out;
}

} // namespace ts

#pragma once
// Accuracy tables (format b): columns model, run, source, target, correct, total. source is a task
// or "base" (the un-finetuned model). PGF is computed per run from these accuracies (pgf.h).
// A base row whose run is empty or "*" applies to every run of its model; otherwise base rows are
// matched to finetuned rows of the same run.

#include "analysis/pgf.h"
#include "analysis/transfer_matrix.h"

#include <QString>
#include <vector>

namespace ts {

struct AccuracyRecord {
    QString model;
    QString run;
    int source = -1; // TaskCatalog index; -1 = base model
    int target = 0;  // TaskCatalog index
    long long correct = 0;
    long long total = 0;
    int line = 0;
    double accuracy() const { return total > 0 ? double(correct) / double(total) : 0.0; }
};

// Parsed and validated rows (unknown task, non-numeric or negative counts, correct > total,
// total = 0 and duplicate (model, run, source, target) rows throw ts::InputError).
std::vector<AccuracyRecord> readAccuracyRecords(const QString &path);

// One TransferMatrix per model, in order of first appearance. Throws ts::InputError when a
// (source, target, run) cell or its base accuracy is missing. PgfOptions ceilings/optionCounts,
// when given, are indexed in TaskCatalog order (all 13 tasks).
std::vector<TransferMatrix> readAccuracyTable(const QString &path, const PgfOptions &options = PgfOptions());
// What a (source, target, run) cell without a row means: an error in a table that claims to be
// complete, an undefined (NaN) cell in a study that is still running or has source-only and
// target-only tasks. With Undefined, a model without any finetuned row yet is left out (an error only
// when that leaves no model).
enum class MissingCells { Error, Undefined };

// The same from records already in memory (e.g. a study store); `path` names their origin in errors.
std::vector<TransferMatrix> transferMatricesFromRecords(const std::vector<AccuracyRecord> &records, const QString &path,
                                                        const PgfOptions &options = PgfOptions(),
                                                        MissingCells missing = MissingCells::Error);

} // namespace ts

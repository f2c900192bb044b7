#pragma once
// The authors' released per-seed PGF tables (format a): columns seed, ft_task, task,
// perfection_gap_factor; one row per (seed, source, target), diagonal included.

#include "analysis/transfer_matrix.h"

#include <QString>

namespace ts {

// "…/pgf_qwen2.5vl-32B.csv" → "qwen2.5vl-32B": drops the directory, the extension and a "pgf_" prefix.
QString modelNameFromFileName(const QString &path);

// Reads one table. The model name is modelName, or modelNameFromFileName(path) when empty.
// Tasks are the ones that occur, in TaskCatalog order; runs in order of first appearance.
// Throws ts::InputError for a missing column, a non-numeric value, an unknown task, a duplicate
// (seed, source, target) row, or a missing cell (every run must cover every source × target).
// An empty value or "nan" is accepted as an explicitly undefined cell.
TransferMatrix readPgfTable(const QString &path, const QString &modelName = QString());

} // namespace ts

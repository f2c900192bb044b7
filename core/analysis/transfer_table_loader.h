#pragma once
// One entry point for the CLI and the GUI: looks at a CSV's header and reads it as the authors'
// PGF table or as an accuracy table.

#include "analysis/pgf.h"
#include "analysis/transfer_matrix.h"

#include <QString>
#include <vector>

namespace ts {

enum class TransferTableFormat { PgfTable, AccuracyTable };

// Throws ts::InputError when the header matches neither format (naming the expected columns).
TransferTableFormat detectTransferTableFormat(const QString &path);

// modelName overrides the model of a PGF table (ignored for accuracy tables, which name their models).
std::vector<TransferMatrix> loadTransferMatrices(const QString &path, const QString &modelName = QString(),
                                                 const PgfOptions &pgfOptions = PgfOptions());

} // namespace ts

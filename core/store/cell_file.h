#pragma once
// One cell in HDF5 (schema in docs/hdf5-schema.md). The same group layout serves a per-cell file
// (the cell at the root) and the merged study export (one group per cell under /cells).

#include "store/cell_record.h"
#include "store/hdf5_io.h"

namespace ts {

inline constexpr int kStoreSchemaVersion = 1;

void writeCellGroup(const h5::File &file, hid_t group, const CellRecord &cell);
// `where` is the group's HDF5 path, used in error messages.
CellRecord readCellGroup(const h5::File &file, hid_t group, const QString &where);

// Atomic: the cell is written to "<path>.partial", flushed and renamed, so a reader (or a resumed
// study) sees either the complete cell or nothing.
void writeCellFile(const QString &path, const CellRecord &cell);
CellRecord readCellFile(const QString &path);

} // namespace ts

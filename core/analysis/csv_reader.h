#pragma once
// Minimal RFC-4180 reader for the analysis inputs: quoted fields, CRLF, blank lines skipped,
// every row keeps its 1-based line number so errors can point at it.

#include <QString>
#include <QStringList>
#include <vector>

namespace ts {

struct CsvRow {
    int line = 0;
    QStringList fields;
};

struct CsvTable {
    QString file;
    int headerLine = 0;
    QStringList header; // trimmed, as written
    std::vector<CsvRow> rows;

    // Column of a header name (case-insensitive, trimmed); -1 when absent.
    int column(const QString &name) const;
    // Like column() but throws ts::InputError "missing column 'X' (expected columns: ...)".
    int requireColumn(const QString &name, const QStringList &expected) const;
};

// Throws ts::InputError when the file cannot be read, is empty, has an unterminated quote,
// or a row whose field count differs from the header's.
CsvTable readCsvFile(const QString &path);
CsvTable parseCsv(const QString &text, const QString &fileNameForErrors);

// Parses a number the way the tables write it; throws InputError naming file, line and field.
double parseCsvNumber(const CsvTable &table, const CsvRow &row, int column);

} // namespace ts

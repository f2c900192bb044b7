#include "analysis/csv_reader.h"

#include "common/input_error.h"

#include <QCoreApplication>
#include <QFile>

namespace ts {

namespace {

// A named context that lupdate sees too (a free tr() would be filed under the namespace).
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(ts::CsvReader)
};

bool isBlank(const QStringList &fields)
{
    for (const QString &f : fields)
        if (!f.trimmed().isEmpty())
            return false;
    return true;
}

} // namespace

int CsvTable::column(const QString &name) const
{
    for (int i = 0; i < header.size(); ++i)
        if (header[i].compare(name, Qt::CaseInsensitive) == 0)
            return i;
    return -1;
}

int CsvTable::requireColumn(const QString &name, const QStringList &expected) const
{
    const int c = column(name);
    if (c < 0)
        throw InputError(file, headerLine, name,
                         Tr::tr("missing column '%1' (expected columns: %2)").arg(name, expected.join(QStringLiteral(", "))));
    return c;
}

CsvTable parseCsv(const QString &text, const QString &fileNameForErrors)
{
    CsvTable table;
    table.file = fileNameForErrors;

    // One pass over characters so that quoted fields may hold commas, quotes and newlines.
    std::vector<CsvRow> records;
    CsvRow current;
    QString field;
    bool inQuotes = false;
    bool fieldWasQuoted = false;
    int line = 1;
    current.line = 1;
    int quoteStartLine = 0;
    auto endField = [&] {
        current.fields << (fieldWasQuoted ? field : field.trimmed());
        field.clear();
        fieldWasQuoted = false;
    };
    auto endRecord = [&] {
        endField();
        if (!isBlank(current.fields))
            records.push_back(current);
        current = CsvRow();
    };
    for (int i = 0; i < text.size(); ++i) {
        const QChar ch = text[i];
        if (inQuotes) {
            if (ch == QLatin1Char('"')) {
                if (i + 1 < text.size() && text[i + 1] == QLatin1Char('"')) {
                    field += QLatin1Char('"');
                    ++i;
                } else {
                    inQuotes = false;
                }
            } else {
                if (ch == QLatin1Char('\n'))
                    ++line;
                field += ch;
            }
            continue;
        }
        if (ch == QLatin1Char('"') && field.trimmed().isEmpty()) {
            inQuotes = true;
            fieldWasQuoted = true;
            quoteStartLine = line;
            field.clear();
        } else if (ch == QLatin1Char(',')) {
            endField();
        } else if (ch == QLatin1Char('\n')) {
            endRecord();
            ++line;
            current.line = line;
        } else if (ch != QLatin1Char('\r') && ch != QChar(0xFEFF)) {
            field += ch;
        }
    }
    if (inQuotes)
        throw InputError(fileNameForErrors, quoteStartLine, QString(), Tr::tr("unterminated quoted field"));
    endRecord();

    if (records.empty())
        throw InputError(fileNameForErrors, 0, QString(), Tr::tr("the file is empty (expected a header row)"));
    table.headerLine = records.front().line;
    table.header = records.front().fields;
    for (QString &h : table.header)
        h = h.trimmed();
    for (std::size_t r = 1; r < records.size(); ++r) {
        if (records[r].fields.size() != table.header.size())
            throw InputError(fileNameForErrors, records[r].line, QString(),
                             Tr::tr("expected %1 fields as in the header, found %2")
                                 .arg(table.header.size())
                                 .arg(records[r].fields.size()));
        table.rows.push_back(records[r]);
    }
    return table;
}

CsvTable readCsvFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw InputError(path, 0, QString(), Tr::tr("cannot read the file (%1)").arg(file.errorString()));
    return parseCsv(QString::fromUtf8(file.readAll()), path);
}

double parseCsvNumber(const CsvTable &table, const CsvRow &row, int column)
{
    const QString text = row.fields.value(column).trimmed();
    bool ok = false;
    const double v = text.toDouble(&ok);
    if (!ok)
        throw InputError(table.file, row.line, table.header.value(column),
                         Tr::tr("expected a number, found '%1'").arg(text));
    return v;
}

} // namespace ts

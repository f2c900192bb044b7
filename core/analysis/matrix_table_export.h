#pragma once
// Data exports of an analysis: the mean PGF matrix as CSV and as a LaTeX tabular, and the whole
// analysis as JSON (the document `transferscope-cli analyze --json` prints; shape in docs/cli.md).

#include "analysis/model_analysis.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace ts {

// Header row "source,<task>…", one row per source; undefined cells are empty.
QString matrixToCsv(const SquareMatrix &matrix, const QStringList &labels, int decimals = 6);
// \begin{tabular}{l|ccc…} with abbreviations as headers, LaTeX-escaped; undefined cells "--".
QString matrixToLatex(const SquareMatrix &matrix, const QStringList &labels, int decimals = 2,
                      const QString &caption = QString());
// Per-task Δ⁺ Δ⁻ Θ⁺ Θ⁻ table as CSV.
QString scoresToCsv(const ModelAnalysis &analysis);

QJsonObject analysisToJson(const ModelAnalysis &analysis, int strongestEdgeCount = 10);
// {"version":1,"options":{…},"models":[…],"consistentPersonas":[…]}
QJsonObject analysesToJson(const std::vector<ModelAnalysis> &analyses, int strongestEdgeCount = 10);

// Writes text as UTF-8; throws ts::InputError (line 0) when the file cannot be written.
void writeTextFile(const QString &path, const QString &text);

} // namespace ts

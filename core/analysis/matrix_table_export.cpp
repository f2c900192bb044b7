#include "analysis/matrix_table_export.h"

#include "common/input_error.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonValue>
#include <QStringList>
#include <cmath>

namespace ts {

namespace {

QJsonValue number(double v)
{
    // JSON has no NaN/Infinity: undefined cells become null.
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null);
}

QJsonArray matrixJson(const SquareMatrix &m)
{
    QJsonArray rows;
    for (int i = 0; i < m.size(); ++i) {
        QJsonArray row;
        for (int j = 0; j < m.size(); ++j)
            row.append(number(m.at(i, j)));
        rows.append(row);
    }
    return rows;
}

QString csvField(const QString &s)
{
    if (s.contains(QLatin1Char(',')) || s.contains(QLatin1Char('"')) || s.contains(QLatin1Char('\n')))
        return QLatin1Char('"') + QString(s).replace(QLatin1Char('"'), QLatin1String("\"\"")) + QLatin1Char('"');
    return s;
}

QString csvNumber(double v, int decimals)
{
    return std::isnan(v) ? QString() : QString::number(v, 'f', decimals);
}

QString latexEscape(const QString &s)
{
    QString out;
    for (const QChar c : s) {
        switch (c.unicode()) {
        case '&': case '%': case '$': case '#': case '_': case '{': case '}':
            out += QLatin1Char('\\') + c;
            break;
        case '~':
            out += QLatin1String("\\textasciitilde{}");
            break;
        case '^':
            out += QLatin1String("\\textasciicircum{}");
            break;
        case '\\':
            out += QLatin1String("\\textbackslash{}");
            break;
        default:
            out += c;
        }
    }
    return out;
}

// JSON is read by programs: persona names stay English whatever the user's language.
QString personaKey(Persona p)
{
    switch (p) {
    case Persona::Donor:
        return QStringLiteral("Donor");
    case Persona::Pirate:
        return QStringLiteral("Pirate");
    case Persona::Sponge:
        return QStringLiteral("Sponge");
    case Persona::Sieve:
        break;
    }
    return QStringLiteral("Sieve");
}

QJsonObject edgeJson(const ModelAnalysis &a, const TransferEdge &e)
{
    const auto &m = a.matrix;
    QJsonObject o{{QStringLiteral("source"), m.tasks().value(e.source)},
                       {QStringLiteral("target"), m.tasks().value(e.target)},
                       {QStringLiteral("sourceAbbreviation"), m.abbreviations().value(e.source)},
                       {QStringLiteral("targetAbbreviation"), m.abbreviations().value(e.target)},
                       {QStringLiteral("pgf"), number(e.pgf)},
                       {QStringLiteral("std"), number(e.spread)},
                       {QStringLiteral("p"), number(a.pValues.at(e.source, e.target))}};
    if (a.items) {
        o.insert(QStringLiteral("ci95"), QJsonArray{number(a.items->ciLow.at(e.source, e.target)), number(a.items->ciHigh.at(e.source, e.target))});
        o.insert(QStringLiteral("mcnemarP"), number(a.items->mcnemarP.at(e.source, e.target)));
    }
    return o;
}

QJsonObject cliqueJson(const ModelAnalysis &a, const TaskClique &c)
{
    QJsonArray names, abbreviations;
    for (int i : c.members) {
        names.append(a.matrix.tasks().value(i));
        abbreviations.append(a.matrix.abbreviations().value(i));
    }
    const QJsonObject test{{QStringLiteral("test"), QStringLiteral("wilcoxon-signed-rank")},
                           {QStringLiteral("alternative"), c.sign == EdgeSign::Negative ? QStringLiteral("less")
                                                                                        : QStringLiteral("greater")},
                           {QStringLiteral("n"), c.test.n},
                           {QStringLiteral("wPlus"), number(c.test.wPlus)},
                           {QStringLiteral("z"), number(c.test.z)},
                           {QStringLiteral("p"), number(c.test.pValue)},
                           {QStringLiteral("exact"), c.test.exact}};
    return QJsonObject{{QStringLiteral("members"), names},
                       {QStringLiteral("abbreviations"), abbreviations},
                       {QStringLiteral("size"), int(c.members.size())},
                       {QStringLiteral("meanPgf"), number(c.meanPgf)},
                       {QStringLiteral("minAbsPgf"), number(c.minAbsPgf)},
                       {QStringLiteral("pooledValues"), c.pooledValues},
                       {QStringLiteral("significance"), test}};
}

QJsonObject optionsJson(const AnalysisOptions &o)
{
    return QJsonObject{
        {QStringLiteral("threshold"), o.threshold},
        {QStringLiteral("edgeSign"), edgeSignName(o.edgeSign)},
        {QStringLiteral("includeDiagonal"), o.includeDiagonal},
        {QStringLiteral("personaRule"),
         QJsonObject{{QStringLiteral("kind"), o.personaRule.kind == PersonaRule::TopK ? QStringLiteral("topk") : QStringLiteral("z")},
                     {QStringLiteral("z"), o.personaRule.zThreshold},
                     {QStringLiteral("topK"), o.personaRule.topK}}},
        {QStringLiteral("cellSignificance"), QStringLiteral("one-sample two-sided t test over runs")}};
}

} // namespace

QString matrixToCsv(const SquareMatrix &matrix, const QStringList &labels, int decimals)
{
    QStringList lines;
    QStringList header{QStringLiteral("source")};
    for (int j = 0; j < matrix.size(); ++j)
        header << csvField(labels.value(j));
    lines << header.join(QLatin1Char(','));
    for (int i = 0; i < matrix.size(); ++i) {
        QStringList row{csvField(labels.value(i))};
        for (int j = 0; j < matrix.size(); ++j)
            row << csvNumber(matrix.at(i, j), decimals);
        lines << row.join(QLatin1Char(','));
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QString matrixToLatex(const SquareMatrix &matrix, const QStringList &labels, int decimals, const QString &caption)
{
    QStringList lines;
    if (!caption.isEmpty())
        lines << QStringLiteral("%% %1").arg(caption);
    lines << QStringLiteral("\\begin{tabular}{l|%1}").arg(QString(QLatin1Char('r')).repeated(matrix.size()));
    QStringList header{QStringLiteral("$\\downarrow$ source / target $\\rightarrow$")};
    for (int j = 0; j < matrix.size(); ++j)
        header << latexEscape(labels.value(j));
    lines << header.join(QStringLiteral(" & ")) + QStringLiteral(" \\\\");
    lines << QStringLiteral("\\hline");
    for (int i = 0; i < matrix.size(); ++i) {
        QStringList row{latexEscape(labels.value(i))};
        for (int j = 0; j < matrix.size(); ++j) {
            const double v = matrix.at(i, j);
            row << (std::isnan(v) ? QStringLiteral("--") : QStringLiteral("$%1$").arg(QString::number(v, 'f', decimals)));
        }
        lines << row.join(QStringLiteral(" & ")) + QStringLiteral(" \\\\");
    }
    lines << QStringLiteral("\\end{tabular}");
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QString scoresToCsv(const ModelAnalysis &a)
{
    QStringList lines{QStringLiteral("task,abbreviation,delta_plus,delta_minus,theta_plus,theta_minus,"
                                     "p_out,n_out,p_in,n_in,N,delta_plus_std,delta_minus_std,theta_plus_std,theta_minus_std")};
    for (int t = 0; t < int(a.scores.size()); ++t) {
        const TaskScores &s = a.scores[std::size_t(t)];
        const TaskScoreSpread sp = std::size_t(t) < a.scoreSpread.size() ? a.scoreSpread[std::size_t(t)] : TaskScoreSpread();
        lines << QStringList{csvField(a.matrix.tasks().value(t)), csvField(a.matrix.abbreviations().value(t)),
                             csvNumber(s.deltaPlus, 6), csvNumber(s.deltaMinus, 6), csvNumber(s.thetaPlus, 6),
                             csvNumber(s.thetaMinus, 6), QString::number(s.positiveOut), QString::number(s.negativeOut),
                             QString::number(s.positiveIn), QString::number(s.negativeIn), QString::number(s.considered),
                             csvNumber(sp.deltaPlus, 6), csvNumber(sp.deltaMinus, 6), csvNumber(sp.thetaPlus, 6),
                             csvNumber(sp.thetaMinus, 6)}
                     .join(QLatin1Char(','));
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QJsonObject analysisToJson(const ModelAnalysis &a, int strongestEdgeCount)
{
    const auto &m = a.matrix;
    QJsonArray tasks;
    for (int i = 0; i < m.taskCount(); ++i)
        tasks.append(QJsonObject{{QStringLiteral("name"), m.tasks()[i]}, {QStringLiteral("abbreviation"), m.abbreviations()[i]}});
    QJsonArray scores;
    for (int t = 0; t < int(a.scores.size()); ++t) {
        const TaskScores &s = a.scores[std::size_t(t)];
        const TaskScoreSpread sp = std::size_t(t) < a.scoreSpread.size() ? a.scoreSpread[std::size_t(t)] : TaskScoreSpread();
        scores.append(QJsonObject{
            {QStringLiteral("task"), m.tasks().value(t)},
            {QStringLiteral("abbreviation"), m.abbreviations().value(t)},
            {QStringLiteral("deltaPlus"), number(s.deltaPlus)},
            {QStringLiteral("deltaMinus"), number(s.deltaMinus)},
            {QStringLiteral("thetaPlus"), number(s.thetaPlus)},
            {QStringLiteral("thetaMinus"), number(s.thetaMinus)},
            {QStringLiteral("positiveOut"), s.positiveOut},
            {QStringLiteral("negativeOut"), s.negativeOut},
            {QStringLiteral("positiveIn"), s.positiveIn},
            {QStringLiteral("negativeIn"), s.negativeIn},
            {QStringLiteral("N"), s.considered},
            {QStringLiteral("spread"),
             QJsonObject{{QStringLiteral("deltaPlus"), number(sp.deltaPlus)},
                         {QStringLiteral("deltaMinus"), number(sp.deltaMinus)},
                         {QStringLiteral("thetaPlus"), number(sp.thetaPlus)},
                         {QStringLiteral("thetaMinus"), number(sp.thetaMinus)}}}});
    }
    QJsonArray edges, strongest;
    for (const TransferEdge &e : a.graph.edges)
        edges.append(edgeJson(a, e));
    for (const TransferEdge &e : strongestEdges(a.graph, strongestEdgeCount))
        strongest.append(edgeJson(a, e));
    QJsonArray positive, negative, personas;
    for (const TaskClique &c : a.positiveCliques)
        positive.append(cliqueJson(a, c));
    for (const TaskClique &c : a.negativeCliques)
        negative.append(cliqueJson(a, c));
    for (const PersonaEvidence &e : a.personas)
        personas.append(QJsonObject{{QStringLiteral("task"), m.tasks().value(e.task)},
                                    {QStringLiteral("abbreviation"), m.abbreviations().value(e.task)},
                                    {QStringLiteral("persona"), personaKey(e.persona)},
                                    {QStringLiteral("score"), number(e.score)},
                                    {QStringLiteral("rank"), e.rank},
                                    {QStringLiteral("z"), number(e.z)},
                                    {QStringLiteral("spread"), number(e.spread)}});
    const int donor = a.topDonor();
    return QJsonObject{
        {QStringLiteral("model"), m.model()},
        {QStringLiteral("tasks"), tasks},
        {QStringLiteral("runs"), QJsonArray::fromStringList(m.runs())},
        {QStringLiteral("mean"), matrixJson(a.mean)},
        {QStringLiteral("std"), matrixJson(a.spread)},
        {QStringLiteral("pValues"), matrixJson(a.pValues)},
        {QStringLiteral("scores"), scores},
        {QStringLiteral("meanPositiveTransferability"), number(a.meanPositiveTransferability())},
        {QStringLiteral("topDonor"), donor >= 0 ? QJsonValue(m.tasks().value(donor)) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("graph"),
         QJsonObject{{QStringLiteral("threshold"), a.graph.threshold},
                     {QStringLiteral("sign"), edgeSignName(a.graph.sign)},
                     {QStringLiteral("edgeCount"), int(a.graph.edges.size())},
                     {QStringLiteral("positiveEdgeCount"), a.graph.positiveEdgeCount()},
                     {QStringLiteral("negativeEdgeCount"), a.graph.negativeEdgeCount()},
                     {QStringLiteral("strongestEdges"), strongest},
                     {QStringLiteral("edges"), edges}}},
        {QStringLiteral("cliques"), QJsonObject{{QStringLiteral("positive"), positive}, {QStringLiteral("negative"), negative}}},
        {QStringLiteral("personas"), personas},
        {QStringLiteral("ahp"), matrixJson(a.ahp)},
        {QStringLiteral("drift"), [&] {
             QJsonArray d;
             for (double v : a.drift)
                 d.append(number(v));
             return a.drift.empty() ? QJsonValue(QJsonValue::Null) : QJsonValue(d);
         }()},
        {QStringLiteral("driftCorrected"), a.driftCorrected},
        {QStringLiteral("items"), a.items ? QJsonValue(QJsonObject{{QStringLiteral("ci95Low"), matrixJson(a.items->ciLow)},
                                                                     {QStringLiteral("ci95High"), matrixJson(a.items->ciHigh)},
                                                                     {QStringLiteral("mcnemarP"), matrixJson(a.items->mcnemarP)},
                                                                     {QStringLiteral("replicates"), a.items->replicates}})
                                          : QJsonValue(QJsonValue::Null)}};
}

QJsonObject analysesToJson(const std::vector<ModelAnalysis> &analyses, int strongestEdgeCount)
{
    QJsonArray models;
    std::vector<ModelPersonas> summaries;
    for (const ModelAnalysis &a : analyses) {
        models.append(analysisToJson(a, strongestEdgeCount));
        summaries.push_back(a.personaSummary());
    }
    QJsonArray consistent;
    if (analyses.size() > 1) {
        for (const ConsistentPersona &c : consistentPersonas(summaries))
            consistent.append(QJsonObject{{QStringLiteral("task"), c.task},
                                          {QStringLiteral("persona"), personaKey(c.persona)},
                                          {QStringLiteral("models"), QJsonArray::fromStringList(c.models)}});
    }
    return QJsonObject{{QStringLiteral("version"), 1},
                       {QStringLiteral("options"), analyses.empty() ? QJsonObject() : optionsJson(analyses.front().options)},
                       {QStringLiteral("models"), models},
                       {QStringLiteral("consistentPersonas"), consistent}};
}

void writeTextFile(const QString &path, const QString &text)
{
    QFile file(path);
    const QByteArray bytes = text.toUtf8();
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
        throw InputError(path, 0, QString(),
                         QCoreApplication::translate("ts::MatrixTableExport", "cannot write the file (%1)").arg(file.errorString()));
}

} // namespace ts

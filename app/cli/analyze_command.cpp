// `transferscope-cli analyze FILE…`: the analysis of issue 2 from released PGF tables or accuracy
// tables — text report, one JSON document (--json, shape in docs/cli.md) or figure/table export.

#include "analysis/heatmap_painter.h"
#include "analysis/matrix_table_export.h"
#include "analysis/model_analysis.h"
#include "analysis/transfer_graph_figure.h"
#include "analysis/transfer_table_loader.h"
#include "cli/commands.h"
#include "common/input_error.h"
#include "store/study_store.h"
#include "study/study_analysis.h"
#include "layout/graph_painter.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTextStream>
#include <cmath>

namespace ts::cli {

namespace {

// A named context that lupdate sees too (a free tr() would be filed under the namespace).
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(ts::cli::analyze)
};

struct Settings {
    AnalysisOptions analysis;
    LayoutEngine layout = LayoutEngine::Dot;
    bool json = false;
    QString exportDir;
    QString modelName;
    int edgeCount = 10;
    bool driftCorrected = false;
    bool personaClusters = false;
    QStringList files;
};

QString signedNumber(double v, int decimals = 3)
{
    if (std::isnan(v))
        return QStringLiteral("n/a");
    return (v >= 0 ? QStringLiteral("+") : QString()) + QString::number(v, 'f', decimals);
}

QString plainNumber(double v, int decimals = 3)
{
    return std::isnan(v) ? QStringLiteral("n/a") : QString::number(v, 'f', decimals);
}

QString pValue(double p)
{
    if (std::isnan(p))
        return QStringLiteral("n/a");
    return p < 1e-4 ? QString::number(p, 'e', 1) : QString::number(p, 'f', 4);
}

// Per-item evidence, only for studies that stored per-item results.
QString itemStatisticsText(const ModelAnalysis &a, const TransferEdge &e)
{
    if (!a.items)
        return {};
    return QStringLiteral("   95% CI [%1, %2]   McNemar p = %3")
        .arg(signedNumber(a.items->ciLow.at(e.source, e.target)), signedNumber(a.items->ciHigh.at(e.source, e.target)),
             pValue(a.items->mcnemarP.at(e.source, e.target)));
}

QString memberList(const ModelAnalysis &a, const std::vector<int> &members)
{
    QStringList out;
    for (int i : members)
        out << a.matrix.abbreviations().value(i);
    return QStringLiteral("{") + out.join(QStringLiteral(", ")) + QStringLiteral("}");
}

void printCliques(QTextStream &out, const ModelAnalysis &a, const std::vector<TaskClique> &cliques, const QString &kind)
{
    if (cliques.empty()) {
        out << "  " << Tr::tr("%1: none").arg(kind) << "\n";
        return;
    }
    out << "  " << Tr::tr("%1: %n maximum clique(s) of size %2", nullptr, int(cliques.size()))
                       .arg(kind)
                       .arg(cliques.front().members.size())
        << "\n";
    for (const TaskClique &c : cliques) {
        QStringList names;
        for (int i : c.members)
            names << a.matrix.tasks().value(i);
        out << "    " << memberList(a, c.members) << "  "
            << Tr::tr("mean PGF %1, weakest link %2, Wilcoxon on %3 pooled values p = %4")
                   .arg(signedNumber(c.meanPgf), plainNumber(c.minAbsPgf))
                   .arg(c.pooledValues)
                   .arg(pValue(c.test.pValue))
            << "\n      " << names.join(QStringLiteral(", ")) << "\n";
    }
}

void printReport(QTextStream &out, const ModelAnalysis &a, const Settings &s)
{
    const TransferMatrix &m = a.matrix;
    out << "== " << m.model() << " — " << Tr::tr("%1 tasks, %2 runs (%3)").arg(m.taskCount()).arg(m.runCount()).arg(m.runs().join(QStringLiteral(", ")))
        << " ==\n\n";

    out << Tr::tr("Strongest edges (|mean PGF| ≥ %1, %2: %3 edges, %4 positive, %5 negative)")
               .arg(a.graph.threshold)
               .arg(edgeSignName(a.graph.sign))
               .arg(a.graph.edges.size())
               .arg(a.graph.positiveEdgeCount())
               .arg(a.graph.negativeEdgeCount())
        << "\n";
    for (const TransferEdge &e : strongestEdges(a.graph, s.edgeCount))
        out << "  " << m.abbreviations().value(e.source).leftJustified(3) << " → " << m.abbreviations().value(e.target).leftJustified(3)
            << "  " << signedNumber(e.pgf) << " ± " << plainNumber(e.spread) << "   p = " << pValue(a.pValues.at(e.source, e.target))
            << itemStatisticsText(a, e) << "   " << m.tasks().value(e.source) << " → " << m.tasks().value(e.target) << "\n";

    if (!a.drift.empty()) {
        out << (a.driftCorrected ? Tr::tr("Drift control (mean PGF per target, subtracted above):") : Tr::tr("Drift control (mean PGF per target):"));
        for (int t = 0; t < int(a.drift.size()); ++t)
            out << "  " << m.abbreviations().value(t) << " " << signedNumber(a.drift[size_t(t)]);
        out << "\n";
    }

    out << "\n" << Tr::tr("Cliques (mutual mean PGF of one sign in both directions):") << "\n";
    printCliques(out, a, a.positiveCliques, Tr::tr("positive"));
    printCliques(out, a, a.negativeCliques, Tr::tr("negative"));

    const PersonaRule &rule = a.options.personaRule;
    out << "\n"
        << (rule.kind == PersonaRule::TopK ? Tr::tr("Personas (top %1 per score):").arg(rule.topK)
                                           : Tr::tr("Personas (z ≥ %1 over the model's tasks):").arg(rule.zThreshold))
        << "\n";
    if (a.personas.empty())
        out << "  " << Tr::tr("none") << "\n";
    for (const PersonaEvidence &e : a.personas)
        out << "  " << personaName(e.persona).leftJustified(8) << m.abbreviations().value(e.task).leftJustified(4)
            << Tr::tr("score %1 (±%2 over runs), rank %3, z %4").arg(plainNumber(e.score), plainNumber(e.spread)).arg(e.rank).arg(e.z, 0, 'f', 2)
            << "   " << m.tasks().value(e.task) << "\n";

    out << "\n" << Tr::tr("Transferability (as source) and malleability (as target), N = %1:").arg(a.scores.empty() ? 0 : a.scores.front().considered) << "\n";
    out << "  task   Δ⁺       Δ⁻       Θ⁺       Θ⁻       p/n out  p/n in\n";
    for (int t = 0; t < int(a.scores.size()); ++t) {
        const TaskScores &sc = a.scores[std::size_t(t)];
        out << "  " << m.abbreviations().value(t).leftJustified(5) << "  " << plainNumber(sc.deltaPlus).leftJustified(7) << "  "
            << plainNumber(sc.deltaMinus).leftJustified(7) << "  " << plainNumber(sc.thetaPlus).leftJustified(7) << "  "
            << plainNumber(sc.thetaMinus).leftJustified(7) << "  "
            << QStringLiteral("%1/%2").arg(sc.positiveOut).arg(sc.negativeOut).leftJustified(7) << "  "
            << QStringLiteral("%1/%2").arg(sc.positiveIn).arg(sc.negativeIn) << "\n";
    }
    const int donor = a.topDonor();
    out << "  " << Tr::tr("mean Δ⁺ %1; top donor: %2").arg(plainNumber(a.meanPositiveTransferability(), 4), donor >= 0 ? m.tasks().value(donor) : QStringLiteral("n/a"))
        << "\n\n";
}

QString fileStem(const QString &model)
{
    static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9._-]+"));
    QString stem = model;
    stem.replace(unsafe, QStringLiteral("_"));
    return stem.isEmpty() ? QStringLiteral("model") : stem;
}

QStringList exportModel(const ModelAnalysis &a, const Settings &s)
{
    const QDir dir(s.exportDir);
    const QString stem = dir.filePath(fileStem(a.model()));
    const QStringList &abbr = a.matrix.abbreviations();
    QStringList written;
    auto record = [&](const QString &path) { written << QDir::toNativeSeparators(path); };

    writeTextFile(stem + QStringLiteral("_pgf.csv"), matrixToCsv(a.mean, a.matrix.tasks()));
    record(stem + QStringLiteral("_pgf.csv"));
    writeTextFile(stem + QStringLiteral("_pgf.tex"),
                  matrixToLatex(a.mean, abbr, 2, Tr::tr("mean PGF over %1 runs, %2 (rows: source, columns: target)").arg(a.matrix.runCount()).arg(a.model())));
    record(stem + QStringLiteral("_pgf.tex"));
    writeTextFile(stem + QStringLiteral("_scores.csv"), scoresToCsv(a));
    record(stem + QStringLiteral("_scores.csv"));

    TransferGraphStyle graphStyle;
    graphStyle.title = Tr::tr("%1: task transfer, |PGF| ≥ %2").arg(a.model()).arg(a.graph.threshold);
    if (s.personaClusters)
        graphStyle.clusters = personaClusters(a.personas);
    const GraphSpec spec = transferGraphSpec(a.graph, a.matrix.tasks(), abbr, graphStyle);
    saveGraphSvg(stem + QStringLiteral("_graph.svg"), spec, s.layout);
    record(stem + QStringLiteral("_graph.svg"));
    saveGraphPdf(stem + QStringLiteral("_graph.pdf"), spec, s.layout);
    record(stem + QStringLiteral("_graph.pdf"));

    HeatmapStyle style;
    style.title = Tr::tr("%1: mean PGF over %2 runs").arg(a.model()).arg(a.matrix.runCount());
    const HeatmapPainter heatmap(a.mean, abbr, style);
    heatmap.savePng(stem + QStringLiteral("_heatmap.png"));
    record(stem + QStringLiteral("_heatmap.png"));
    heatmap.saveSvg(stem + QStringLiteral("_heatmap.svg"));
    record(stem + QStringLiteral("_heatmap.svg"));
    heatmap.savePdf(stem + QStringLiteral("_heatmap.pdf"));
    record(stem + QStringLiteral("_heatmap.pdf"));
    return written;
}

// Returns 0 on success; otherwise prints the problem and returns the exit code.
int parseSettings(const QStringList &args, Settings *s, QTextStream &err, QTextStream &out)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Tr::tr("Analyse task transfer: PGF matrix, transferability/malleability, "
                                        "transfer graph, cliques, personas, significance."));
    parser.addPositionalArgument(QStringLiteral("FILE"), Tr::tr("authors' PGF table or accuracy table (CSV); several allowed"),
                                 QStringLiteral("FILE…"));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, Tr::tr("Show this help."));
    const QCommandLineOption json(QStringLiteral("json"), Tr::tr("Print one JSON document instead of the text report."));
    const QCommandLineOption exportDir(QStringLiteral("export"), Tr::tr("Write tables and figures per model into DIR."), QStringLiteral("DIR"));
    const QCommandLineOption threshold(QStringLiteral("threshold"), Tr::tr("Graph edges need |mean PGF| ≥ X (default 0.25)."), QStringLiteral("X"), QStringLiteral("0.25"));
    const QCommandLineOption sign(QStringLiteral("sign"), Tr::tr("Edge filter: all, positive or negative (default all)."), QStringLiteral("SIGN"), QStringLiteral("all"));
    const QCommandLineOption layout(QStringLiteral("layout"), Tr::tr("Graph layout: dot, circo, neato or fdp (default dot)."), QStringLiteral("ENGINE"), QStringLiteral("dot"));
    const QCommandLineOption personaRule(QStringLiteral("persona-rule"), Tr::tr("Persona rule: z (z ≥ 1, default) or topk."), QStringLiteral("RULE"), QStringLiteral("z"));
    const QCommandLineOption topK(QStringLiteral("top-k"), Tr::tr("k for --persona-rule topk (default 3)."), QStringLiteral("K"), QStringLiteral("3"));
    const QCommandLineOption z(QStringLiteral("z-threshold"), Tr::tr("z threshold for --persona-rule z (default 1)."), QStringLiteral("Z"), QStringLiteral("1"));
    const QCommandLineOption diagonal(QStringLiteral("include-diagonal"), Tr::tr("Include each task's effect on itself in Δ/Θ and AHP."));
    const QCommandLineOption model(QStringLiteral("model"), Tr::tr("Model name for a PGF table (default: from the file name)."), QStringLiteral("NAME"));
    const QCommandLineOption edges(QStringLiteral("edges"), Tr::tr("How many strongest edges to print (default 10)."), QStringLiteral("K"), QStringLiteral("10"));
    const QCommandLineOption drift(QStringLiteral("drift-corrected"),
                                   Tr::tr("Study folders: subtract the drift-control cell's PGF from every source (task-specific transfer only)."));
    const QCommandLineOption clusters(QStringLiteral("persona-clusters"), Tr::tr("Exported graphs group tasks by persona (Graphviz clusters; dot and fdp)."));
    for (const auto &o : {help, json, exportDir, threshold, sign, layout, personaRule, topK, z, diagonal, model, edges, drift, clusters})
        parser.addOption(o);

    if (!parser.parse(QStringList{QStringLiteral("transferscope-cli analyze")} + args)) {
        err << "error: " << parser.errorText() << "\n";
        return 2;
    }
    if (parser.isSet(help)) {
        // QCommandLineParser names the executable's path; the user typed a subcommand.
        QString text = parser.helpText();
        const int end = int(text.indexOf(QLatin1String("[options]")));
        if (text.startsWith(QLatin1String("Usage: ")) && end > 0)
            text.replace(7, end - 7, QStringLiteral("transferscope-cli analyze "));
        out << text;
        return -1;
    }
    auto number = [&](const QCommandLineOption &o, double *value) {
        bool ok = false;
        *value = parser.value(o).toDouble(&ok);
        if (!ok || !std::isfinite(*value)) {
            err << "error: --" << o.names().constLast() << ": " << Tr::tr("expected a number, found '%1'").arg(parser.value(o)) << "\n";
            return false;
        }
        return true;
    };
    double v = 0;
    if (!number(threshold, &s->analysis.threshold) || !number(z, &s->analysis.personaRule.zThreshold) || !number(topK, &v))
        return 2;
    s->analysis.personaRule.topK = int(v);
    if (!number(edges, &v))
        return 2;
    s->edgeCount = int(v);
    if (!parseEdgeSign(parser.value(sign), &s->analysis.edgeSign)) {
        err << "error: --sign: " << Tr::tr("expected all, positive or negative, found '%1'").arg(parser.value(sign)) << "\n";
        return 2;
    }
    if (!parseLayoutEngine(parser.value(layout), &s->layout)) {
        err << "error: --layout: " << Tr::tr("expected dot, circo, neato or fdp, found '%1'").arg(parser.value(layout)) << "\n";
        return 2;
    }
    if (!parsePersonaRuleKind(parser.value(personaRule), &s->analysis.personaRule.kind)) {
        err << "error: --persona-rule: " << Tr::tr("expected z or topk, found '%1'").arg(parser.value(personaRule)) << "\n";
        return 2;
    }
    s->analysis.includeDiagonal = parser.isSet(diagonal);
    s->driftCorrected = parser.isSet(drift);
    s->personaClusters = parser.isSet(clusters);
    s->json = parser.isSet(json);
    s->exportDir = parser.value(exportDir);
    s->modelName = parser.value(model);
    s->files = parser.positionalArguments();
    if (s->files.isEmpty()) {
        err << "error: " << Tr::tr("no input file (usage: transferscope-cli analyze [OPTIONS] FILE…)") << "\n";
        return 2;
    }
    if (!s->modelName.isEmpty() && s->files.size() > 1) {
        err << "error: --model: " << Tr::tr("only one input file may be given a model name") << "\n";
        return 2;
    }
    return 0;
}

} // namespace

int runAnalyze(const QStringList &args)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    Settings s;
    if (const int rc = parseSettings(args, &s, err, out))
        return rc < 0 ? 0 : rc;

    // Read every file before printing anything, so bad input never leaves a half report behind.
    std::vector<ModelAnalysis> analyses;
    for (const QString &file : s.files) {
        // A Transferscope study folder is analysed from its stored accuracies; files by their header.
        if (StudyStore::isStudyFolder(file)) {
            const StudyContents study = StudyStore(file).load();
            for (const StoreProblem &p : study.problems)
                err << "warning: " << Tr::tr("skipped a damaged cell: %1").arg(p.message) << "\n";
            for (const TransferMatrix &m : studyTransferMatrices(study, file)) {
                const DriftControl control = studyDriftControl(study, m);
                if (s.driftCorrected && control.empty())
                    throw InputError(file, 0, QStringLiteral("--drift-corrected"),
                                     Tr::tr("model '%1' has no control cells to correct with").arg(m.model()));
                analyses.push_back(analyzeModel(s.driftCorrected ? driftCorrected(m, control) : m, s.analysis));
                analyses.back().items = studyItemStatistics(study, m);
                analyses.back().drift = control.mean();
                analyses.back().driftCorrected = s.driftCorrected;
            }
            continue;
        }
        for (const TransferMatrix &m : loadTransferMatrices(file, s.modelName))
            analyses.push_back(analyzeModel(m, s.analysis));
    }

    QStringList written;
    if (!s.exportDir.isEmpty()) {
        if (!QDir().mkpath(s.exportDir)) {
            err << "error: " << s.exportDir << ": " << Tr::tr("cannot create the export directory") << "\n";
            return 1;
        }
        for (const ModelAnalysis &a : analyses)
            written += exportModel(a, s);
    }

    if (s.json) {
        out << QJsonDocument(analysesToJson(analyses, s.edgeCount)).toJson(QJsonDocument::Indented);
        return 0;
    }
    for (const ModelAnalysis &a : analyses)
        printReport(out, a, s);
    if (analyses.size() > 1) {
        std::vector<ModelPersonas> summaries;
        for (const ModelAnalysis &a : analyses)
            summaries.push_back(a.personaSummary());
        const auto consistent = consistentPersonas(summaries);
        out << Tr::tr("Personas consistent across all %1 models:").arg(analyses.size()) << "\n";
        if (consistent.empty())
            out << "  " << Tr::tr("none") << "\n";
        for (const ConsistentPersona &c : consistent)
            out << "  " << personaName(c.persona).leftJustified(8) << c.task << "\n";
        out << Tr::tr("Mean Δ⁺ per model:");
        for (const ModelAnalysis &a : analyses)
            out << "  " << a.model() << " " << plainNumber(a.meanPositiveTransferability(), 4);
        out << "\n";
    }
    if (!written.isEmpty()) {
        out << "\n" << Tr::tr("Written:") << "\n";
        for (const QString &f : written)
            out << "  " << f << "\n";
    }
    return 0;
}

} // namespace ts::cli

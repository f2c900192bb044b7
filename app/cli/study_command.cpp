// `transferscope-cli study …`: run and resume studies, validate and plan a spec, report a study
// folder's state, export a study's results.

#include "cli/commands.h"
#include "model/runtime.h"
#include "study/known_presets.h"
#include "store/study_store.h"
#include "study/study_plan.h"
#include "study/blas_check.h"
#include "study/data_selection.h"
#include "study/progress_sinks.h"
#include "study/study_analysis.h"
#include "study/stop_signals.h"
#include "study/study_parallelism.h"
#include "study/study_runner.h"
#include "study/study_spec.h"
#include "study/torch_cell_executor.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QCoreApplication>
#include <QTextStream>
#include <QThread>
#include <unistd.h>

namespace ts::cli {

namespace {

// Usage texts follow the system locale (ts::i18n, context ts::cli like main.cpp); see docs/cli.md.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(ts::cli)
};


int usage(QTextStream &err)
{
    err << Tr::tr("usage: transferscope-cli study run SPEC.json --out DIR [--progress bar|json] [--workers N]\n"
           "                                                    run a study (Ctrl-C: stop and keep; twice: abort)\n"
           "       transferscope-cli study resume DIR [--progress bar|json] [--workers N]\n"
           "                                                    continue a stopped or killed study at its first missing cell\n"
           "       transferscope-cli study select DIR --target TASK [--threshold X] [--examples N]\n"
           "                                                    PGF-guided data selection for TASK vs random mixture, direct, base\n"
           "                                                    (N: training examples per mixture; default: the spec's train.examples)\n"
           "       transferscope-cli study plan SPEC.json       validate a spec and list its cells\n"
           "       transferscope-cli study status DIR           completed and missing cells of a study\n"
           "       transferscope-cli study export DIR --to FILE.h5|FILE.csv\n"
           "                                                    the whole study as one HDF5 file, or its accuracy table\n"
           "--workers N: cells run side by side (default: the spec's \"workers\"; 0 there = one per core for presets)\n");
    return 2;
}

// Every problem of the spec, one line each, so a user can fix them all in one pass.
int reportSpecErrors(const SpecErrors &e, QTextStream &err)
{
    for (const InputError &problem : e.errors())
        err << "error: " << problem.describe() << "\n";
    err << e.errors().size() << " problem(s) in the study spec\n";
    return 1;
}

int plan(const QString &specPath, QTextStream &out)
{
    const StudySpec spec = readStudySpec(specPath, knownModelPresets());
    const auto cells = planStudy(spec);
    QMap<QString, int> perKind;
    double work = 0;
    for (const PlannedCell &c : cells) {
        perKind[cellKindName(c.kind)] += 1;
        work += cellWork(c, spec.train.batch);
    }
    out << "study '" << spec.name << "': " << spec.models.size() << " model(s) x " << spec.sourceTasks().size()
        << " source task(s) x " << spec.seeds.size() << " seed(s), " << spec.targetTasks().size() << " target task(s)\n";
    out << cells.size() << " cells: " << perKind.value(QStringLiteral("base")) << " base, "
        << perKind.value(QStringLiteral("control")) << " control, " << perKind.value(QStringLiteral("finetune"))
        << " finetune; " << qint64(work) << " work units (evaluation items + 3 x training samples)\n\n";
    for (const PlannedCell &c : cells)
        out << "  " << c.cellId() << "\n";
    return 0;
}

// A study folder as given on the command line, or a clear error naming it.
StudyStore openStudyFolder(const QString &dir)
{
    if (!StudyStore::isStudyFolder(dir))
        throw InputError(dir, 0, {}, QStringLiteral("not a study folder (expected spec.json and cells/)"));
    return StudyStore(dir);
}

// The spec a study was started with, validated as when it was run.
StudySpec storedSpec(const StudyStore &store)
{
    return parseStudySpec(store.spec(), SpecContext{QDir(store.dir()).filePath(QStringLiteral("spec.json")), knownModelPresets()});
}

int status(const QString &dir, QTextStream &out)
{
    const StudyStore store = openStudyFolder(dir);
    const StudySpec spec = storedSpec(store);
    const auto cells = planStudy(spec);
    int done = 0;
    QStringList missing;
    for (const PlannedCell &c : cells) {
        if (store.hasCell(c.cellId()))
            ++done;
        else
            missing << c.cellId();
    }
    out << "study '" << spec.name << "' in " << store.dir() << ": " << done << " of " << cells.size() << " cells complete\n";
    if (!missing.isEmpty())
        out << "next: " << missing.first() << " (" << missing.size() << " to go)\n";
    const StudyContents contents = store.load();
    for (const StoreProblem &p : contents.problems)
        out << "damaged: " << p.message << "\n";
    return contents.problems.empty() ? 0 : 1;
}

int exportStudy(const QString &dir, const QString &to, QTextStream &out)
{
    const StudyContents contents = openStudyFolder(dir).load();
    for (const StoreProblem &p : contents.problems)
        out << "skipped damaged cell: " << p.message << "\n";
    const QString suffix = QFileInfo(to).suffix().toLower();
    if (suffix == QLatin1String("h5") || suffix == QLatin1String("hdf5"))
        exportStudyHdf5(contents, to);
    else if (suffix == QLatin1String("csv"))
        writeAccuracyCsv(accuracyRows(contents), to);
    else
        throw InputError(to, 0, QStringLiteral("--to"), QStringLiteral("expected a .h5 or .csv file name"));
    out << "wrote " << contents.cells.size() << " cell(s) to " << to << "\n";
    return 0;
}

// What would stop the study before it starts (missing base models, tokenizer, device), one line
// each; checked before anything is written, so a failed check leaves no half-made study folder.
bool preflightPasses(const StudySpec &spec, QTextStream &err)
{
    const QStringList problems = TorchCellExecutor::preflight(spec);
    for (const QString &p : problems)
        err << "error: " << p << "\n";
    return problems.isEmpty();
}

// Runs (or resumes: the same thing) the study stored in `store`. Exit codes: 0 completed,
// 3 stopped (resumable), 4 some cells failed (resume retries them).
// `study run|resume|select` options that may appear anywhere after the positional arguments.
struct RunOptions {
    QString progress = QStringLiteral("bar"); // --progress bar|json
    int workers = 0;                         // --workers N (0: the spec's setting)
};

int runStored(const StudyStore &store, const StudySpec &spec, const std::vector<PlannedCell> &cells, const RunOptions &options,
              QTextStream &err)
{
    StudyWriterLock lock(store);
    // A slow libblas.so.3 alternative makes a study tens of times slower without any error.
    if (const BlasCheckResult blas = checkBlasSpeed(); blas.slow)
        err << "warning: " << QString::fromStdString(blas.message) << Qt::endl; // before the progress lines
    static std::atomic<bool> stop{false};
    installStopSignals(stop);
    StudySpec effective = spec;
    if (options.workers > 0)
        effective.workers = options.workers;
    const StudyParallelism parallel =
        studyParallelism(effective, QThread::idealThreadCount(), spec.device != QLatin1String("cpu") && cudaAvailable());
    const std::vector<std::unique_ptr<TorchCellExecutor>> executors =
        TorchCellExecutor::makeWorkers(spec, QStringLiteral(TRANSFERSCOPE_VERSION), parallel.workers, parallel.threadsPerWorker);
    std::vector<CellExecutor *> workers;
    for (const auto &executor : executors)
        workers.push_back(executor.get());
    err << QStringLiteral("%1 worker(s) × %2 libtorch thread(s) on %3\n")
               .arg(parallel.workers)
               .arg(parallel.threadsPerWorker)
               .arg(executors.front()->deviceName());
    err.flush();
    std::unique_ptr<StudyEventSink> sink;
    if (options.progress == QLatin1String("json"))
        sink = std::make_unique<JsonLinesProgressSink>(spec, cells, stdout);
    else
        sink = std::make_unique<TerminalProgressSink>(spec, cells, stderr, isatty(STDERR_FILENO) != 0);
    // The progress log lets a workbench that attaches later follow this run (we hold the writer lock).
    const std::unique_ptr<FILE, int (*)(FILE *)> logFile(std::fopen(QFile::encodeName(progressLogPath(store.dir())).constData(), "w"), &std::fclose);
    if (!logFile)
        err << "warning: cannot write " << progressLogPath(store.dir()) << ": a workbench attaching to this run sees stored cells only\n";
    std::unique_ptr<JsonLinesProgressSink> logSink;
    std::vector<StudyEventSink *> sinks{sink.get()};
    if (logFile) {
        logSink = std::make_unique<JsonLinesProgressSink>(spec, cells, logFile.get());
        sinks.push_back(logSink.get());
    }
    TeeProgressSink tee(sinks);
    const RunSummary summary = StudyRunner(store, spec, workers, tee, stop).run(cells);
    switch (summary.outcome) {
    case RunOutcome::Completed: return 0;
    case RunOutcome::Stopped: return 3;
    case RunOutcome::Failed: return 4;
    }
    return 4;
}

// "--progress bar|json" and "--workers N" anywhere after the positional arguments (removed from args).
RunOptions runOptions(QStringList &args)
{
    RunOptions o;
    if (const int i = args.indexOf(QStringLiteral("--progress")); i >= 0) {
        if (i + 1 >= args.size() || (args[i + 1] != QLatin1String("json") && args[i + 1] != QLatin1String("bar")))
            throw InputError({}, 0, QStringLiteral("--progress"), QStringLiteral("expected bar or json"));
        o.progress = args[i + 1];
        args.remove(i, 2);
    }
    if (const int i = args.indexOf(QStringLiteral("--workers")); i >= 0) {
        bool ok = false;
        o.workers = i + 1 < args.size() ? args[i + 1].toInt(&ok) : 0;
        if (!ok || o.workers < 1 || o.workers > 256)
            throw InputError({}, 0, QStringLiteral("--workers"), QStringLiteral("expected a number of workers from 1 to 256"));
        args.remove(i, 2);
    }
    return o;
}

int runStudy(const QString &specPath, const QString &dir, const RunOptions &options, QTextStream &err)
{
    const StudySpec spec = readStudySpec(specPath, knownModelPresets());
    if (!preflightPasses(spec, err))
        return 1;
    const StudyStore store = StudyStore::create(dir, spec.toJson());
    return runStored(store, spec, planStudy(spec), options, err);
}

int resumeStudy(const QString &dir, const RunOptions &options, QTextStream &err)
{
    const StudyStore store = openStudyFolder(dir);
    const StudySpec spec = storedSpec(store);
    if (!preflightPasses(spec, err))
        return 1;
    return runStored(store, spec, planStudy(spec), options, err);
}

QString percent(double v)
{
    return std::isnan(v) ? QStringLiteral("  n/a") : QString::number(100 * v, 'f', 1).rightJustified(5);
}

// PGF-guided data selection for one target (method.md §7): runs the missing cells, then reports.
int selectData(const QString &dir, const QString &target, double threshold, int examples, const RunOptions &options,
               QTextStream &out, QTextStream &err)
{
    const StudyStore store = openStudyFolder(dir);
    const StudySpec spec = storedSpec(store);
    const std::vector<TransferMatrix> matrices = studyTransferMatrices(store.load(), dir);
    const std::vector<PlannedCell> cells = planDataSelection(spec, matrices, target, threshold, examples);
    if (!preflightPasses(spec, err))
        return 1;
    const int rc = runStored(store, spec, cells, options, err);
    if (rc != 0)
        return rc;
    for (const SelectionReport &r : selectionReports(store.load(), spec, matrices, target, threshold, examples)) {
        out << "\n" << r.model << ": training for " << r.target << " without its own data\n";
        out << "  PGF-guided mixture:";
        for (const auto &[task, share] : r.guided)
            out << " " << task << " " << QString::number(100 * share, 'f', 0) << "%";
        out << "\n  mixture size: " << r.examples << " training examples (";
        const std::vector<int> counts = mixtureCounts(r.guided, r.examples);
        for (size_t k = 0; k < counts.size(); ++k)
            out << (k ? ", " : "") << r.guided[k].first << " " << counts[k];
        out << ")\n";
        for (const SelectionArm &arm : r.arms) {
            const auto [low, high] = arm.wilson95();
            out << "  " << arm.name.leftJustified(11) << percent(arm.accuracy()) << "%   95% CI [" << percent(low) << "%, "
                << percent(high) << "%]   " << arm.correct << "/" << arm.total << "\n";
        }
    }
    return 0;
}

} // namespace

int runStudyCommand(const QStringList &args)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (args.isEmpty() || args.first() == QLatin1String("--help"))
        return usage(err);
    const QString verb = args.first();
    try {
        QStringList rest = args;
        const RunOptions options = runOptions(rest);
        if (verb == QLatin1String("run") && rest.size() == 4 && rest[2] == QLatin1String("--out"))
            return runStudy(rest[1], rest[3], options, err);
        if (verb == QLatin1String("resume") && rest.size() == 2)
            return resumeStudy(rest[1], options, err);
        if (verb == QLatin1String("select") && rest.size() >= 4 && rest.size() % 2 == 0 && rest[2] == QLatin1String("--target")) {
            double threshold = 0.0;
            int examples = 0; // the spec's train.examples
            for (int i = 4; i + 1 < rest.size(); i += 2) {
                bool ok = false;
                if (rest[i] == QLatin1String("--threshold")) {
                    threshold = rest[i + 1].toDouble(&ok);
                    if (!ok)
                        return usage(err);
                } else if (rest[i] == QLatin1String("--examples")) {
                    examples = rest[i + 1].toInt(&ok);
                    if (!ok || examples < 1 || examples > 10'000'000)
                        throw InputError({}, 0, QStringLiteral("--examples"),
                                         QStringLiteral("expected a number of training examples from 1 to 10000000, got '%1'").arg(rest[i + 1]));
                } else {
                    return usage(err);
                }
            }
            return selectData(rest[1], rest[3], threshold, examples, options, out, err);
        }
        if (verb == QLatin1String("plan") && args.size() == 2)
            return plan(args[1], out);
        if (verb == QLatin1String("status") && args.size() == 2)
            return status(args[1], out);
        if (verb == QLatin1String("export") && args.size() == 4 && args[2] == QLatin1String("--to"))
            return exportStudy(args[1], args[3], out);
    } catch (const SpecErrors &e) {
        return reportSpecErrors(e, err);
    }
    return usage(err);
}

} // namespace ts::cli

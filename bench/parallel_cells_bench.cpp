// How a study should use a multi-core CPU (issue 8; core/study/study_parallelism.h): the same cells of a
// quick-like study run three ways in one process, one after the other, each into a fresh store:
//   A  1 worker  x 1 libtorch thread   (the baseline)
//   B  1 worker  x N threads           (intra-op parallelism inside each cell)
//   C  N workers x 1 thread            (cells side by side; the default for presets)
// and prints the wall times, the speed-ups over A, and whether the per-item results of B and C equal A's.
// Random-weight presets (same cost as pretrained ones). N = the machine's cores unless --cores says so.
//
// Usage: transferscope_parallel_cells_bench [--preset suite-tiny] [--sources 4] [--cores N] [--rounds 1]
#include "study/progress_sinks.h"
#include "study/study_plan.h"
#include "study/study_runner.h"
#include "study/study_spec.h"
#include "study/torch_cell_executor.h"
#include "store/study_store.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QThread>

#include <chrono>
#include <cstdio>
#include <map>
#include <memory>

namespace {

struct Outcome {
    double seconds = 0;
    std::map<QString, std::vector<uint8_t>> correct; // cell/task -> per-item correctness
};

Outcome runOnce(const ts::StudySpec &spec, int workers, int threads)
{
    QTemporaryDir dir;
    const ts::StudyStore store = ts::StudyStore::create(dir.path(), spec.toJson());
    const auto executors = ts::TorchCellExecutor::makeWorkers(spec, QStringLiteral("bench"), workers, threads);
    std::vector<ts::CellExecutor *> raw;
    for (const auto &executor : executors)
        raw.push_back(executor.get());
    FILE *devnull = std::fopen("/dev/null", "w");
    ts::JsonLinesProgressSink sink(spec, ts::planStudy(spec), devnull);
    std::atomic<bool> stop{false};
    const auto t0 = std::chrono::steady_clock::now();
    ts::StudyRunner(store, spec, raw, sink, stop).run();
    Outcome o;
    o.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::fclose(devnull);
    for (const ts::CellRecord &c : store.load().cells)
        for (const ts::TaskEvaluation &e : c.evals)
            o.correct[c.cellId() + QLatin1Char('/') + e.task] = e.correct;
    return o;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    QString preset = QStringLiteral("suite-tiny");
    int sources = 4, cores = QThread::idealThreadCount(), rounds = 1;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == QLatin1String("--preset")) preset = args[i + 1];
        else if (args[i] == QLatin1String("--sources")) sources = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--cores")) cores = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--rounds")) rounds = args[i + 1].toInt();
    }
    // The quick spec's settings, on `sources` source tasks and every target.
    const QStringList all = {QStringLiteral("VS"), QStringLiteral("AS"), QStringLiteral("VC"), QStringLiteral("RD"), QStringLiteral("RR"),
                             QStringLiteral("SR"), QStringLiteral("JS"), QStringLiteral("CO"), QStringLiteral("FC"), QStringLiteral("SC"),
                             QStringLiteral("MV"), QStringLiteral("OL"), QStringLiteral("FD")};
    QJsonObject tasks;
    for (int i = 0; i < all.size(); ++i)
        tasks.insert(all[i], i < sources ? QStringLiteral("both") : QStringLiteral("target"));
    const QJsonObject json{{QStringLiteral("name"), QStringLiteral("parallel-bench")},
                           {QStringLiteral("models"), QJsonArray{QJsonObject{{QStringLiteral("preset"), preset}, {QStringLiteral("weights"), QStringLiteral("random")}}}},
                           {QStringLiteral("tasks"), tasks},
                           {QStringLiteral("control"), false},
                           {QStringLiteral("train"), QJsonObject{{QStringLiteral("method"), QStringLiteral("lora")}, {QStringLiteral("examples"), 2400},
                                                                 {QStringLiteral("steps"), 150}, {QStringLiteral("batch"), 16},
                                                                 {QStringLiteral("warmup_steps"), 10}}},
                           {QStringLiteral("eval"), QJsonObject{{QStringLiteral("items"), 1000}}}};
    const ts::StudySpec spec = ts::parseStudySpec(json, ts::SpecContext{QStringLiteral("parallel-bench"), {preset}});
    std::printf("%s, %d finetune cells + base evaluation, quick settings, 13 targets x 1000 items; %d cores, %d round(s)\n",
                qPrintable(preset), sources, cores, rounds);

    struct Arm {
        const char *name;
        int workers, threads;
        double seconds = 0;
        bool same = true;
    };
    std::vector<Arm> arms = {{"A 1 worker  x 1 thread ", 1, 1}, {"B 1 worker  x N threads", 1, cores}, {"C N workers x 1 thread ", cores, 1}};
    Outcome reference;
    for (int r = 0; r < rounds; ++r) {
        for (size_t a = 0; a < arms.size(); ++a) { // interleaved, so drifting machine load hits every arm alike
            const Outcome o = runOnce(spec, arms[a].workers, arms[a].threads);
            arms[a].seconds += o.seconds / rounds;
            if (a == 0 && r == 0)
                reference = o;
            arms[a].same = arms[a].same && o.correct == reference.correct;
            std::printf("  round %d %s %7.1f s\n", r + 1, arms[a].name, o.seconds);
        }
    }
    std::printf("\n%-26s %9s %9s %s\n", "arm", "wall s", "speed-up", "results");
    for (const Arm &a : arms)
        std::printf("%-26s %9.1f %8.2fx %s\n", a.name, a.seconds, arms[0].seconds / a.seconds, a.same ? "identical to A" : "DIFFER");
    return 0;
}

// Benchmark 3 (issue 8): a quick-like study end to end, in process, with its time split into phases
// (core/study/phase_timer: data generation, base-model load, training, evaluation; ViT images counted from
// the VisionFeatureCache misses), plus storage (runner wall - executor wall) and the analysis of the result.
// Base models are not shipped yet, so every model uses {"weights": "random"} (same cost as pretrained).
// A fraction of the study (--models, --sources) can be run; the full quick study is then extrapolated
// per cell kind, and the output says so.
//
// Usage: transferscope_study_bench [--spec resources/specs/quick.json] [--models suite-tiny,...] [--sources N]
//        [--threads 2] [--dir /tmp/transferscope-study-bench] [--no-control]
#include "bench_support.h"

#include "model/runtime.h"
#include "model/vision_language_model.h"
#include "model/vlm_presets.h"

#include "analysis/model_analysis.h"
#include "store/study_store.h"
#include "study/phase_timer.h"
#include "study/progress_sinks.h"
#include "study/study_analysis.h"
#include "study/study_plan.h"
#include "study/study_runner.h"
#include "study/study_spec.h"
#include "study/torch_cell_executor.h"

#include <ATen/ATen.h>
#include <ATen/Parallel.h>

#include <QCoreApplication>
#include <QDir>

#include <chrono>
#include <cstdio>
#include <map>
#include <set>

namespace {

double since(std::chrono::steady_clock::time_point t0)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// Seconds per image of the frozen ViT in evaluation-sized batches (no grad), to turn the cache-miss
// counts into the "vision features" share of training and evaluation.
double vitSecondsPerImage(const std::string& preset)
{
    const ts::VlmPreset p = ts::vlmPreset(preset);
    ts::VisionLanguageModel m(p.config, p.init_std);
    at::NoGradGuard g;
    const at::Tensor images = at::rand({64, 3, p.config.vit_img_size, p.config.vit_img_size});
    m->encodeImages(images);
    std::vector<double> s;
    for (int r = 0; r < 5; ++r) {
        const auto t0 = std::chrono::steady_clock::now();
        m->encodeImages(images);
        s.push_back(since(t0) / 64.0);
    }
    return bench::median(s);
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    QString specPath = QStringLiteral(TRANSFERSCOPE_RESOURCES "/specs/quick.json");
    QString dir = QStringLiteral("/tmp/transferscope-study-bench");
    QStringList models;
    int sources = -1, threads = 2;
    bool control = true;
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        const bool has = i + 1 < args.size();
        if (args[i] == QLatin1String("--spec") && has) specPath = args[++i];
        else if (args[i] == QLatin1String("--models") && has) models = args[++i].split(QLatin1Char(','));
        else if (args[i] == QLatin1String("--sources") && has) sources = args[++i].toInt();
        else if (args[i] == QLatin1String("--threads") && has) threads = args[++i].toInt();
        else if (args[i] == QLatin1String("--dir") && has) dir = args[++i];
        else if (args[i] == QLatin1String("--no-control")) control = false;
        else {
            std::fprintf(stderr, "unknown or incomplete option %s\n", qPrintable(args[i]));
            return 2;
        }
    }
    QStringList presets;
    for (const auto& n : ts::presetNames())
        presets << QString::fromStdString(n);
    ts::StudySpec spec = ts::readStudySpec(specPath, presets);
    spec.threads = threads;
    const std::vector<ts::PlannedCell> fullPlan = ts::planStudy(spec);
    std::vector<ts::ModelEntry> kept;
    for (ts::ModelEntry m : spec.models) {
        m.weights = QStringLiteral("random");
        if (models.isEmpty() || models.contains(m.name) || models.contains(m.preset))
            kept.push_back(m);
    }
    spec.models = kept;
    const QStringList allSources = spec.sourceTasks();
    const QStringList keptSources = sources < 0 ? allSources : allSources.mid(0, sources);
    std::vector<ts::PlannedCell> cells;
    for (const ts::PlannedCell& c : ts::planStudy(spec))
        if (c.kind == ts::CellKind::Base || (c.kind == ts::CellKind::Control && control) ||
            (c.kind == ts::CellKind::Finetune && keptSources.contains(c.source)))
            cells.push_back(c);

    QDir(dir).removeRecursively();
    const ts::StudyStore store = ts::StudyStore::create(dir, spec.toJson());
    FILE* devnull = std::fopen("/dev/null", "w");
    ts::JsonLinesProgressSink sink(spec, cells, devnull);
    std::atomic<bool> stop{false};
    ts::phase::reset();
    // Per-cell wall times by kind, for the extrapolation to the full plan.
    std::map<QString, std::vector<double>> perKind; // "kind/model" -> seconds
    const auto t0 = std::chrono::steady_clock::now();
    ts::RunSummary summary;
    {
        ts::TorchCellExecutor executor(spec, QStringLiteral("bench"));
        for (const ts::PlannedCell& c : cells) {
            const auto tc = std::chrono::steady_clock::now();
            const ts::RunSummary s = ts::StudyRunner(store, spec, executor, sink, stop).run({c});
            perKind[ts::cellKindName(c.kind) + QLatin1Char('/') + c.model].push_back(since(tc));
            summary.cellsRun += s.cellsRun;
            summary.failed += s.failed;
            std::printf("  cell %-50s %8.1f s\n", qPrintable(c.cellId()), since(tc));
        }
    }
    const double runSeconds = since(t0);
    std::fclose(devnull);

    // Analysis of the stored study: read back, PGF matrices, analyzeModel per model.
    const auto ta = std::chrono::steady_clock::now();
    const ts::StudyContents contents = ts::StudyStore(dir).load();
    const double readSeconds = since(ta);
    const auto tb = std::chrono::steady_clock::now();
    for (const auto& m : ts::studyTransferMatrices(contents, dir))
        (void)ts::analyzeModel(m);
    const double analysisSeconds = since(tb);

    double executorTotal = 0, training = 0, evaluation = 0;
    int64_t vitTrain = 0, vitEval = 0;
    std::printf("\nStudy: %s, %zu of %zu planned cells (models: %s; sources: %lld of %lld; control %s), weights random, "
                "%d thread(s), %d failed\n",
                qPrintable(spec.name), cells.size(), fullPlan.size(), qPrintable(models.isEmpty() ? QStringLiteral("all") : models.join(',')),
                (long long)keptSources.size(), (long long)allSources.size(), control ? "on" : "off", at::get_num_threads(),
                int(summary.failed.size()));
    for (const auto& e : ts::phase::snapshot()) {
        if (e.name == "cell executor (total)") executorTotal = e.seconds;
        if (e.name == "training") { training = e.seconds; vitTrain = e.count; }
        if (e.name == "evaluation") { evaluation = e.seconds; vitEval = e.count; }
    }
    // Vision share: ViT images computed (cache misses) x the measured per-image ViT time, per model preset.
    double vitPerImage = 0;
    {
        double sum = 0;
        for (const auto& m : spec.models)
            sum += vitSecondsPerImage(m.preset.toStdString());
        vitPerImage = spec.models.empty() ? 0 : sum / double(spec.models.size());
    }
    const double vitTrainS = double(vitTrain) * vitPerImage, vitEvalS = double(vitEval) * vitPerImage;
    std::printf("%-44s %10s %7s\n", "phase", "seconds", "share");
    auto row = [&](const std::string& name, double s) { std::printf("%-44s %10.2f %6.1f%%\n", name.c_str(), s, 100.0 * s / runSeconds); };
    for (const auto& e : ts::phase::snapshot()) {
        if (e.name == "cell executor (total)" || e.name == "training" || e.name == "evaluation")
            continue;
        row(e.name, e.seconds);
    }
    row("vision features (ViT, training; est.)", vitTrainS);
    row("training (without ViT)", training - vitTrainS);
    row("vision features (ViT, evaluation; est.)", vitEvalS);
    row("evaluation (without ViT)", evaluation - vitEvalS);
    row("storage + runner (runner wall - executor)", runSeconds - executorTotal);
    std::printf("%-44s %10.2f\n", "= study run (wall)", runSeconds);
    std::printf("%-44s %10.2f\n", "storage: read the study back", readSeconds);
    std::printf("%-44s %10.2f\n", "analysis (PGF + analyzeModel, all models)", analysisSeconds);
    std::printf("ViT images computed: %lld in training, %lld in evaluation (%.3f ms each, measured)\n", (long long)vitTrain,
                (long long)vitEval, vitPerImage * 1e3);

    // Extrapolation to the full plan: each planned cell costs the measured mean of its kind and model.
    double full = 0;
    bool complete = true;
    for (const ts::PlannedCell& c : fullPlan) {
        auto it = perKind.find(ts::cellKindName(c.kind) + QLatin1Char('/') + c.model);
        if (it == perKind.end()) {
            complete = false;
            continue;
        }
        full += bench::median(it->second);
    }
    std::printf("full plan (%zu cells) extrapolated from the per-kind medians: %.1f s = %.1f min%s (target <= 10 min)\n",
                fullPlan.size(), full, full / 60.0, complete ? "" : " (PARTIAL: models not run are missing)");
    for (const auto& [k, v] : perKind)
        std::printf("  %-32s n=%zu median %.1f s\n", qPrintable(k), v.size(), bench::median(v));
    return 0;
}

#include "study/data_selection.h"

#include "common/input_error.h"
#include "common/splitmix64.h"
#include "common/task_catalog.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace ts {

namespace {

// "pgf:Jigsaw" for a mixture of the spec's training-set size, "pgf-n500:Jigsaw" for another size,
// so that mixtures of several sizes are distinct cells of one study.
QString mixtureSource(const QString &strategy, const QString &target, int examples, const StudySpec &spec)
{
    const QString size = examples > 0 && examples != spec.train.examples ? QStringLiteral("-n%1").arg(examples) : QString();
    return strategy + size + QLatin1Char(':') + target;
}

// Tasks a random mixture may draw: every suite task except those read from a BLINK-format folder
// without a train split.
QStringList trainableTasks(const StudySpec &spec)
{
    QStringList out;
    for (const QString &task : TaskCatalog::names()) {
        const TaskEntry *entry = spec.taskEntry(task);
        if (!entry || entry->data.isEmpty() || entry->dataItems.train > 0)
            out << task;
    }
    return out;
}

const TransferMatrix *matrixFor(const std::vector<TransferMatrix> &matrices, const QString &model)
{
    for (const TransferMatrix &m : matrices) {
        if (m.model() == model)
            return &m;
    }
    return nullptr;
}

} // namespace

Mixture pgfGuidedMixture(const TransferMatrix &matrix, const QString &target, double threshold)
{
    const int t = matrix.taskIndex(target);
    Mixture out;
    if (t < 0)
        return out;
    double sum = 0;
    for (int s = 0; s < matrix.taskCount(); ++s) {
        const double v = matrix.mean(s, t);
        if (s != t && !std::isnan(v) && v > threshold && v > 0) {
            out.emplace_back(matrix.tasks()[s], v);
            sum += v;
        }
    }
    for (auto &entry : out)
        entry.second /= sum;
    return out;
}

Mixture randomMixture(const QStringList &tasks, const QString &target, int count, uint64_t seed)
{
    QStringList candidates = tasks;
    candidates.removeAll(target);
    // Fisher–Yates with SplitMix64, so the same seed draws the same sources on every platform.
    uint64_t state = seed * 0x9e3779b97f4a7c15ULL + 0x632be59bd9b4e019ULL;
    for (int i = int(candidates.size()) - 1; i > 0; --i)
        candidates.swapItemsAt(i, int(splitmix64(state) % uint64_t(i + 1)));
    Mixture out;
    const int n = std::min(count, int(candidates.size()));
    for (int i = 0; i < n; ++i)
        out.emplace_back(candidates[i], 1.0 / n);
    return out;
}

std::vector<int> mixtureCounts(const Mixture &mixture, int total)
{
    std::vector<int> counts(mixture.size(), 0);
    std::vector<std::pair<double, size_t>> remainders;
    int assigned = 0;
    for (size_t i = 0; i < mixture.size(); ++i) {
        const double exact = mixture[i].second * total;
        counts[i] = int(std::floor(exact));
        assigned += counts[i];
        remainders.emplace_back(exact - counts[i], i);
    }
    std::stable_sort(remainders.begin(), remainders.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    for (size_t k = 0; assigned < total && k < remainders.size(); ++k, ++assigned)
        ++counts[remainders[k].second];
    return counts;
}

std::vector<PlannedCell> planDataSelection(const StudySpec &spec, const std::vector<TransferMatrix> &matrices,
                                           const QString &target, double threshold, int examples)
{
    if (examples < 0 || examples > 10'000'000)
        throw InputError({}, 0, QStringLiteral("--examples"), QStringLiteral("expected a number of training examples from 1 to 10000000"));
    const int size = examples > 0 ? examples : spec.train.examples;
    const auto index = TaskCatalog::find(target);
    if (!index)
        throw InputError({}, 0, QStringLiteral("--target"), QStringLiteral("unknown task '%1'").arg(target));
    const QString task = TaskCatalog::blinkTasks()[size_t(*index)].name;
    const long long items = evalItemsFor(spec, task);
    std::vector<PlannedCell> cells;
    for (const ModelEntry &model : spec.models) {
        const TransferMatrix *matrix = matrixFor(matrices, model.name);
        const Mixture guided = matrix ? pgfGuidedMixture(*matrix, task, threshold) : Mixture{};
        if (guided.empty())
            throw InputError({}, 0, QStringLiteral("--target"),
                             QStringLiteral("no source task transfers to %1 with mean PGF above %2 for model '%3' "
                                            "(complete the study's finetune cells, or lower --threshold)")
                                 .arg(task).arg(threshold).arg(model.name));
        for (int seed : spec.seeds) {
            PlannedCell pgf{CellKind::Mixture, model.name, mixtureSource(QStringLiteral("pgf"), task, size, spec), seed, spec.train.steps,
                            items, guided, {task}, size};
            PlannedCell random{CellKind::Mixture, model.name, mixtureSource(QStringLiteral("random"), task, size, spec), seed,
                               spec.train.steps, items, randomMixture(trainableTasks(spec), task, int(guided.size()), uint64_t(seed) + 1),
                               {task}, size};
            PlannedCell direct{CellKind::Finetune, model.name, task, seed, spec.train.steps, items, {}, {task}};
            cells.push_back(direct); // the runner skips it when the study already has it
            cells.push_back(pgf);
            cells.push_back(random);
        }
    }
    return cells;
}

std::pair<double, double> SelectionArm::wilson95() const
{
    if (total <= 0)
        return {std::nan(""), std::nan("")};
    const double z = 1.959963984540054, n = double(total), p = accuracy();
    const double denom = 1 + z * z / n;
    const double centre = (p + z * z / (2 * n)) / denom;
    const double half = z * std::sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom;
    return {centre - half, centre + half};
}

std::vector<SelectionReport> selectionReports(const StudyContents &study, const StudySpec &spec,
                                              const std::vector<TransferMatrix> &matrices, const QString &target,
                                              double threshold, int examples)
{
    const int size = examples > 0 ? examples : spec.train.examples;
    const QString task = TaskCatalog::blinkTasks()[size_t(TaskCatalog::find(target).value_or(0))].name;
    std::vector<SelectionReport> reports;
    for (const ModelEntry &model : spec.models) {
        SelectionReport r;
        r.model = model.name;
        r.target = task;
        r.examples = size;
        if (const TransferMatrix *m = matrixFor(matrices, model.name))
            r.guided = pgfGuidedMixture(*m, task, threshold);
        r.arms = {{QStringLiteral("base")}, {QStringLiteral("direct")}, {QStringLiteral("pgf-guided")}, {QStringLiteral("random")}};
        for (const CellRecord &c : study.cells) {
            if (c.model != model.name)
                continue;
            int arm = -1;
            if (c.kind == CellKind::Base)
                arm = 0;
            else if (c.kind == CellKind::Finetune && c.source == task)
                arm = 1;
            else if (c.kind == CellKind::Mixture && c.source == mixtureSource(QStringLiteral("pgf"), task, size, spec))
                arm = 2;
            else if (c.kind == CellKind::Mixture && c.source == mixtureSource(QStringLiteral("random"), task, size, spec))
                arm = 3;
            const TaskEvaluation *e = arm >= 0 ? c.evalFor(task) : nullptr;
            if (!e)
                continue;
            r.arms[size_t(arm)].correct += e->correctCount();
            r.arms[size_t(arm)].total += e->total();
        }
        reports.push_back(r);
    }
    return reports;
}

} // namespace ts

#include "study/study_plan.h"

#include "common/task_catalog.h"

#include <algorithm>

namespace ts {

int evalItemsFor(const StudySpec &spec, const QString &task)
{
    // A task read from a BLINK-format folder: all of its items of the split, `eval.items` at most.
    if (const TaskEntry *entry = spec.taskEntry(task); entry && !entry->data.isEmpty()) {
        const int available = entry->dataItems.forSplit(spec.eval.split);
        return spec.eval.blinkSizes ? available : std::min(available, spec.eval.items);
    }
    if (spec.eval.blinkSizes) {
        if (const auto idx = TaskCatalog::find(task))
            return TaskCatalog::blinkTasks()[size_t(*idx)].blinkValSize;
    }
    return spec.eval.items;
}

std::vector<PlannedCell> planStudy(const StudySpec &spec)
{
    long long itemsPerModel = 0;
    for (const QString &target : spec.targetTasks())
        itemsPerModel += evalItemsFor(spec, target);

    std::vector<PlannedCell> cells;
    for (const ModelEntry &model : spec.models) {
        // The base model is deterministic: one evaluation serves every seed.
        cells.push_back({CellKind::Base, model.name, {}, spec.seeds.front(), 0, itemsPerModel, {}, {}});
        for (int seed : spec.seeds) {
            if (spec.control)
                cells.push_back({CellKind::Control, model.name, {}, seed, spec.train.steps, itemsPerModel, {}, {}});
            for (const QString &source : spec.sourceTasks())
                cells.push_back({CellKind::Finetune, model.name, source, seed, spec.train.steps, itemsPerModel, {}, {}});
        }
    }
    return cells;
}

double cellWork(const PlannedCell &cell, int batch)
{
    return double(cell.evalItems) + 3.0 * double(cell.trainSteps) * double(batch);
}

} // namespace ts

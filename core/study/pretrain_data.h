#pragma once
// The pretraining data of the base models (docs/base-models.md): suite and primitive samples turned into
// PretrainExamples with their dense patch targets and intermediate variables, and the curriculum that
// mixes them (primitives first, then the 13 tasks at easy levels, then at their default levels with a
// small share of primitives). libtorch headers come before Qt's in this header's users.
#include "study/pretrain_sampler.h"
#include "train/pretrainer.h"

#include "tasks/task_registry.h"

#include <QString>
#include <map>
#include <memory>
#include <vector>

namespace ts {

// The patch-target channels the vision heads learn (object ids are scene-specific, so not a target).
std::vector<int64_t> pretrainDenseClasses();

// Intermediate-variable heads: one per (task, intermediate name), found by drawing samples of every task.
class IntermediateHeads {
public:
    IntermediateHeads();
    const std::vector<int64_t> &classes() const { return classes_; }
    // Targets of a sample; variables with no head (or out of range) are skipped.
    std::vector<IntermediateTarget> targets(const tasks::TaskSample &sample) const;

private:
    std::map<QString, int64_t> index_;
    std::vector<int64_t> classes_;
};

// One example: images, prompt, options, answer, dense targets (patch 8, as the suite presets' ViT) and
// intermediates.
PretrainExample toPretrainExample(const tasks::TaskSample &sample, const IntermediateHeads &heads);
VlmExample toVlmExample(const tasks::TaskSample &sample);

struct CurriculumOptions {
    // Defaults = run 3 of docs/base-models.md (the best measured; a longer primitive phase doubled the tasks above chance).
    double primitiveEnd = 0.4;    // fraction of the steps with primitives only
    double easyEnd = 0.7;         // then the 13 tasks at level 0 (plus primitives)
    double primitiveShare = 0.2;  // share of primitives after the first phase
    // > 0: the primitive phase trains one primitive at a time, in turn, for this many examples each (a
    // mixture of all six from the start leaves the marker skills on a long plateau; one at a time learns them).
    uint64_t primitiveBlockExamples = 0;
    uint64_t seed = 0;
};
// The phases; `heads` must outlive them.
std::vector<CurriculumPhase> pretrainCurriculum(const CurriculumOptions &options, std::shared_ptr<const IntermediateHeads> heads);

// One phase over the sampler's streams (the progressive curriculum); `sampler` and `heads` outlive it.
CurriculumPhase adaptiveCurriculum(std::shared_ptr<AdaptiveTaskSampler> sampler, std::shared_ptr<const IntermediateHeads> heads,
                                   uint64_t seed);

// The val items of a task at its default level (level -1), as the study evaluates them, or at `level`.
std::vector<VlmExample> validationItems(const tasks::TaskSpec &task, int items, int level = -1);

} // namespace ts

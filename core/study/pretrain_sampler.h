#pragma once
// An adaptive, progressive task sampler for pretraining the base models (docs/base-models.md, session 3).
// Session 2 showed that in a fixed mixture the easiest skill takes the shared answer path and the other
// tasks stay on their chance plateau, while a task trained alone leaves it within a few hundred steps. So
// the streams (a task at a level) are switched on one at a time: the newest takes `focus` of every batch
// until its chance ratio (letter cross-entropy / ln options, 1 = chance) falls below `advanceBelow` or it
// has had `maxBlockExamples`; the earlier streams are replayed in the rest of the batch in proportion to
// how far they still are from learned, so a learned task gets little and a forgotten one comes back.
#include "train/pretrainer.h"

#include "tasks/task_registry.h"

#include <QString>
#include <mutex>
#include <vector>

namespace ts {

struct SamplerStream {
    const tasks::TaskSpec *task = nullptr;
    int level = -1; // -1 = the task's default level
    QString label() const;
};

struct AdaptiveSamplerOptions {
    double focus = 0.5;             // share of the newest stream while streams are still being switched on
    double advanceBelow = 0.75;     // the newest stream counts as learned below this chance ratio
    uint64_t minBlockExamples = 320;
    uint64_t maxBlockExamples = 4800;
    double floor = 0.1;             // replay weight of a learned stream (relative to one at chance)
    double emaRate = 0.01;          // per example of the stream
    // A stream whose training accuracy (an EMA) is above this rests: replayed only at a tenth of the floor,
    // enough to notice when it slips. Keeps an easy task from saturating (the gate wants every base below
    // 90 %; the chance ratio is a poor guide there, as an under-confident model can be right 98 % of the
    // time at a ratio of 0.36). 0 = off.
    double restAbove = 0.0;
    double restBelow = 0.0; // the same by chance ratio: a stream below it rests (0 = off)
    bool allOn = false; // every stream on from the start: replay only (a run from a trained model)
};

class AdaptiveTaskSampler {
public:
    AdaptiveTaskSampler(std::vector<SamplerStream> streams, AdaptiveSamplerOptions options, uint64_t seed);

    // The stream of example number `index`: a pure function of the index and the scores reported so far.
    int32_t pick(uint64_t index) const;
    void report(const std::vector<ExampleScore> &scores);

    const std::vector<SamplerStream> &streams() const { return streams_; }
    size_t active() const;
    std::vector<double> chanceRatios() const;
    std::vector<double> accuracies() const; // training accuracy EMA of every stream
    // "12/32 on, newest RD@0 0.91, learned 7" for the progress line.
    QString summary() const;

private:
    std::vector<double> weights() const; // needs mutex_

    std::vector<SamplerStream> streams_;
    AdaptiveSamplerOptions options_;
    uint64_t seed_;
    mutable std::mutex mutex_;
    std::vector<double> ema_;
    std::vector<double> accuracy_;
    size_t active_ = 1;
    uint64_t newestSeen_ = 0;
};

// The streams in curriculum order: the six primitives, the 13 tasks at level 0, the 13 at their default level.
std::vector<SamplerStream> progressiveStreams();

// A `--task` list "SR:0,SR:0,P-SIDE:1,VS": streams in the order given, repeats kept (in a fixed mixture a
// stream listed twice gets twice the share); an item without ":LEVEL" uses `defaultLevel` (-1 = the task's).
struct StreamList {
    std::vector<SamplerStream> streams;
    QString shown; // for the progress line: repeats once with their count, "SR:0×2,P-SIDE:1,VS"
};
// Throws InputError naming --task for an unknown task, a bad level or an empty list.
StreamList parseStreamList(const QString &list, int defaultLevel);

} // namespace ts

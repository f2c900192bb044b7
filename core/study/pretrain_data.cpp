// libtorch first (Qt's keyword macros break its headers).
#include "study/pretrain_data.h"

#include "common/splitmix64.h"
#include "tasks/patch_targets.h"
#include "tasks/task_source.h"

#include <QSet>

namespace ts {

namespace {

using tasks::PatchChannel;

const PatchChannel kDenseChannels[] = {PatchChannel::Colour, PatchChannel::Shape, PatchChannel::Texture,
                                       PatchChannel::Depth,  PatchChannel::Marker, PatchChannel::Centre};

QString headKey(const tasks::TaskSample &sample, const tasks::Intermediate &i)
{
    return sample.abbreviation + QLatin1Char('/') + i.name;
}

// Spreads consecutive example numbers over tasks and sample indices.
uint64_t mix(uint64_t x)
{
    return splitmix64(x);
}

std::vector<const tasks::TaskSpec *> allTasks()
{
    std::vector<const tasks::TaskSpec *> out;
    for (const auto &t : tasks::suiteTasks())
        out.push_back(&t);
    for (const auto &t : tasks::primitiveTasks())
        out.push_back(&t);
    return out;
}

} // namespace

std::vector<int64_t> pretrainDenseClasses()
{
    std::vector<int64_t> out;
    for (PatchChannel c : kDenseChannels)
        out.push_back(tasks::patchChannelClasses(c));
    return out;
}

IntermediateHeads::IntermediateHeads()
{
    // Names can depend on the level and the scene (e.g. the colours counted), so look at several samples.
    for (const tasks::TaskSpec *t : allTasks())
        for (int level = 0; level < t->levels; ++level)
            for (int i = 0; i < 8; ++i) {
                const tasks::TaskSample s = tasks::generateSample(*t, {tasks::Split::Train, i, 999, level, 64});
                for (const tasks::Intermediate &v : s.intermediates) {
                    const QString key = headKey(s, v);
                    if (!index_.count(key)) {
                        index_[key] = int64_t(classes_.size());
                        classes_.push_back(std::max(2, v.classes));
                    }
                }
            }
}

std::vector<IntermediateTarget> IntermediateHeads::targets(const tasks::TaskSample &sample) const
{
    std::vector<IntermediateTarget> out;
    for (const tasks::Intermediate &v : sample.intermediates) {
        auto it = index_.find(headKey(sample, v));
        if (it != index_.end() && v.value >= 0 && v.value < classes_[size_t(it->second)])
            out.push_back({it->second, v.value});
    }
    return out;
}

VlmExample toVlmExample(const tasks::TaskSample &sample)
{
    VlmExample ex;
    for (int k = 0; k < int(sample.images.size()); ++k)
        ex.images.push_back({sample.images[size_t(k)].width(), sample.images[size_t(k)].height(), tasks::toRgbBytes(sample, k)});
    ex.prompt = sample.question.toStdString();
    for (const QString &o : sample.options)
        ex.options.push_back(o.toStdString());
    ex.correct = sample.answer;
    return ex;
}

PretrainExample toPretrainExample(const tasks::TaskSample &sample, const IntermediateHeads &heads)
{
    PretrainExample p;
    p.example = toVlmExample(sample);
    p.intermediates = heads.targets(sample);
    if (sample.description) {
        const tasks::PatchTargets pt = tasks::patchTargets(sample, 8);
        const int n = pt.grid * pt.grid;
        p.dense.reserve(size_t(pt.images) * std::size(kDenseChannels) * size_t(n));
        for (int im = 0; im < pt.images; ++im)
            for (PatchChannel c : kDenseChannels)
                for (int gy = 0; gy < pt.grid; ++gy)
                    for (int gx = 0; gx < pt.grid; ++gx)
                        p.dense.push_back(pt.at(im, c, gy, gx));
    }
    return p;
}

std::vector<CurriculumPhase> pretrainCurriculum(const CurriculumOptions &o, std::shared_ptr<const IntermediateHeads> heads)
{
    const auto &suite = tasks::suiteTasks();
    const auto &prims = tasks::primitiveTasks();
    const uint64_t seed = o.seed * 7919u + 101u; // disjoint from the study's finetuning streams (seed*7919+1)
    auto draw = [heads, seed, &suite, &prims](uint64_t index, double primitiveShare, int suiteLevel) {
        const uint64_t h = mix(index);
        const bool primitive = double(h % 10000) / 10000.0 < primitiveShare;
        const tasks::TaskSpec &t = primitive ? prims[size_t((h >> 16) % prims.size())] : suite[size_t((h >> 16) % suite.size())];
        const int level = primitive ? -1 : suiteLevel;
        return toPretrainExample(tasks::generateSample(t, {tasks::Split::Train, int64_t(index % 100000000ULL), seed, level, 64}), *heads);
    };
    const double share = o.primitiveShare;
    const uint64_t block = o.primitiveBlockExamples;
    auto drawPrimitive = [draw, block, heads, seed, &prims](uint64_t i) {
        if (block == 0)
            return draw(i, 1.0, -1);
        const tasks::TaskSpec &t = prims[size_t((i / block) % prims.size())];
        return toPretrainExample(tasks::generateSample(t, {tasks::Split::Train, int64_t(i % 100000000ULL), seed, -1, 64}), *heads);
    };
    return {
        {"primitives", o.primitiveEnd, drawPrimitive},
        {"easy", o.easyEnd, [draw, share](uint64_t i) { return draw(i, std::max(share, 0.3), 0); }},
        {"default", 1.0, [draw, share](uint64_t i) { return draw(i, share, -1); }},
    };
}

CurriculumPhase adaptiveCurriculum(std::shared_ptr<AdaptiveTaskSampler> sampler, std::shared_ptr<const IntermediateHeads> heads,
                                   uint64_t seed)
{
    const uint64_t streamSeed = seed * 7919u + 101u; // as pretrainCurriculum: disjoint from the finetuning streams
    return {"adaptive", 1.0, [sampler, heads, streamSeed](uint64_t i) {
                const int32_t s = sampler->pick(i);
                const SamplerStream &st = sampler->streams()[size_t(s)];
                PretrainExample p = toPretrainExample(
                    tasks::generateSample(*st.task, {tasks::Split::Train, int64_t(i % 100000000ULL), streamSeed, st.level, 64}), *heads);
                p.stream = s;
                return p;
            }};
}

std::vector<VlmExample> validationItems(const tasks::TaskSpec &task, int items, int level)
{
    std::vector<VlmExample> out;
    out.reserve(size_t(items));
    for (int i = 0; i < items; ++i)
        out.push_back(toVlmExample(tasks::generateSample(task, {tasks::Split::Val, i, 0, level, 64})));
    return out;
}

} // namespace ts

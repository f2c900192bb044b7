// libtorch first (Qt's keyword macros break its headers).
#include "study/pretrain_sampler.h"

#include "common/input_error.h"
#include "common/splitmix64.h"

#include <algorithm>

namespace ts {

QString SamplerStream::label() const
{
    return task->abbreviation + (level >= 0 ? QStringLiteral("@%1").arg(level) : QString());
}

AdaptiveTaskSampler::AdaptiveTaskSampler(std::vector<SamplerStream> streams, AdaptiveSamplerOptions options, uint64_t seed)
    : streams_(std::move(streams)), options_(options), seed_(seed), ema_(streams_.size(), 1.0), accuracy_(streams_.size(), 0.0),
      active_(options.allOn ? streams_.size() : 1)
{
}

std::vector<double> AdaptiveTaskSampler::weights() const
{
    // A stream's need: its chance ratio, at least the floor, and capped so that an early ratio above 1 (letter
    // mass spread over the whole vocabulary) does not drown the others.
    auto need = [this](size_t s) {
        const bool resting = (options_.restAbove > 0.0 && accuracy_[s] > options_.restAbove) || ema_[s] < options_.restBelow;
        return resting ? 0.1 * options_.floor : std::clamp(ema_[s], options_.floor, 1.0);
    };
    std::vector<double> w(streams_.size(), 0.0);
    const bool switching = active_ < streams_.size();
    const size_t replayed = switching ? active_ - 1 : active_;
    double sum = 0.0;
    for (size_t s = 0; s < replayed; ++s)
        sum += need(s);
    const double replayShare = switching ? (replayed ? 1.0 - options_.focus : 0.0) : 1.0;
    for (size_t s = 0; s < replayed; ++s)
        w[s] = replayShare * need(s) / sum;
    if (switching)
        w[active_ - 1] = 1.0 - replayShare;
    return w;
}

int32_t AdaptiveTaskSampler::pick(uint64_t index) const
{
    std::lock_guard<std::mutex> lock(mutex_);
    const std::vector<double> w = weights();
    uint64_t state = index ^ (seed_ * 0x9E3779B97F4A7C15ULL);
    const double u = double(splitmix64(state) >> 11) * 0x1.0p-53;
    double acc = 0.0;
    for (size_t s = 0; s < w.size(); ++s) {
        acc += w[s];
        if (u < acc)
            return int32_t(s);
    }
    return int32_t(active_ - 1);
}

void AdaptiveTaskSampler::report(const std::vector<ExampleScore> &scores)
{
    std::lock_guard<std::mutex> lock(mutex_);
    for (const ExampleScore &sc : scores) {
        if (sc.stream < 0 || size_t(sc.stream) >= streams_.size())
            continue;
        double &e = ema_[size_t(sc.stream)];
        e += options_.emaRate * (sc.chanceRatio - e);
        double &a = accuracy_[size_t(sc.stream)];
        a += options_.emaRate * ((sc.right ? 1.0 : 0.0) - a);
        if (size_t(sc.stream) + 1 == active_)
            ++newestSeen_;
    }
    if (active_ < streams_.size() && newestSeen_ >= options_.minBlockExamples &&
        (ema_[active_ - 1] < options_.advanceBelow || newestSeen_ >= options_.maxBlockExamples)) {
        ++active_;
        newestSeen_ = 0;
    }
}

size_t AdaptiveTaskSampler::active() const
{
    std::lock_guard<std::mutex> lock(mutex_);
    return active_;
}

std::vector<double> AdaptiveTaskSampler::chanceRatios() const
{
    std::lock_guard<std::mutex> lock(mutex_);
    return ema_;
}

std::vector<double> AdaptiveTaskSampler::accuracies() const
{
    std::lock_guard<std::mutex> lock(mutex_);
    return accuracy_;
}

QString AdaptiveTaskSampler::summary() const
{
    std::lock_guard<std::mutex> lock(mutex_);
    int learned = 0;
    for (size_t s = 0; s < active_; ++s)
        learned += ema_[s] < options_.advanceBelow ? 1 : 0;
    return QStringLiteral("%1/%2 on, newest %3 %4, learned %5")
        .arg(active_)
        .arg(streams_.size())
        .arg(streams_[active_ - 1].label())
        .arg(ema_[active_ - 1], 0, 'f', 2)
        .arg(learned);
}

std::vector<SamplerStream> progressiveStreams()
{
    std::vector<SamplerStream> out;
    for (const auto &t : tasks::primitiveTasks())
        out.push_back({&t, -1});
    for (const auto &t : tasks::suiteTasks())
        out.push_back({&t, 0});
    for (const auto &t : tasks::suiteTasks())
        out.push_back({&t, -1});
    return out;
}

StreamList parseStreamList(const QString &list, int defaultLevel)
{
    const QStringList items = list.split(QLatin1Char(','), Qt::SkipEmptyParts);
    StreamList out;
    for (const QString &item : items) {
        const QStringList parts = item.split(QLatin1Char(':'));
        bool ok = true;
        const int level = parts.size() > 1 ? parts[1].toInt(&ok) : defaultLevel;
        if (!ok || parts.size() > 2 || level < -1 || level > 3)
            throw InputError({}, 0, QStringLiteral("--task"), QStringLiteral("'%1' is not TASK or TASK:LEVEL (level 0-3)").arg(item));
        try {
            out.streams.push_back({&tasks::requireTask(parts[0]), level});
        } catch (const InputError &e) { // its message lists the known tasks; the field is this option
            throw InputError({}, 0, QStringLiteral("--task"), e.message());
        }
    }
    if (out.streams.empty())
        throw InputError({}, 0, QStringLiteral("--task"), QStringLiteral("names no task"));
    QStringList shown;
    for (int i = 0; i < items.size();) {
        int j = i;
        while (j < items.size() && items[j] == items[i])
            ++j;
        shown << (j - i > 1 ? QStringLiteral("%1×%2").arg(items[i]).arg(j - i) : items[i]);
        i = j;
    }
    out.shown = shown.join(QLatin1Char(','));
    return out;
}

} // namespace ts

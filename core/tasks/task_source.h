#pragma once
// One interface for "a list of samples of one task", whether generated on the fly or read from a
// BLINK-format folder, so training and evaluation never care where the items come from.

#include "tasks/task_registry.h"

#include <memory>
#include <vector>

namespace ts::tasks {

class TaskSource {
public:
    virtual ~TaskSource() = default;
    virtual const TaskSpec &spec() const = 0;
    virtual int size() const = 0;           // number of items (0 = endless train stream)
    virtual TaskSample at(int64_t index) const = 0;
    virtual QString origin() const = 0;     // "procedural" or the folder it came from
};

class ProceduralSource : public TaskSource {
public:
    // count < 0: the split's default size (val 1000, or BLINK's with blinkSizes; test 1000; train 0).
    ProceduralSource(const TaskSpec &spec, Split split, uint64_t seed = 0, int level = -1, int imageSize = 64,
                     int count = -1, bool blinkSizes = false);
    const TaskSpec &spec() const override { return m_spec; }
    int size() const override { return m_count; }
    TaskSample at(int64_t index) const override;
    QString origin() const override { return QStringLiteral("procedural"); }

private:
    const TaskSpec &m_spec;
    SampleRequest m_request;
    int m_count;
};

class SampleListSource : public TaskSource {
public:
    SampleListSource(const TaskSpec &spec, std::vector<TaskSample> samples, QString origin);
    const TaskSpec &spec() const override { return m_spec; }
    int size() const override { return int(m_samples.size()); }
    TaskSample at(int64_t index) const override { return m_samples.at(size_t(index)); }
    QString origin() const override { return m_origin; }
    const std::vector<TaskSample> &samples() const { return m_samples; }

private:
    const TaskSpec &m_spec;
    std::vector<TaskSample> m_samples;
    QString m_origin;
};

} // namespace ts::tasks

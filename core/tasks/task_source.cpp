#include "tasks/task_source.h"

namespace ts::tasks {

ProceduralSource::ProceduralSource(const TaskSpec &spec, Split split, uint64_t seed, int level, int imageSize, int count,
                                   bool blinkSizes)
    : m_spec(spec), m_count(count >= 0 ? count : splitSize(spec, split, blinkSizes))
{
    m_request.split = split;
    m_request.seed = seed;
    m_request.level = level;
    m_request.imageSize = imageSize;
}

TaskSample ProceduralSource::at(int64_t index) const
{
    SampleRequest r = m_request;
    r.index = index;
    return generateSample(m_spec, r);
}

SampleListSource::SampleListSource(const TaskSpec &spec, std::vector<TaskSample> samples, QString origin)
    : m_spec(spec), m_samples(std::move(samples)), m_origin(std::move(origin))
{
}

} // namespace ts::tasks

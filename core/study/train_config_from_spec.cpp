// libtorch first (Qt's keyword macros break its headers).
#include "study/train_config_from_spec.h"

namespace ts {

TrainConfig trainConfigFromSpec(const TrainSettings &t, uint64_t seed)
{
    TrainConfig c;
    c.steps = t.steps;
    c.batchSize = t.batch;
    c.gradAccum = t.gradAccumulation;
    c.lr = t.learningRate;
    c.lrConnector = t.connectorLearningRate < 0 ? t.learningRate : t.connectorLearningRate;
    c.trainConnector = t.connectorLearningRate != 0.0;
    c.weightDecay = t.weightDecay;
    c.warmupFraction = t.steps > 0 ? double(t.warmupSteps) / double(t.steps) : 0.0;
    c.clipNorm = t.gradClip;
    c.useLora = t.method == QLatin1String("lora");
    c.lora.settings.rank = t.loraRank;
    c.lora.settings.alpha = t.loraAlpha;
    c.lora.settings.dropout = t.loraDropout;
    c.lora.targetModules.clear();
    for (const QString &m : t.loraTargets)
        c.lora.targetModules.push_back(m == QLatin1String("o") ? "out_proj" : (m + QStringLiteral("_proj")).toStdString());
    c.trainVision = !t.freezeVision;
    c.seed = seed;
    c.bf16Autocast = t.autocast == QLatin1String("bf16"); // used only on CUDA (model/runtime.h)
    return c;
}

} // namespace ts

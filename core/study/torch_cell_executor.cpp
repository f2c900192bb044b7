// libtorch headers come first: Qt's keyword macros would break them (this target also builds with
// QT_NO_KEYWORDS, belt and braces).
#include "eval/multiple_choice_evaluator.h"
#include "model/adapter_files.h"
#include "model/chat_prompt.h"
#include "model/checkpoint_format.h"
#include "model/lora.h"
#include "model/nanovlm_checkpoint.h"
#include "model/runtime.h"
#include "model/tokenizer_bpe.h"
#include "model/vision_feature_cache.h"
#include "model/vlm_presets.h"
#include "train/trainer.h"

#include "study/torch_cell_executor.h"

#include "study/data_selection.h"
#include "study/pretrain_data.h" // toVlmExample
#include "study/phase_timer.h"
#include "study/task_data.h"
#include "study/train_config_from_spec.h"

#include "common/resource_locator.h"
#include "tasks/task_registry.h"
#include "tasks/task_source.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <chrono>
#include <map>
#include <mutex>

namespace ts {

namespace {

// Random-weight presets start from this seed so every cell of a model shares one base.
constexpr uint64_t kRandomBaseSeed = 20251118;

QString fileSha256(const QString &path)
{
    QFile f(path);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (f.open(QIODevice::ReadOnly))
        hash.addData(&f);
    return QString::fromLatin1(hash.result().toHex());
}

// Hash of the weights a finetune changed (its trainable tensors), as they are after training.
QString trainableSha256(VisionLanguageModelImpl &model)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const auto &p : model.named_parameters(true)) {
        if (!p.value().requires_grad())
            continue;
        const at::Tensor t = p.value().detach().to(at::kCPU).to(at::kFloat).contiguous();
        hash.addData(QByteArray::fromStdString(p.key()));
        hash.addData(QByteArrayView(static_cast<const char *>(t.data_ptr()), qsizetype(t.numel() * 4)));
    }
    return QString::fromLatin1(hash.result().toHex());
}

QJsonObject curveToJson(const TrainCurve &c)
{
    QJsonArray rows;
    for (int i = 0; i < c.size(); ++i)
        rows.append(QJsonArray{c.step[size_t(i)], c.loss[size_t(i)], c.learningRate[size_t(i)], c.samplesPerSecond[size_t(i)], c.wallSeconds[size_t(i)]});
    return QJsonObject{{QStringLiteral("rows"), rows}};
}

TrainCurve curveFromJson(const QJsonObject &o)
{
    TrainCurve c;
    for (const QJsonValue &v : o.value(QStringLiteral("rows")).toArray()) {
        const QJsonArray r = v.toArray();
        c.step.push_back(r[0].toInt());
        c.loss.push_back(float(r[1].toDouble()));
        c.learningRate.push_back(float(r[2].toDouble()));
        c.samplesPerSecond.push_back(float(r[3].toDouble()));
        c.wallSeconds.push_back(r[4].toDouble());
    }
    return c;
}

} // namespace

// What the workers of one study share. Eval sets are built under the lock (all workers need the same
// ones at the start, so the second simply waits); map nodes never move, so references stay valid.
struct TorchCellExecutor::Shared {
    std::mutex mutex;
    std::map<QString, std::vector<VlmExample>> evalSets;                 // target → items (same for every cell)
    std::map<QString, std::unique_ptr<VisionFeatureCache>> featureCaches; // model → ViT features (frozen tower)

    VisionFeatureCache &featureCache(const QString &model)
    {
        std::lock_guard<std::mutex> lock(mutex);
        auto &slot = featureCaches[model];
        if (!slot)
            slot = std::make_unique<VisionFeatureCache>();
        return *slot;
    }
};

struct TorchCellExecutor::Impl {
    const StudySpec &spec;
    QString programVersion;
    c10::Device device = c10::Device(c10::DeviceType::CPU);
    std::unique_ptr<BpeTokenizer> tokenizer;
    std::map<QString, std::unique_ptr<BpeTokenizer>> folderTokenizers; // checkpoint folder → its own tokenizer.json
    std::shared_ptr<Shared> shared;

    int threads = 0;

    Impl(const StudySpec &s, QString version, int threadsPerWorker, std::shared_ptr<Shared> sharedData)
        : spec(s), programVersion(std::move(version)), shared(std::move(sharedData)), threads(threadsPerWorker)
    {
        device = configureRuntime({threads, spec.device != QLatin1String("cpu")});
        if (spec.device == QLatin1String("cuda") && device.is_cpu())
            throw std::runtime_error("the spec asks for CUDA, but this libtorch has no CUDA device");
    }

    const ModelEntry &modelEntry(const QString &name) const
    {
        for (const ModelEntry &m : spec.models) {
            if (m.name == name)
                return m;
        }
        throw std::runtime_error("model '" + name.toStdString() + "' is not in the spec");
    }

    int levelFor(const QString &) const { return spec.difficulty; }

    // A fresh copy of the model's base weights, and their hash for provenance.
    std::pair<VisionLanguageModel, QString> loadBase(const ModelEntry &m)
    {
        phase::Scope timing("load base model"); // phase timing for bench/study_bench only
        QString folder = m.checkpoint;
        if (!m.preset.isEmpty() && m.weights == QLatin1String("pretrained"))
            folder = pretrainedBaseFolder(m.preset);
        if (!folder.isEmpty()) {
            // nanoVLM or SmolVLM/Idefics3, detected from config.json.
            VisionLanguageModel model = loadCheckpointFolder(QDir(folder).filePath(QStringLiteral("")).toStdString());
            model->to(device);
            return {model, fileSha256(QDir(folder).filePath(QStringLiteral("model.safetensors")))};
        }
        if (!m.preset.isEmpty() && m.weights == QLatin1String("random")) {
            const VlmPreset preset = vlmPreset(m.preset.toStdString());
            // Seeding and drawing must not interleave with another worker's draws from the global generator.
            std::lock_guard<std::mutex> lock(globalRandomMutex());
            seedEverything(kRandomBaseSeed);
            VisionLanguageModel model(preset.config, preset.init_std);
            model->to(device);
            return {model, QStringLiteral("random:%1:%2").arg(m.preset).arg(kRandomBaseSeed)};
        }
        throw std::runtime_error("no pretrained base model for preset '" + m.preset.toStdString() +
                                 "' (expected resources/models/" + m.preset.toStdString() + ")");
    }

    const BpeTokenizer &tok()
    {
        if (!tokenizer)
            tokenizer = std::make_unique<BpeTokenizer>(
                BpeTokenizer::fromFile(resourcePath(QStringLiteral("tokenizer/tokenizer.json")).toStdString()));
        return *tokenizer;
    }

    // A checkpoint folder that ships a tokenizer.json (SmolVLM) is prompted with it; presets and folders
    // without one (the suite's own bases) use the suite tokenizer.
    const BpeTokenizer &tokFor(const ModelEntry &m, const VlmConfig &config)
    {
        if (m.checkpoint.isEmpty() || !hasCheckpointTokenizer(m.checkpoint.toStdString()))
            return tok();
        auto &slot = folderTokenizers[m.checkpoint];
        if (!slot)
            slot = std::make_unique<BpeTokenizer>(loadCheckpointTokenizer(m.checkpoint.toStdString(), config));
        return *slot;
    }

    const std::vector<VlmExample> &evalSet(const QString &target)
    {
        std::lock_guard<std::mutex> lock(shared->mutex);
        auto &evalSets = shared->evalSets;
        auto it = evalSets.find(target);
        if (it != evalSets.end())
            return it->second;
        phase::Scope timing("data generation (eval sets)");
        const tasks::TaskSpec &task = tasks::requireTask(target);
        const tasks::Split split = spec.eval.split == QLatin1String("test") ? tasks::Split::Test : tasks::Split::Val;
        if (const TaskEntry *entry = spec.taskEntry(target); entry && !entry->data.isEmpty()) {
            // A BLINK-format folder: its items of the split, in manifest order (eval.items at most).
            std::vector<VlmExample> items;
            for (const tasks::TaskSample &s : loadTaskItems(entry->data, target, split, evalItemsFor(spec, target)))
                items.push_back(toVlmExample(s));
            return evalSets.emplace(target, std::move(items)).first->second;
        }
        tasks::ProceduralSource source(task, split, 0, levelFor(target), 64, evalItemsFor(spec, target), spec.eval.blinkSizes);
        std::vector<VlmExample> items;
        items.reserve(size_t(source.size()));
        for (int i = 0; i < source.size(); ++i)
            items.push_back(toVlmExample(source.at(i)));
        return evalSets.emplace(target, std::move(items)).first->second;
    }

    // The folder a task's items come from (docs/study-spec.md), or empty for the embedded generator.
    QString dataFolder(const QString &task) const
    {
        const TaskEntry *entry = spec.taskEntry(task);
        return entry ? entry->data : QString();
    }

    // `count` training examples of one task: the train stream for the seed, or the first `count`
    // rows of the train split of the task's BLINK-format folder (all of them when it has fewer).
    void appendTrainItems(std::vector<VlmExample> &out, const QString &taskName, int count, uint64_t seed)
    {
        if (const QString folder = dataFolder(taskName); !folder.isEmpty()) {
            const auto items = loadTaskItems(folder, taskName, tasks::Split::Train, count);
            if (items.empty())
                throw std::runtime_error("'" + folder.toStdString() + "' has no train split of " + taskName.toStdString() +
                                         ": a task read from a folder can only be trained on with its train.jsonl");
            for (const tasks::TaskSample &s : items)
                out.push_back(toVlmExample(s));
            return;
        }
        const tasks::TaskSpec &task = tasks::requireTask(taskName);
        for (int i = 0; i < count; ++i)
            out.push_back(toVlmExample(tasks::generateSample(task, {tasks::Split::Train, i, seed, levelFor(task.name), 64})));
    }

    // The training examples of a cell: the source task's train stream for the cell's seed (or its
    // folder's train split), or for a control cell an even mixture of every suite task (the shape of
    // the pretraining data).
    std::shared_ptr<std::vector<VlmExample>> trainSet(const PlannedCell &cell)
    {
        phase::Scope timing("data generation (train set)");
        auto out = std::make_shared<std::vector<VlmExample>>();
        out->reserve(size_t(spec.train.examples));
        const uint64_t seed = trainSampleSeed(cell.seed);
        if (cell.kind == CellKind::Finetune) {
            appendTrainItems(*out, cell.source, spec.train.examples, seed);
        } else if (cell.kind == CellKind::Mixture) {
            // Each source contributes its share of the examples (largest remainders get the rest);
            // the trainer shuffles them, so the order here does not matter.
            const std::vector<int> counts = mixtureCounts(cell.mixture, mixtureSize(cell));
            for (size_t k = 0; k < cell.mixture.size(); ++k)
                appendTrainItems(*out, cell.mixture[k].first, counts[k], seed);
        } else {
            const auto &all = tasks::suiteTasks();
            for (int i = 0; i < spec.train.examples; ++i) {
                const tasks::TaskSpec &task = all[size_t(i) % all.size()];
                out->push_back(toVlmExample(tasks::generateSample(task, {tasks::Split::Train, i, seed, levelFor(task.name), 64})));
            }
        }
        return out;
    }

    TrainConfig trainConfig(const PlannedCell &cell, const QString &checkpointDir) const
    {
        TrainConfig c = trainConfigFromSpec(spec.train, uint64_t(cell.seed));
        c.checkpointDir = checkpointDir.toStdString();
        c.device = device;
        return c;
    }

    int mixtureSize(const PlannedCell &cell) const { return cell.trainExamples > 0 ? cell.trainExamples : spec.train.examples; }

    // The settings a cell ran under, and where its data came from: "data" maps each task read from a
    // BLINK-format folder to the folder; a mixture cell adds its size and the examples per source.
    QJsonObject hyperParameters(const PlannedCell &cell) const
    {
        const QJsonObject all = spec.toJson();
        QJsonObject out{{QStringLiteral("train"), all.value(QStringLiteral("train"))},
                        {QStringLiteral("eval"), all.value(QStringLiteral("eval"))},
                        {QStringLiteral("difficulty"), spec.difficulty}};
        QJsonObject data;
        for (const TaskEntry &t : spec.tasks) {
            if (!t.data.isEmpty())
                data.insert(t.task, t.data);
        }
        if (!data.isEmpty())
            out.insert(QStringLiteral("data"), data);
        if (cell.kind == CellKind::Mixture) {
            const std::vector<int> counts = mixtureCounts(cell.mixture, mixtureSize(cell));
            QJsonObject perSource;
            for (size_t k = 0; k < cell.mixture.size(); ++k)
                perSource.insert(cell.mixture[k].first, counts[k]);
            out.insert(QStringLiteral("mixture"), QJsonObject{{QStringLiteral("examples"), mixtureSize(cell)},
                                                              {QStringLiteral("counts"), perSource}});
        }
        return out;
    }
};

TorchCellExecutor::TorchCellExecutor(const StudySpec &spec, QString programVersion, int threadsPerWorker)
    : TorchCellExecutor(spec, std::move(programVersion), threadsPerWorker, std::make_shared<Shared>())
{
}

TorchCellExecutor::TorchCellExecutor(const StudySpec &spec, QString programVersion, int threadsPerWorker,
                                     std::shared_ptr<Shared> shared)
    : d(std::make_unique<Impl>(spec, std::move(programVersion), threadsPerWorker, std::move(shared)))
{
}

std::vector<std::unique_ptr<TorchCellExecutor>> TorchCellExecutor::makeWorkers(const StudySpec &spec, const QString &programVersion,
                                                                               int count, int threadsPerWorker)
{
    const auto shared = std::make_shared<Shared>();
    std::vector<std::unique_ptr<TorchCellExecutor>> out;
    for (int w = 0; w < count; ++w)
        out.push_back(std::unique_ptr<TorchCellExecutor>(new TorchCellExecutor(spec, programVersion, threadsPerWorker, shared)));
    return out;
}

TorchCellExecutor::~TorchCellExecutor() = default;

QString TorchCellExecutor::deviceName() const
{
    return QString::fromStdString(d->device.str());
}

QString TorchCellExecutor::pretrainedBaseFolder(const QString &preset)
{
    const QString root = resourceRoot();
    const QString folder = QDir(root).filePath(QStringLiteral("models/") + preset);
    return !root.isEmpty() && QFileInfo::exists(QDir(folder).filePath(QStringLiteral("config.json"))) ? folder : QString();
}

QStringList TorchCellExecutor::preflight(const StudySpec &spec)
{
    QStringList problems;
    for (const ModelEntry &m : spec.models) {
        if (!m.preset.isEmpty() && m.weights == QLatin1String("pretrained") && pretrainedBaseFolder(m.preset).isEmpty())
            problems << QStringLiteral("model '%1': no pretrained base for preset '%2' under %3/models/ (use \"weights\": \"random\" for a smoke test)")
                            .arg(m.name, m.preset, resourceRoot());
        if (!m.checkpoint.isEmpty()) {
            // An incomplete folder, a wrong format or an unsupported prompt family is reported before any cell runs.
            try {
                const CheckpointInfo info = inspectCheckpointFolder(m.checkpoint.toStdString());
                promptFamilyOf(info.config);
            } catch (const std::exception &e) {
                problems << QStringLiteral("model '%1': %2").arg(m.name, QString::fromStdString(e.what()));
            }
        }
    }
    try {
        resourcePath(QStringLiteral("tokenizer/tokenizer.json"));
    } catch (const InputError &e) {
        problems << e.describe();
    }
    if (spec.device == QLatin1String("cuda") && !cudaAvailable())
        problems << QStringLiteral("the spec asks for CUDA, but this libtorch has no CUDA device");
    return problems;
}

double TorchCellExecutor::relativeModelCost(const QString &model) const
{
    try {
        const ModelEntry &entry = d->modelEntry(model);
        if (!entry.preset.isEmpty())
            return double(parameterCountFromConfig(vlmPreset(entry.preset.toStdString()).config));
        return double(inspectCheckpointFolder(entry.checkpoint.toStdString()).parameters);
    } catch (const std::exception &) {
        return 1.0; // an unreadable model fails in run(), with the message that names the problem
    }
}

CellRecord TorchCellExecutor::run(const PlannedCell &cell, const CellRunContext &ctx)
{
    phase::Scope timing("cell executor (total)");
    configureRuntime({d->threads, d->spec.device != QLatin1String("cpu")}); // thread count and flush-denormal are per thread
    using PhaseClock = std::chrono::steady_clock; // training/evaluation phases: bench/study_bench only
    CellRecord record;
    record.kind = cell.kind;
    record.model = cell.model;
    record.source = cell.source;
    record.seed = cell.seed;
    record.run = cell.run();
    record.provenance.programVersion = d->programVersion;
    record.provenance.device = deviceName();
    record.provenance.started = QDateTime::currentDateTimeUtc();
    record.provenance.hyperParameters = d->hyperParameters(cell);

    const ModelEntry &entry = d->modelEntry(cell.model);
    auto [model, baseHash] = d->loadBase(entry);
    record.provenance.modelHash = baseHash;
    const ChatPrompt prompt(d->tokFor(entry, model->config()), model->config());
    // With a frozen tower every cell of the model sees the same ViT features of the evaluation images.
    VisionFeatureCache *evalCache = d->spec.train.freezeVision ? &d->shared->featureCache(cell.model) : nullptr;

    if (cell.kind != CellKind::Base) {
        const TrainConfig trainConfig = d->trainConfig(cell, ctx.checkpointDir);
        Trainer trainer(*model, prompt, trainConfig);
        const QString curveFile = QDir(ctx.checkpointDir).filePath(QStringLiteral("curve.json"));
        if (QFileInfo::exists(QDir(ctx.checkpointDir).filePath(QStringLiteral("trainer_state.json")))) {
            trainer.loadState(ctx.checkpointDir.toStdString()); // a stopped cell continues where it stopped
            QFile f(curveFile);
            if (f.open(QIODevice::ReadOnly))
                record.curve = curveFromJson(QJsonDocument::fromJson(f.readAll()).object());
        }
        const auto data = d->trainSet(cell);
        const int64_t totalSteps = d->spec.train.steps;
        const double wallOffset = record.curve.size() ? record.curve.wallSeconds.back() : 0.0;
        const auto trainStart = PhaseClock::now();
        // Training images are new to the study; keep their features (privately) only when the cell sees them
        // again, in a later epoch, so they never crowd the evaluation images out of the shared cache.
        const int64_t samples = totalSteps * trainConfig.batchSize * trainConfig.gradAccum;
        std::unique_ptr<VisionFeatureCache> trainCache;
        if (d->spec.train.freezeVision && samples > int64_t(data->size()))
            trainCache = std::make_unique<VisionFeatureCache>();
        const TrainResult result = trainer.train(
            ExampleSource::fromVector(data),
            [&](const MetricSample &m) {
                record.curve.step.push_back(int32_t(m.step));
                record.curve.loss.push_back(float(m.loss));
                record.curve.learningRate.push_back(float(m.lr));
                record.curve.samplesPerSecond.push_back(float(m.samplesPerSecond));
                record.curve.wallSeconds.push_back(wallOffset + m.wallSeconds);
                if (ctx.metric)
                    ctx.metric(m.step, m.loss, m.lr, m.samplesPerSecond, wallOffset + m.wallSeconds);
                if (ctx.progress)
                    ctx.progress(QStringLiteral("train"), double(m.step), double(totalSteps));
            },
            ctx.stopRequested, trainCache.get());
        phase::addTime("training", std::chrono::duration<double>(PhaseClock::now() - trainStart).count());
        if (trainCache) { // ViT images computed while training (bench/study_bench)
            phase::addCount("training", trainCache->misses());
        } else if (!data->empty()) {
            int64_t images = 0;
            for (const VlmExample &e : *data)
                images += int64_t(e.images.size());
            phase::addCount("training", images * samples / int64_t(data->size()));
        }
        if (result.stopped) {
            trainer.saveState(ctx.checkpointDir.toStdString());
            QFile f(curveFile);
            if (f.open(QIODevice::WriteOnly))
                f.write(QJsonDocument(curveToJson(record.curve)).toJson(QJsonDocument::Compact));
            throw CellStopped("stopped after step " + std::to_string(result.stepsDone) + "; state kept in " +
                              ctx.checkpointDir.toStdString());
        }
        record.provenance.checkpointHash = trainableSha256(*model);
        if (d->spec.train.saveAdapters && !ctx.adapterDir.isEmpty()) {
            const CheckpointFormat naming =
                entry.checkpoint.isEmpty() ? CheckpointFormat::NanoVlm : detectCheckpointFormat(entry.checkpoint.toStdString());
            saveAdapterFolder(*model, trainConfig.lora, ctx.adapterDir.toStdString(), naming,
                              {{"cell", cell.cellId().toStdString()},
                               {"base_sha256", baseHash.toStdString()},
                               {"program_version", d->programVersion.toStdString()}});
        }
        // Evaluate the adapted model as one plain linear layer per projection: the adapter branch's two thin
        // GEMMs and its add cost 12-19 % of the evaluation's throughput (bench/README.md, session 5).
        if (trainConfig.useLora)
            mergeLora(*model);
    }

    EvalOptions evalOptions;
    evalOptions.batchSize = d->spec.eval.batch;
    evalOptions.method = d->spec.eval.scoring == QLatin1String("generate") ? ScoringMethod::Generation : ScoringMethod::OptionLogits;
    evalOptions.device = d->device;
    evalOptions.bf16Autocast = d->spec.train.autocast == QLatin1String("bf16");
    const QStringList targets = cell.targets.isEmpty() ? d->spec.targetTasks() : cell.targets;
    double itemsDone = 0, itemsTotal = 0;
    for (const QString &t : targets)
        itemsTotal += evalItemsFor(d->spec, t);
    double evalSeconds = 0;
    const int64_t evalMisses = evalCache ? evalCache->misses() : 0;
    for (const QString &target : targets) {
        const std::vector<VlmExample> &items = d->evalSet(target);
        const auto evalStart = PhaseClock::now();
        const EvalResult result = evaluateMultipleChoice(*model, prompt, items, evalOptions, evalCache);
        evalSeconds += std::chrono::duration<double>(PhaseClock::now() - evalStart).count();
        TaskEvaluation e;
        e.task = target;
        e.split = d->spec.eval.split;
        for (size_t i = 0; i < result.items.size(); ++i) {
            e.items.push_back(int32_t(i));
            e.correct.push_back(result.items[i].isCorrect ? 1 : 0);
            e.chosen.push_back(int8_t(result.items[i].chosen));
        }
        record.evals.push_back(std::move(e));
        itemsDone += double(items.size());
        if (ctx.progress)
            ctx.progress(QStringLiteral("eval"), itemsDone, itemsTotal);
    }
    phase::addTime("evaluation", evalSeconds);
    if (evalCache) // ViT images computed while evaluating (bench/study_bench: one worker)
        phase::addCount("evaluation", evalCache->misses() - evalMisses);
    record.provenance.finished = QDateTime::currentDateTimeUtc();
    return record;
}

} // namespace ts

// `transferscope-cli model …`: make and check the pretrained base models of the suite presets
// (docs/base-models.md).
//   pretrain --preset NAME --out DIR [--minutes M | --steps N] [--seed S] [--batch B] [--threads T]
//            [--init DIR] [--adaptive [--warm]] [--task T[:L],T[:L],…] [--level L]
//   eval DIR|--preset NAME [--items N] [--tasks A,B] [--level L] [--threads T]
//   finetune-gain DIR|--preset NAME [--items N] [--tasks A,B] [--level L] [--seed S] [--spec FILE] [--threads T]   self-finetune per task
//   info DIR   format, size and estimated training memory of a checkpoint folder (nanoVLM or SmolVLM/Idefics3)
//   merge DIR|--preset NAME --adapter DIR --out DIR   fold a study's saved adapter into its base (docs/real-checkpoints.md)
//   blend DIR_A DIR_B --alpha X --out DIR   (1 − X)·A + X·B, saved in BF16 like a pretrained base (docs/base-models.md)
// libtorch headers first: Qt's keyword macros break them.
#include "eval/multiple_choice_evaluator.h"
#include "model/checkpoint_format.h"
#include "model/lora.h"
#include "model/nanovlm_checkpoint.h"
#include "model/runtime.h"
#include "model/tokenizer_bpe.h"
#include "model/vlm_presets.h"
#include "model/weight_blend.h"
#include "model/adapter_files.h"
#include "train/pretrainer.h"
#include "train/trainer.h"
#include "study/pretrain_data.h"
#include "study/known_presets.h"
#include "study/study_spec.h"
#include "study/torch_cell_executor.h"
#include "study/train_config_from_spec.h"

#include "cli/commands.h"
#include "common/input_error.h"
#include "common/resource_locator.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QCoreApplication>
#include <QTextStream>
#include <cmath>

namespace ts::cli {

namespace {

// Usage texts follow the system locale (ts::i18n, context ts::cli like main.cpp); see docs/cli.md.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(ts::cli)
};


QString optionValue(const QStringList &args, const QString &name, const QString &fallback = {})
{
    const int i = args.indexOf(name);
    if (i < 0)
        return fallback;
    if (i + 1 >= args.size())
        throw InputError({}, 0, name, QStringLiteral("needs a value"));
    return args[i + 1];
}

double numberOption(const QStringList &args, const QString &name, double fallback)
{
    const QString v = optionValue(args, name);
    if (v.isEmpty())
        return fallback;
    bool ok = false;
    const double d = v.toDouble(&ok);
    if (!ok || d < 0)
        throw InputError({}, 0, name, QStringLiteral("'%1' is not a non-negative number").arg(v));
    return d;
}

QString formatSeconds(double s)
{
    const int t = int(std::lround(std::max(0.0, s)));
    return QStringLiteral("%1:%2").arg(t / 60).arg(t % 60, 2, 10, QLatin1Char('0'));
}

BpeTokenizer suiteTokenizer()
{
    return BpeTokenizer::fromFile(resourcePath(QStringLiteral("tokenizer/tokenizer.json")).toStdString());
}

// The folder named on the command line, or the shipped base of --preset.
QString modelFolder(const QStringList &args)
{
    const QString preset = optionValue(args, QStringLiteral("--preset"));
    if (!preset.isEmpty()) {
        const QString f = TorchCellExecutor::pretrainedBaseFolder(preset);
        if (f.isEmpty())
            throw InputError({}, 0, QStringLiteral("--preset"), QStringLiteral("no pretrained base for '%1' under %2/models/").arg(preset, resourceRoot()));
        return f;
    }
    for (int i = 0; i < args.size(); ++i) {
        if (args[i].startsWith(QLatin1String("--"))) {
            ++i;
            continue;
        }
        return args[i];
    }
    throw InputError({}, 0, QStringLiteral("model"), QStringLiteral("name a model folder or --preset NAME"));
}

struct TaskScore {
    QString abbreviation;
    double accuracy = 0, chance = 0, halfWidth = 0;
};

// Binomial 95 % half-width at chance: the margin a task must clear to count as "above chance".
double halfWidth(double chance, int n)
{
    return 1.96 * std::sqrt(chance * (1.0 - chance) / double(std::max(1, n)));
}

std::vector<TaskScore> evaluateSuite(VisionLanguageModelImpl &model, const ChatPrompt &prompt, int items, const QStringList &only = {},
                                     int level = -1)
{
    std::vector<TaskScore> out;
    EvalOptions eo;
    std::vector<tasks::TaskSpec> list = tasks::suiteTasks();
    if (!only.isEmpty())
        for (const auto &t : tasks::primitiveTasks())
            list.push_back(t);
    for (const auto &t : list) {
        if (!only.isEmpty() && !only.contains(t.abbreviation))
            continue;
        const std::vector<VlmExample> val = validationItems(t, items, level);
        const EvalResult r = evaluateMultipleChoice(model, prompt, val, eo);
        out.push_back({t.abbreviation, r.accuracy, 1.0 / t.options, halfWidth(1.0 / t.options, items)});
    }
    return out;
}

int pretrain(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const std::string preset = optionValue(args, QStringLiteral("--preset")).toStdString();
    const QString dir = optionValue(args, QStringLiteral("--out"));
    if (preset.empty() || dir.isEmpty())
        throw InputError({}, 0, QStringLiteral("model pretrain"), QStringLiteral("needs --preset NAME and --out DIR"));
    const double minutes = numberOption(args, QStringLiteral("--minutes"), 0);
    PretrainConfig cfg;
    cfg.steps = int64_t(numberOption(args, QStringLiteral("--steps"), minutes > 0 ? 1e9 : 3000));
    cfg.batchSize = int64_t(numberOption(args, QStringLiteral("--batch"), 32));
    cfg.lr = numberOption(args, QStringLiteral("--lr"), 2e-3);
    cfg.seed = uint64_t(numberOption(args, QStringLiteral("--seed"), 0));
    cfg.denseWeight = numberOption(args, QStringLiteral("--dense-weight"), 1.0);
    cfg.intermediateWeight = numberOption(args, QStringLiteral("--inter-weight"), 1.0);
    const QString only = optionValue(args, QStringLiteral("--task")); // diagnostics: one task, default level
    configureRuntime({int(numberOption(args, QStringLiteral("--threads"), 1)), false});

    VlmPreset p = vlmPreset(preset);
    if (const int shuffle = int(numberOption(args, QStringLiteral("--shuffle"), 0)); shuffle > 0) {
        // Diagnostics: the same preset with another pixel-shuffle factor (more or fewer tokens per image).
        p.config.mp_pixel_shuffle_factor = shuffle;
        p.config.mp_image_token_length = p.config.imageTokensPerImage();
        p.config.raw = p.config.toJson();
        p.config.validate("--shuffle");
    }
    seedEverything(cfg.seed);
    VisionLanguageModel model(p.config, p.init_std);
    if (const QString init = optionValue(args, QStringLiteral("--init")); !init.isEmpty()) {
        // Continue from a folder of this preset's shape (staged curricula, probes): every weight must match.
        const VisionLanguageModel from = loadCheckpointFolder(init.toStdString());
        const auto source = from->named_parameters();
        at::NoGradGuard noGrad;
        for (auto &param : model->named_parameters()) {
            const at::Tensor *w = source.find(param.key());
            if (!w || w->sizes() != param.value().sizes())
                throw InputError(init, 0, QStringLiteral("--init"),
                                 QStringLiteral("has no weight '%1' of the shape preset %2 needs").arg(QString::fromStdString(param.key()), QString::fromStdString(preset)));
            param.value().copy_(*w);
        }
    }
    const BpeTokenizer tok = suiteTokenizer();
    const ChatPrompt prompt(tok, model->config());
    auto heads = std::make_shared<const IntermediateHeads>();
    CurriculumOptions co;
    co.seed = cfg.seed;
    co.primitiveEnd = numberOption(args, QStringLiteral("--primitive-end"), co.primitiveEnd);
    co.easyEnd = numberOption(args, QStringLiteral("--easy-end"), co.easyEnd);
    co.primitiveShare = numberOption(args, QStringLiteral("--primitive-share"), co.primitiveShare);
    co.primitiveBlockExamples = uint64_t(numberOption(args, QStringLiteral("--primitive-block"), 0)) * uint64_t(cfg.batchSize);
    std::vector<CurriculumPhase> phases = pretrainCurriculum(co, heads);
    const StreamList listed = only.isEmpty() ? StreamList{} : parseStreamList(only, int(numberOption(args, QStringLiteral("--level"), -1)));
    std::shared_ptr<AdaptiveTaskSampler> sampler;
    if (args.contains(QStringLiteral("--adaptive"))) {
        // With --task the listed streams are the curriculum, in order; --warm switches them all on at once
        // (a run from --init that replays what the model knows in proportion to how far each has slipped).
        AdaptiveSamplerOptions so;
        so.focus = numberOption(args, QStringLiteral("--focus"), so.focus);
        so.advanceBelow = numberOption(args, QStringLiteral("--advance-below"), so.advanceBelow);
        so.maxBlockExamples = uint64_t(numberOption(args, QStringLiteral("--block-steps"), 300) * double(cfg.batchSize));
        so.floor = numberOption(args, QStringLiteral("--replay-floor"), so.floor);
        so.restAbove = numberOption(args, QStringLiteral("--rest-above"), so.restAbove);
        so.restBelow = numberOption(args, QStringLiteral("--rest-below"), so.restBelow);
        so.allOn = args.contains(QStringLiteral("--warm"));
        sampler = std::make_shared<AdaptiveTaskSampler>(only.isEmpty() ? progressiveStreams() : listed.streams, so, cfg.seed);
        phases = {adaptiveCurriculum(sampler, heads, cfg.seed)};
    } else if (!only.isEmpty()) {
        // One task, or a fixed mixture for staged curricula: "SR:0,SR:0,P-SIDE:1" draws the streams in
        // turn (a stream listed twice gets twice the share).
        phases = {{listed.shown.toStdString(), 1.0, [streams = listed.streams, heads](uint64_t i) {
                       const SamplerStream &s = streams[i % streams.size()];
                       const int64_t index = int64_t((i / streams.size()) % 100000000);
                       return toPretrainExample(tasks::generateSample(*s.task, {tasks::Split::Train, index, 5, s.level, 64}), *heads);
                   }}};
    }
    Pretrainer trainer(*model, prompt, pretrainDenseClasses(), heads->classes(), cfg);
    if (sampler)
        trainer.onExampleScores([sampler](const std::vector<ExampleScore> &s) { sampler->report(s); });
    err << QStringLiteral("pretraining %1 (%2 parameters, %3 intermediate heads), %4\n")
               .arg(QString::fromStdString(preset))
               .arg(countParameters(*model))
               .arg(heads->classes().size())
               .arg(minutes > 0 ? QStringLiteral("%1 min").arg(minutes) : QStringLiteral("%1 steps").arg(cfg.steps));
    double emaA = 0, emaD = 0, emaI = 0;
    const PretrainResult r = trainer.run(
        phases,
        [&](const PretrainMetric &m) {
            const double a = m.step == 1 ? 1.0 : 0.05;
            emaA += a * (m.answerLoss - emaA);
            emaD += a * (m.denseLoss - emaD);
            emaI += a * (m.intermediateLoss - emaI);
            if (m.step % 10 != 0)
                return;
            const double done = std::min(1.0, m.progress + 1e-9);
            const int bar = int(done * 30);
            err << QStringLiteral("\r[%1%2] %3% step %4 %5 answer %6 dense %7 inter %8 lr %9 ETA %10   ")
                       .arg(QString(bar, QLatin1Char('#')), QString(30 - bar, QLatin1Char('.')))
                       .arg(int(done * 100), 3)
                       .arg(m.step)
                       .arg(QString::fromStdString(m.phase), -10)
                       .arg(emaA, 0, 'f', 3)
                       .arg(emaD, 0, 'f', 3)
                       .arg(emaI, 0, 'f', 3)
                       .arg(m.lr, 0, 'e', 1)
                       .arg(formatSeconds(m.wallSeconds / done - m.wallSeconds));
            if (sampler)
                err << sampler->summary() << "   ";
            err.flush();
        },
        nullptr, minutes * 60.0);
    err << "\n";
    if (sampler) {
        // Where each stream ended (training chance ratio, 1 = chance; training accuracy): what the run learned.
        const std::vector<double> ratios = sampler->chanceRatios(), accuracies = sampler->accuracies();
        for (size_t s = 0; s < ratios.size(); ++s)
            err << QStringLiteral("%1%2 %3 %4").arg(s % 6 ? QStringLiteral("  ") : QStringLiteral("\n")).arg(sampler->streams()[s].label(), -8)
                       .arg(ratios[s], 0, 'f', 2).arg(accuracies[s], 0, 'f', 2);
        err << QStringLiteral("\n%1 of %2 streams switched on\n").arg(sampler->active()).arg(ratios.size());
    }
    saveNanoVlmFolderBf16(*model, dir.toStdString());
    out << QStringLiteral("pretrained %1: %2 steps × %3 in %4 s (answer %5, dense %6, intermediates %7); saved %8\n")
               .arg(QString::fromStdString(preset))
               .arg(r.stepsDone)
               .arg(cfg.batchSize)
               .arg(r.seconds, 0, 'f', 0)
               .arg(emaA, 0, 'f', 3)
               .arg(emaD, 0, 'f', 3)
               .arg(emaI, 0, 'f', 3)
               .arg(dir);
    return 0;
}

int evalBase(const QStringList &args, QTextStream &out)
{
    const QString dir = modelFolder(args);
    const int items = int(numberOption(args, QStringLiteral("--items"), 1000));
    configureRuntime({int(numberOption(args, QStringLiteral("--threads"), 1)), false});
    VisionLanguageModel model = loadNanoVlmFolder(dir.toStdString());
    model->eval();
    const BpeTokenizer tok = suiteTokenizer();
    const ChatPrompt prompt(tok, model->config());
    QElapsedTimer timer;
    timer.start();
    const QStringList only = optionValue(args, QStringLiteral("--tasks")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    const int level = int(numberOption(args, QStringLiteral("--level"), -1)); // -1 (absent): each task's default
    const std::vector<TaskScore> scores = evaluateSuite(*model, prompt, items, only, level);
    int above = 0, below90 = 0;
    out << QStringLiteral("%1  (val, %2 items per task, %3)\n")
               .arg(dir)
               .arg(items)
               .arg(level < 0 ? QStringLiteral("default levels") : QStringLiteral("level %1").arg(level));
    out << "task  accuracy  chance  ±95%   above chance  <90%\n";
    for (const TaskScore &s : scores) {
        const bool a = s.accuracy - s.chance > s.halfWidth, b = s.accuracy < 0.9;
        above += a;
        below90 += b;
        out << QStringLiteral("%1  %2     %3    %4   %5           %6\n")
                   .arg(s.abbreviation, -4)
                   .arg(s.accuracy, 6, 'f', 3)
                   .arg(s.chance, 5, 'f', 3)
                   .arg(s.halfWidth, 5, 'f', 3)
                   .arg(a ? QStringLiteral("yes") : QStringLiteral("no "))
                   .arg(b ? QStringLiteral("yes") : QStringLiteral("no"));
    }
    const bool pass = below90 == int(scores.size()) && above >= 11 && scores.size() == tasks::suiteTasks().size();
    out << QStringLiteral("gate (base accuracy): %1 — %2/%3 tasks below 90 %, %4/%3 above chance by more than the half-width (need all and 11); %5 s\n")
               .arg(pass ? QStringLiteral("PASS") : QStringLiteral("FAIL"))
               .arg(below90)
               .arg(scores.size())
               .arg(above)
               .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 0);
    return pass ? 0 : 3;
}

// A study spec's finetuning (default: the quick spec — LoRA r8/α16, 150 steps × 16, lr 2e-3, 10 warm-up
// steps, 2400 examples) of the base on each task with seed 0 (or --seed S), evaluated on that task.
int finetuneGain(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const QString dir = modelFolder(args);
    const int items = int(numberOption(args, QStringLiteral("--items"), 1000));
    const QStringList only = optionValue(args, QStringLiteral("--tasks")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    const QString specPath = optionValue(args, QStringLiteral("--spec"), resourcePath(QStringLiteral("specs/quick.json")));
    const TrainSettings train = readStudySpec(specPath, knownModelPresets()).train;
    const int level = int(numberOption(args, QStringLiteral("--level"), -1)); // -1 (absent): each task's default
    const int seed = int(numberOption(args, QStringLiteral("--seed"), 0)); // as a study cell of that seed draws and trains
    configureRuntime({int(numberOption(args, QStringLiteral("--threads"), 1)), false});
    const BpeTokenizer tok = suiteTokenizer();
    int gains = 0, n = 0;
    out << "task  base    tuned   gain    ±95%   gain > ±95%\n";
    for (const auto &t : tasks::suiteTasks()) {
        if (!only.isEmpty() && !only.contains(t.abbreviation))
            continue;
        VisionLanguageModel model = loadNanoVlmFolder(dir.toStdString());
        const ChatPrompt prompt(tok, model->config());
        const std::vector<VlmExample> val = validationItems(t, items, level);
        model->eval();
        const double base = evaluateMultipleChoice(*model, prompt, val, EvalOptions{}).accuracy;
        auto data = std::make_shared<std::vector<VlmExample>>();
        for (int i = 0; i < train.examples; ++i)
            data->push_back(toVlmExample(tasks::generateSample(t, {tasks::Split::Train, i, trainSampleSeed(seed), level, 64})));
        const TrainConfig tc = trainConfigFromSpec(train, uint64_t(seed));
        Trainer trainer(*model, prompt, tc);
        trainer.train(ExampleSource::fromVector(data));
        mergeLora(*model); // evaluated as the study does: one plain linear layer per projection
        model->eval();
        const double tuned = evaluateMultipleChoice(*model, prompt, val, EvalOptions{}).accuracy;
        const double hw = halfWidth(1.0 / t.options, items);
        gains += tuned - base > hw;
        ++n;
        out << QStringLiteral("%1  %2  %3  %4  %5  %6\n")
                   .arg(t.abbreviation, -4)
                   .arg(base, 6, 'f', 3)
                   .arg(tuned, 6, 'f', 3)
                   .arg(tuned - base, 6, 'f', 3)
                   .arg(hw, 5, 'f', 3)
                   .arg(tuned - base > hw ? QStringLiteral("yes") : QStringLiteral("no"));
        out.flush();
        err << ".";
        err.flush();
    }
    err << "\n";
    out << QStringLiteral("gate (finetune gain): %1 — %2/%3 tasks gain more than the half-width (need 10 of 13)\n")
               .arg(gains >= 10 ? QStringLiteral("PASS") : QStringLiteral("FAIL"))
               .arg(gains)
               .arg(n);
    return gains >= 10 ? 0 : 3;
}

// What the setup panel shows before a launch: format, parameters, tokenizer and the memory estimate.
int info(const QStringList &args, QTextStream &out)
{
    const QString dir = modelFolder(args);
    const CheckpointInfo i = inspectCheckpointFolder(dir.toStdString());
    const VlmConfig &c = i.config;
    auto gib = [](int64_t bytes) { return QString::number(double(bytes) / double(1 << 30), 'f', 2); };
    out << QStringLiteral("folder: %1\n").arg(dir);
    out << QStringLiteral("format: %1\n").arg(QString::fromStdString(i.description));
    out << QStringLiteral("parameters: %1 (%2 M)\n").arg(i.parameters).arg(double(i.parameters) / 1e6, 0, 'f', 1);
    out << QStringLiteral("images: %1 px, %2 tokens each, pixels in %3\n")
               .arg(c.vit_img_size)
               .arg(c.mp_image_token_length)
               .arg(c.vit_signed_pixels ? QStringLiteral("[-1,1]") : QStringLiteral("[0,1]"));
    out << QStringLiteral("tokenizer: %1\n")
               .arg(i.hasTokenizer ? QStringLiteral("tokenizer.json in the folder")
                                   : QStringLiteral("none in the folder (the config names '%1')").arg(QString::fromStdString(c.lm_tokenizer)));
    out << QStringLiteral("estimated training memory (fp32, frozen vision tower, LoRA r8 + connector, batch 8): %1 GiB "
                          "(weights %2, trainable + AdamW %3, activations %4, vision tower %5)\n")
               .arg(gib(i.memory.totalBytes()), gib(i.memory.weightBytes), gib(i.memory.optimizerBytes),
                    gib(i.memory.activationBytes), gib(i.memory.visionTransientBytes));
    return 0;
}

// A finetune's adapter folded into its base: a plain checkpoint folder that loads like any other.
int merge(const QStringList &args, QTextStream &out)
{
    const QString base = modelFolder(args);
    const QString adapter = optionValue(args, QStringLiteral("--adapter"));
    const QString dir = optionValue(args, QStringLiteral("--out"));
    if (adapter.isEmpty() || dir.isEmpty())
        throw InputError({}, 0, QStringLiteral("model merge"), QStringLiteral("needs --adapter DIR and --out DIR"));
    std::optional<CheckpointFormat> format;
    if (const QString f = optionValue(args, QStringLiteral("--format")).toLower(); !f.isEmpty()) {
        if (f == QLatin1String("nanovlm"))
            format = CheckpointFormat::NanoVlm;
        else if (f == QLatin1String("idefics3") || f == QLatin1String("smolvlm"))
            format = CheckpointFormat::Idefics3;
        else
            throw InputError({}, 0, QStringLiteral("--format"), QStringLiteral("'%1' is not a format (nanovlm, idefics3)").arg(f));
    }
    const AdapterInfo a = mergeAdapterFolder(base.toStdString(), adapter.toStdString(), dir.toStdString(), format);
    out << QStringLiteral("merged %1 (LoRA r%2, alpha %3, %4 modules saved whole) into %5; wrote %6\n")
               .arg(QString::fromStdString(a.source))
               .arg(a.lora.settings.rank)
               .arg(a.lora.settings.alpha)
               .arg(a.fullModules.size())
               .arg(base, dir);
    return 0;
}

// Two checkpoint folders of one preset blended in weight space (session 8 probed it to temper a saturated
// pretraining stage; docs/base-models.md).
int blend(const QStringList &args, QTextStream &out)
{
    const QString a = args.value(0), b = args.value(1);
    const QString dir = optionValue(args, QStringLiteral("--out"));
    const QString alphaText = optionValue(args, QStringLiteral("--alpha"));
    if (a.isEmpty() || a.startsWith(QLatin1String("--")) || b.isEmpty() || b.startsWith(QLatin1String("--")) || dir.isEmpty() || alphaText.isEmpty())
        throw InputError({}, 0, QStringLiteral("model blend"), QStringLiteral("needs DIR_A DIR_B --alpha X --out DIR"));
    const double alpha = numberOption(args, QStringLiteral("--alpha"), 0.0);
    if (alpha > 1.0)
        throw InputError({}, 0, QStringLiteral("--alpha"), QStringLiteral("'%1' is not in [0, 1]").arg(alphaText));
    VisionLanguageModel first = loadNanoVlmFolder(a.toStdString());
    VisionLanguageModel second = loadNanoVlmFolder(b.toStdString());
    const auto configA = first->config().toJson(), configB = second->config().toJson();
    for (const auto &[key, value] : configA.items())
        if (!configB.contains(key) || configB.at(key) != value)
            throw InputError(QDir(b).filePath(QStringLiteral("config.json")), 0, QString::fromStdString(key),
                             QStringLiteral("differs from %1 (%2 vs %3): blending needs one architecture")
                                 .arg(QDir(a).filePath(QStringLiteral("config.json")),
                                      QString::fromStdString(configB.contains(key) ? configB.at(key).dump() : std::string("missing")),
                                      QString::fromStdString(value.dump())));
    blendWeights(*first, *second, alpha);
    QDir().mkpath(dir);
    saveNanoVlmFolderBf16(*first, dir.toStdString());
    out << QStringLiteral("blended %1 × (1 − %2) + %3 × %2; wrote %4\n").arg(a).arg(alpha).arg(b, dir);
    return 0;
}

} // namespace

int runModelCommand(const QStringList &args)
{
    QTextStream out(stdout), err(stderr);
    const QString sub = args.value(0);
    if (sub == QLatin1String("pretrain"))
        return pretrain(args.mid(1), out, err);
    if (sub == QLatin1String("eval"))
        return evalBase(args.mid(1), out);
    if (sub == QLatin1String("finetune-gain"))
        return finetuneGain(args.mid(1), out, err);
    if (sub == QLatin1String("info"))
        return info(args.mid(1), out);
    if (sub == QLatin1String("merge"))
        return merge(args.mid(1), out);
    if (sub == QLatin1String("blend"))
        return blend(args.mid(1), out);
    out << Tr::tr("usage: transferscope-cli model pretrain --preset NAME --out DIR [--minutes M | --steps N] [--seed S] [--batch B] [--threads T]\n"
           "                [--init DIR] [--adaptive [--warm]] [--task TASK[:LEVEL],TASK[:LEVEL],...] [--level L]\n"
           "       transferscope-cli model eval DIR|--preset NAME [--items N] [--tasks VS,P-TEX] [--level L] [--threads T]\n"
           "       transferscope-cli model finetune-gain DIR|--preset NAME [--items N] [--tasks VS,AS] [--level L] [--seed S] [--spec FILE] [--threads T]\n"
           "       transferscope-cli model info DIR|--preset NAME\n"
           "       transferscope-cli model merge DIR|--preset NAME --adapter DIR --out DIR [--format nanovlm|idefics3]\n"
           "       transferscope-cli model blend DIR_A DIR_B --alpha X --out DIR\n");
    return sub.isEmpty() ? 2 : (sub == QLatin1String("--help") ? 0 : 2);
}

} // namespace ts::cli

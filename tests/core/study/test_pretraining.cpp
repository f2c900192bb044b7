// The base-model pretraining pipeline (docs/base-models.md): a few seconds of pretraining on a primitive
// skill task must lift it from chance, and the dense per-patch loss on the vision tower must fall.
// libtorch headers first: Qt's keyword macros break them.
#include "eval/multiple_choice_evaluator.h"
#include "model/checkpoint_format.h"
#include "model/nanovlm_checkpoint.h"
#include "model/runtime.h"
#include "model/tokenizer_bpe.h"
#include "model/vlm_presets.h"
#include "train/pretrainer.h"
#include "study/pretrain_data.h"
#include "study/train_config_from_spec.h"

#include "common/resource_locator.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace ts;

namespace {

// Exit code of transferscope-cli, its stderr in *err.
int runCli(const QStringList &args, QString *err = nullptr)
{
    QProcess p;
    p.start(QStringLiteral(TRANSFERSCOPE_CLI), args);
    p.waitForFinished(300000);
    if (err)
        *err = QString::fromUtf8(p.readAllStandardError());
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

// suite-tiny's geometry (64 px, patch 8: the 8×8 grid of patchTargets) with one block per tower, for speed.
VlmConfig smallConfig()
{
    VlmConfig c = vlmPreset("suite-tiny").config;
    c.vit_n_blocks = 1;
    c.lm_n_blocks = 1;
    c.raw = c.toJson();
    c.validate("test");
    return c;
}

// How many of the examples from..from+n each of the sampler's three streams gets.
std::vector<int> pickCounts(const AdaptiveTaskSampler &sampler, uint64_t from, uint64_t n)
{
    std::vector<int> c(3, 0);
    for (uint64_t i = from; i < from + n; ++i)
        ++c[size_t(sampler.pick(i))];
    return c;
}

} // namespace

class TestPretraining : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { configureRuntime({1, false}); }

    void denseTargetsMatchTheVitGrid()
    {
        const tasks::TaskSpec &rd = tasks::requireTask(QStringLiteral("RD"));
        const IntermediateHeads heads;
        const PretrainExample p = toPretrainExample(tasks::generateSample(rd, {tasks::Split::Train, 3, 1, -1, 64}), heads);
        const VlmConfig c = smallConfig();
        const int64_t patches = (c.vit_img_size / c.vit_patch_size) * (c.vit_img_size / c.vit_patch_size);
        QCOMPARE(int64_t(p.dense.size()), int64_t(p.example.images.size()) * int64_t(pretrainDenseClasses().size()) * patches);
        QVERIFY(!p.intermediates.empty()); // relative depth names the depth of its two points
        QVERIFY(std::any_of(p.dense.begin(), p.dense.end(), [](int32_t v) { return v > 0; }));
    }

    void microPretrainingLearnsAPrimitive()
    {
        const tasks::TaskSpec &tex = tasks::requireTask(QStringLiteral("P-TEX"));
        const BpeTokenizer tok = BpeTokenizer::fromFile(std::string(TRANSFERSCOPE_RESOURCES) + "/tokenizer/tokenizer.json");
        seedEverything(5);
        VisionLanguageModel model(smallConfig(), 0.06);
        const ChatPrompt prompt(tok, model->config());
        auto heads = std::make_shared<const IntermediateHeads>();
        PretrainConfig cfg;
        cfg.steps = 200;
        cfg.batchSize = 16;
        cfg.seed = 3;
        Pretrainer trainer(*model, prompt, pretrainDenseClasses(), heads->classes(), cfg);

        std::vector<PretrainExample> probe; // a fixed batch from another stream, for the dense loss
        for (int i = 0; i < 32; ++i)
            probe.push_back(toPretrainExample(tasks::generateSample(tex, {tasks::Split::Train, i, 77, -1, 64}), *heads));
        const std::vector<VlmExample> val = validationItems(tex, 200);
        model->eval();
        const double before = evaluateMultipleChoice(*model, prompt, val, EvalOptions{}).accuracy;
        const double denseBefore = trainer.measure(probe).denseLoss;

        const std::vector<CurriculumPhase> phases{{"tex", 1.0, [&](uint64_t i) {
                                                       return toPretrainExample(
                                                           tasks::generateSample(tex, {tasks::Split::Train, int64_t(i % 100000), 9, -1, 64}), *heads);
                                                   }}};
        int metrics = 0;
        const PretrainResult r = trainer.run(phases, [&](const PretrainMetric &m) {
            ++metrics;
            QCOMPARE(m.phase, std::string("tex"));
        });
        QCOMPARE(r.stepsDone, cfg.steps);
        QCOMPARE(metrics, int(cfg.steps));
        model->eval();
        const double after = evaluateMultipleChoice(*model, prompt, val, EvalOptions{}).accuracy;
        const double denseAfter = trainer.measure(probe).denseLoss;
        qInfo("P-TEX accuracy %.3f -> %.3f, dense loss %.3f -> %.3f", before, after, denseBefore, denseAfter);
        QVERIFY(before < 0.35);
        QVERIFY2(after > 0.40, "pretraining did not lift the primitive from chance (0.25)");
        QVERIFY(denseAfter < 0.7 * denseBefore);

        // The BF16 base folder loads back and scores like the trained model (rounding moves few items).
        QTemporaryDir dir;
        saveNanoVlmFolderBf16(*model, dir.path().toStdString());
        VisionLanguageModel loaded = loadNanoVlmFolder(dir.path().toStdString());
        loaded->eval();
        QVERIFY(std::abs(evaluateMultipleChoice(*loaded, prompt, val, EvalOptions{}).accuracy - after) < 0.05);
    }

    void adaptiveSamplerSwitchesStreamsOnAndReplaysWhatIsUnlearned()
    {
        const auto &suite = tasks::suiteTasks();
        AdaptiveSamplerOptions o;
        o.focus = 0.5;
        o.advanceBelow = 0.75;
        o.minBlockExamples = 10;
        o.maxBlockExamples = 100;
        o.floor = 0.1;
        o.emaRate = 0.2;
        AdaptiveTaskSampler sampler({{&suite[0], 0}, {&suite[1], 0}, {&suite[2], 0}}, o, 7);
        auto counts = [&](uint64_t from) { return pickCounts(sampler, from, 2000); };
        // Alone at first; the same index gives the same stream.
        QCOMPARE(counts(0), (std::vector<int>{2000, 0, 0}));
        QCOMPARE(sampler.pick(12345), sampler.pick(12345));

        // Still at chance after fewer than maxBlockExamples examples: no switch.
        sampler.report(std::vector<ExampleScore>(50, ExampleScore{0, 1.0}));
        QCOMPARE(sampler.active(), size_t(1));
        // Learned (ratio well below advanceBelow): the next stream comes on and takes `focus` of the batch.
        sampler.report(std::vector<ExampleScore>(20, ExampleScore{0, 0.1}));
        QCOMPARE(sampler.active(), size_t(2));
        std::vector<int> c = counts(0);
        QVERIFY2(c[1] > 900 && c[1] < 1100 && c[2] == 0, qPrintable(QStringLiteral("%1 %2 %3").arg(c[0]).arg(c[1]).arg(c[2])));

        // A stream that never leaves chance is switched past after maxBlockExamples.
        sampler.report(std::vector<ExampleScore>(100, ExampleScore{1, 1.0}));
        QCOMPARE(sampler.active(), size_t(3));

        // Replay favours what is not learned: stream 1 (at chance) gets far more than stream 0 (learned).
        c = counts(5000);
        QVERIFY2(c[1] > 4 * c[0] && c[0] > 0, qPrintable(QStringLiteral("%1 %2 %3").arg(c[0]).arg(c[1]).arg(c[2])));
        QVERIFY(sampler.summary().startsWith(QStringLiteral("3/3 on")));
    }

    // From a trained model (--warm) every stream is on at once and replayed by need; a stream that is too
    // well learned (training accuracy above restAbove) rests at a tenth of the floor until it slips back.
    void warmSamplerReplaysByNeedAndRestsSaturatedStreams()
    {
        const auto &suite = tasks::suiteTasks();
        AdaptiveSamplerOptions o;
        o.floor = 0.1;
        o.emaRate = 0.5;
        o.restAbove = 0.9;
        o.allOn = true;
        AdaptiveTaskSampler sampler({{&suite[0], 0}, {&suite[1], 0}, {&suite[2], 0}}, o, 7);
        QCOMPARE(sampler.active(), size_t(3));
        auto counts = [&] { return pickCounts(sampler, 0, 6000); };
        std::vector<int> c = counts(); // all at chance: even shares
        QVERIFY2(c[0] > 1800 && c[1] > 1800 && c[2] > 1800, qPrintable(QStringLiteral("%1 %2 %3").arg(c[0]).arg(c[1]).arg(c[2])));
        // Stream 0 always right at a middling ratio (saturated: it rests), stream 1 learned but sometimes wrong,
        // stream 2 at chance.
        for (int k = 0; k < 20; ++k)
            sampler.report({{0, 0.4, true}, {1, 0.4, k % 2 == 0}, {2, 1.0, false}});
        QCOMPARE(sampler.accuracies()[0] > 0.99, true);
        c = counts();
        // Weights 0.01 : 0.4 : 1.0.
        QVERIFY2(c[0] > 0 && c[0] < 100 && c[1] > 1400 && c[1] < 2000 && c[2] > 4000,
                 qPrintable(QStringLiteral("%1 %2 %3").arg(c[0]).arg(c[1]).arg(c[2])));
        // When it slips below restAbove it is replayed again.
        for (int k = 0; k < 20; ++k)
            sampler.report({{0, 0.9, k % 2 == 0}});
        QVERIFY(counts()[0] > 1500);

        // Resting by chance ratio instead: stream 1 (0.4) is below restBelow, stream 0 (0.9) is not.
        o.restAbove = 0.0;
        o.restBelow = 0.5;
        AdaptiveTaskSampler byRatio({{&suite[0], 0}, {&suite[1], 0}, {&suite[2], 0}}, o, 7);
        for (int k = 0; k < 20; ++k)
            byRatio.report({{0, 0.9, false}, {1, 0.4, true}, {2, 1.0, false}});
        const std::vector<int> r = pickCounts(byRatio, 0, 6000);
        QVERIFY2(r[1] < 100 && r[0] > 2000, qPrintable(QStringLiteral("%1 %2 %3").arg(r[0]).arg(r[1]).arg(r[2])));
    }

    void streamListsParseInOrderAndNameTheOptionOnBadItems()
    {
        const StreamList l = parseStreamList(QStringLiteral("SR:0,SR:0,P-SIDE:1,VS"), -1);
        QCOMPARE(int(l.streams.size()), 4);
        QCOMPARE(l.streams[0].task->abbreviation, QStringLiteral("SR"));
        QCOMPARE(l.streams[0].level, 0);
        QCOMPARE(l.streams[2].task->abbreviation, QStringLiteral("P-SIDE"));
        QCOMPARE(l.streams[3].level, -1);
        QCOMPARE(l.shown, QStringLiteral("SR:0×2,P-SIDE:1,VS"));
        QCOMPARE(parseStreamList(QStringLiteral("VS"), 2).streams[0].level, 2);
        for (const char *bad : {"SR:7", "SR:x", "SR:0:1", "NOPE", ","}) {
            try {
                parseStreamList(QString::fromLatin1(bad), -1);
                QFAIL(bad);
            } catch (const std::exception &e) {
                QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("--task")), e.what());
            }
        }
    }

    // The gate's finetune takes its settings from a study spec; a spec that cannot be read is named.
    void finetuneGainNamesABadSpec()
    {
        QTemporaryDir tmp;
        const QString spec = tmp.filePath(QStringLiteral("bad.json"));
        QFile f(spec);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"models": ["suite-tiny"], "train": {"steps": -3}})");
        f.close();
        QString err;
        QVERIFY(runCli({QStringLiteral("model"), QStringLiteral("finetune-gain"), QStringLiteral("--preset"), QStringLiteral("suite-tiny"),
                        QStringLiteral("--tasks"), QStringLiteral("VS"), QStringLiteral("--items"), QStringLiteral("10"),
                        QStringLiteral("--spec"), spec},
                       &err) != 0);
        QVERIFY2(err.contains(QStringLiteral("bad.json")) && err.contains(QStringLiteral("steps")), qPrintable(err));
    }

    // The spec's learning rates reach the trainer's parameter groups: the connector follows learning_rate
    // unless connector_learning_rate is set, and 0 freezes it.
    void connectorLearningRateMapsToTheTrainer()
    {
        TrainSettings t;
        t.learningRate = 2e-3;
        TrainConfig c = trainConfigFromSpec(t, 0);
        QCOMPARE(c.lrConnector, 2e-3);
        QVERIFY(c.trainConnector);
        t.connectorLearningRate = 6e-3;
        c = trainConfigFromSpec(t, 0);
        QCOMPARE(c.lr, 2e-3);
        QCOMPARE(c.lrConnector, 6e-3);
        QVERIFY(c.trainConnector);
        t.connectorLearningRate = 0;
        QVERIFY(!trainConfigFromSpec(t, 0).trainConnector);
    }

    // A staged curriculum continues from a folder: `--init` starts from its weights exactly (with lr 0 they
    // come out unchanged), and a folder of another shape is refused naming the option.
    void pretrainInitStartsFromTheFolderWeights()
    {
        QTemporaryDir tmp;
        const QString a = tmp.filePath(QStringLiteral("a")), b = tmp.filePath(QStringLiteral("b"));
        QString err;
        QCOMPARE(runCli({QStringLiteral("model"), QStringLiteral("pretrain"), QStringLiteral("--preset"), QStringLiteral("suite-tiny"),
                         QStringLiteral("--steps"), QStringLiteral("2"), QStringLiteral("--batch"), QStringLiteral("2"), QStringLiteral("--out"), a},
                        &err),
                 0);
        QCOMPARE(runCli({QStringLiteral("model"), QStringLiteral("pretrain"), QStringLiteral("--preset"), QStringLiteral("suite-tiny"),
                         QStringLiteral("--init"), a, QStringLiteral("--seed"), QStringLiteral("7"), QStringLiteral("--lr"), QStringLiteral("0"),
                         QStringLiteral("--steps"), QStringLiteral("1"), QStringLiteral("--batch"), QStringLiteral("2"), QStringLiteral("--out"), b},
                        &err),
                 0);
        const VisionLanguageModel wa = loadCheckpointFolder(a.toStdString()), wb = loadCheckpointFolder(b.toStdString());
        const auto pb = wb->named_parameters();
        int compared = 0;
        for (const auto &param : wa->named_parameters()) {
            const at::Tensor *other = pb.find(param.key());
            QVERIFY2(other, param.key().c_str());
            QVERIFY2(at::equal(param.value(), *other), param.key().c_str());
            ++compared;
        }
        QVERIFY(compared > 20);
        // A fresh model with another seed differs: the equality above is the folder's doing.
        QCOMPARE(runCli({QStringLiteral("model"), QStringLiteral("pretrain"), QStringLiteral("--preset"), QStringLiteral("suite-tiny"),
                         QStringLiteral("--seed"), QStringLiteral("7"), QStringLiteral("--lr"), QStringLiteral("0"), QStringLiteral("--steps"),
                         QStringLiteral("1"), QStringLiteral("--batch"), QStringLiteral("2"), QStringLiteral("--out"), tmp.filePath(QStringLiteral("c"))},
                        &err),
                 0);
        const VisionLanguageModel wc = loadCheckpointFolder(tmp.filePath(QStringLiteral("c")).toStdString());
        QVERIFY(!at::equal(wc->named_parameters()["decoder.blocks.0.attn.q_proj.weight"], wa->named_parameters()["decoder.blocks.0.attn.q_proj.weight"]));

        QVERIFY(runCli({QStringLiteral("model"), QStringLiteral("pretrain"), QStringLiteral("--preset"), QStringLiteral("suite-tiny"),
                        QStringLiteral("--init"), resourcePath(QStringLiteral("models/suite-small")), QStringLiteral("--steps"), QStringLiteral("1"),
                        QStringLiteral("--out"), tmp.filePath(QStringLiteral("d"))},
                       &err) != 0);
        QVERIFY2(err.contains(QStringLiteral("--init")) && err.contains(QStringLiteral("suite-small")), qPrintable(err));
    }
};

QTEST_GUILESS_MAIN(TestPretraining)
#include "test_pretraining.moc"

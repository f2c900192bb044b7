// A study that saves adapters, end to end as a user runs it: `study run` on a spec with "save_adapters",
// then `model merge` of one cell's adapter into its base. The merged folder, and the base with the adapter
// loaded unmerged, must give the finetuned cell's own answers on its evaluation items (the per-item choices
// the study stored), and logits that differ from the base's.

// libtorch headers before Qt's (this target builds with QT_NO_KEYWORDS too).
#include "eval/multiple_choice_evaluator.h"
#include "model/adapter_files.h"
#include "model/chat_prompt.h"
#include "model/checkpoint_format.h"
#include "model/nanovlm_checkpoint.h"
#include "model/runtime.h"
#include "model/safetensors.h"
#include "model/vlm_presets.h"

#include "common/resource_locator.h"
#include "store/study_store.h"
#include "study/pretrain_data.h"
#include "tasks/task_registry.h"
#include "tasks/task_source.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace ts;

namespace {

QString runCli(const QStringList &args, int *exitCode)
{
    QProcess p;
    p.start(QStringLiteral(TRANSFERSCOPE_CLI), args);
    p.waitForFinished(300000);
    *exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
}

std::vector<VlmExample> evalItems(const QString &task, int n)
{
    tasks::ProceduralSource source(tasks::requireTask(task), tasks::Split::Val, 0, -1, 64, n);
    std::vector<VlmExample> out;
    for (int i = 0; i < source.size(); ++i)
        out.push_back(toVlmExample(source.at(i)));
    return out;
}

EvalResult evaluate(VisionLanguageModelImpl &model, const std::vector<VlmExample> &items)
{
    const BpeTokenizer tok = BpeTokenizer::fromFile(resourcePath(QStringLiteral("tokenizer/tokenizer.json")).toStdString());
    const ChatPrompt prompt(tok, model.config());
    return evaluateMultipleChoice(model, prompt, items, EvalOptions{});
}

double maxLogitDiff(const EvalResult &a, const EvalResult &b)
{
    double d = 0;
    for (size_t i = 0; i < a.items.size(); ++i)
        for (size_t o = 0; o < a.items[i].optionLogits.size(); ++o)
            d = std::max(d, double(std::abs(a.items[i].optionLogits[o] - b.items[i].optionLogits[o])));
    return d;
}

} // namespace

class TestStudyAdapters : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void savedAdapterReproducesTheFinetunedCell()
    {
        QTemporaryDir tmp;
        const QString base = tmp.filePath(QStringLiteral("base"));
        {
            const VlmPreset p = vlmPreset("suite-tiny");
            seedEverything(3);
            VisionLanguageModel m(p.config, p.init_std);
            saveNanoVlmFolder(*m, base.toStdString());
        }
        const int items = 24;
        const QJsonObject spec{
            {QStringLiteral("name"), QStringLiteral("adapters")},
            {QStringLiteral("models"), QJsonArray{QJsonObject{{QStringLiteral("checkpoint"), base}, {QStringLiteral("name"), QStringLiteral("tiny")}}}},
            {QStringLiteral("tasks"), QJsonObject{{QStringLiteral("CO"), QStringLiteral("both")}, {QStringLiteral("JS"), QStringLiteral("target")}}},
            {QStringLiteral("control"), false},
            {QStringLiteral("train"), QJsonObject{{QStringLiteral("steps"), 8}, {QStringLiteral("batch"), 4}, {QStringLiteral("examples"), 32},
                                                  {QStringLiteral("warmup_steps"), 1}, {QStringLiteral("learning_rate"), 0.01},
                                                  {QStringLiteral("save_adapters"), true}}},
            {QStringLiteral("eval"), QJsonObject{{QStringLiteral("items"), items}, {QStringLiteral("batch"), 8}}},
            {QStringLiteral("threads"), 1}};
        const QString specFile = tmp.filePath(QStringLiteral("spec.json"));
        QFile f(specFile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QJsonDocument(spec).toJson());
        f.close();

        const QString study = tmp.filePath(QStringLiteral("study"));
        int rc = 0;
        QString out = runCli({QStringLiteral("study"), QStringLiteral("run"), specFile, QStringLiteral("--out"), study}, &rc);
        QVERIFY2(rc == 0, qPrintable(out));
        const QString cellId = QStringLiteral("finetune__tiny__Counting__seed0");
        const QString adapter = QDir(study).filePath(QStringLiteral("adapters/") + cellId);
        for (const char *file : {"adapter_model.safetensors", "adapter_config.json", "transferscope_adapter.safetensors"})
            QVERIFY2(QFile::exists(QDir(adapter).filePath(QLatin1String(file))), file);
        QVERIFY(!QFile::exists(QDir(study).filePath(QStringLiteral("adapters/base__tiny__-__seed0")))); // base cells train nothing
        const QJsonObject peft = QJsonDocument::fromJson([&] {
                                     QFile c(QDir(adapter).filePath(QStringLiteral("adapter_config.json")));
                                     c.open(QIODevice::ReadOnly);
                                     return c.readAll();
                                 }()).object();
        QCOMPARE(peft.value(QStringLiteral("r")).toInt(), 8);
        QCOMPARE(peft.value(QStringLiteral("modules_to_save")).toArray(), QJsonArray{QStringLiteral("MP.proj")}); // the connector trains
        const SafetensorsFile own = readSafetensors(QDir(adapter).filePath(QStringLiteral("transferscope_adapter.safetensors")).toStdString());
        QCOMPARE(QString::fromStdString(own.metadata.at("provenance.cell")), cellId);

        const QString merged = tmp.filePath(QStringLiteral("merged"));
        out = runCli({QStringLiteral("model"), QStringLiteral("merge"), base, QStringLiteral("--adapter"), adapter, QStringLiteral("--out"), merged}, &rc);
        QVERIFY2(rc == 0, qPrintable(out));

        const StudyContents data = StudyStore(study).load();
        const CellRecord *cell = nullptr;
        for (const CellRecord &c : data.cells)
            if (c.cellId() == cellId)
                cell = &c;
        QVERIFY(cell);
        VisionLanguageModel plain = loadCheckpointFolder(base.toStdString());
        VisionLanguageModel withAdapter = loadCheckpointFolder(base.toStdString());
        importAdapter(*withAdapter, adapter.toStdString(), CheckpointFormat::NanoVlm);
        VisionLanguageModel mergedModel = loadCheckpointFolder(merged.toStdString());
        for (const TaskEvaluation &e : cell->evals) {
            const std::vector<VlmExample> val = evalItems(e.task, items);
            const EvalResult b = evaluate(*plain, val), a = evaluate(*withAdapter, val), m = evaluate(*mergedModel, val);
            QVERIFY2(maxLogitDiff(a, b) > 1e-3, qPrintable(e.task)); // the adapter changes the model
            QVERIFY2(maxLogitDiff(a, m) < 1e-4, qPrintable(e.task)); // merging changes nothing
            for (size_t i = 0; i < val.size(); ++i) {
                QCOMPARE(a.items[i].chosen, int(e.chosen[i]));
                QCOMPARE(m.items[i].chosen, int(e.chosen[i]));
            }
        }
    }

    void adapterErrorsNameTheFileAndKey()
    {
        QTemporaryDir tmp;
        const VlmPreset p = vlmPreset("micro-test");
        VisionLanguageModel m(p.config, p.init_std);
        LoraConfig lc;
        applyLora(*m, lc);
        const QString dir = tmp.filePath(QStringLiteral("a"));
        exportPeftAdapter(*m, lc, dir.toStdString());

        auto errorOf = [&](const QString &folder) {
            VisionLanguageModel fresh(p.config, p.init_std);
            try {
                importAdapter(*fresh, folder.toStdString(), CheckpointFormat::NanoVlm);
            } catch (const std::exception &e) {
                return QString::fromStdString(e.what());
            }
            return QString();
        };
        QVERIFY(errorOf(dir).isEmpty());

        // A tensor for a module the model does not have.
        SafetensorsFile f = readSafetensors((dir + QStringLiteral("/adapter_model.safetensors")).toStdString());
        f.tensors["base_model.model.decoder.blocks.9.attn.q_proj.lora_A.weight"] = f.tensors.begin()->second;
        writeSafetensors((dir + QStringLiteral("/adapter_model.safetensors")).toStdString(), f.tensors);
        QString e = errorOf(dir);
        QVERIFY2(e.contains(QStringLiteral("adapter_model.safetensors")) && e.contains(QStringLiteral("blocks.9.attn.q_proj")), qPrintable(e));

        // A missing config, and a config without its rank.
        QFile::remove(dir + QStringLiteral("/adapter_config.json"));
        e = errorOf(dir);
        QVERIFY2(e.contains(QStringLiteral("adapter_config.json")), qPrintable(e));
        QFile c(dir + QStringLiteral("/adapter_config.json"));
        QVERIFY(c.open(QIODevice::WriteOnly));
        c.write(R"({"peft_type": "LORA", "lora_alpha": 16, "target_modules": ["q_proj"]})");
        c.close();
        e = errorOf(dir);
        QVERIFY2(e.contains(QStringLiteral("adapter_config.json")) && e.contains(QStringLiteral("field 'r'")), qPrintable(e));
    }
};

QTEST_GUILESS_MAIN(TestStudyAdapters)
#include "test_study_adapters.moc"

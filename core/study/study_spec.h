#pragma once
// A study spec: what to run (models × source tasks × seeds) and how (training and evaluation
// settings). Read from JSON (docs/study-spec.md); every problem in the file is reported, each as
// one line naming the file and the JSON field, before anything runs.

#include "common/input_error.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <stdexcept>
#include <vector>

namespace ts {

enum class TaskRole { Source, Target, Both, Unused };
QString taskRoleName(TaskRole role);

struct ModelEntry {
    QString name;       // label in tables and figures
    QString preset;     // a built-in preset, or
    QString checkpoint; // a checkpoint folder (nanoVLM or SmolVLM format)
    // Presets only: "pretrained" (the shipped base model, resources/models/<preset>) or "random"
    // (a fixed random initialisation: for smoke tests and benchmarks, never for findings).
    QString weights = QStringLiteral("pretrained");
};

// Items per split of one task in a BLINK-format folder (study/task_data.h counts them).
struct FolderTaskCounts {
    int train = 0, val = 0, test = 0;
    int forSplit(const QString &split) const; // "train", "val" or "test"
};

struct TaskEntry {
    QString task; // canonical name (TaskCatalog)
    TaskRole role = TaskRole::Both;
    // A BLINK-format folder the task's items come from (absolute); empty: the embedded generator.
    QString data{};
    FolderTaskCounts dataItems{}; // the folder's items of this task, counted when the spec is read
    bool isSource() const { return role == TaskRole::Source || role == TaskRole::Both; }
    bool isTarget() const { return role == TaskRole::Target || role == TaskRole::Both; }
};

struct TrainSettings {
    QString method = QStringLiteral("lora"); // "lora" or "full"
    int examples = 2000;  // training-set size per source task
    int steps = 150;
    int batch = 32;
    int gradAccumulation = 1;
    double learningRate = 2e-3;
    double connectorLearningRate = -1; // < 0: learning_rate; 0: the connector stays frozen
    int warmupSteps = 10;
    double weightDecay = 0.01;
    double gradClip = 1.0;
    int loraRank = 8;
    double loraAlpha = 16.0;
    double loraDropout = 0.0;
    QStringList loraTargets{QStringLiteral("q"), QStringLiteral("k"), QStringLiteral("v"), QStringLiteral("o"),
                            QStringLiteral("gate"), QStringLiteral("up"), QStringLiteral("down")};
    bool freezeVision = true;
    // Each LoRA finetune cell writes its adapter to <study>/adapters/<cell id>/ (PEFT + Transferscope forms).
    bool saveAdapters = false;
    // "bf16": training and evaluation forwards under bf16 autocast on CUDA (weights stay F32); "none".
    QString autocast = QStringLiteral("none");
};

struct EvalSettings {
    QString split = QStringLiteral("val");
    int items = 1000;          // per target task
    bool blinkSizes = false;   // use BLINK's val sizes instead of `items`
    QString scoring = QStringLiteral("option-logits"); // or "generate"
    int batch = 64;
};

struct StudySpec {
    QString name;
    QString description;
    std::vector<ModelEntry> models;
    std::vector<TaskEntry> tasks;
    std::vector<int> seeds{0};
    TrainSettings train;
    EvalSettings eval;
    bool control = true;     // a drift-control cell per model and seed
    int difficulty = -1;     // -1: each task's embedded default level
    QString device = QStringLiteral("auto"); // auto, cpu, cuda
    int threads = 0;         // libtorch threads per worker; 0: chosen with workers (study_parallelism.h)
    int workers = 0;         // cells run side by side; 0: automatic (study_parallelism.h)

    QStringList sourceTasks() const;
    const TaskEntry *taskEntry(const QString &task) const; // nullptr when the task is not in the spec
    QStringList targetTasks() const;
    QJsonObject toJson() const;
};

// All problems of one spec file, each an InputError (file + JSON field + message).
class SpecErrors : public std::runtime_error {
public:
    explicit SpecErrors(std::vector<InputError> errors);
    const std::vector<InputError> &errors() const { return m_errors; }

private:
    std::vector<InputError> m_errors;
};

struct SpecContext {
    QString file;            // for messages; also the base for relative checkpoint paths
    QStringList knownPresets; // the model presets this build offers
};

// Throws SpecErrors listing every problem.
StudySpec parseStudySpec(const QJsonObject &json, const SpecContext &context);
StudySpec readStudySpec(const QString &path, const QStringList &knownPresets);

} // namespace ts

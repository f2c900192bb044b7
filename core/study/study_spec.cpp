#include "study/study_spec.h"

#include "common/task_catalog.h"
#include "study/task_data.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <cmath>
#include <map>

namespace ts {

QString taskRoleName(TaskRole role)
{
    switch (role) {
    case TaskRole::Source: return QStringLiteral("source");
    case TaskRole::Target: return QStringLiteral("target");
    case TaskRole::Both: return QStringLiteral("both");
    case TaskRole::Unused: return QStringLiteral("unused");
    }
    return {};
}

SpecErrors::SpecErrors(std::vector<InputError> errors)
    : std::runtime_error(errors.empty() ? std::string("invalid study spec") : std::string(errors.front().what())),
      m_errors(std::move(errors))
{
}

namespace {

// Collects every problem instead of stopping at the first, so a user fixes a spec in one pass.
class SpecReader {
public:
    explicit SpecReader(const SpecContext &context) : m_context(context) {}

    void error(const QString &field, const QString &message) { m_errors.emplace_back(m_context.file, 0, field, message); }
    std::vector<InputError> takeErrors() { return std::move(m_errors); }
    const SpecContext &context() const { return m_context; }

    // Unknown keys are errors: a typo ("lerning_rate") must not silently fall back to a default.
    void checkKeys(const QJsonObject &obj, const QString &path, const QStringList &allowed)
    {
        for (auto it = obj.begin(); it != obj.end(); ++it) {
            if (!allowed.contains(it.key()))
                error(join(path, it.key()), QStringLiteral("unknown field (expected one of: %1)").arg(allowed.join(QStringLiteral(", "))));
        }
    }

    void readInt(const QJsonObject &obj, const QString &path, const QString &key, int &out, int min, int max)
    {
        if (!obj.contains(key))
            return;
        const QJsonValue v = obj.value(key);
        const double d = v.toDouble(std::nan(""));
        if (!v.isDouble() || std::floor(d) != d)
            error(join(path, key), QStringLiteral("expected an integer"));
        else if (d < min || d > max)
            error(join(path, key), QStringLiteral("expected an integer from %1 to %2, got %3").arg(min).arg(max).arg(d));
        else
            out = int(d);
    }

    void readDouble(const QJsonObject &obj, const QString &path, const QString &key, double &out, double min, double max)
    {
        if (!obj.contains(key))
            return;
        const QJsonValue v = obj.value(key);
        if (!v.isDouble() || !std::isfinite(v.toDouble()))
            error(join(path, key), QStringLiteral("expected a number"));
        else if (v.toDouble() < min || v.toDouble() > max)
            error(join(path, key), QStringLiteral("expected a number from %1 to %2, got %3").arg(min).arg(max).arg(v.toDouble()));
        else
            out = v.toDouble();
    }

    void readBool(const QJsonObject &obj, const QString &path, const QString &key, bool &out)
    {
        if (!obj.contains(key))
            return;
        if (!obj.value(key).isBool())
            error(join(path, key), QStringLiteral("expected true or false"));
        else
            out = obj.value(key).toBool();
    }

    void readChoice(const QJsonObject &obj, const QString &path, const QString &key, QString &out, const QStringList &choices)
    {
        if (!obj.contains(key))
            return;
        const QString s = obj.value(key).toString();
        if (!choices.contains(s))
            error(join(path, key), QStringLiteral("expected one of %1").arg(choices.join(QStringLiteral(", "))));
        else
            out = s;
    }

    static QString join(const QString &path, const QString &key) { return path.isEmpty() ? key : path + QLatin1Char('.') + key; }

private:
    const SpecContext &m_context;
    std::vector<InputError> m_errors;
};

std::vector<ModelEntry> readModels(SpecReader &r, const QJsonValue &value)
{
    std::vector<ModelEntry> models;
    if (!value.isArray() || value.toArray().isEmpty()) {
        r.error(QStringLiteral("models"), QStringLiteral("expected a non-empty list of models (preset names or {\"checkpoint\": folder})"));
        return models;
    }
    const QJsonArray arr = value.toArray();
    QSet<QString> names;
    for (int i = 0; i < arr.size(); ++i) {
        const QString path = QStringLiteral("models[%1]").arg(i);
        ModelEntry m;
        if (arr[i].isString()) {
            m.preset = arr[i].toString();
        } else if (arr[i].isObject()) {
            const QJsonObject o = arr[i].toObject();
            r.checkKeys(o, path, {QStringLiteral("preset"), QStringLiteral("checkpoint"), QStringLiteral("name"), QStringLiteral("weights")});
            r.readChoice(o, path, QStringLiteral("weights"), m.weights, {QStringLiteral("pretrained"), QStringLiteral("random")});
            m.preset = o.value(QStringLiteral("preset")).toString();
            m.checkpoint = o.value(QStringLiteral("checkpoint")).toString();
            m.name = o.value(QStringLiteral("name")).toString();
            if (m.preset.isEmpty() == m.checkpoint.isEmpty()) {
                r.error(path, QStringLiteral("give exactly one of \"preset\" or \"checkpoint\""));
                continue;
            }
        } else {
            r.error(path, QStringLiteral("expected a preset name or an object"));
            continue;
        }
        if (!m.preset.isEmpty() && !r.context().knownPresets.contains(m.preset)) {
            r.error(path, QStringLiteral("unknown model preset '%1' (available: %2)")
                              .arg(m.preset, r.context().knownPresets.join(QStringLiteral(", "))));
            continue;
        }
        if (!m.checkpoint.isEmpty()) {
            const QString base = QFileInfo(r.context().file).absolutePath();
            m.checkpoint = QDir(base).absoluteFilePath(m.checkpoint);
            if (!QFileInfo(m.checkpoint).isDir())
                r.error(path + QStringLiteral(".checkpoint"), QStringLiteral("missing checkpoint folder '%1'").arg(m.checkpoint));
            else if (!QFileInfo::exists(QDir(m.checkpoint).filePath(QStringLiteral("config.json"))))
                r.error(path + QStringLiteral(".checkpoint"), QStringLiteral("'%1' has no config.json").arg(m.checkpoint));
        }
        if (m.name.isEmpty())
            m.name = m.preset.isEmpty() ? QFileInfo(m.checkpoint).fileName() : m.preset;
        if (names.contains(m.name)) {
            r.error(path, QStringLiteral("duplicate model name '%1' (give each a distinct \"name\")").arg(m.name));
            continue;
        }
        names.insert(m.name);
        models.push_back(m);
    }
    return models;
}

// Taskonomy-style roles: {"VS": "source", "CO": {"role": "target", "data": "blink/Counting"}}. A
// role object may name a BLINK-format folder the task's items come from; `dataFields` gets, per task
// with a folder, its JSON field (checked once the evaluation split is known).
bool readRole(SpecReader &r, const QJsonValue &value, const QString &path, TaskEntry &entry)
{
    QString role = value.toString();
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        r.checkKeys(o, path, {QStringLiteral("role"), QStringLiteral("data")});
        role = o.value(QStringLiteral("role")).toString(QStringLiteral("both"));
        if (o.contains(QStringLiteral("data"))) {
            const QString folder = o.value(QStringLiteral("data")).toString();
            if (folder.isEmpty())
                r.error(path + QStringLiteral(".data"), QStringLiteral("expected the path of a BLINK-format folder"));
            else
                entry.data = QDir(QFileInfo(r.context().file).absolutePath()).absoluteFilePath(folder);
        }
    }
    for (TaskRole candidate : {TaskRole::Source, TaskRole::Target, TaskRole::Both, TaskRole::Unused}) {
        if (taskRoleName(candidate) == role) {
            entry.role = candidate;
            return true;
        }
    }
    r.error(value.isObject() ? path + QStringLiteral(".role") : path, QStringLiteral("expected a role: source, target, both or unused"));
    return false;
}

std::vector<TaskEntry> readTasks(SpecReader &r, const QJsonValue &value, std::map<QString, QString> &dataFields)
{
    std::vector<TaskEntry> tasks;
    auto canonical = [&](const QString &name, const QString &path) -> QString {
        const auto idx = TaskCatalog::find(name);
        if (!idx) {
            r.error(path, QStringLiteral("unknown task '%1' (expected one of %2)").arg(name, TaskCatalog::abbreviations().join(QStringLiteral(", "))));
            return {};
        }
        return TaskCatalog::blinkTasks()[size_t(*idx)].name;
    };
    if (value.isUndefined() || value.toString() == QLatin1String("all")) {
        for (const QString &n : TaskCatalog::names())
            tasks.push_back({n, TaskRole::Both});
    } else if (value.isArray()) {
        const QJsonArray arr = value.toArray();
        for (int i = 0; i < arr.size(); ++i) {
            const QString n = canonical(arr[i].toString(), QStringLiteral("tasks[%1]").arg(i));
            if (!n.isEmpty())
                tasks.push_back({n, TaskRole::Both});
        }
    } else if (value.isObject()) {
        // Taskonomy-style roles: {"VS": "source", "CO": "target", …}; tasks not listed are unused.
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            const QString path = QStringLiteral("tasks.") + it.key();
            const QString n = canonical(it.key(), path);
            TaskEntry entry{n, TaskRole::Unused};
            if (readRole(r, it.value(), path, entry) && !n.isEmpty() && entry.role != TaskRole::Unused) {
                if (!entry.data.isEmpty())
                    dataFields[n] = path + QStringLiteral(".data");
                tasks.push_back(entry);
            }
        }
    } else {
        r.error(QStringLiteral("tasks"), QStringLiteral("expected \"all\", a list of tasks, or an object of task roles"));
    }
    QSet<QString> seen;
    for (const TaskEntry &t : tasks) {
        if (seen.contains(t.task))
            r.error(QStringLiteral("tasks"), QStringLiteral("task '%1' is listed twice").arg(t.task));
        seen.insert(t.task);
    }
    return tasks;
}

} // namespace

StudySpec parseStudySpec(const QJsonObject &json, const SpecContext &context)
{
    SpecReader r(context);
    StudySpec spec;
    r.checkKeys(json, {}, {QStringLiteral("name"), QStringLiteral("description"), QStringLiteral("models"), QStringLiteral("tasks"),
                           QStringLiteral("seeds"), QStringLiteral("train"), QStringLiteral("eval"), QStringLiteral("control"),
                           QStringLiteral("difficulty"), QStringLiteral("device"), QStringLiteral("threads"),
                           QStringLiteral("workers")});
    spec.name = json.value(QStringLiteral("name")).toString(QFileInfo(context.file).completeBaseName());
    spec.description = json.value(QStringLiteral("description")).toString();
    spec.models = readModels(r, json.value(QStringLiteral("models")));
    std::map<QString, QString> dataFields; // task → "tasks.CO.data"
    spec.tasks = readTasks(r, json.value(QStringLiteral("tasks")), dataFields);

    if (json.contains(QStringLiteral("seeds"))) {
        spec.seeds.clear();
        const QJsonArray seeds = json.value(QStringLiteral("seeds")).toArray();
        if (seeds.isEmpty())
            r.error(QStringLiteral("seeds"), QStringLiteral("expected a non-empty list of non-negative integers"));
        for (int i = 0; i < seeds.size(); ++i) {
            const double d = seeds[i].toDouble(-1);
            if (!seeds[i].isDouble() || d < 0 || std::floor(d) != d || d > 1e9)
                r.error(QStringLiteral("seeds[%1]").arg(i), QStringLiteral("expected a non-negative integer"));
            else if (std::find(spec.seeds.begin(), spec.seeds.end(), int(d)) != spec.seeds.end())
                r.error(QStringLiteral("seeds[%1]").arg(i), QStringLiteral("seed %1 is listed twice").arg(int(d)));
            else
                spec.seeds.push_back(int(d));
        }
    }

    const QJsonObject train = json.value(QStringLiteral("train")).toObject();
    const QString tp = QStringLiteral("train");
    r.checkKeys(train, tp, {QStringLiteral("method"), QStringLiteral("examples"), QStringLiteral("steps"), QStringLiteral("batch"),
                            QStringLiteral("grad_accumulation"), QStringLiteral("learning_rate"), QStringLiteral("warmup_steps"),
                            QStringLiteral("connector_learning_rate"),
                            QStringLiteral("weight_decay"), QStringLiteral("grad_clip"), QStringLiteral("lora"),
                            QStringLiteral("freeze_vision"), QStringLiteral("save_adapters"), QStringLiteral("autocast")});
    TrainSettings &t = spec.train;
    r.readChoice(train, tp, QStringLiteral("method"), t.method, {QStringLiteral("lora"), QStringLiteral("full")});
    r.readInt(train, tp, QStringLiteral("examples"), t.examples, 1, 10'000'000);
    r.readInt(train, tp, QStringLiteral("steps"), t.steps, 1, 10'000'000);
    r.readInt(train, tp, QStringLiteral("batch"), t.batch, 1, 4096);
    r.readInt(train, tp, QStringLiteral("grad_accumulation"), t.gradAccumulation, 1, 1024);
    r.readDouble(train, tp, QStringLiteral("learning_rate"), t.learningRate, 1e-9, 1.0);
    r.readDouble(train, tp, QStringLiteral("connector_learning_rate"), t.connectorLearningRate, 0.0, 1.0);
    r.readInt(train, tp, QStringLiteral("warmup_steps"), t.warmupSteps, 0, 10'000'000);
    r.readDouble(train, tp, QStringLiteral("weight_decay"), t.weightDecay, 0.0, 10.0);
    r.readDouble(train, tp, QStringLiteral("grad_clip"), t.gradClip, 0.0, 1e6);
    r.readBool(train, tp, QStringLiteral("freeze_vision"), t.freezeVision);
    r.readBool(train, tp, QStringLiteral("save_adapters"), t.saveAdapters);
    r.readChoice(train, tp, QStringLiteral("autocast"), t.autocast, {QStringLiteral("none"), QStringLiteral("bf16")});
    if (t.saveAdapters && t.method != QLatin1String("lora"))
        r.error(QStringLiteral("train.save_adapters"), QStringLiteral("adapters exist only with \"method\": \"lora\""));
    if (t.warmupSteps > t.steps)
        r.error(QStringLiteral("train.warmup_steps"), QStringLiteral("warm-up (%1) is longer than training (%2 steps)").arg(t.warmupSteps).arg(t.steps));
    const QJsonObject lora = train.value(QStringLiteral("lora")).toObject();
    const QString lp = QStringLiteral("train.lora");
    r.checkKeys(lora, lp, {QStringLiteral("rank"), QStringLiteral("alpha"), QStringLiteral("dropout"), QStringLiteral("targets")});
    r.readInt(lora, lp, QStringLiteral("rank"), t.loraRank, 1, 1024);
    r.readDouble(lora, lp, QStringLiteral("alpha"), t.loraAlpha, 1e-6, 1e6);
    r.readDouble(lora, lp, QStringLiteral("dropout"), t.loraDropout, 0.0, 0.99);
    if (lora.contains(QStringLiteral("targets"))) {
        const QStringList allowed{QStringLiteral("q"), QStringLiteral("k"), QStringLiteral("v"), QStringLiteral("o"),
                                  QStringLiteral("gate"), QStringLiteral("up"), QStringLiteral("down")};
        t.loraTargets.clear();
        for (const QJsonValue &v : lora.value(QStringLiteral("targets")).toArray()) {
            if (!allowed.contains(v.toString()))
                r.error(lp + QStringLiteral(".targets"), QStringLiteral("unknown target module '%1' (expected %2)").arg(v.toString(), allowed.join(QStringLiteral(", "))));
            else
                t.loraTargets << v.toString();
        }
        if (t.loraTargets.isEmpty())
            r.error(lp + QStringLiteral(".targets"), QStringLiteral("expected at least one target module"));
    }

    const QJsonObject eval = json.value(QStringLiteral("eval")).toObject();
    const QString ep = QStringLiteral("eval");
    r.checkKeys(eval, ep, {QStringLiteral("split"), QStringLiteral("items"), QStringLiteral("blink_sizes"), QStringLiteral("scoring"), QStringLiteral("batch")});
    r.readChoice(eval, ep, QStringLiteral("split"), spec.eval.split, {QStringLiteral("val"), QStringLiteral("test")});
    r.readInt(eval, ep, QStringLiteral("items"), spec.eval.items, 1, 1'000'000);
    r.readBool(eval, ep, QStringLiteral("blink_sizes"), spec.eval.blinkSizes);
    r.readChoice(eval, ep, QStringLiteral("scoring"), spec.eval.scoring, {QStringLiteral("option-logits"), QStringLiteral("generate")});
    r.readInt(eval, ep, QStringLiteral("batch"), spec.eval.batch, 1, 4096);

    r.readBool(json, {}, QStringLiteral("control"), spec.control);
    r.readInt(json, {}, QStringLiteral("difficulty"), spec.difficulty, -1, 3);
    r.readChoice(json, {}, QStringLiteral("device"), spec.device, {QStringLiteral("auto"), QStringLiteral("cpu"), QStringLiteral("cuda")});
    r.readInt(json, {}, QStringLiteral("threads"), spec.threads, 0, 1024);
    r.readInt(json, {}, QStringLiteral("workers"), spec.workers, 0, 256);
    if (spec.train.autocast != QLatin1String("none") && spec.device == QLatin1String("cpu"))
        r.error(QStringLiteral("train.autocast"), QStringLiteral("bf16 autocast runs on CUDA only; with \"device\": \"cpu\" use \"none\""));

    // Task data from BLINK-format folders: imported now, so that a bad row is named before anything runs.
    for (TaskEntry &t : spec.tasks) {
        if (t.data.isEmpty())
            continue;
        const QString problem = taskDataProblem(t.data, t.task, t.role, spec.eval.split);
        if (!problem.isEmpty()) {
            r.error(dataFields[t.task], problem);
            continue;
        }
        t.dataItems = summarizeBlinkFolder(t.data).at(t.task);
    }

    if (!spec.tasks.empty() && spec.sourceTasks().isEmpty())
        r.error(QStringLiteral("tasks"), QStringLiteral("no task has the role source or both: nothing to finetune on"));
    if (!spec.tasks.empty() && spec.targetTasks().isEmpty())
        r.error(QStringLiteral("tasks"), QStringLiteral("no task has the role target or both: nothing to evaluate on"));

    std::vector<InputError> errors = r.takeErrors();
    if (!errors.empty())
        throw SpecErrors(std::move(errors));
    return spec;
}

StudySpec readStudySpec(const QString &path, const QStringList &knownPresets)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        throw SpecErrors({InputError(path, 0, {}, QStringLiteral("cannot read the study spec: %1").arg(f.errorString()))});
    const QByteArray bytes = f.readAll();
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError) {
        const int line = int(bytes.left(error.offset).count('\n')) + 1;
        throw SpecErrors({InputError(path, line, {}, QStringLiteral("invalid JSON: %1").arg(error.errorString()))});
    }
    if (!doc.isObject())
        throw SpecErrors({InputError(path, 1, {}, QStringLiteral("expected a JSON object"))});
    return parseStudySpec(doc.object(), SpecContext{path, knownPresets});
}

QStringList StudySpec::sourceTasks() const
{
    QStringList out;
    for (const TaskEntry &t : tasks) {
        if (t.isSource())
            out << t.task;
    }
    return out;
}

const TaskEntry *StudySpec::taskEntry(const QString &task) const
{
    for (const TaskEntry &t : tasks) {
        if (t.task == task)
            return &t;
    }
    return nullptr;
}

QStringList StudySpec::targetTasks() const
{
    QStringList out;
    for (const TaskEntry &t : tasks) {
        if (t.isTarget())
            out << t.task;
    }
    return out;
}

QJsonObject StudySpec::toJson() const
{
    QJsonArray modelArr;
    for (const ModelEntry &m : models) {
        QJsonObject o{{QStringLiteral("name"), m.name}};
        if (!m.preset.isEmpty()) {
            o.insert(QStringLiteral("preset"), m.preset);
            o.insert(QStringLiteral("weights"), m.weights);
        } else {
            o.insert(QStringLiteral("checkpoint"), m.checkpoint);
        }
        modelArr.append(o);
    }
    QJsonObject taskObj;
    for (const TaskEntry &t : tasks) {
        if (t.data.isEmpty())
            taskObj.insert(t.task, taskRoleName(t.role));
        else
            taskObj.insert(t.task, QJsonObject{{QStringLiteral("role"), taskRoleName(t.role)}, {QStringLiteral("data"), t.data}});
    }
    QJsonArray seedArr;
    for (int s : seeds)
        seedArr.append(s);
    const QJsonObject loraObj{{QStringLiteral("rank"), train.loraRank}, {QStringLiteral("alpha"), train.loraAlpha},
                              {QStringLiteral("dropout"), train.loraDropout},
                              {QStringLiteral("targets"), QJsonArray::fromStringList(train.loraTargets)}};
    QJsonObject trainObj{{QStringLiteral("method"), train.method}, {QStringLiteral("examples"), train.examples},
                         {QStringLiteral("steps"), train.steps}, {QStringLiteral("batch"), train.batch},
                         {QStringLiteral("grad_accumulation"), train.gradAccumulation},
                         {QStringLiteral("learning_rate"), train.learningRate},
                         {QStringLiteral("warmup_steps"), train.warmupSteps},
                         {QStringLiteral("weight_decay"), train.weightDecay}, {QStringLiteral("grad_clip"), train.gradClip},
                         {QStringLiteral("freeze_vision"), train.freezeVision}, {QStringLiteral("lora"), loraObj},
                         {QStringLiteral("save_adapters"), train.saveAdapters}, {QStringLiteral("autocast"), train.autocast}};
    if (train.connectorLearningRate >= 0) // written only when set, so the specs of earlier studies read back unchanged
        trainObj.insert(QStringLiteral("connector_learning_rate"), train.connectorLearningRate);
    const QJsonObject evalObj{{QStringLiteral("split"), eval.split}, {QStringLiteral("items"), eval.items},
                              {QStringLiteral("blink_sizes"), eval.blinkSizes}, {QStringLiteral("scoring"), eval.scoring},
                              {QStringLiteral("batch"), eval.batch}};
    return QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("description"), description},
                       {QStringLiteral("models"), modelArr}, {QStringLiteral("tasks"), taskObj},
                       {QStringLiteral("seeds"), seedArr}, {QStringLiteral("train"), trainObj},
                       {QStringLiteral("eval"), evalObj}, {QStringLiteral("control"), control},
                       {QStringLiteral("difficulty"), difficulty}, {QStringLiteral("device"), device},
                       {QStringLiteral("threads"), threads}, {QStringLiteral("workers"), workers}};
}

} // namespace ts

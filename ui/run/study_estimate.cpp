#include "ui/run/study_estimate.h"

#include "model/checkpoint_format.h"

#include "common/task_catalog.h"
#include "model/vlm_presets.h"
#include "store/study_store.h"
#include "study/study_plan.h"
#include "study/torch_cell_executor.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QStorageInfo>
#include <cmath>

namespace ts::ui {

namespace {

// Planner work units (evaluation-item equivalents) per second, 1 thread, from docs/vlm.md's table
// (items/s with the cached vision features). Rough on purpose: the estimate guides choices.
double workPerSecond(const StudySpec &spec, const QString &model)
{
    for (const ModelEntry &m : spec.models) {
        if (m.name != model)
            continue;
        if (m.preset == QLatin1String("suite-tiny"))
            return 1700;
        if (m.preset == QLatin1String("suite-base"))
            return 650;
    }
    return 780;
}

// A cell writes a few hundred KB; checkpoints of a stopped cell a few MB. Ask for a margin.
constexpr qint64 kBytesPerCell = 2 * 1024 * 1024;

} // namespace

double estimateStudySeconds(const StudySpec &spec)
{
    const std::vector<PlannedCell> plan = planStudy(spec);
    if (plan.empty())
        return std::nan("");
    double seconds = 0;
    for (const PlannedCell &cell : plan)
        seconds += cellWork(cell, spec.train.batch) / workPerSecond(spec, cell.model);
    return seconds;
}

QString formatDuration(double seconds)
{
    if (!std::isfinite(seconds))
        return QCoreApplication::translate("StudyEstimate", "–");
    if (seconds < 90)
        return QCoreApplication::translate("StudyEstimate", "about %1 s").arg(int(std::ceil(seconds)));
    if (seconds < 5400)
        return QCoreApplication::translate("StudyEstimate", "about %1 min").arg(int(std::ceil(seconds / 60)));
    return QCoreApplication::translate("StudyEstimate", "about %1 h").arg(seconds / 3600, 0, 'f', 1);
}

QString checkpointFolderSummary(const QString &folder)
{
    try {
        const CheckpointInfo info = inspectCheckpointFolder(folder.toStdString());
        return QCoreApplication::translate("StudyEstimate", "%1 · %2 M parameters · ~%3 GiB to finetune")
            .arg(QString::fromStdString(info.description))
            .arg(double(info.parameters) / 1e6, 0, 'f', 1)
            .arg(double(info.memory.totalBytes()) / double(1LL << 30), 0, 'f', 2);
    } catch (const std::exception &e) {
        return QString::fromUtf8(e.what());
    }
}

QStringList checkpointFolderProblems(const QString &folder)
{
    StudySpec probe;
    probe.tasks = {{TaskCatalog::blinkTasks().front().name, TaskRole::Both}};
    QJsonObject json = probe.toJson();
    json.insert(QStringLiteral("models"),
                QJsonArray{QJsonObject{{QStringLiteral("name"), QDir(folder).dirName()}, {QStringLiteral("checkpoint"), folder}}});
    QStringList presets;
    for (const std::string &name : presetNames())
        presets << QString::fromStdString(name);
    try {
        return TorchCellExecutor::preflight(parseStudySpec(json, {QString(), presets}));
    } catch (const SpecErrors &e) {
        QStringList problems;
        for (const InputError &error : e.errors())
            problems << error.describe();
        return problems;
    } catch (const std::exception &e) {
        return {QString::fromUtf8(e.what())};
    }
}

QStringList preflightProblems(const StudySpec &spec, const QString &studyDir)
{
    QStringList problems = TorchCellExecutor::preflight(spec);
    if (studyDir.isEmpty()) {
        problems << QCoreApplication::translate("StudyEstimate", "Choose an output folder for the study.");
        return problems;
    }
    if (QFileInfo::exists(studyDir) && !QDir(studyDir).isEmpty() && !StudyStore::isStudyFolder(studyDir))
        problems << QCoreApplication::translate("StudyEstimate", "%1 exists and is not a study folder; choose an empty or new folder.").arg(studyDir);
    // The nearest existing ancestor tells where the study will be written.
    QFileInfo parent(studyDir);
    while (!parent.exists() && parent.absoluteFilePath() != parent.absolutePath())
        parent = QFileInfo(parent.absolutePath());
    if (!parent.isWritable())
        problems << QCoreApplication::translate("StudyEstimate", "%1 is not writable.").arg(parent.absoluteFilePath());
    const QStorageInfo storage(parent.absoluteFilePath());
    const qint64 needed = qint64(planStudy(spec).size()) * kBytesPerCell;
    if (storage.isValid() && storage.bytesAvailable() < needed)
        problems << QCoreApplication::translate("StudyEstimate", "Only %1 MB free on %2; the study needs about %3 MB.")
                        .arg(storage.bytesAvailable() / (1024 * 1024))
                        .arg(storage.rootPath())
                        .arg(needed / (1024 * 1024));
    return problems;
}

} // namespace ts::ui

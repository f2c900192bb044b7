#include "ui/study/study_loader.h"

#include "analysis/accuracy_table_reader.h"
#include "analysis/transfer_table_loader.h"
#include "common/task_catalog.h"
#include "store/study_store.h"
#include "study/study_analysis.h"

#include <QFileInfo>
#include <cmath>
#include <limits>
#include <map>

namespace ts::ui {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

struct MeanAccumulator {
    double sum = 0;
    int n = 0;
    double mean() const { return n > 0 ? sum / n : kNaN; }
};

// Base and self-finetuned accuracy per task of one model, from the accuracy records.
void fillAccuracies(ModelStudy &study, const std::vector<AccuracyRecord> &records)
{
    const TransferMatrix &m = study.matrix();
    const auto &catalog = TaskCatalog::blinkTasks();
    std::map<int, MeanAccumulator> base, self;
    for (const AccuracyRecord &r : records) {
        if (r.model != m.model())
            continue;
        const int target = m.taskIndex(catalog[std::size_t(r.target)].name);
        if (target < 0)
            continue;
        if (r.source < 0) {
            base[target].sum += r.accuracy();
            ++base[target].n;
        } else if (r.source == r.target) {
            self[target].sum += r.accuracy();
            ++self[target].n;
        }
    }
    study.baseAccuracy.assign(std::size_t(m.taskCount()), kNaN);
    study.selfAccuracy.assign(std::size_t(m.taskCount()), kNaN);
    for (int t = 0; t < m.taskCount(); ++t) {
        study.baseAccuracy[std::size_t(t)] = base[t].mean();
        study.selfAccuracy[std::size_t(t)] = self[t].mean();
    }
    study.hasAccuracies = !base.empty();
}

// Base and self-finetuned accuracies from the stored cells: the base evaluation of the model, and
// the finetune cells whose source is also the target (mean over seeds).
void fillCellAccuracies(ModelStudy &study, const StudyContents &contents)
{
    const TransferMatrix &m = study.matrix();
    std::map<int, MeanAccumulator> base, self;
    for (const CellRecord &cell : contents.cells) {
        if (cell.model != m.model() || (cell.kind != CellKind::Base && cell.kind != CellKind::Finetune))
            continue;
        for (const TaskEvaluation &e : cell.evals) {
            const int target = m.taskIndex(e.task);
            const double acc = e.accuracy();
            if (target < 0 || std::isnan(acc))
                continue;
            if (cell.kind == CellKind::Base) {
                base[target].sum += acc;
                ++base[target].n;
            } else if (m.taskIndex(cell.source) == target) {
                self[target].sum += acc;
                ++self[target].n;
            }
        }
    }
    for (int t = 0; t < m.taskCount(); ++t) {
        study.baseAccuracy[std::size_t(t)] = base[t].mean();
        study.selfAccuracy[std::size_t(t)] = self[t].mean();
    }
    study.hasAccuracies = !base.empty();
}

std::vector<ModelStudy> loadStudyStore(const QString &path, const AnalysisOptions &options)
{
    const QFileInfo info(path);
    StudyContents contents;
    if (info.isDir()) {
        if (!StudyStore::isStudyFolder(path))
            throw UnsupportedStudyError(path);
        contents = StudyStore(path).load();
    } else {
        if (!info.exists())
            throw UnsupportedStudyError(path);
        contents = readStudyHdf5(path);
    }
    std::vector<ModelStudy> out;
    for (const TransferMatrix &m : studyTransferMatrices(contents, path)) {
        out.push_back(StudyLoader::analyse(m, path, options));
        fillCellAccuracies(out.back(), contents);
    }
    return out;
}

} // namespace

bool StudyLoader::isStudyStore(const QString &path)
{
    const QFileInfo info(path);
    const QString suffix = info.suffix().toLower();
    return info.isDir() || suffix == QLatin1String("h5") || suffix == QLatin1String("hdf5");
}

ModelStudy StudyLoader::analyse(const TransferMatrix &matrix, const QString &path, const AnalysisOptions &options)
{
    ModelStudy study;
    study.analysis = analyzeModel(matrix, options);
    study.sourcePath = path;
    study.baseAccuracy.assign(std::size_t(matrix.taskCount()), kNaN);
    study.selfAccuracy.assign(std::size_t(matrix.taskCount()), kNaN);
    return study;
}

std::vector<ModelStudy> StudyLoader::load(const QString &path, const AnalysisOptions &options)
{
    if (isStudyStore(path))
        return loadStudyStore(path, options);
    const TransferTableFormat format = detectTransferTableFormat(path);
    std::vector<ModelStudy> out;
    for (const TransferMatrix &m : loadTransferMatrices(path))
        out.push_back(analyse(m, path, options));
    if (format == TransferTableFormat::AccuracyTable) {
        const std::vector<AccuracyRecord> records = readAccuracyRecords(path);
        for (ModelStudy &s : out)
            fillAccuracies(s, records);
    }
    return out;
}

} // namespace ts::ui

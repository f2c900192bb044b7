#pragma once
// A study on disk: a folder with the spec and one HDF5 file per completed cell.
//
//   STUDY/spec.json             the study spec as it was run
//   STUDY/cells/<cell id>.h5    one completed cell each (written atomically)
//   STUDY/writer.lock           held by the one process that writes (QLockFile, stale-lock aware)
//
// Per-cell files are what makes a study robust: a killed run loses at most the cell in progress,
// readers can open a study that is still running, and one damaged file is named and skipped while
// the rest stays readable.

#include "store/cell_record.h"

#include <QJsonObject>
#include <QLockFile>
#include <QString>
#include <QStringList>
#include <memory>
#include <vector>

namespace ts {

struct StoreProblem {
    QString file;
    QString message;
};

struct StudyContents {
    QJsonObject spec;
    std::vector<CellRecord> cells;
    std::vector<StoreProblem> problems; // unreadable cell files, each named
};

// One row of the accuracy table the analysis reads (model, run, source or "base", target, correct, total).
// Base rows have run "*": the one base evaluation serves every run.
struct AccuracyRow {
    QString model;
    QString run;
    QString source; // "base" for the base model's evaluation
    QString target;
    int correct = 0;
    int total = 0;
};

class StudyStore {
public:
    explicit StudyStore(QString dir);

    // Creates the folder and writes spec.json; refuses a folder that already holds another spec.
    static StudyStore create(const QString &dir, const QJsonObject &spec);
    static bool isStudyFolder(const QString &dir);

    const QString &dir() const { return m_dir; }
    QString cellPath(const QString &cellId) const;
    QJsonObject spec() const;

    QStringList completedCellIds() const;
    bool hasCell(const QString &cellId) const;
    void writeCell(const CellRecord &cell) const;
    StudyContents load() const;

private:
    QString m_dir;
};

// Held for the lifetime of a writing run. Throws ts::InputError if another live process holds it.
class StudyWriterLock {
public:
    explicit StudyWriterLock(const StudyStore &store);
    ~StudyWriterLock();

private:
    std::unique_ptr<QLockFile> m_lock;
};

std::vector<AccuracyRow> accuracyRows(const StudyContents &study);
void writeAccuracyCsv(const std::vector<AccuracyRow> &rows, const QString &path);

// The whole study in one HDF5 file: /@spec (JSON) and /cells/<cell id>/ (the per-cell layout).
void exportStudyHdf5(const StudyContents &study, const QString &path);
StudyContents readStudyHdf5(const QString &path);

} // namespace ts

#pragma once
// Turns files the user opens into ModelStudy values: the authors' PGF tables and accuracy tables
// through the core readers, and Transferscope studies (a study folder, running or finished, or an
// exported .h5) through the study store; one ModelStudy per model.

#include "ui/study/model_study.h"

#include <stdexcept>
#include <vector>

namespace ts::ui {

// A folder that is not a study folder (no spec.json + cells/), or an .h5 path that does not exist.
class UnsupportedStudyError : public std::runtime_error {
public:
    explicit UnsupportedStudyError(const QString &path)
        : std::runtime_error(path.toStdString()), m_path(path) {}
    const QString &path() const { return m_path; }

private:
    QString m_path;
};

class StudyLoader {
public:
    // True for a directory or a .h5/.hdf5 file.
    static bool isStudyStore(const QString &path);
    // Throws ts::InputError for a bad table or store (also a study with no completed cell yet) and
    // UnsupportedStudyError for a folder that is no study.
    static std::vector<ModelStudy> load(const QString &path, const AnalysisOptions &options);
    static ModelStudy analyse(const TransferMatrix &matrix, const QString &path, const AnalysisOptions &options);
};

} // namespace ts::ui

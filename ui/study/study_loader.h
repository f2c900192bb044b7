#pragma once
// Turns files the user opens into ModelStudy values: the authors' PGF tables and accuracy tables
// through the core readers, one ModelStudy per model in the file.

#include "ui/study/model_study.h"

#include <stdexcept>
#include <vector>

namespace ts::ui {

// A study folder or an .h5 store: recognised, but read only once the HDF5 store exists.
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
    // True for a directory or a .h5/.hdf5 file (the study store of a later release).
    static bool isStudyStore(const QString &path);
    // Throws ts::InputError for a bad table and UnsupportedStudyError for a study store.
    static std::vector<ModelStudy> load(const QString &path, const AnalysisOptions &options);
    static ModelStudy analyse(const TransferMatrix &matrix, const QString &path, const AnalysisOptions &options);
};

} // namespace ts::ui

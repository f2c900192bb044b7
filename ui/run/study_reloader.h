#pragma once
// Reloads a study folder for the exploration views without blocking the UI thread: reading every
// cell file and analysing the matrices runs on the thread pool, and only the finished ModelStudy
// values are handed to the UI thread. Requests that arrive while a load runs collapse into one
// more load afterwards, so a burst of completed cells costs at most two loads.

#include "analysis/model_analysis.h"
#include "ui/study/model_study.h"

#include <QObject>
#include <QString>
#include <vector>

namespace ts::ui {

class StudyReloader : public QObject {
    Q_OBJECT
public:
    explicit StudyReloader(QObject *parent = nullptr);

    void reload(const QString &studyDir, const AnalysisOptions &options);
    bool isLoading() const { return m_loading; }

Q_SIGNALS:
    void loaded(const QString &studyDir, std::vector<ts::ui::ModelStudy> models);

private:
    void startLoad();

    bool m_loading = false;
    bool m_pending = false;
    QString m_dir;
    AnalysisOptions m_options;
};

} // namespace ts::ui

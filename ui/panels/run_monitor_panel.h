#pragma once
// The run monitor: the cells of a study with their state and ETA, the live curves of running and
// finished cells, and Stop and keep / Abort / Resume. Everything it shows comes from the study
// folder and the progress protocol, never from the workbench's memory of having started the run,
// so it attaches equally to a study it launched, one started from the CLI, and a finished one.

#include "ui/run/curve_store.h"
#include "ui/run/study_process.h"

#include <QElapsedTimer>
#include <QSet>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSlider;
class QTableView;

namespace ts::ui {

class CellGridModel;
class CurvePlot;
class ProgressLogFollower;
class StudyFolderWatcher;

class RunMonitorPanel : public QWidget {
    Q_OBJECT
public:
    explicit RunMonitorPanel(QWidget *parent = nullptr);

    // Starts `study run SPEC --out DIR` in a child process and follows it.
    bool runStudy(const QString &specPath, const QString &studyDir);
    // Shows a study folder (running elsewhere, stopped, crashed or finished) and follows its store.
    // Returns false with a message when the folder is no study.
    bool attach(const QString &studyDir);
    // `study resume` on the shown folder.
    bool resume();
    void stopAndKeep();
    void abort();

    StudyProcess *process() const { return m_process; }
    CellGridModel *cellModel() const { return m_cells; }
    const CurveStore &curves() const { return m_curves; }
    CurvePlot *curvePlot() const { return m_plot; }
    QString studyDir() const { return m_studyDir; }
    QString message() const;
    StudyProcess::Outcome lastOutcome() const { return m_lastOutcome; }
    // Whether the shown study runs in another process whose progress log this panel follows.
    bool isFollowingAnotherProcess() const;

Q_SIGNALS:
    // New cells are in the store: the exploration views should reload the study.
    void cellsCompleted(const QString &studyDir);
    void runFinished(ts::ui::StudyProcess::Outcome outcome, const QString &message);

private:
    void buildControls();
    void fitGridColumns();
    void loadPlan(const QString &studyDir);
    void loadStoredCurves(const QStringList &cellIds);
    void onEvent(const StudyEvent &event);
    void onFollowedEvent(const StudyEvent &event);
    // The process this panel followed released the study: what it left is what the store holds.
    void onOtherProcessEnded();
    void onFinished(StudyProcess::Outcome outcome, const QString &message);
    void onStoreCells(const QStringList &cellIds);
    void setMessage(const QString &text, bool problem);
    void updateOverall();
    void updateButtons();

    StudyProcess *m_process;
    StudyFolderWatcher *m_watcher;
    ProgressLogFollower *m_follower;
    QSet<QString> m_storedCurves; // cells whose curve was read from the store (a followed log repeats them)
    CellGridModel *m_cells;
    CurveStore m_curves;
    CurvePlot *m_plot;
    QTableView *m_table;
    QLabel *m_title;
    QLabel *m_message;
    QProgressBar *m_overall;
    QPushButton *m_attachButton;
    QPushButton *m_stopButton;
    QPushButton *m_abortButton;
    QPushButton *m_resumeButton;
    QComboBox *m_metric;
    QComboBox *m_axis;
    QSlider *m_smoothing;
    QCheckBox *m_raw;
    QPlainTextEdit *m_log;
    QString m_studyDir;
    QElapsedTimer m_studyClock;
    double m_etaSeconds = -1;
    StudyProcess::Outcome m_lastOutcome = StudyProcess::Outcome::Completed;
};

} // namespace ts::ui

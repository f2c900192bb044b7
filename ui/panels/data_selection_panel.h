#pragma once
// PGF-guided data selection from the workbench: pick a target, τ and the mixture size, see the
// mixture PGF proposes next to a random one, run the study engine's experiment (`study select` in a
// child process) and read the four arms (PGF-guided, random, direct, base) with 95 % intervals.

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace ts::ui {

class StudyProcess;

class DataSelectionPanel : public QWidget {
    Q_OBJECT
public:
    explicit DataSelectionPanel(QWidget *parent = nullptr);

    // The study the experiment runs on (the run monitor's folder).
    void setStudyDir(const QString &dir);
    void setTarget(const QString &task);
    void setThreshold(double tau);
    // Training examples per mixture (the experiment's `--examples`); setStudyDir resets it to the
    // study's train.examples.
    void setMixtureExamples(int examples);
    int mixtureExamples() const;
    // Fills the two mixture tables; false (with a message) when the study has no matrix yet.
    bool propose();
    bool runExperiment();
    // Reads the four arms from the store into the results table.
    bool showResults();

    QTableWidget *guidedTable() const { return m_guided; }
    QTableWidget *randomTable() const { return m_random; }
    QTableWidget *resultsTable() const { return m_results; }
    StudyProcess *process() const { return m_process; }
    QString message() const;

Q_SIGNALS:
    void experimentFinished(bool ok);

private:
    QString m_dir;
    StudyProcess *m_process;
    QLabel *m_study;
    QComboBox *m_target;
    QDoubleSpinBox *m_threshold;
    QSpinBox *m_size;
    QSpinBox *m_examples;
    QTableWidget *m_guided;
    QTableWidget *m_random;
    QTableWidget *m_results;
    QLabel *m_message;
    QPushButton *m_run;
};

} // namespace ts::ui

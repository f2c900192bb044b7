#pragma once
// The study spec as a form, in the spirit of LlamaBoard's launch form: models (the presets and
// checkpoint folders, each folder validated when added), the suite's tasks each with a role, a
// sample preview and where its items come from (embedded, or an imported BLINK-format folder), hyper-parameters with the spec's defaults and the advanced ones folded away,
// seeds and device. spec() and setSpec() convert exactly, so a saved file reloads into the same form.

#include "study/study_spec.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QSpinBox;
class QTableWidget;
class QVBoxLayout;

namespace ts::ui {

class SetupForm : public QWidget {
    Q_OBJECT
public:
    static const QStringList &presets(); // the three study presets, smallest first

    explicit SetupForm(QWidget *parent = nullptr);

    StudySpec spec() const;
    void setSpec(const StudySpec &spec);

    // Test and automation hooks, the same as a user's clicks.
    void setPresetChecked(const QString &preset, bool checked);
    void setWeights(const QString &weights);
    void setTaskRole(const QString &task, TaskRole role);
    // Adds a checkpoint folder if it validates; returns the problems otherwise (also shown next to the field).
    QStringList addCheckpoint(const QString &folder);
    QString checkpointProblems() const;
    // Takes the items of the suite tasks a BLINK-format folder holds from it (checked at once as the
    // spec reader checks it: every row, a train split for a source); returns the problems otherwise
    // (also shown next to the task list). A task that was unused becomes "both" (or "target" when
    // the folder has no train split).
    QStringList addBlinkFolder(const QString &folder);
    QString taskDataProblems() const;
    QString taskData(const QString &task) const; // the folder a task's items come from; empty: embedded
    void clearTaskData(const QString &task);
    // CUDA is offered only when the linked libtorch has a CUDA device.
    bool cudaOffered() const;

Q_SIGNALS:
    void changed();

private:
    void addCheckpointItem(const QString &folder);
    QWidget *buildModels();
    QWidget *buildTasks();
    QWidget *buildTraining();
    QWidget *buildAdvanced();
    void showPreview(int row);
    TaskRole roleAt(int row) const;
    int rowOf(const QString &task) const;
    void setTaskDataAt(int row, const QString &folder);
    void chooseBlinkFolder();

    QLineEdit *m_name;
    QList<QCheckBox *> m_presetBoxes;
    QComboBox *m_weights;
    QListWidget *m_checkpoints;
    QLabel *m_checkpointErrors;
    QTableWidget *m_tasks;
    QLabel *m_taskDataErrors;
    QVBoxLayout *m_preview;
    QSpinBox *m_steps, *m_batch, *m_examples, *m_evalItems;
    QDoubleSpinBox *m_learningRate;
    QLineEdit *m_seeds;
    QComboBox *m_device;
    QGroupBox *m_advanced;
    QComboBox *m_method, *m_scoring;
    QSpinBox *m_warmup, *m_gradAccumulation, *m_loraRank, *m_evalBatch, *m_difficulty, *m_threads;
    QDoubleSpinBox *m_weightDecay, *m_gradClip, *m_loraAlpha;
    QCheckBox *m_control, *m_freezeVision, *m_saveAdapters, *m_bf16Autocast;
    StudySpec m_base; // fields the form does not show survive a load/save round trip
};

} // namespace ts::ui

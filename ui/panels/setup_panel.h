#pragma once
// Setting up a study: the spec form, where the study goes, the estimate of its time, the exact
// command line, save/load of the spec file, the pre-flight check, and Start (which hands the
// written spec to the run monitor; the training runs in a transferscope-cli child process).

#include "study/study_spec.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace ts::ui {

class SetupForm;

class SetupPanel : public QWidget {
    Q_OBJECT
public:
    explicit SetupPanel(QWidget *parent = nullptr);

    SetupForm *form() const { return m_form; }
    void setStudyDir(const QString &dir);
    QString studyDir() const;
    // Where Start writes the spec: the file last saved or loaded, else "<study folder>.spec.json".
    QString specPath() const;
    // The exact command Start runs.
    QString command() const;

    bool saveSpec(const QString &path);
    bool loadSpec(const QString &path);
    // Spec problems (every field) and the pre-flight's; shown in the panel.
    QStringList check();
    QString estimateText() const;
    QString problemsText() const;

public Q_SLOTS:
    // Checks, writes the spec and asks the run monitor to start; false when a check fails.
    bool start();

Q_SIGNALS:
    void startRequested(const QString &specPath, const QString &studyDir);

private:
    QStringList specProblems(StudySpec *parsed) const;
    void updateSummary();
    void showProblems(const QStringList &problems);

    SetupForm *m_form;
    QLineEdit *m_studyDir;
    QLineEdit *m_command;
    QLabel *m_estimate;
    QLabel *m_problems;
    QPushButton *m_start;
    QString m_specPath;
};

} // namespace ts::ui

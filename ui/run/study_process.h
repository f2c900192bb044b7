#pragma once
// A study trained by a transferscope-cli child process: the workbench's UI thread never runs a
// training step, and a crash in training cannot take the window down. Reads the child's progress
// protocol as it arrives and turns it into signals; maps the exit into an outcome with a message
// a user can act on (what happened, what is safe, what Resume will do).

#include "study/study_events.h"
#include "ui/run/progress_line_parser.h"

#include <QObject>
#include <QProcess>
#include <QString>

namespace ts::ui {

class StudyProcess : public QObject {
    Q_OBJECT
public:
    enum class Outcome { Completed, Stopped, FailedCells, Aborted, Crashed, Error };
    Q_ENUM(Outcome)

    explicit StudyProcess(QObject *parent = nullptr);
    ~StudyProcess() override;

    // The CLI to start; defaults to locateTransferscopeCli().
    void setProgram(const QString &program) { m_program = program; }
    QString program() const { return m_program; }

    // Each returns false (and emits finished(Error, …)) when a study is already running or the CLI
    // is missing.
    bool startRun(const QString &specPath, const QString &studyDir);
    bool startResume(const QString &studyDir);
    // examples: training examples per mixture (0: the study's train.examples).
    bool startSelect(const QString &studyDir, const QString &target, double threshold, int examples = 0);

    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    const QString &studyDir() const { return m_studyDir; }
    qint64 processId() const { return m_process.processId(); }
    // The CLI's stderr and any non-protocol output, last lines kept for error messages.
    const QStringList &logTail() const { return m_logTail; }

    // Finish the current step, keep its checkpoint, end the study resumable (SIGINT).
    void stopAndKeep();
    // Stop at once: the cell in progress is lost, completed cells are safe (second SIGINT, then kill).
    void abort();

    static QString outcomeName(Outcome outcome);

Q_SIGNALS:
    void started(const QString &studyDir);
    void studyEvent(const ts::StudyEvent &event);
    void logLine(const QString &line);
    void finished(ts::ui::StudyProcess::Outcome outcome, const QString &message);

private:
    bool start(const QStringList &arguments, const QString &studyDir);
    void readOutput();
    void readErrors();
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void appendLog(const QString &line);
    void sendInterrupt();

    QProcess m_process;
    ProgressLineParser m_parser;
    QString m_program;
    QString m_studyDir;
    QStringList m_logTail;
    QString m_failureMessage; // from the study_finished event, when there was one
    int m_interrupts = 0;
    bool m_sawFinish = false;
};

} // namespace ts::ui

#include "ui/run/study_process.h"

#include "ui/run/cli_locator.h"

#include <QFileInfo>
#include <QTimer>
#include <csignal>
#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace ts::ui {

namespace {
constexpr int kLogTailLines = 200;
constexpr int kKillAfterMs = 5000; // an abort that the child ignores ends with SIGKILL
constexpr int kChildNiceness = 10;
} // namespace

StudyProcess::StudyProcess(QObject *parent) : QObject(parent), m_program(locateTransferscopeCli())
{
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
#ifdef Q_OS_UNIX
    // The training child takes every core; at a lower priority it still gets them all while the desktop is
    // idle, but the workbench's UI thread runs first when it wakes (live curves, the grid, the views), so a
    // busy machine does not turn into a stalled window. Throughput is unchanged when nothing else runs.
    m_process.setChildProcessModifier([] { (void)::nice(kChildNiceness); });
#endif
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &StudyProcess::readOutput);
    connect(&m_process, &QProcess::readyReadStandardError, this, &StudyProcess::readErrors);
    connect(&m_process, &QProcess::finished, this, &StudyProcess::onFinished);
    connect(&m_process, &QProcess::started, this, [this] { Q_EMIT started(m_studyDir); });
    connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            Q_EMIT finished(Outcome::Error, tr("Could not start %1: %2").arg(m_program, m_process.errorString()));
    });
}

StudyProcess::~StudyProcess()
{
    // Closing the window must not orphan a training process that keeps the writer lock: stop it
    // the resumable way and give it a moment, then make sure it is gone.
    if (isRunning()) {
        sendInterrupt();
        if (!m_process.waitForFinished(3000))
            m_process.kill();
        m_process.waitForFinished(1000);
    }
}

QString StudyProcess::outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Completed: return tr("completed");
    case Outcome::Stopped: return tr("stopped");
    case Outcome::FailedCells: return tr("failed cells");
    case Outcome::Aborted: return tr("aborted");
    case Outcome::Crashed: return tr("crashed");
    case Outcome::Error: return tr("error");
    }
    return {};
}

bool StudyProcess::startRun(const QString &specPath, const QString &studyDir)
{
    return start({QStringLiteral("study"), QStringLiteral("run"), specPath, QStringLiteral("--out"), studyDir,
                  QStringLiteral("--progress"), QStringLiteral("json")},
                 studyDir);
}

bool StudyProcess::startResume(const QString &studyDir)
{
    return start({QStringLiteral("study"), QStringLiteral("resume"), studyDir, QStringLiteral("--progress"), QStringLiteral("json")},
                 studyDir);
}

bool StudyProcess::startSelect(const QString &studyDir, const QString &target, double threshold, int examples)
{
    QStringList arguments{QStringLiteral("study"), QStringLiteral("select"), studyDir, QStringLiteral("--target"), target,
                          QStringLiteral("--threshold"), QString::number(threshold)};
    if (examples > 0)
        arguments << QStringLiteral("--examples") << QString::number(examples);
    return start(arguments, studyDir);
}

bool StudyProcess::start(const QStringList &arguments, const QString &studyDir)
{
    if (isRunning()) {
        Q_EMIT finished(Outcome::Error, tr("A study is already running in this window."));
        return false;
    }
    if (m_program.isEmpty() || !QFileInfo(m_program).isExecutable()) {
        Q_EMIT finished(Outcome::Error, tr("transferscope-cli was not found next to the workbench; it runs the training."));
        return false;
    }
    m_parser = ProgressLineParser();
    m_studyDir = QFileInfo(studyDir).absoluteFilePath();
    m_logTail.clear();
    m_failureMessage.clear();
    m_interrupts = 0;
    m_sawFinish = false;
    // No waitForStarted: forking a process that maps libtorch can take tens of milliseconds, which
    // the UI thread would spend blocked. A failed start arrives through errorOccurred.
    m_process.start(m_program, arguments);
    return m_process.state() != QProcess::NotRunning;
}

void StudyProcess::sendInterrupt()
{
    const qint64 pid = m_process.processId();
    if (pid > 0)
        ::kill(pid_t(pid), SIGINT);
    ++m_interrupts;
}

void StudyProcess::stopAndKeep()
{
    if (isRunning() && m_interrupts == 0)
        sendInterrupt();
}

void StudyProcess::abort()
{
    if (!isRunning())
        return;
    // The CLI aborts on its second interrupt; the two must arrive separately (pending signals of one
    // kind merge), hence the short gap.
    if (m_interrupts == 0)
        sendInterrupt();
    QTimer::singleShot(100, this, [this] {
        if (isRunning() && m_interrupts < 2)
            sendInterrupt();
    });
    QTimer::singleShot(kKillAfterMs, this, [this] {
        if (isRunning())
            m_process.kill();
    });
}

void StudyProcess::readOutput()
{
    const ProgressLineParser::Result r = m_parser.feed(m_process.readAllStandardOutput());
    for (const QString &line : r.otherLines)
        appendLog(line);
    for (const StudyEvent &e : r.events) {
        if (e.type == StudyEvent::Type::StudyFinished) {
            m_sawFinish = true;
            m_failureMessage = e.message;
        }
        Q_EMIT studyEvent(e);
    }
}

void StudyProcess::readErrors()
{
    const QString text = QString::fromUtf8(m_process.readAllStandardError());
    for (const QString &line : text.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        appendLog(line);
}

void StudyProcess::appendLog(const QString &line)
{
    m_logTail << line;
    while (m_logTail.size() > kLogTailLines)
        m_logTail.removeFirst();
    Q_EMIT logLine(line);
}

void StudyProcess::onFinished(int exitCode, QProcess::ExitStatus status)
{
    readOutput();
    readErrors();
    const QString lastError = m_logTail.isEmpty() ? QString() : m_logTail.last();
    Outcome outcome = Outcome::Completed;
    QString message;
    if (status == QProcess::CrashExit && m_interrupts >= 2) {
        outcome = Outcome::Aborted;
        message = tr("Aborted. The cell in progress is lost; completed cells are safe. Resume continues at the first missing cell.");
    } else if (status == QProcess::CrashExit) {
        outcome = Outcome::Crashed;
        // On Unix QProcess reports the terminating signal as the exit code of a crashed child.
        message = tr("The training process crashed (signal %1); completed cells are safe. Resume continues at the first missing cell.")
                      .arg(exitCode);
    } else if (exitCode == 0) {
        message = tr("The study completed.");
    } else if (exitCode == 3) {
        outcome = Outcome::Stopped;
        message = tr("Stopped and kept: the last step's state is saved. Resume continues where it stopped.");
    } else if (exitCode == 4) {
        outcome = Outcome::FailedCells;
        message = tr("Some cells failed (%1); the others are stored. Resume retries the failed cells.")
                      .arg(m_failureMessage.isEmpty() ? tr("see failures.jsonl") : m_failureMessage);
    } else if (exitCode == 130) {
        outcome = Outcome::Aborted;
        message = tr("Aborted. The cell in progress is lost; completed cells are safe. Resume continues at the first missing cell.");
    } else {
        outcome = Outcome::Error;
        message = tr("transferscope-cli ended with code %1: %2").arg(exitCode).arg(lastError.isEmpty() ? tr("no message") : lastError);
    }
    Q_EMIT finished(outcome, message);
}

} // namespace ts::ui

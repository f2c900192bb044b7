#include "ui/panels/run_monitor_panel.h"
#include "study/known_presets.h"

#include "store/cell_file.h"
#include "store/study_store.h"
#include "study/study_plan.h"
#include "study/study_spec.h"
#include "ui/run/cell_grid_model.h"
#include "ui/run/curve_plot.h"
#include "ui/run/progress_log_follower.h"
#include "ui/run/smoothing.h"
#include "ui/run/study_folder_watcher.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSlider>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

namespace ts::ui {

namespace {

QString clockText(double seconds)
{
    if (!(seconds >= 0))
        return QStringLiteral("?");
    const int s = int(seconds + 0.5);
    return QStringLiteral("%1:%2:%3").arg(s / 3600).arg(s / 60 % 60, 2, 10, QLatin1Char('0')).arg(s % 60, 2, 10, QLatin1Char('0'));
}

double meanAccuracy(const QJsonObject &accuracies)
{
    double sum = 0;
    int n = 0;
    for (auto it = accuracies.begin(); it != accuracies.end(); ++it) {
        sum += it.value().toDouble();
        ++n;
    }
    return n ? sum / n : std::nan("");
}

} // namespace

RunMonitorPanel::RunMonitorPanel(QWidget *parent)
    : QWidget(parent), m_process(new StudyProcess(this)), m_watcher(new StudyFolderWatcher(this)),
      m_follower(new ProgressLogFollower(this)),
      m_cells(new CellGridModel(this)), m_plot(new CurvePlot(&m_curves, this)), m_table(new QTableView(this)),
      m_title(new QLabel(this)), m_message(new QLabel(this)), m_overall(new QProgressBar(this)),
      m_attachButton(new QPushButton(tr("Open study folder…"), this)), m_stopButton(new QPushButton(tr("Stop and keep"), this)),
      m_abortButton(new QPushButton(tr("Abort"), this)), m_resumeButton(new QPushButton(tr("Resume"), this)),
      m_metric(new QComboBox(this)), m_axis(new QComboBox(this)), m_smoothing(new QSlider(Qt::Horizontal, this)),
      m_raw(new QCheckBox(tr("Raw"), this)), m_log(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("RunMonitorPanel"));
    buildControls();
    connect(m_process, &StudyProcess::studyEvent, this, &RunMonitorPanel::onEvent);
    connect(m_process, &StudyProcess::finished, this, &RunMonitorPanel::onFinished);
    connect(m_process, &StudyProcess::logLine, m_log, &QPlainTextEdit::appendPlainText);
    connect(m_watcher, &StudyFolderWatcher::cellsCompleted, this, &RunMonitorPanel::onStoreCells);
    connect(m_follower, &ProgressLogFollower::studyEvent, this, &RunMonitorPanel::onFollowedEvent);
    // Elapsed and ETA columns tick once a second without any event.
    auto *tick = new QTimer(this);
    connect(tick, &QTimer::timeout, this, [this] {
        if (m_follower->isFollowing() && !StudyFolderWatcher::isBeingWritten(m_studyDir))
            onOtherProcessEnded();
        const QStringList running = m_cells->runningCells();
        if (m_process->isRunning() || !running.isEmpty()) {
            for (const QString &id : running) {
                const int row = m_cells->rowOf(id);
                Q_EMIT m_cells->dataChanged(m_cells->index(row, CellGridModel::ElapsedColumn), m_cells->index(row, CellGridModel::EtaColumn));
            }
            updateOverall();
        }
    });
    tick->start(1000);
    updateButtons();
    setMessage(tr("No study. Start one from Setup, or open a study folder (one started from the CLI, stopped or finished)."), false);
}

void RunMonitorPanel::buildControls()
{
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setWordWrap(true);
    m_overall->setTextVisible(true);
    m_stopButton->setToolTip(tr("Finish the current training step, keep its checkpoint and end the study resumable"));
    m_abortButton->setToolTip(tr("Stop at once: the cell in progress is lost; completed cells stay stored"));
    m_resumeButton->setToolTip(tr("Continue a stopped or crashed study at the first missing cell"));
    connect(m_attachButton, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Open study folder"));
        if (!dir.isEmpty())
            attach(dir);
    });
    connect(m_stopButton, &QPushButton::clicked, this, &RunMonitorPanel::stopAndKeep);
    connect(m_abortButton, &QPushButton::clicked, this, &RunMonitorPanel::abort);
    connect(m_resumeButton, &QPushButton::clicked, this, &RunMonitorPanel::resume);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_title, 1);
    for (QPushButton *b : {m_attachButton, m_stopButton, m_abortButton, m_resumeButton})
        buttons->addWidget(b);

    m_table->setModel(m_cells);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    // Not ResizeToContents: that re-measures every row of every column on each progress tick (a 13–19 ms
    // layout pass in transferscope_ui_stall_bench). Columns are fitted when rows come or go instead.
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(true);
    connect(m_cells, &QAbstractItemModel::modelReset, this, &RunMonitorPanel::fitGridColumns);
    connect(m_cells, &QAbstractItemModel::rowsInserted, this, &RunMonitorPanel::fitGridColumns);
    m_table->setAlternatingRowColors(true);
    // Selecting cells overlays just those; no selection shows every cell.
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        QStringList ids;
        for (const QModelIndex &i : m_table->selectionModel()->selectedRows())
            ids << m_cells->cellId(i.row());
        m_plot->setCells(ids);
    });

    m_metric->addItems({tr("Loss"), tr("Learning rate"), tr("Throughput"), tr("Evaluation accuracy")});
    m_axis->addItems({tr("Steps"), tr("Wall time")});
    m_smoothing->setRange(0, 99);
    m_smoothing->setValue(60);
    m_smoothing->setToolTip(smoothingDescription());
    m_smoothing->setMinimumWidth(90);
    m_raw->setChecked(true);
    m_raw->setToolTip(tr("Draw the unsmoothed series faintly under the smoothed line"));
    connect(m_metric, qOverload<int>(&QComboBox::currentIndexChanged), this, [this](int i) { m_plot->setMetric(PlotMetric(i)); });
    connect(m_axis, qOverload<int>(&QComboBox::currentIndexChanged), this, [this](int i) { m_plot->setAxis(CurveAxis(i)); });
    connect(m_smoothing, &QSlider::valueChanged, this, [this](int v) { m_plot->setSmoothing(v / 100.0); });
    connect(m_raw, &QCheckBox::toggled, m_plot, &CurvePlot::setShowRaw);
    auto *plotControls = new QHBoxLayout;
    plotControls->addWidget(m_metric);
    plotControls->addWidget(new QLabel(tr("x:"), this));
    plotControls->addWidget(m_axis);
    auto *smoothLabel = new QLabel(tr("Smoothing (debiased EMA):"), this);
    smoothLabel->setToolTip(smoothingDescription());
    plotControls->addWidget(smoothLabel);
    plotControls->addWidget(m_smoothing, 1);
    plotControls->addWidget(m_raw);

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addLayout(plotControls);
    rightLayout->addWidget(m_plot, 1);
    // Grid above the curves: a dock is often narrow, and the grid's state, progress and ETA
    // columns must stay visible.
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_table);
    split->addWidget(right);
    split->setStretchFactor(1, 1);
    split->setSizes({200, 500});

    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(300);
    m_log->setMaximumHeight(80);
    m_log->setPlaceholderText(tr("Messages of transferscope-cli"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_overall);
    layout->addWidget(m_message);
    layout->addWidget(split, 1);
    layout->addWidget(m_log);
}

void RunMonitorPanel::fitGridColumns()
{
    for (int c : {CellGridModel::KindColumn, CellGridModel::ModelColumn, CellGridModel::SourceColumn, CellGridModel::SeedColumn})
        m_table->resizeColumnToContents(c);
    // The live columns get the width of the widest text they can show, so they never need re-measuring.
    const QFontMetrics fm(m_table->font());
    const int padding = fm.horizontalAdvance(QLatin1Char('M')) * 2;
    auto fit = [&](int column, const QStringList &widest) {
        int w = m_table->horizontalHeader()->sectionSizeHint(column);
        for (const QString &text : widest)
            w = std::max(w, fm.horizontalAdvance(text) + padding);
        m_table->horizontalHeader()->resizeSection(column, w);
    };
    QStringList states;
    for (CellState s : {CellState::Queued, CellState::Running, CellState::Done, CellState::Failed, CellState::Stopped})
        states << CellGridModel::stateName(s);
    fit(CellGridModel::StateColumn, states);
    fit(CellGridModel::ProgressColumn, {QStringLiteral("train 100%"), QStringLiteral("eval 100%")});
    fit(CellGridModel::ElapsedColumn, {QStringLiteral("00:00:00")});
    fit(CellGridModel::EtaColumn, {QStringLiteral("00:00:00")});
}

QString RunMonitorPanel::message() const { return m_message->text(); }

void RunMonitorPanel::setMessage(const QString &text, bool problem)
{
    m_message->setText(text);
    m_message->setStyleSheet(problem ? QStringLiteral("color: #b01e1e; font-weight: bold;") : QString());
}

void RunMonitorPanel::loadPlan(const QString &studyDir)
{
    const StudyStore store(studyDir);
    std::vector<PlannedCell> plan;
    try {
        plan = planStudy(parseStudySpec(store.spec(), {QDir(studyDir).filePath(QStringLiteral("spec.json")), knownModelPresets()}));
    } catch (const std::exception &e) {
        setMessage(tr("The study's spec could not be read: %1").arg(QString::fromUtf8(e.what())), true);
    }
    const QStringList done = store.completedCellIds();
    m_cells->setPlan(plan, done);
    m_curves.clear();
    m_storedCurves.clear();
    loadStoredCurves(done);
}

void RunMonitorPanel::loadStoredCurves(const QStringList &cellIds)
{
    const StudyStore store(m_studyDir);
    for (const QString &id : cellIds) {
        try {
            const CellRecord cell = readCellFile(store.cellPath(id));
            if (cell.curve.size() > 0)
                m_curves.setStored(id, cell.curve);
            m_storedCurves.insert(id);
            const Provenance &p = cell.provenance;
            if (p.started.isValid() && p.finished.isValid())
                m_cells->setStoredDuration(id, p.started.msecsTo(p.finished) / 1000.0);
            double sum = 0;
            int n = 0;
            for (const TaskEvaluation &e : cell.evals)
                if (!std::isnan(e.accuracy())) {
                    sum += e.accuracy();
                    ++n;
                }
            if (n)
                m_curves.setMeanAccuracy(id, sum / n);
        } catch (const std::exception &e) {
            m_log->appendPlainText(tr("Could not read %1: %2").arg(id, QString::fromUtf8(e.what())));
        }
    }
    m_plot->scheduleReplot();
}

bool RunMonitorPanel::attach(const QString &studyDir)
{
    if (m_process->isRunning() && QFileInfo(studyDir).absoluteFilePath() != m_process->studyDir()) {
        setMessage(tr("A study is running from this window; stop it before opening another."), true);
        return false;
    }
    if (!StudyStore::isStudyFolder(studyDir)) {
        setMessage(tr("%1 is not a study folder (spec.json and cells/).").arg(studyDir), true);
        return false;
    }
    m_studyDir = QFileInfo(studyDir).absoluteFilePath();
    m_title->setText(QStringLiteral("<b>%1</b>").arg(QDir(m_studyDir).dirName().toHtmlEscaped()));
    m_title->setToolTip(m_studyDir);
    loadPlan(m_studyDir);
    m_watcher->watch(m_studyDir);
    m_etaSeconds = -1;
    m_follower->stop();
    if (!m_process->isRunning()) {
        const bool elsewhere = StudyFolderWatcher::isBeingWritten(m_studyDir);
        const int done = m_cells->count(CellState::Done), all = m_cells->rowCount();
        if (elsewhere) {
            setMessage(tr("Another process is running this study; following its progress log and store."), false);
            m_follower->follow(m_studyDir); // replays the run so far: running cells, their curves, the ETA
            // Show where the run is; one turn later, when the grid is laid out (also at start-up).
            QTimer::singleShot(0, this, [this] {
                if (const QStringList running = m_cells->runningCells(); !running.isEmpty())
                    m_table->scrollTo(m_cells->index(m_cells->rowOf(running.first()), 0), QAbstractItemView::PositionAtTop);
            });
        } else if (done < all) {
            setMessage(tr("%1 of %2 cells are stored. Resume continues at the first missing cell.").arg(done).arg(all), false);
        } else {
            setMessage(tr("The study is complete (%1 cells).").arg(all), false);
        }
    }
    updateOverall();
    updateButtons();
    return true;
}

bool RunMonitorPanel::runStudy(const QString &specPath, const QString &studyDir)
{
    m_follower->stop();
    m_log->clear();
    m_studyClock.start();
    if (!m_process->startRun(specPath, studyDir)) {
        updateButtons();
        return false;
    }
    // The CLI creates the folder before its first event; plan from the spec file meanwhile.
    m_studyDir = m_process->studyDir();
    m_title->setText(QStringLiteral("<b>%1</b>").arg(QDir(m_studyDir).dirName().toHtmlEscaped()));
    try {
        m_cells->setPlan(planStudy(readStudySpec(specPath, knownModelPresets())), {});
    } catch (const std::exception &) {
        m_cells->setPlan({}, {}); // the CLI reports the spec's problems itself
    }
    m_curves.clear();
    m_plot->scheduleReplot();
    setMessage(tr("Starting…"), false);
    updateButtons();
    return true;
}

bool RunMonitorPanel::resume()
{
    if (m_studyDir.isEmpty() || m_process->isRunning())
        return false;
    m_follower->stop();
    m_log->clear();
    m_studyClock.start();
    loadPlan(m_studyDir);
    if (!m_process->startResume(m_studyDir)) {
        updateButtons();
        return false;
    }
    m_watcher->watch(m_studyDir);
    setMessage(tr("Resuming…"), false);
    updateButtons();
    return true;
}

void RunMonitorPanel::stopAndKeep()
{
    m_process->stopAndKeep();
    setMessage(tr("Stopping: finishing the current step and keeping its checkpoint…"), false);
    updateButtons();
}

void RunMonitorPanel::abort()
{
    m_process->abort();
    setMessage(tr("Aborting…"), false);
    updateButtons();
}

void RunMonitorPanel::onEvent(const StudyEvent &e)
{
    using T = StudyEvent::Type;
    if (e.etaSeconds >= 0)
        m_etaSeconds = e.etaSeconds;
    m_cells->apply(e);
    switch (e.type) {
    case T::StudyStarted:
        if (m_watcher->studyDir() != m_studyDir)
            m_watcher->watch(m_studyDir);
        setMessage(tr("Running."), false);
        break;
    case T::Metric:
        m_curves.append(e.cellId, double(e.step), e.loss, e.lr, e.samplesPerSecond, e.wallSeconds);
        m_plot->scheduleReplot();
        return; // the overall bar changes with progress events, not with every step
    case T::CellFinished:
        m_curves.setMeanAccuracy(e.cellId, meanAccuracy(e.accuracies));
        m_plot->scheduleReplot();
        if (m_process->isRunning()) // a followed process's cells are announced by the store watcher
            Q_EMIT cellsCompleted(m_studyDir);
        break;
    case T::CellFailed:
        m_log->appendPlainText(tr("Cell %1 failed: %2").arg(e.cellId, e.message));
        break;
    default:
        break;
    }
    updateOverall();
}

bool RunMonitorPanel::isFollowingAnotherProcess() const
{
    return m_follower->isFollowing();
}

void RunMonitorPanel::onFollowedEvent(const StudyEvent &e)
{
    using T = StudyEvent::Type;
    if (e.type == T::Metric && m_storedCurves.contains(e.cellId))
        return; // the log repeats the steps of cells whose whole curve came from the store
    const int row = m_cells->rowOf(e.cellId);
    if ((e.type == T::CellStarted || e.type == T::CellProgress) && row >= 0 && m_cells->state(row) == CellState::Done)
        return; // replaying the log: a stored cell must not look running again
    if (e.type == T::StudyStarted) { // keeps the message that says whose run this is
        m_cells->apply(e);
        updateOverall();
        return;
    }
    if (e.type == T::StudyFinished) {
        m_etaSeconds = -1;
        setMessage(e.message.isEmpty() ? tr("The other process finished its run.") : e.message, false);
        updateOverall();
        return;
    }
    onEvent(e);
}

void RunMonitorPanel::onOtherProcessEnded()
{
    m_follower->poll(); // its last events
    m_follower->stop();
    m_cells->markInterrupted(CellState::Stopped);
    if (StudyStore::isStudyFolder(m_studyDir)) {
        QStringList unread; // the watcher read the others as they appeared
        for (const QString &id : StudyStore(m_studyDir).completedCellIds())
            if (!m_storedCurves.contains(id))
                unread << id;
        if (!unread.isEmpty())
            onStoreCells(unread);
    }
    const int done = m_cells->count(CellState::Done), all = m_cells->rowCount();
    m_etaSeconds = -1;
    if (done < all)
        setMessage(tr("The process running this study has ended: %1 of %2 cells are stored. Resume continues at the first missing cell.")
                       .arg(done).arg(all), false);
    else
        setMessage(tr("The study is complete (%1 cells).").arg(all), false);
    updateOverall();
    updateButtons();
}

void RunMonitorPanel::onStoreCells(const QStringList &cellIds)
{
    m_cells->markCompleted(cellIds);
    // Cells this window trains have their live curve and accuracy from the stream; reading the
    // cell files on the UI thread is only worth it for a study another process writes.
    if (!m_process->isRunning())
        loadStoredCurves(cellIds);
    updateOverall();
    if (!m_process->isRunning())
        Q_EMIT cellsCompleted(m_studyDir);
}

void RunMonitorPanel::onFinished(StudyProcess::Outcome outcome, const QString &message)
{
    m_lastOutcome = outcome;
    m_cells->markInterrupted(outcome == StudyProcess::Outcome::Stopped ? CellState::Stopped : CellState::Failed);
    if (!m_studyDir.isEmpty() && StudyStore::isStudyFolder(m_studyDir))
        m_cells->markCompleted(StudyStore(m_studyDir).completedCellIds());
    const bool problem = outcome == StudyProcess::Outcome::Crashed || outcome == StudyProcess::Outcome::Error
                         || outcome == StudyProcess::Outcome::FailedCells;
    setMessage(message, problem);
    m_etaSeconds = -1;
    updateOverall();
    updateButtons();
    Q_EMIT cellsCompleted(m_studyDir);
    Q_EMIT runFinished(outcome, message);
}

void RunMonitorPanel::updateOverall()
{
    const int all = m_cells->rowCount(), done = m_cells->count(CellState::Done);
    m_overall->setRange(0, std::max(all, 1));
    m_overall->setValue(done);
    if (m_process->isRunning())
        m_overall->setFormat(tr("Running %1/%2: %3 < %4").arg(done).arg(all).arg(clockText(m_studyClock.elapsed() / 1000.0), clockText(m_etaSeconds)));
    else if (m_follower->isFollowing())
        m_overall->setFormat(tr("Running in another process %1/%2, ETA %3").arg(done).arg(all).arg(clockText(m_etaSeconds)));
    else
        m_overall->setFormat(tr("%1/%2 cells stored").arg(done).arg(all));
}

void RunMonitorPanel::updateButtons()
{
    const bool running = m_process->isRunning();
    m_stopButton->setEnabled(running);
    m_abortButton->setEnabled(running);
    m_attachButton->setEnabled(!running);
    const bool incomplete = m_cells->count(CellState::Done) < m_cells->rowCount();
    m_resumeButton->setEnabled(!running && !m_studyDir.isEmpty() && incomplete
                               && !StudyFolderWatcher::isBeingWritten(m_studyDir));
}

} // namespace ts::ui

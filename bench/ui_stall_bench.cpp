// The longest stall of the workbench's UI thread while a study trains (goal: under 50 ms).
// The whole main window runs offscreen with the run monitor raised; a micro study trains in the
// transferscope-cli child; a 2 ms heartbeat timer measures how late the event loop serves it. Every
// cost the UI pays is in the measurement: parsing the progress stream, the coalesced replots of the
// live curves with smoothing and decimation, the grid, and the reload of the matrix and graph views
// from the study folder each time a cell completes.
//
//   transferscope_ui_stall_bench [--steps N] [--seeds K] [--no-views] [--suite]
//   transferscope_ui_stall_bench --reload STUDY_DIR
//   transferscope_ui_stall_bench --spec SPEC.json      (any study, e.g. the quick study: the real main job)
// --no-views leaves the exploration views alone (isolates the monitor's own cost).
// --suite runs the quick study's shape instead (3 presets × 13 tasks, random weights, few steps and items):
// every reload then carries 3 models × 13 tasks into the views, as a real study does.
// --reload times what a completed cell costs the UI thread on a real study (e.g. the quick study's
// 45 cells): the views' rebuild when the document takes the reloaded models, and the paint that follows,
// with the run monitor raised and with the matrix raised.
// Besides the wall-clock lateness it reports the UI thread's own CPU time between two heartbeats: the
// longest piece of work done in one go. On a loaded machine (the child's workers take both cores) the
// wall stall also counts the time the UI thread waited for a core; the CPU time does not.

#include "ui/main_window.h"
#include "ui/panels/run_monitor_panel.h"
#include "ui/run/curve_plot.h"
#include "ui/run/curve_store.h"
#include "ui/study/study_document.h"
#include "ui/study/study_loader.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTimer>
#include <algorithm>
#include <cmath>
#include <ctime>
#include <cstdio>
#include <vector>

using namespace ts::ui;

namespace {

qint64 threadCpuNs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

// Names what the UI thread was doing in its longest stretches: every top-level event delivery is timed
// (thread CPU time) and the slow ones are kept with their receiver and event type.
class TimingApplication : public QApplication {
public:
    using QApplication::QApplication;
    struct Slow {
        double ms;
        QString what;
        double at = 0; // seconds since the bench started, when the delivery ended
        double wallMs = 0;
    };
    QElapsedTimer *clock = nullptr;
    std::vector<Slow> slow;

    bool notify(QObject *receiver, QEvent *event) override
    {
        if (m_depth++ > 0) {
            const bool r = QApplication::notify(receiver, event);
            --m_depth;
            return r;
        }
        const qint64 c0 = threadCpuNs();
        const qint64 w0 = clock && clock->isValid() ? clock->nsecsElapsed() : 0;
        const int type = int(event->type());
        QString name = QString::fromLatin1(receiver->metaObject()->className()) + QLatin1Char('/') + receiver->objectName();
        for (QObject *p = receiver->parent(); p && name.count(QLatin1Char('<')) < 3; p = p->parent()) // which view it belongs to
            name += QStringLiteral(" < %1/%2").arg(QString::fromLatin1(p->metaObject()->className()), p->objectName());
        const bool r = QApplication::notify(receiver, event);
        --m_depth;
        const double ms = (threadCpuNs() - c0) / 1e6;
        const qint64 w1 = clock && clock->isValid() ? clock->nsecsElapsed() : 0;
        // Slow in CPU (work) or in wall time (blocked or waiting for a core inside the handler).
        if (ms > 2 || (w1 - w0) / 1e6 > 10)
            slow.push_back({ms, QStringLiteral("%1 event %2").arg(name).arg(type), w1 / 1e9, (w1 - w0) / 1e6});
        return r;
    }

private:
    int m_depth = 0;
};

// The UI-thread cost of one reload of an existing study: the document taking the models (one event-loop
// turn) and the event processing that follows (layout, paint). Returns the process exit code.
int timeReloads(MainWindow &window, StudyDocument &document, const QString &dir)
{
    const std::vector<ModelStudy> models = StudyLoader::load(dir, document.analysisOptions());
    for (QWidget *raised : {static_cast<QWidget *>(window.runMonitorPanel()), window.findChild<QWidget *>(QStringLiteral("MatrixPanel"))}) {
        if (!raised)
            continue;
        document.clear();
        window.showPanel(raised);
        QCoreApplication::processEvents();
        double first = 0, firstPaint = 0, longest = 0, longestPaint = 0;
        for (int rep = 0; rep < 6; ++rep) {
            const qint64 c0 = threadCpuNs();
            document.addModels(models);
            const qint64 c1 = threadCpuNs();
            QCoreApplication::processEvents();
            const double add = (c1 - c0) / 1e6, paint = (threadCpuNs() - c1) / 1e6;
            if (rep == 0) {
                first = add;
                firstPaint = paint;
            } else {
                longest = std::max(longest, add);
                longestPaint = std::max(longestPaint, paint);
            }
        }
        std::printf("%s raised, %zu models: first load %.1f ms + events %.1f ms; reloads (longest of 5) %.1f ms + events %.1f ms CPU\n",
                    qPrintable(raised->objectName()), models.size(), first, firstPaint, longest, longestPaint);
    }
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    qputenv("TRANSFERSCOPE_CLI", TRANSFERSCOPE_CLI);
    TimingApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int steps = args.contains(QStringLiteral("--steps")) ? args.value(args.indexOf(QStringLiteral("--steps")) + 1).toInt() : 300;
    const int seeds = args.contains(QStringLiteral("--seeds")) ? args.value(args.indexOf(QStringLiteral("--seeds")) + 1).toInt() : 2;

    QTemporaryDir tmp;
    QJsonArray seedList;
    for (int s = 0; s < seeds; ++s)
        seedList.append(s);
    const bool suite = args.contains(QStringLiteral("--suite"));
    QJsonArray models;
    for (const char *preset : {"suite-tiny", "suite-small", "suite-base"}) {
        models.append(QJsonObject{{QStringLiteral("preset"), QString::fromLatin1(preset)}, {QStringLiteral("weights"), QStringLiteral("random")}});
        if (!suite)
            break;
    }
    QJsonObject tasks;
    const QStringList taskNames = suite ? QStringList{"VS", "AS", "VC", "RD", "RR", "SR", "JS", "CO", "FC", "SC", "MV", "OL", "FD"} : QStringList{"CO", "JS", "VS"};
    for (const QString &t : taskNames)
        tasks.insert(t, QStringLiteral("both"));
    const QJsonObject spec{
        {QStringLiteral("name"), QStringLiteral("stall")},
        {QStringLiteral("models"), models},
        {QStringLiteral("tasks"), tasks},
        {QStringLiteral("seeds"), suite ? QJsonArray{0} : seedList},
        {QStringLiteral("control"), false},
        {QStringLiteral("threads"), 1},
        {QStringLiteral("train"), QJsonObject{{QStringLiteral("steps"), suite ? std::min(steps, 20) : steps}, {QStringLiteral("batch"), 4}, {QStringLiteral("examples"), 64}, {QStringLiteral("warmup_steps"), 5}}},
        {QStringLiteral("eval"), QJsonObject{{QStringLiteral("items"), suite ? 10 : 40}, {QStringLiteral("batch"), 10}}}};
    QString specPath = tmp.filePath(QStringLiteral("spec.json"));
    QFile f(specPath);
    if (!f.open(QIODevice::WriteOnly))
        return 1;
    f.write(QJsonDocument(spec).toJson());
    f.close();
    if (const int i = int(args.indexOf(QStringLiteral("--spec"))); i > 0)
        specPath = args.value(i + 1); // a real study, e.g. resources/specs/quick.json (minutes)

    StudyDocument document;
    MainWindow window(&document);
    window.resize(1600, 1000);
    window.show();
    RunMonitorPanel *monitor = window.runMonitorPanel();
    window.showPanel(monitor);
    if (const int i = int(args.indexOf(QStringLiteral("--reload"))); i > 0)
        return timeReloads(window, document, args.value(i + 1));
    if (const int i = int(args.indexOf(QStringLiteral("--curves"))); i > 0) {
        // The live curves of N finished cells (150 steps each, as in the quick study): one full replot.
        CurveStore store;
        for (int c = 0; c < args.value(i + 1).toInt(); ++c)
            for (int step = 1; step <= 150; ++step)
                store.append(QStringLiteral("finetune__m__t%1__seed0").arg(c), step, 0.3 + 0.2 * std::sin(step * 0.1 + c), 1e-3, 100, step * 0.1);
        CurvePlot plot(&store);
        plot.resize(660, 340); // the run monitor's plot in the 1600 × 1000 window
        plot.show();
        QCoreApplication::processEvents();
        for (int rep = 0; rep < 3; ++rep) {
            store.append(QStringLiteral("finetune__m__t0__seed0"), 151 + rep, 0.3, 1e-3, 100, 15.1);
            const qint64 c0 = threadCpuNs();
            plot.replotNow();
            const qint64 c1 = threadCpuNs();
            QCoreApplication::processEvents();
            std::printf("%s cells: replot %.1f ms + events %.1f ms CPU\n", qPrintable(args.value(i + 1)), (c1 - c0) / 1e6,
                        (threadCpuNs() - c1) / 1e6);
        }
        return 0;
    }
    if (args.contains(QStringLiteral("--no-views")))
        QObject::disconnect(monitor, &RunMonitorPanel::cellsCompleted, &window, nullptr);

    std::vector<double> lateMs, busyMs;
    double worstLateMs = 0, worstLateAt = 0; // the longest wall gap and when it ended
    std::vector<std::pair<double, double>> busyAt; // (busy ms, seconds since start) for the report of the worst
    qint64 lastCpu = 0;
    QElapsedTimer clock;
    app.clock = &clock;
    constexpr int kBeatMs = 2;
    QTimer beat;
    beat.setTimerType(Qt::PreciseTimer);
    beat.setInterval(kBeatMs);
    qint64 last = 0;
    QObject::connect(&beat, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        const qint64 cpu = threadCpuNs();
        if (last > 0) {
            lateMs.push_back(std::max(0.0, (now - last) / 1e6 - kBeatMs));
            if (lateMs.back() > worstLateMs) {
                worstLateMs = lateMs.back();
                worstLateAt = now / 1e9;
            }
            busyMs.push_back((cpu - lastCpu) / 1e6);
            busyAt.push_back({busyMs.back(), now / 1e9});
        }
        last = now;
        lastCpu = cpu;
    });
    int cellsCompleted = 0;
    QObject::connect(monitor, &RunMonitorPanel::cellsCompleted, [&] { ++cellsCompleted; });
    QObject::connect(monitor, &RunMonitorPanel::runFinished, &app, [&](StudyProcess::Outcome outcome, const QString &message) {
        beat.stop();
        std::sort(lateMs.begin(), lateMs.end());
        const double worst = lateMs.empty() ? 0 : lateMs.back();
        const double p99 = lateMs.empty() ? 0 : lateMs[std::size_t(0.99 * double(lateMs.size() - 1))];
        std::printf("study: %s (%s)\n", qPrintable(StudyProcess::outcomeName(outcome)), qPrintable(message));
        std::printf("wall %.1f s, %zu heartbeats, %d reloads of the views, %lld curve points, %d replots\n", clock.elapsed() / 1000.0,
                    lateMs.size(), cellsCompleted, monitor->curves().pointCount(), monitor->curvePlot()->replotCount());
        std::printf("longest replot: %.1f ms\n", monitor->curvePlot()->longestReplotMs());
        std::printf("UI-thread stall: longest %.1f ms, p99 %.1f ms (goal: longest < 50 ms) -> %s\n", worst, p99,
                    worst < 50 ? "PASS" : "FAIL");
        std::sort(busyMs.begin(), busyMs.end());
        std::sort(busyAt.rbegin(), busyAt.rend());
        std::printf("longest CPU stretches (ms at s):");
        for (std::size_t i = 0; i < std::min<std::size_t>(5, busyAt.size()); ++i)
            std::printf(" %.1f@%.2f", busyAt[i].first, busyAt[i].second);
        std::printf("\n");
        // What made up the longest stretch: the deliveries (> 2 ms CPU) that ended within it.
        if (!busyAt.empty()) {
            const double end = busyAt.front().second, start = end - busyAt.front().first / 1000.0 - 0.002;
            for (const auto &s : app.slow)
                if (s.at >= start && s.at <= end + 0.0005)
                    std::printf("  in the longest stretch: %.1f ms CPU  %s\n", s.ms, qPrintable(s.what));
        }
        // What ran in the longest wall gap: deliveries that ended inside it (none: the thread waited for a core).
        std::printf("longest wall gap ended at %.2f s:", worstLateAt);
        for (const auto &s : app.slow)
            if (s.at >= worstLateAt - worstLateMs / 1000.0 - 0.003 && s.at <= worstLateAt + 0.0005)
                std::printf("\n  %.1f ms CPU / %.1f ms wall  %s", s.ms, s.wallMs, qPrintable(s.what));
        std::printf("\n");
        std::sort(app.slow.begin(), app.slow.end(), [](const auto &a, const auto &b) { return a.ms > b.ms; });
        for (std::size_t i = 0; i < std::min<std::size_t>(6, app.slow.size()); ++i)
            std::printf("  slow event delivery: %.1f ms CPU (%.1f wall) at %.2f s  %s\n", app.slow[i].ms, app.slow[i].wallMs, app.slow[i].at, qPrintable(app.slow[i].what));
        std::printf("UI-thread CPU time between heartbeats: longest %.1f ms, p99 %.1f ms (work done in one go, waits excluded)\n",
                    busyMs.empty() ? 0 : busyMs.back(), busyMs.empty() ? 0 : busyMs[std::size_t(0.99 * double(busyMs.size() - 1))]);
        // The views' share: one reload of the finished study into the document, as a completed cell triggers it
        // (the reading and analysis run on the thread pool in the workbench; only the views' rebuild is timed).
        if (outcome == StudyProcess::Outcome::Completed) {
            const std::vector<ModelStudy> models = StudyLoader::load(tmp.filePath(QStringLiteral("study")), document.analysisOptions());
            double longest = 0;
            for (int rep = 0; rep < 5; ++rep) {
                const qint64 c0 = threadCpuNs();
                document.addModels(models);
                longest = std::max(longest, (threadCpuNs() - c0) / 1e6);
                QCoreApplication::processEvents();
            }
            std::printf("views' rebuild on a reload (one event-loop turn): longest of 5 %.1f ms CPU\n", longest);
            document.clear();
            QCoreApplication::processEvents();
            const qint64 c0 = threadCpuNs();
            document.addModels(models);
            std::printf("views' build on the first load of a study (one turn): %.1f ms CPU\n", (threadCpuNs() - c0) / 1e6);
        }
        app.exit(outcome == StudyProcess::Outcome::Completed ? (worst < 50 ? 0 : 2) : 1);
    });
    clock.start();
    beat.start();
    if (!monitor->runStudy(specPath, tmp.filePath(QStringLiteral("study"))))
        return 1;
    return app.exec();
}

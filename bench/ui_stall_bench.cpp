// The longest stall of the workbench's UI thread while a study trains (goal: under 50 ms).
// The whole main window runs offscreen with the run monitor raised; a micro study trains in the
// transferscope-cli child; a 2 ms heartbeat timer measures how late the event loop serves it. Every
// cost the UI pays is in the measurement: parsing the progress stream, the coalesced replots of the
// live curves with smoothing and decimation, the grid, and the reload of the matrix and graph views
// from the study folder each time a cell completes.
//
//   transferscope_ui_stall_bench [--steps N] [--seeds K] [--no-views]
// --no-views leaves the exploration views alone (isolates the monitor's own cost).

#include "ui/main_window.h"
#include "ui/panels/run_monitor_panel.h"
#include "ui/run/curve_plot.h"
#include "ui/study/study_document.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <vector>

using namespace ts::ui;

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    qputenv("TRANSFERSCOPE_CLI", TRANSFERSCOPE_CLI);
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int steps = args.contains(QStringLiteral("--steps")) ? args.value(args.indexOf(QStringLiteral("--steps")) + 1).toInt() : 300;
    const int seeds = args.contains(QStringLiteral("--seeds")) ? args.value(args.indexOf(QStringLiteral("--seeds")) + 1).toInt() : 2;

    QTemporaryDir tmp;
    QJsonArray seedList;
    for (int s = 0; s < seeds; ++s)
        seedList.append(s);
    const QJsonObject spec{
        {QStringLiteral("name"), QStringLiteral("stall")},
        {QStringLiteral("models"), QJsonArray{QJsonObject{{QStringLiteral("preset"), QStringLiteral("suite-tiny")}, {QStringLiteral("weights"), QStringLiteral("random")}}}},
        {QStringLiteral("tasks"), QJsonObject{{QStringLiteral("CO"), QStringLiteral("both")}, {QStringLiteral("JS"), QStringLiteral("both")}, {QStringLiteral("VS"), QStringLiteral("both")}}},
        {QStringLiteral("seeds"), seedList},
        {QStringLiteral("control"), false},
        {QStringLiteral("threads"), 1},
        {QStringLiteral("train"), QJsonObject{{QStringLiteral("steps"), steps}, {QStringLiteral("batch"), 4}, {QStringLiteral("examples"), 64}, {QStringLiteral("warmup_steps"), 5}}},
        {QStringLiteral("eval"), QJsonObject{{QStringLiteral("items"), 40}, {QStringLiteral("batch"), 20}}}};
    const QString specPath = tmp.filePath(QStringLiteral("spec.json"));
    QFile f(specPath);
    if (!f.open(QIODevice::WriteOnly))
        return 1;
    f.write(QJsonDocument(spec).toJson());
    f.close();

    StudyDocument document;
    MainWindow window(&document);
    window.resize(1600, 1000);
    window.show();
    RunMonitorPanel *monitor = window.runMonitorPanel();
    window.showPanel(monitor);
    if (args.contains(QStringLiteral("--no-views")))
        QObject::disconnect(monitor, &RunMonitorPanel::cellsCompleted, &window, nullptr);

    std::vector<double> lateMs;
    QElapsedTimer clock;
    constexpr int kBeatMs = 2;
    QTimer beat;
    beat.setTimerType(Qt::PreciseTimer);
    beat.setInterval(kBeatMs);
    qint64 last = 0;
    QObject::connect(&beat, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        if (last > 0)
            lateMs.push_back(std::max(0.0, (now - last) / 1e6 - kBeatMs));
        last = now;
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
        app.exit(outcome == StudyProcess::Outcome::Completed ? (worst < 50 ? 0 : 2) : 1);
    });
    clock.start();
    beat.start();
    if (!monitor->runStudy(specPath, tmp.filePath(QStringLiteral("study"))))
        return 1;
    return app.exec();
}

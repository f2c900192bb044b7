// Samples per second of the procedural suite, per task, single thread. A finetune cell trains on
// ~150 steps × batch 32 = 4800 samples in ~10 s, so rendering them must cost well under 1 s.
//
//   transferscope_task_render_bench [--seconds S] [--level L] [--size PX] [--task ABBR] [--targets]
//     --targets also computes the dense per-patch targets of every sample (pretraining cost).

#include "tasks/patch_targets.h"
#include "tasks/task_registry.h"

#include <QCoreApplication>
#include <QStringList>
#include <chrono>
#include <cstdio>

using namespace ts::tasks;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    auto option = [&](const char *name, double fallback) {
        const int i = int(args.indexOf(QString::fromLatin1(name)));
        return i >= 0 && i + 1 < args.size() ? args[i + 1].toDouble() : fallback;
    };
    const double seconds = option("--seconds", 0.5);
    const int level = int(option("--level", -1));
    const int size = int(option("--size", 64));
    const bool targets = args.contains(QStringLiteral("--targets"));

    std::vector<const TaskSpec *> tasks;
    const int only = int(args.indexOf(QStringLiteral("--task")));
    if (only >= 0 && only + 1 < args.size()) {
        tasks.push_back(findTask(args[only + 1]));
        if (!tasks.back()) {
            std::fprintf(stderr, "unknown task %s\n", qPrintable(args[only + 1]));
            return 2;
        }
    } else {
        for (const TaskSpec &t : suiteTasks())
            tasks.push_back(&t);
        for (const TaskSpec &t : primitiveTasks())
            tasks.push_back(&t);
    }

    std::printf("task    images  samples/s  us/sample  finetune set (4800) s%s\n", targets ? "   [with patch targets]" : "");
    double slowest = 1e18;
    for (const TaskSpec *t : tasks) {
        using clock = std::chrono::steady_clock;
        const auto start = clock::now();
        int n = 0;
        double elapsed = 0;
        uint64_t sink = 0; // keeps the work observable
        while (elapsed < seconds) {
            for (int k = 0; k < 50; ++k, ++n) {
                SampleRequest r;
                r.split = Split::Train;
                r.index = n;
                r.level = level;
                r.imageSize = size;
                const TaskSample s = generateSample(*t, r);
                sink += uint64_t(s.answer);
                if (targets)
                    sink += uint64_t(patchTargets(s).data.size());
            }
            elapsed = std::chrono::duration<double>(clock::now() - start).count();
        }
        const double rate = n / elapsed;
        slowest = std::min(slowest, rate);
        std::printf("%-7s %6d %10.0f %10.1f %12.2f\n", qPrintable(t->abbreviation), t->images, rate, 1e6 / rate, 4800 / rate);
        if (sink == 42) // never true in practice; stops the compiler from dropping the loop
            std::printf(" ");
    }
    std::printf("slowest: %.0f samples/s (%s level, %d px)\n", slowest, level < 0 ? "default" : qPrintable(QString::number(level)), size);
    return 0;
}

#pragma once
// What a task's generator receives (internal to core/tasks): the resolved request, its private
// random stream, the answer it must produce, and places to put images and facts.

#include "tasks/rng.h"
#include "tasks/scene.h"
#include "tasks/task_registry.h"

#include <QJsonObject>

namespace ts::tasks {

struct TaskContext {
    const TaskSpec &spec;
    Split split;
    int64_t index;
    int level;
    int size;
    int answer; // the option index the generator must make correct
    Rng rng;

    std::vector<QImage> images;      // RGB32 as rendered
    std::vector<SceneImage> scenes;  // their descriptions
    QJsonObject facts;               // task-specific ground truth for tests and galleries
    QString question;
    QStringList options;
    std::vector<Intermediate> intermediates;

    double s(double units64) const { return units64 * size / 64.0; } // lengths are designed at 64 px
    void addImage(const QImage &img, SceneImage desc)
    {
        images.push_back(img);
        scenes.push_back(std::move(desc));
    }
    void intermediate(const QString &name, int value, int classes) { intermediates.push_back({name, value, classes}); }
};

// Shared scene helpers ----------------------------------------------------------------------------

struct Obj {
    int shape = 0;
    int colour = 0;
    int texture = 0;
    QPointF c;
    double r = 8;
    double rot = 0;
    int id = -1;
    int depth = -1;
};
Item objItem(const Obj &o);

// Non-overlapping placement by bounded rejection sampling; circles (centre, radius) kept `gap` apart
// and `margin` from the border. Fewer than n come back only when the canvas is full.
std::vector<Obj> placeObjects(Rng &rng, int n, int size, double rMin, double rMax, double margin, double gap,
                              const std::vector<Obj> &avoid = {});

QRgb pickBackground(Rng &rng);          // light, low-saturation backgrounds
MarkerStyle markerStyle(int level);     // discs at levels 0–1, rings at 2–3
double markerRadius(const TaskContext &ctx);
double objectRadiusMin(const TaskContext &ctx);
double objectRadiusMax(const TaskContext &ctx);
std::vector<int> distinctColours(Rng &rng, int n, bool includeNeutral = false);
// Four distinct numbers from [lo, hi] with `truth` at position `slot`.
QStringList numberOptions(Rng &rng, int truth, int slot, int lo, int hi, int count = 4);
QString pointOption(int letterIndex); // "Point A (red)"
bool isInside(const Item &item, QPointF p);

// Perspective ground plane shared by Relative Depth and Multi-view Reasoning: the camera looks
// along +z over a flat ground; a ground point at depth z projects to y = horizon + (S − horizon)/z.
double groundY(double horizon, int size, double z);
// Depth bins used by the dense targets: z < 1.6 → 0 (near), < 2.2 → 1, < 2.9 → 2, else 3 (far).
int depthBin(double z);
// Sky above the horizon, then one ground band per depth bin (lighter with distance, as haze does).
void addSkyAndGround(SceneImage &scene, int size, double horizon, QRgb sky, QRgb ground);
QRgb haze(QRgb c, QRgb sky, double amount);
// Moves an item so its lowest point rests on y = ground (objects stand on the ground plane,
// whatever their shape).
void standOn(Item &item, double ground);
} // namespace ts::tasks

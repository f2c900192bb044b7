#pragma once
// The task registry: the 13 relational tasks of the suite (keyed by ts::TaskCatalog's names, in
// its order) and the primitive single-object skill tasks they are built from. Every sample is a
// pure function of (task, split, index, seed, level, image size).

#include "tasks/task_sample.h"

#include <QStringList>
#include <vector>

namespace ts::tasks {

struct TaskContext;
using GenerateFn = void (*)(TaskContext &);

struct TaskSpec {
    QString name;          // canonical name ("Visual Similarity")
    QString abbreviation;  // "VS"
    int options = 2;
    int images = 1;        // images per sample
    QStringList skills;    // from: correspondence, depth, texture/style, objectness, counting, geometry, lighting, colour
    QString questionForm;  // the question, as the user sees it, with <placeholders>
    QStringList levelNotes; // what each difficulty level (0..3) changes
    int levels = 4;
    int defaultLevel = 1;
    bool primitive = false; // a single-object skill task for the pretraining curriculum
    int blinkValSize = 0;   // 0 for primitives
    GenerateFn generate = nullptr;
};

// The 13 tasks in the paper's order.
const std::vector<TaskSpec> &suiteTasks();
// Primitive skill tasks (colour/shape under a marker, marker location, panel texture, colour count,
// object side).
const std::vector<TaskSpec> &primitiveTasks();
// Name, abbreviation or any spelling TaskCatalog accepts; primitives by name or abbreviation.
const TaskSpec *findTask(const QString &nameOrAbbreviation);
// Throws ts::InputError (field "task") naming the known tasks.
const TaskSpec &requireTask(const QString &nameOrAbbreviation);

TaskSample generateSample(const TaskSpec &task, const SampleRequest &request);

// The correct option of item `index`: items come in blocks of `options` consecutive indices, each
// block a fixed permutation of the letters, so every letter is correct equally often.
int answerFor(const TaskSpec &task, Split split, int64_t index, uint64_t seed);

// Number of items in a fixed split: val 1000 (or BLINK's val size with blinkSizes), test 1000.
// Train has no fixed size (an endless per-seed stream) and returns 0.
int splitSize(const TaskSpec &task, Split split, bool blinkSizes = false);

} // namespace ts::tasks

#pragma once
// BLINK-format folders: one sub-folder per task (named like BLINK's subsets, "Visual_Similarity")
// holding the images and a JSONL manifest, one row per item:
//   {"idx": "...", "task": "Visual Similarity", "split": "val", "index": 3,
//    "question": "...", "options": ["image 2", "image 3"], "answer": "(A)",
//    "images": ["images/val_000003_1.png", ...],            paths relative to the manifest
//    "level": 1, "seed": "0", "scene": {...}, "intermediates": [...]}   optional, written by export
// The importer also accepts BLINK's own spellings: "choices" for options, "image_1".."image_4" for
// images, "sub_task" for task, and answers written "A" or "(A)".

#include "common/input_error.h"
#include "tasks/task_source.h"

#include <QString>
#include <vector>

namespace ts::tasks {

QString blinkFolderName(const TaskSpec &spec); // "Multi-view_Reasoning"

struct ExportOptions {
    Split split = Split::Val;
    int count = -1;       // < 0: the split's size
    bool blinkSizes = false;
    uint64_t seed = 0;
    int level = -1;
    int imageSize = 64;
    bool withScene = true; // keep the scene description and intermediates in each row
};

struct ExportSummary {
    QString task;
    QString manifest;
    int rows = 0;
};

// Writes DIR/<Task_Folder>/<split>.jsonl and DIR/<Task_Folder>/images/*.png. Throws InputError when
// a file cannot be written.
ExportSummary exportTask(const QString &dir, const TaskSpec &spec, const ExportOptions &options);
void exportSamples(const QString &dir, const TaskSpec &spec, const std::vector<TaskSample> &samples, const QString &manifestName,
                   bool withScene = true);

struct ImportResult {
    std::vector<std::unique_ptr<SampleListSource>> tasks; // one per task found, catalogue order
    std::vector<InputError> problems;                     // every bad row, with file and line
    int rowsRead = 0;                                     // rows seen, good and bad
    int loaded() const;
};

// Reads every *.jsonl under DIR (DIR itself and its sub-folders). Never throws for bad rows: each is
// recorded in problems and left out. Throws InputError only when DIR itself cannot be read.
ImportResult scanBlinkFolder(const QString &dir);
// As scanBlinkFolder, but unless skipBad it throws the first problem (naming how many more there are).
ImportResult importBlinkFolder(const QString &dir, bool skipBad);

} // namespace ts::tasks

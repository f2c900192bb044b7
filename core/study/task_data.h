#pragma once
// A BLINK-format folder as the data of one task in a study (docs/study-spec.md, "tasks" with
// "data"): what the spec reader checks when it reads the spec (the folder imports without a bad
// row, holds items of the task, has a train split when the task is a source and items of the
// evaluation split when it is a target), and what the cell executor reads.

#include "study/study_spec.h"
#include "tasks/blink_io.h"

#include <QString>
#include <map>
#include <memory>
#include <vector>

namespace ts {



// The items per task (canonical name) and split of a BLINK-format folder. Throws InputError naming
// the manifest, line and field of the first bad row (as `tasks import` does). Cached per folder
// while its manifests keep their size and time, so that a form re-checking the spec on every
// change reads the images only once.
std::map<QString, FolderTaskCounts> summarizeBlinkFolder(const QString &dir);

// Why `dir` cannot serve as the data of `task` in `role` when evaluating on `evalSplit`; empty when
// it can. Bad rows come back as "FILE:LINE: field 'X': message".
QString taskDataProblem(const QString &dir, const QString &task, TaskRole role, const QString &evalSplit);

// The items of `task` and `split` in the folder, in manifest order; at most `limit` (< 0: all).
// Throws InputError as summarizeBlinkFolder.
std::vector<tasks::TaskSample> loadTaskItems(const QString &dir, const QString &task, tasks::Split split, int limit = -1);

} // namespace ts

#pragma once
// The 13 BLINK perception tasks of the paper (method.md §1): canonical names, abbreviations,
// option counts and BLINK validation sizes. Both the analysis (authors' tables) and the
// procedural suite key their tasks by these names, so a matrix from either lines up.

#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

namespace ts {

struct TaskInfo {
    QString name;        // canonical display name, e.g. "Visual Similarity"
    QString abbreviation; // e.g. "VS"
    int options = 2;      // multiple-choice options
    int blinkValSize = 0; // BLINK validation items
};

class TaskCatalog {
public:
    // The 13 tasks in the paper's order (the default row/column order of every matrix).
    static const std::vector<TaskInfo> &blinkTasks();
    // Matches a canonical name, its abbreviation, or a spelling with underscores/hyphens/other case
    // ("Multi-view_Reasoning", "multi view reasoning", "MV"). Returns the index into blinkTasks().
    static std::optional<int> find(const QString &nameOrAbbreviation);
    static QStringList names();
    static QStringList abbreviations();
};

} // namespace ts

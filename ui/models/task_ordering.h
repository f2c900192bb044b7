#pragma once
// Orders in which a matrix lists its tasks. The core has no ordering, so the UI computes it here:
// as listed (catalogue order), grouped by persona, or by hierarchical clustering of the tasks'
// transfer profiles (the Taskonomy "task tree" idea).

#include "analysis/model_analysis.h"

#include <QString>
#include <vector>

namespace ts::ui {

enum class TaskOrder { Listed, ByPersona, ByClustering };

QString taskOrderName(TaskOrder order);

// A permutation of 0..n-1: position → task index.
std::vector<int> orderTasks(const ModelAnalysis &analysis, TaskOrder order);

// Average-linkage agglomerative clustering on each task's profile (its row and its column of
// mean PGF, diagonal left out; undefined cells ignored); returns the dendrogram's leaf order.
std::vector<int> clusteringOrder(const SquareMatrix &mean);

// The persona a task is grouped under when ordering by persona: its strongest (highest z) one,
// or -1 for a task without a persona.
int primaryPersona(const ModelAnalysis &analysis, int task);

} // namespace ts::ui

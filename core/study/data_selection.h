#pragma once
// PGF-guided data selection (method.md §7): train a target task whose own data is scarce from a
// mixture of other tasks, each weighted by how much it transfers to the target, and compare it on
// the target with (b) a random mixture of the same size, (c) direct finetuning on the target and
// (d) the base model.

#include "analysis/transfer_matrix.h"
#include "store/study_store.h"
#include "study/study_plan.h"

#include <QStringList>
#include <cmath>
#include <utility>
#include <vector>

namespace ts {

using Mixture = std::vector<std::pair<QString, double>>; // task → share, shares sum to 1

// Sources other than the target with mean PGF(source → target) > threshold, share ∝ PGF.
// Empty when no source transfers positively.
Mixture pgfGuidedMixture(const TransferMatrix &matrix, const QString &target, double threshold = 0.0);
// `count` sources other than the target drawn at random (seeded), equal shares.
Mixture randomMixture(const QStringList &tasks, const QString &target, int count, uint64_t seed);
// Examples per mixture entry for a training set of `total` (largest-remainder rounding).
std::vector<int> mixtureCounts(const Mixture &mixture, int total);

// The cells of the experiment for every model and seed of the spec: the two mixture cells, and
// the direct finetune on the target when the study does not have it yet. `matrices` are the
// study's (one per model). `examples`: the size of each mixture in training examples, split among
// its sources by mixtureCounts (0: the spec's train.examples); a size other than the spec's gives
// cells of their own ("mixture__m__pgf-n500-Jigsaw__seed0"), so several sizes live in one study.
std::vector<PlannedCell> planDataSelection(const StudySpec &spec, const std::vector<TransferMatrix> &matrices,
                                           const QString &target, double threshold, int examples = 0);

struct SelectionArm {
    QString name;        // "base", "direct", "pgf-guided", "random"
    long long correct = 0;
    long long total = 0; // pooled over seeds
    double accuracy() const { return total > 0 ? double(correct) / double(total) : std::nan(""); }
    std::pair<double, double> wilson95() const;
};

struct SelectionReport {
    QString model;
    QString target;
    Mixture guided;
    int examples = 0;                // the mixtures' size in training examples
    std::vector<SelectionArm> arms; // base, direct, pgf-guided, random
};

std::vector<SelectionReport> selectionReports(const StudyContents &study, const StudySpec &spec,
                                              const std::vector<TransferMatrix> &matrices, const QString &target,
                                              double threshold, int examples = 0);

} // namespace ts

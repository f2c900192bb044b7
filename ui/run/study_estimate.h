#pragma once
// What the setup panel tells a user before Start: how long the study will take, and what would
// stop it (the CLI's own pre-flight plus disk space and the output folder).

#include "study/study_spec.h"

#include <QStringList>

namespace ts::ui {

// Seconds for the whole study on one CPU thread, from the planner's work units and the measured
// speed of each preset (docs/vlm.md); checkpoints count as the middle preset. NaN for an empty plan.
double estimateStudySeconds(const StudySpec &spec);
QString formatDuration(double seconds);

// A checkpoint folder checked at once by what a study run checks: the spec reader (format,
// config) and the pre-flight (weights, tokenizer, sizes). One line per problem.
QStringList checkpointFolderProblems(const QString &folder);
// One line on a valid checkpoint folder, shown before launch: its format, parameters and the estimated
// memory of a LoRA finetune (e.g. "SmolVLM/Idefics3 (HF folder) · 256.5 M parameters · ~3.1 GiB to finetune").
QString checkpointFolderSummary(const QString &folder);

// One line per problem; empty when the study can start.
QStringList preflightProblems(const StudySpec &spec, const QString &studyDir);

} // namespace ts::ui

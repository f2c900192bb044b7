#pragma once
// Personas (method.md §6), ranked within one model:
//   Donor  ↔ high Δ⁺,  Pirate ↔ high |Δ⁻|,  Sponge ↔ high Θ⁺,  Sieve ↔ high |Θ⁻|.
// Default rule: z ≥ 1, with z the score standardised over all tasks of the model (population
// standard deviation: the tasks are the whole set, not a sample). Alternative: the top k.
// A task may hold several personas or none; each carries its evidence.

#include "analysis/transfer_scores.h"

#include <QString>
#include <QStringList>
#include <vector>

namespace ts {

enum class Persona { Donor, Pirate, Sponge, Sieve };
constexpr Persona kAllPersonas[] = {Persona::Donor, Persona::Pirate, Persona::Sponge, Persona::Sieve};

struct PersonaRule {
    enum Kind { ZScore, TopK };
    Kind kind = ZScore;
    double zThreshold = 1.0;
    int topK = 3;
};

struct PersonaEvidence {
    Persona persona = Persona::Donor;
    int task = 0;      // index into the model's tasks
    double score = 0;  // Δ⁺, |Δ⁻|, Θ⁺ or |Θ⁻|
    int rank = 0;      // 1 = highest score of the model
    double z = 0;      // standardised score over the model's tasks (0 when all scores are equal)
    double spread = 0; // std of the score over runs (NaN when not known)
};

QString personaName(Persona persona);        // "Donor", … (translated)
QString personaCriterion(Persona persona);   // "high positive transferability Δ⁺", …
bool parsePersonaRuleKind(const QString &text, PersonaRule::Kind *out); // "z" | "topk"

// The persona's score of a task: Δ⁺, |Δ⁻|, Θ⁺ or |Θ⁻|.
double personaScore(const TaskScores &scores, Persona persona);
double personaSpread(const TaskScoreSpread &spread, Persona persona);

// Evidence for every (task, persona) that holds; sorted by persona, then rank.
// spreads may be empty (spread then NaN).
std::vector<PersonaEvidence> assignPersonas(const std::vector<TaskScores> &scores,
                                            const std::vector<TaskScoreSpread> &spreads,
                                            const PersonaRule &rule = {});

// Evidence of every task for one persona (holding or not), ranked: for tables and tooltips.
std::vector<PersonaEvidence> rankForPersona(const std::vector<TaskScores> &scores,
                                            const std::vector<TaskScoreSpread> &spreads, Persona persona);

// Consistency across models: a (task, persona) that holds in at least minModels of the models
// (all of them when minModels <= 0). Tasks are matched by canonical name.
struct ConsistentPersona {
    QString task;
    Persona persona = Persona::Donor;
    QStringList models; // where it holds
};
struct ModelPersonas {
    QString model;
    QStringList tasks;
    std::vector<PersonaEvidence> evidence;
};
std::vector<ConsistentPersona> consistentPersonas(const std::vector<ModelPersonas> &models, int minModels = 0);

} // namespace ts

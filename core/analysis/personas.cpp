#include "analysis/personas.h"

#include <QCoreApplication>
#include <QHash>
#include <algorithm>
#include <cmath>
#include <limits>

namespace ts {

QString personaName(Persona persona)
{
    switch (persona) {
    case Persona::Donor:
        return QCoreApplication::translate("ts::Personas", "Donor");
    case Persona::Pirate:
        return QCoreApplication::translate("ts::Personas", "Pirate");
    case Persona::Sponge:
        return QCoreApplication::translate("ts::Personas", "Sponge");
    case Persona::Sieve:
        break;
    }
    return QCoreApplication::translate("ts::Personas", "Sieve");
}

QString personaCriterion(Persona persona)
{
    switch (persona) {
    case Persona::Donor:
        return QCoreApplication::translate("ts::Personas", "high positive transferability Δ⁺");
    case Persona::Pirate:
        return QCoreApplication::translate("ts::Personas", "high negative transferability |Δ⁻|");
    case Persona::Sponge:
        return QCoreApplication::translate("ts::Personas", "high positive malleability Θ⁺");
    case Persona::Sieve:
        break;
    }
    return QCoreApplication::translate("ts::Personas", "high negative malleability |Θ⁻|");
}

bool parsePersonaRuleKind(const QString &text, PersonaRule::Kind *out)
{
    if (text.compare(QLatin1String("z"), Qt::CaseInsensitive) == 0) {
        *out = PersonaRule::ZScore;
        return true;
    }
    if (text.compare(QLatin1String("topk"), Qt::CaseInsensitive) == 0
        || text.compare(QLatin1String("top-k"), Qt::CaseInsensitive) == 0) {
        *out = PersonaRule::TopK;
        return true;
    }
    return false;
}

double personaScore(const TaskScores &scores, Persona persona)
{
    switch (persona) {
    case Persona::Donor:
        return scores.deltaPlus;
    case Persona::Pirate:
        return std::fabs(scores.deltaMinus);
    case Persona::Sponge:
        return scores.thetaPlus;
    case Persona::Sieve:
        break;
    }
    return std::fabs(scores.thetaMinus);
}

double personaSpread(const TaskScoreSpread &spread, Persona persona)
{
    switch (persona) {
    case Persona::Donor:
        return spread.deltaPlus;
    case Persona::Pirate:
        return spread.deltaMinus;
    case Persona::Sponge:
        return spread.thetaPlus;
    case Persona::Sieve:
        break;
    }
    return spread.thetaMinus;
}

std::vector<PersonaEvidence> rankForPersona(const std::vector<TaskScores> &scores,
                                            const std::vector<TaskScoreSpread> &spreads, Persona persona)
{
    const int n = int(scores.size());
    std::vector<PersonaEvidence> out;
    if (n == 0)
        return out;
    double mean = 0;
    for (const auto &s : scores)
        mean += personaScore(s, persona);
    mean /= n;
    double ss = 0;
    for (const auto &s : scores) {
        const double d = personaScore(s, persona) - mean;
        ss += d * d;
    }
    const double sd = std::sqrt(ss / n);
    for (int t = 0; t < n; ++t) {
        PersonaEvidence e;
        e.persona = persona;
        e.task = t;
        e.score = personaScore(scores[std::size_t(t)], persona);
        e.z = sd > 1e-15 ? (e.score - mean) / sd : 0.0;
        e.spread = std::size_t(t) < spreads.size() ? personaSpread(spreads[std::size_t(t)], persona)
                                                   : std::numeric_limits<double>::quiet_NaN();
        out.push_back(e);
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const PersonaEvidence &a, const PersonaEvidence &b) { return a.score > b.score; });
    for (int i = 0; i < n; ++i)
        out[std::size_t(i)].rank = i + 1;
    return out;
}

std::vector<PersonaEvidence> assignPersonas(const std::vector<TaskScores> &scores,
                                            const std::vector<TaskScoreSpread> &spreads, const PersonaRule &rule)
{
    std::vector<PersonaEvidence> out;
    for (Persona p : kAllPersonas) {
        for (const PersonaEvidence &e : rankForPersona(scores, spreads, p)) {
            // A zero score never earns a persona: a task that hurts nobody is no Pirate, whatever its rank.
            if (e.score <= 0)
                continue;
            const bool holds = rule.kind == PersonaRule::TopK ? e.rank <= rule.topK : e.z >= rule.zThreshold;
            if (holds)
                out.push_back(e);
        }
    }
    return out;
}

std::vector<ConsistentPersona> consistentPersonas(const std::vector<ModelPersonas> &models, int minModels)
{
    const int needed = minModels <= 0 ? int(models.size()) : minModels;
    std::vector<ConsistentPersona> found;
    QHash<QString, std::size_t> index;
    for (const ModelPersonas &m : models) {
        for (const PersonaEvidence &e : m.evidence) {
            const QString task = m.tasks.value(e.task);
            const QString key = task + QLatin1Char('\x1f') + QString::number(int(e.persona));
            auto it = index.find(key);
            if (it == index.end()) {
                it = index.insert(key, found.size());
                found.push_back({task, e.persona, {}});
            }
            if (!found[*it].models.contains(m.model))
                found[*it].models << m.model;
        }
    }
    std::vector<ConsistentPersona> out;
    for (const auto &c : found)
        if (needed > 0 && int(c.models.size()) >= needed)
            out.push_back(c);
    std::stable_sort(out.begin(), out.end(), [](const ConsistentPersona &a, const ConsistentPersona &b) {
        return int(a.persona) < int(b.persona);
    });
    return out;
}

} // namespace ts

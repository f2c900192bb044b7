// Personas (method.md §6): the z ≥ 1 rule, top-k, evidence, and consistency across models.

#include "analysis/personas.h"

#include <QTest>
#include <cmath>

using namespace ts;

namespace {

// Four tasks. Δ⁺ 0.1 0.1 0.1 0.5; Δ⁻ −0.4 0 0 0; Θ⁺ 0.2 everywhere; Θ⁻ 0 everywhere.
std::vector<TaskScores> example()
{
    std::vector<TaskScores> s(4);
    for (int i = 0; i < 4; ++i) {
        s[std::size_t(i)].deltaPlus = i == 3 ? 0.5 : 0.1;
        s[std::size_t(i)].deltaMinus = i == 0 ? -0.4 : 0.0;
        s[std::size_t(i)].thetaPlus = 0.2;
        s[std::size_t(i)].thetaMinus = 0.0;
    }
    return s;
}

std::vector<std::pair<Persona, int>> held(const std::vector<PersonaEvidence> &evidence)
{
    std::vector<std::pair<Persona, int>> out;
    for (const auto &e : evidence)
        out.push_back({e.persona, e.task});
    return out;
}

} // namespace

class TestPersonas : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void zRuleByHand()
    {
        std::vector<TaskScoreSpread> spreads(4);
        spreads[3].deltaPlus = 0.05;
        const auto evidence = assignPersonas(example(), spreads);
        // Donor: mean 0.2, population sd √0.03, z(task 3) = 0.3/√0.03 = √3 ≥ 1; others −1/√3.
        // Pirate: |Δ⁻| 0.4 0 0 0, same shape → task 0. Sponge: all equal → nobody. Sieve: all 0 → nobody.
        QCOMPARE(held(evidence), (std::vector<std::pair<Persona, int>>{{Persona::Donor, 3}, {Persona::Pirate, 0}}));
        const PersonaEvidence &donor = evidence[0];
        QVERIFY(std::fabs(donor.z - std::sqrt(3.0)) < 1e-12);
        QCOMPARE(donor.score, 0.5);
        QCOMPARE(donor.rank, 1);
        QCOMPARE(donor.spread, 0.05);
        QCOMPARE(evidence[1].score, 0.4); // |Δ⁻|
    }
    void zThresholdIsASetting()
    {
        PersonaRule rule;
        rule.zThreshold = 2.0; // √3 < 2
        QVERIFY(assignPersonas(example(), {}, rule).empty());
    }
    void topK()
    {
        PersonaRule rule;
        rule.kind = PersonaRule::TopK;
        rule.topK = 2;
        const auto evidence = assignPersonas(example(), {}, rule);
        // Donor: task 3, then the first of the tied 0.1s. Pirate: only task 0 has a nonzero score.
        // Sponge: two of the tied 0.2s. Sieve: nobody (all 0).
        QCOMPARE(held(evidence), (std::vector<std::pair<Persona, int>>{
                                     {Persona::Donor, 3}, {Persona::Donor, 0}, {Persona::Pirate, 0}, {Persona::Sponge, 0}, {Persona::Sponge, 1}}));
        QVERIFY(std::isnan(evidence[0].spread)); // no spreads given
    }
    void rankingForTooltips()
    {
        const auto ranked = rankForPersona(example(), {}, Persona::Donor);
        QCOMPARE(int(ranked.size()), 4);
        QCOMPARE(ranked[0].task, 3);
        QCOMPARE(ranked[3].rank, 4);
        QVERIFY(std::fabs(ranked[3].z + 1 / std::sqrt(3.0)) < 1e-12);
    }
    void consistentAcrossModels()
    {
        const QStringList tasksA = {QStringLiteral("A"), QStringLiteral("B")};
        const QStringList tasksB = {QStringLiteral("B"), QStringLiteral("A")}; // other order: matched by name
        PersonaEvidence donorA{Persona::Donor, 0, 1, 1, 1, 0};
        PersonaEvidence donorAinB{Persona::Donor, 1, 1, 1, 1, 0};
        PersonaEvidence sieveB{Persona::Sieve, 1, 1, 1, 1, 0};
        const std::vector<ModelPersonas> models = {{QStringLiteral("m1"), tasksA, {donorA, sieveB}},
                                                   {QStringLiteral("m2"), tasksB, {donorAinB}}};
        const auto all = consistentPersonas(models);
        QCOMPARE(int(all.size()), 1);
        QCOMPARE(all[0].task, QStringLiteral("A"));
        QCOMPARE(all[0].persona, Persona::Donor);
        QCOMPARE(all[0].models, QStringList({QStringLiteral("m1"), QStringLiteral("m2")}));
        QCOMPARE(int(consistentPersonas(models, 1).size()), 2);
    }
    void namesAndRules()
    {
        QCOMPARE(personaName(Persona::Sponge), QStringLiteral("Sponge"));
        PersonaRule::Kind k = PersonaRule::ZScore;
        QVERIFY(parsePersonaRuleKind(QStringLiteral("topk"), &k));
        QCOMPARE(k, PersonaRule::TopK);
        QVERIFY(!parsePersonaRuleKind(QStringLiteral("median"), &k));
    }
};

QTEST_MAIN(TestPersonas)
#include "test_personas.moc"

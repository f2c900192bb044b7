// Bron–Kerbosch with pivoting on crafted graphs (checked against brute force), the mutual
// positive/negative graphs of a PGF matrix, and a clique's pooled significance.

#include "analysis/clique_finder.h"
#include "analysis_test_support.h"

#include <QRandomGenerator>
#include <QTest>
#include <algorithm>

using namespace ts;
using Cliques = std::vector<std::vector<int>>;

namespace {

Adjacency graphOf(int n, const std::vector<std::pair<int, int>> &edges)
{
    Adjacency g(std::size_t(n), std::vector<bool>(std::size_t(n), false));
    for (auto [a, b] : edges)
        g[std::size_t(a)][std::size_t(b)] = g[std::size_t(b)][std::size_t(a)] = true;
    return g;
}

// Every maximal clique by enumerating all vertex subsets: slow, obviously right.
Cliques bruteForceMaximal(const Adjacency &g)
{
    const int n = int(g.size());
    auto isClique = [&](unsigned mask) {
        for (int i = 0; i < n; ++i)
            for (int j = i + 1; j < n; ++j)
                if ((mask >> i & 1u) && (mask >> j & 1u) && !g[std::size_t(i)][std::size_t(j)])
                    return false;
        return true;
    };
    Cliques out;
    for (unsigned mask = 1; mask < (1u << n); ++mask) {
        if (!isClique(mask))
            continue;
        bool maximal = true;
        for (int v = 0; v < n && maximal; ++v)
            if (!(mask >> v & 1u) && isClique(mask | (1u << v)))
                maximal = false;
        if (!maximal)
            continue;
        std::vector<int> c;
        for (int v = 0; v < n; ++v)
            if (mask >> v & 1u)
                c.push_back(v);
        out.push_back(c);
    }
    std::sort(out.begin(), out.end(), [](const auto &a, const auto &b) { return a.size() != b.size() ? a.size() > b.size() : a < b; });
    return out;
}

} // namespace

class TestCliqueFinder : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void craftedGraph()
    {
        // {0,1,2,3} complete; triangle {3,4,5}; pendant edge 5–6; isolated 7.
        const Adjacency g = graphOf(8, {{0, 1}, {0, 2}, {0, 3}, {1, 2}, {1, 3}, {2, 3}, {3, 4}, {3, 5}, {4, 5}, {5, 6}});
        const Cliques maximal = CliqueFinder::maximalCliques(g);
        QCOMPARE(maximal, Cliques({{0, 1, 2, 3}, {3, 4, 5}, {5, 6}, {7}}));
        QCOMPARE(CliqueFinder::maximumCliques(g), Cliques({{0, 1, 2, 3}}));
    }
    void tiesForTheMaximum()
    {
        // Two triangles sharing vertex 2, plus an edge.
        const Adjacency g = graphOf(6, {{0, 1}, {0, 2}, {1, 2}, {2, 3}, {2, 4}, {3, 4}, {4, 5}});
        QCOMPARE(CliqueFinder::maximumCliques(g), Cliques({{0, 1, 2}, {2, 3, 4}}));
    }
    void emptyAndEdgeless()
    {
        QVERIFY(CliqueFinder::maximalCliques({}).empty());
        QCOMPARE(CliqueFinder::maximumCliques(graphOf(3, {})), Cliques({{0}, {1}, {2}}));
    }
    void agreesWithBruteForce()
    {
        QRandomGenerator rng(20251118);
        for (int trial = 0; trial < 60; ++trial) {
            const int n = 3 + int(rng.bounded(9));
            const double density = 0.2 + 0.6 * rng.generateDouble();
            std::vector<std::pair<int, int>> edges;
            for (int i = 0; i < n; ++i)
                for (int j = i + 1; j < n; ++j)
                    if (rng.generateDouble() < density)
                        edges.push_back({i, j});
            const Adjacency g = graphOf(n, edges);
            QCOMPARE(CliqueFinder::maximalCliques(g), bruteForceMaximal(g));
        }
    }
    void mutualGraphsOfAMatrix()
    {
        // 0↔1 positive both ways; 0→2 positive but 2→0 negative (not mutual);
        // 1↔2 negative both ways; 2↔3 negative both ways; 1↔3 negative both ways.
        const SquareMatrix m = test::squareMatrix({{0.5, 0.3, 0.2, 0.0},
                                                   {0.1, 0.5, -0.2, -0.4},
                                                   {-0.1, -0.3, 0.5, -0.2},
                                                   {0.0, -0.1, -0.6, 0.5}});
        const Adjacency pos = mutualAdjacency(m, EdgeSign::Positive);
        QVERIFY(pos[0][1] && pos[1][0]);
        QVERIFY(!pos[0][2] && !pos[2][0]);
        QVERIFY(!pos[0][0]);
        QCOMPARE(CliqueFinder::maximumCliques(pos), Cliques({{0, 1}}));
        const Adjacency neg = mutualAdjacency(m, EdgeSign::Negative);
        QCOMPARE(CliqueFinder::maximumCliques(neg), Cliques({{1, 2, 3}}));
        // A margin removes weak links: |−0.1| (3→1) falls below 0.15.
        QCOMPARE(CliqueFinder::maximumCliques(mutualAdjacency(m, EdgeSign::Negative, 0.15)), Cliques({{1, 2}, {2, 3}}));
    }
    void pooledSignificance()
    {
        // Three tasks, every off-diagonal cell positive in all 4 runs → 6 × 4 = 24 pooled values,
        // all positive: exact one-sided Wilcoxon p = 2^−24.
        std::vector<SquareMatrix> runs;
        for (int r = 0; r < 4; ++r) {
            SquareMatrix m(3, 0.0);
            for (int i = 0; i < 3; ++i)
                for (int j = 0; j < 3; ++j)
                    m.at(i, j) = i == j ? 0.9 : 0.1 + 0.01 * (i * 3 + j) + 0.001 * r;
            runs.push_back(m);
        }
        const TransferMatrix tm = test::transferMatrix(runs);
        const auto cliques = findMaximumCliques(tm, EdgeSign::Positive);
        QCOMPARE(int(cliques.size()), 1);
        const TaskClique &c = cliques.front();
        QCOMPARE(c.members, std::vector<int>({0, 1, 2}));
        QCOMPARE(c.pooledValues, 24);
        QCOMPARE(c.test.n, 24);
        QVERIFY(c.test.exact);
        QVERIFY(std::fabs(c.test.pValue - std::pow(2.0, -24)) < 1e-15);
        QVERIFY(c.meanPgf > 0.1 && c.meanPgf < 0.2);
        QVERIFY(findMaximumCliques(tm, EdgeSign::Negative).empty());
        // One cell's 4 runs could at best give p = 2^−4; pooling a pair's two cells gives 8 values.
        const TaskClique pair = describeClique(tm, {0, 1}, EdgeSign::Positive);
        QCOMPARE(pair.pooledValues, 8);
        QVERIFY(std::fabs(pair.test.pValue - std::pow(2.0, -8)) < 1e-15);
    }
    void minimumSizeFilter()
    {
        // No mutual pairs at all: every maximum clique is a single task, which is not reported by default.
        const TransferMatrix tm = test::transferMatrix({test::squareMatrix({{0, 0.3}, {-0.2, 0}})});
        QVERIFY(findMaximumCliques(tm, EdgeSign::Positive).empty());
        CliqueOptions o;
        o.minimumSize = 1;
        QCOMPARE(int(findMaximumCliques(tm, EdgeSign::Positive, o).size()), 2);
    }
};

QTEST_MAIN(TestCliqueFinder)
#include "test_clique_finder.moc"

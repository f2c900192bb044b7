#include "analysis/clique_finder.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ts {

namespace {

using Set = std::vector<int>;

// Tomita's pivot: the vertex of P ∪ X with most neighbours in P, so that only P \ N(pivot) branches.
void bronKerbosch(const Adjacency &g, Set r, Set p, Set x, std::vector<Set> &out)
{
    if (p.empty() && x.empty()) {
        std::sort(r.begin(), r.end());
        out.push_back(r);
        return;
    }
    int pivot = -1;
    int best = -1;
    for (const Set *s : {&p, &x}) {
        for (int u : *s) {
            int c = 0;
            for (int v : p)
                c += g[std::size_t(u)][std::size_t(v)] ? 1 : 0;
            if (c > best) {
                best = c;
                pivot = u;
            }
        }
    }
    Set candidates;
    for (int v : p)
        if (!g[std::size_t(pivot)][std::size_t(v)])
            candidates.push_back(v);
    for (int v : candidates) {
        Set r2 = r, p2, x2;
        r2.push_back(v);
        for (int w : p)
            if (g[std::size_t(v)][std::size_t(w)])
                p2.push_back(w);
        for (int w : x)
            if (g[std::size_t(v)][std::size_t(w)])
                x2.push_back(w);
        bronKerbosch(g, r2, p2, x2, out);
        p.erase(std::find(p.begin(), p.end(), v));
        x.push_back(v);
    }
}

} // namespace

std::vector<std::vector<int>> CliqueFinder::maximalCliques(const Adjacency &graph)
{
    std::vector<Set> out;
    Set all;
    for (int i = 0; i < int(graph.size()); ++i)
        all.push_back(i);
    if (!all.empty())
        bronKerbosch(graph, {}, all, {}, out);
    std::sort(out.begin(), out.end(), [](const Set &a, const Set &b) {
        return a.size() != b.size() ? a.size() > b.size() : a < b;
    });
    return out;
}

std::vector<std::vector<int>> CliqueFinder::maximumCliques(const Adjacency &graph)
{
    auto all = maximalCliques(graph);
    if (all.empty())
        return all;
    const std::size_t largest = all.front().size();
    all.erase(std::remove_if(all.begin(), all.end(), [&](const Set &c) { return c.size() != largest; }), all.end());
    return all;
}

Adjacency mutualAdjacency(const SquareMatrix &meanPgf, EdgeSign sign, double margin)
{
    const int n = meanPgf.size();
    Adjacency g(std::size_t(n), std::vector<bool>(std::size_t(n), false));
    auto passes = [&](double v) {
        if (std::isnan(v))
            return false;
        if (sign == EdgeSign::Negative)
            return v < -margin;
        if (sign == EdgeSign::Positive)
            return v > margin;
        return std::fabs(v) > margin;
    };
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j)
            if (i != j) {
                const double a = meanPgf.at(i, j), b = meanPgf.at(j, i);
                bool ok = passes(a) && passes(b);
                if (sign == EdgeSign::All) // mutual in the same direction of effect
                    ok = ok && ((a > 0) == (b > 0));
                g[std::size_t(i)][std::size_t(j)] = ok;
            }
    return g;
}

TaskClique describeClique(const TransferMatrix &matrix, std::vector<int> members, EdgeSign sign)
{
    std::sort(members.begin(), members.end());
    TaskClique c;
    c.members = members;
    c.sign = sign;
    std::vector<double> pooled;
    double sum = 0;
    int pairs = 0;
    c.minAbsPgf = members.size() > 1 ? std::numeric_limits<double>::infinity() : 0.0;
    for (int i : members)
        for (int j : members) {
            if (i == j)
                continue;
            const double m = matrix.mean(i, j);
            if (!std::isnan(m)) {
                sum += m;
                ++pairs;
                c.minAbsPgf = std::min(c.minAbsPgf, std::fabs(m));
            }
            const auto runs = matrix.cellRuns(i, j);
            pooled.insert(pooled.end(), runs.begin(), runs.end());
        }
    c.meanPgf = pairs > 0 ? sum / pairs : 0.0;
    c.pooledValues = int(pooled.size());
    c.test = wilcoxonSignedRank(pooled, sign == EdgeSign::Negative ? Alternative::Less
                                        : sign == EdgeSign::Positive ? Alternative::Greater
                                                                     : Alternative::TwoSided);
    return c;
}

std::vector<TaskClique> findMaximumCliques(const TransferMatrix &matrix, EdgeSign sign, const CliqueOptions &options)
{
    std::vector<TaskClique> out;
    const auto cliques = CliqueFinder::maximumCliques(mutualAdjacency(matrix.meanMatrix(), sign, options.margin));
    for (const auto &members : cliques) {
        if (int(members.size()) < std::max(1, options.minimumSize))
            continue;
        out.push_back(describeClique(matrix, members, sign));
    }
    return out;
}

} // namespace ts

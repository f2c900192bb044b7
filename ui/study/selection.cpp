#include "ui/study/selection.h"

namespace ts::ui {

QStringList Selection::involvedTasks() const
{
    switch (m_kind) {
    case Kind::Task: return {m_source};
    case Kind::Edge: return {m_source, m_target};
    case Kind::Clique: return m_clique;
    case Kind::None: break;
    }
    return {};
}

void Selection::selectTask(const QString &task)
{
    if (task.isEmpty())
        clear();
    else
        set(Kind::Task, task, {}, {}, true);
}

void Selection::selectEdge(const QString &source, const QString &target)
{
    set(Kind::Edge, source, target, {}, true);
}

void Selection::selectClique(const QStringList &members, bool positive)
{
    set(members.isEmpty() ? Kind::None : Kind::Clique, {}, {}, members, positive);
}

void Selection::clear()
{
    set(Kind::None, {}, {}, {}, true);
}

void Selection::set(Kind kind, QString source, QString target, QStringList clique, bool positive)
{
    // Every panel redraws on changed(); a repeated click must not cascade into redraws.
    if (kind == m_kind && source == m_source && target == m_target && clique == m_clique
        && positive == m_cliquePositive)
        return;
    m_kind = kind;
    m_source = std::move(source);
    m_target = std::move(target);
    m_clique = std::move(clique);
    m_cliquePositive = positive;
    Q_EMIT changed();
}

} // namespace ts::ui

#include "ui/models/persona_table_model.h"

#include "ui/widgets/persona_colours.h"

#include <QBrush>
#include <cmath>

namespace ts::ui {

PersonaTableModel::PersonaTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void PersonaTableModel::setAnalysis(const ModelAnalysis *analysis)
{
    beginResetModel();
    m_analysis = analysis;
    endResetModel();
}

QString PersonaTableModel::personaSummary(int task) const
{
    QStringList parts;
    if (m_analysis)
        for (const PersonaEvidence &e : m_analysis->personas)
            if (e.task == task)
                parts << tr("%1 (rank %2, z %3)").arg(personaName(e.persona)).arg(e.rank).arg(e.z, 0, 'f', 2);
    return parts.join(QStringLiteral("; "));
}

int PersonaTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_analysis ? 0 : m_analysis->matrix.taskCount();
}

int PersonaTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PersonaTableModel::data(const QModelIndex &index, int role) const
{
    if (!m_analysis || !index.isValid())
        return {};
    const int t = index.row();
    const TaskScores &s = m_analysis->scores[std::size_t(t)];
    const bool haveSpread = std::size_t(t) < m_analysis->scoreSpread.size();
    const TaskScoreSpread sp = haveSpread ? m_analysis->scoreSpread[std::size_t(t)] : TaskScoreSpread();
    auto withSpread = [&](double v, double spread) {
        QString text = QString::number(v, 'f', 3).replace(QLatin1Char('-'), QChar(0x2212));
        if (haveSpread && std::isfinite(spread))
            text += QStringLiteral(" ± %1").arg(spread, 0, 'f', 3);
        return text;
    };
    if (role == TaskNameRole)
        return m_analysis->matrix.tasks().at(t);
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case TaskColumn: return m_analysis->matrix.tasks().at(t);
        case DeltaPlusColumn: return withSpread(s.deltaPlus, sp.deltaPlus);
        case DeltaMinusColumn: return withSpread(s.deltaMinus, sp.deltaMinus);
        case ThetaPlusColumn: return withSpread(s.thetaPlus, sp.thetaPlus);
        case ThetaMinusColumn: return withSpread(s.thetaMinus, sp.thetaMinus);
        case PersonasColumn: return personaSummary(t);
        default: break;
        }
    }
    if (role == Qt::EditRole) {
        switch (index.column()) {
        case TaskColumn: return m_analysis->matrix.tasks().at(t);
        case DeltaPlusColumn: return s.deltaPlus;
        case DeltaMinusColumn: return s.deltaMinus;
        case ThetaPlusColumn: return s.thetaPlus;
        case ThetaMinusColumn: return s.thetaMinus;
        case PersonasColumn: return personaSummary(t);
        default: break;
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (index.column()) {
        case DeltaPlusColumn: return tr("Δ⁺: helps %1 of %2 targets (mean ± std over runs)").arg(s.positiveOut).arg(s.considered);
        case DeltaMinusColumn: return tr("Δ⁻: hurts %1 of %2 targets").arg(s.negativeOut).arg(s.considered);
        case ThetaPlusColumn: return tr("Θ⁺: helped by %1 of %2 sources").arg(s.positiveIn).arg(s.considered);
        case ThetaMinusColumn: return tr("Θ⁻: hurt by %1 of %2 sources").arg(s.negativeIn).arg(s.considered);
        default: break;
        }
    }
    if (role == Qt::ForegroundRole && index.column() == PersonasColumn) {
        for (const PersonaEvidence &e : m_analysis->personas)
            if (e.task == t)
                return QBrush(personaColour(e.persona).darker(110));
    }
    return {};
}

QVariant PersonaTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TaskColumn: return tr("Task");
    case DeltaPlusColumn: return tr("Δ⁺");
    case DeltaMinusColumn: return tr("Δ⁻");
    case ThetaPlusColumn: return tr("Θ⁺");
    case ThetaMinusColumn: return tr("Θ⁻");
    case PersonasColumn: return tr("Personas");
    default: break;
    }
    return {};
}

} // namespace ts::ui

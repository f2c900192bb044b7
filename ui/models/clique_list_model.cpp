#include "ui/models/clique_list_model.h"

#include <QBrush>
#include <QFont>
#include <cmath>

namespace ts::ui {

CliqueListModel::CliqueListModel(QObject *parent) : QAbstractTableModel(parent) {}

void CliqueListModel::setAnalysis(const ModelAnalysis *analysis)
{
    beginResetModel();
    m_analysis = analysis;
    m_rows.clear();
    if (analysis) {
        for (const TaskClique &c : analysis->positiveCliques)
            m_rows.push_back(&c);
        for (const TaskClique &c : analysis->negativeCliques)
            m_rows.push_back(&c);
    }
    endResetModel();
}

const TaskClique *CliqueListModel::clique(int row) const
{
    return row >= 0 && row < int(m_rows.size()) ? m_rows[std::size_t(row)] : nullptr;
}

QStringList CliqueListModel::memberNames(int row) const
{
    QStringList names;
    if (const TaskClique *c = clique(row))
        for (int m : c->members)
            names << m_analysis->matrix.tasks().at(m);
    return names;
}

int CliqueListModel::rowOf(const QStringList &members, bool positive) const
{
    for (int r = 0; r < rowCount(); ++r)
        if ((clique(r)->sign == EdgeSign::Positive) == positive && memberNames(r) == members)
            return r;
    return -1;
}

int CliqueListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CliqueListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CliqueListModel::data(const QModelIndex &index, int role) const
{
    const TaskClique *c = clique(index.row());
    if (!c)
        return {};
    const bool positive = c->sign == EdgeSign::Positive;
    if (role == MemberNamesRole)
        return memberNames(index.row());
    if (role == PositiveRole)
        return positive;
    const bool display = role == Qt::DisplayRole;
    if (display || role == Qt::EditRole) {
        switch (index.column()) {
        case SignColumn: return positive ? tr("positive") : tr("negative");
        case SizeColumn: return int(c->members.size());
        case MembersColumn: {
            QStringList abbr;
            for (int m : c->members)
                abbr << m_analysis->matrix.abbreviations().at(m);
            return abbr.join(QStringLiteral(", "));
        }
        case MeanColumn: return display ? QVariant(QString::number(c->meanPgf, 'f', 3)) : QVariant(c->meanPgf);
        case WeakestColumn: return display ? QVariant(QString::number(c->minAbsPgf, 'f', 3)) : QVariant(c->minAbsPgf);
        case PooledColumn: return c->pooledValues;
        case PValueColumn:
            if (!display)
                return c->test.pValue;
            return c->test.pValue < 1e-4 ? QStringLiteral("%1").arg(c->test.pValue, 0, 'e', 1)
                                         : QString::number(c->test.pValue, 'f', 4);
        default: break;
        }
    }
    if (role == Qt::ToolTipRole) {
        QStringList names = memberNames(index.row());
        return tr("<b>%1 clique of %2 tasks</b><br>%3<br>mean PGF inside %4, weakest |PGF| %5<br>"
                  "one-sided Wilcoxon signed-rank over %6 pooled run values: p = %7%8")
            .arg(positive ? tr("Positive (mutualistic)") : tr("Negative (antagonistic)"))
            .arg(c->members.size())
            .arg(names.join(QStringLiteral(", ")).toHtmlEscaped())
            .arg(c->meanPgf, 0, 'f', 3)
            .arg(c->minAbsPgf, 0, 'f', 3)
            .arg(c->pooledValues)
            .arg(c->test.pValue, 0, 'g', 3)
            .arg(c->test.exact ? tr(" (exact)") : tr(" (normal approximation)"));
    }
    if (role == Qt::ForegroundRole && index.column() == SignColumn)
        return QBrush(positive ? QColor(0xb2182b) : QColor(0x2166ac));
    if (role == Qt::FontRole && index.column() == PValueColumn && c->test.pValue < 0.05) {
        QFont f;
        f.setBold(true);
        return f;
    }
    return {};
}

QVariant CliqueListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SignColumn: return tr("Sign");
    case SizeColumn: return tr("Size");
    case MembersColumn: return tr("Tasks");
    case MeanColumn: return tr("Mean PGF");
    case WeakestColumn: return tr("Weakest |PGF|");
    case PooledColumn: return tr("Pooled n");
    case PValueColumn: return tr("Wilcoxon p");
    default: break;
    }
    return {};
}

} // namespace ts::ui
